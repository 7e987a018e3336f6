namespace Shannon.Estimators;

/// <summary>Estimates the conditional mutual information I(X;Y|Z) from paired samples of three variables.</summary>
public interface IConditionalMutualInformationEstimator : IEstimator
{
    /// <summary>Estimates I(X;Y|Z).</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="z">Samples of the conditioning variable Z, paired with both.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z) in the unit of <paramref name="logBase"/>, clipped at 0 with the raw value kept, and N.</returns>
    /// <exception cref="ArgumentException">The variables have different numbers of rows, the estimator cannot take their kinds, or too few samples.</exception>
    /// <remarks>A constant X or Y (<see cref="Variable.IsConstant"/>) gives I(X;Y|Z) = 0 exactly, from every estimator: H(X|Z) = 0 bounds it.</remarks>
    Estimate ConditionalMutualInformation(Variable x, Variable y, Variable z, LogBase logBase = default);
}
