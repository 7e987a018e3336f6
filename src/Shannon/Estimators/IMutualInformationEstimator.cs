namespace Shannon.Estimators;

/// <summary>Estimates the mutual information I(X;Y) between two variables (each discrete, continuous, or multivariate) from paired samples.</summary>
public interface IMutualInformationEstimator : IEstimator
{
    /// <summary>Estimates I(X;Y).</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired row by row with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="logBase"/>, clipped at 0 with the raw value kept, and N.</returns>
    /// <exception cref="ArgumentException">The variables have different numbers of rows, the estimator cannot take their kinds, or too few samples.</exception>
    Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default);
}
