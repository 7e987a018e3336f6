namespace Shannon.Estimators;

/// <summary>
/// The result of every estimator in Shannon: the value in a stated unit, the sample size, and, where the
/// caller asked for them, a standard error, a confidence interval and a p-value against independence.
/// </summary>
/// <param name="Value">
/// The estimate in <paramref name="Unit"/>. For quantities that are ≥ 0 in theory (mutual information,
/// conditional mutual information, divergence) this is <c>max(0, RawValue)</c>, as scikit-learn reports it.
/// </param>
/// <param name="RawValue">The estimate before clipping; can be slightly negative for k-NN and bias-corrected estimators.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>, <paramref name="RawValue"/>, the standard error and the interval.</param>
/// <param name="N">The number of samples (or the total count) the estimate used.</param>
/// <param name="SupportSize">For discrete estimates, the number of distinct outcomes observed (cells with a nonzero count); null otherwise.</param>
/// <param name="StandardError">A jackknife or bootstrap standard error, in <paramref name="Unit"/>; null unless requested.</param>
/// <param name="ConfidenceInterval">A confidence interval for the value; null unless requested.</param>
/// <param name="PValue">A p-value against the null hypothesis of independence (permutation or G-test); null unless requested.</param>
/// <remarks>
/// Estimators compute in nats and convert once, at the end. Use <c>with</c> to attach uncertainty computed separately,
/// e.g. <c>estimate with { StandardError = se }</c>.
/// </remarks>
public sealed record Estimate(
    double Value,
    double RawValue,
    LogBase Unit,
    long N,
    long? SupportSize = null,
    double? StandardError = null,
    ConfidenceInterval? ConfidenceInterval = null,
    double? PValue = null)
{
    /// <summary>An estimate of a quantity that can take any sign (e.g. differential entropy): no clipping.</summary>
    /// <param name="nats">The estimate in nats.</param>
    /// <param name="logBase">The unit to report it in.</param>
    /// <param name="n">The sample size.</param>
    /// <param name="supportSize">The observed support size, for discrete estimates.</param>
    /// <returns>An estimate whose <see cref="Value"/> equals its <see cref="RawValue"/>.</returns>
    public static Estimate Signed(double nats, LogBase logBase, long n, long? supportSize = null)
    {
        double value = logBase.FromNats(nats);
        return new Estimate(value, value, logBase, n, supportSize);
    }

    /// <summary>An estimate of a quantity that is ≥ 0 in theory (MI, CMI, KL, discrete entropy): the value is clipped at 0, the raw value kept.</summary>
    /// <param name="nats">The raw estimate in nats.</param>
    /// <param name="logBase">The unit to report it in.</param>
    /// <param name="n">The sample size.</param>
    /// <param name="supportSize">The observed support size, for discrete estimates.</param>
    /// <returns>An estimate with <see cref="Value"/> = max(0, <see cref="RawValue"/>).</returns>
    public static Estimate NonNegative(double nats, LogBase logBase, long n, long? supportSize = null)
    {
        double raw = logBase.FromNats(nats);
        return new Estimate(Math.Max(0.0, raw), raw, logBase, n, supportSize) { IsNonNegative = true };
    }

    /// <summary>Is the quantity ≥ 0 in theory (set by <see cref="NonNegative"/>)? Its interval is then clipped at 0 from below.</summary>
    public bool IsNonNegative { get; init; }

    /// <summary>
    /// Why no interval can be given (null otherwise): the counts of a discrete estimate are too sparse for any interval to
    /// cover at its level (<see cref="Uncertainty.HalfSampling.TooSparse"/>). Set by <see cref="Uncertainty.WithUncertainty"/>
    /// whether or not an interval was asked for, because its reason, a bias of the order of the estimate's spread, is a
    /// warning about the point estimate too (Grassberger's I(X;Y) of two rows with distinct values is 1.96 nats, above the
    /// ln 2 that two rows can carry). A p-value stays valid.
    /// </summary>
    public string? IntervalWithheld { get; init; }
}

/// <summary>A two-sided confidence interval [Low, High] at a confidence level such as 0.95.</summary>
/// <param name="Low">The lower end, in the estimate's unit.</param>
/// <param name="High">The upper end, in the estimate's unit.</param>
/// <param name="Level">The confidence level in (0, 1), e.g. 0.95.</param>
public readonly record struct ConfidenceInterval(double Low, double High, double Level);
