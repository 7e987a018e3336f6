namespace Shannon.Estimators;

/// <summary>Estimates the entropy of a variable from its samples: Shannon entropy of a discrete one, differential entropy of a continuous one.</summary>
public interface IEntropyEstimator : IEstimator
{
    /// <summary>Estimates the entropy of <paramref name="x"/>.</summary>
    /// <param name="x">The samples.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ĥ(X) in the unit of <paramref name="logBase"/>, with the sample size.</returns>
    /// <exception cref="ArgumentException">The estimator cannot take this kind of variable, or too few samples.</exception>
    Estimate Entropy(Variable x, LogBase logBase = default);
}
