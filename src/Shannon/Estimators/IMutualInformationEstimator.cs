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
    /// <remarks>
    /// A pair with a constant side (<see cref="Variable.IsConstant"/>) has I = 0 exactly, from every estimator and before
    /// any sample-size check: a point mass shares no information (Cover &amp; Thomas 2006, §2.4, doi:10.1002/047174882X).
    /// Half-sample intervals of such a pair are [0, 0] and permutation p-values 1.
    /// </remarks>
    Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default);
}
