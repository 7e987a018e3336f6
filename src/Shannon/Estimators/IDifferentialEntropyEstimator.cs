namespace Shannon.Estimators;

/// <summary>Estimates the differential entropy h(X) = −∫ f ln f of a continuous variable from its samples.</summary>
public interface IDifferentialEntropyEstimator : IEntropyEstimator
{
    /// <summary>Estimates h(X) from samples given as a row-major table.</summary>
    /// <param name="x">The samples, n rows × <paramref name="dimension"/>, row-major; finite.</param>
    /// <param name="dimension">d, the number of columns.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ(X) in the unit of <paramref name="logBase"/> (any sign), with N.</returns>
    /// <exception cref="ArgumentException">Empty input, a length not a multiple of d, a non-finite entry, a dimension the estimator does not support, or too few samples.</exception>
    Estimate DifferentialEntropy(ReadOnlySpan<double> x, int dimension, LogBase logBase = default);
}
