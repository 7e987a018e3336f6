using Shannon.Estimators.Discrete;

namespace Shannon.Estimators.Uncertainty;

/// <summary>
/// Estimates with their uncertainty by the one policy: every command, the report and feature selection call these,
/// so the same pair, options and seed give the same interval and p-value everywhere.
/// </summary>
/// <remarks>
/// Intervals come from <see cref="HalfSampling"/> (valid for the k-NN and spacing estimators: no row is ever repeated),
/// p-values from <see cref="PermutationTest"/> (the second variable's rows shuffled, +1 correction).
/// </remarks>
public static class WithUncertainty
{
    /// <summary>Estimates I(X;Y) with the interval and p-value <paramref name="options"/> ask for.</summary>
    /// <param name="estimator">The estimator (e.g. <see cref="Automatic"/>).</param>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="options">Interval level, replicates, permutations and seed.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>The estimate, with StandardError and ConfidenceInterval when a level is set and PValue when permutations are.</returns>
    /// <exception cref="ArgumentException">As the estimator throws, on the whole sample or on a half-sample.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    public static Estimate MutualInformation(IMutualInformationEstimator estimator, Variable x, Variable y, UncertaintyOptions options, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var estimate = estimator.MutualInformation(x, y, logBase);
        if (options.Level is double level)
        {
            var used = estimator is Automatic automatic ? automatic.For(x, y) : estimator;
            estimate = used is DiscreteEntropyEstimator && HalfSampling.TooSparse(estimate.N, x.Categories, y.Categories) is { } reason
                ? estimate with { IntervalWithheld = reason }
                : HalfSampling.Interval(estimate, x.Rows, rows => estimator.MutualInformation(x.Subset(rows), y.Subset(rows), logBase).RawValue, options.Replicates, level, options.Seed);
        }

        if (options.Permutations > 0)
        {
            estimate = PermutationTest.PValue(estimate, x.Rows, order => estimator.MutualInformation(x, y.Subset(order), logBase).RawValue, options.Permutations, options.Seed);
        }

        return estimate;
    }

    /// <summary>Estimates I(X;Y|Z) with the interval <paramref name="options"/> asks for.</summary>
    /// <param name="estimator">The estimator.</param>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="z">Samples of the conditioning variable.</param>
    /// <param name="options">Interval level, replicates and seed; permutations must be 0.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>The estimate, with StandardError and ConfidenceInterval when a level is set.</returns>
    /// <exception cref="ArgumentException">Permutations were asked for (a test of conditional independence needs a local permutation scheme, which is not offered), or as the estimator throws.</exception>
    public static Estimate ConditionalMutualInformation(IConditionalMutualInformationEstimator estimator, Variable x, Variable y, Variable z, UncertaintyOptions options, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Permutations > 0)
        {
            throw new ArgumentException("a permutation p-value tests independence of X and Y; given Z it would need a local (conditional) permutation scheme, which is not offered.", nameof(options));
        }

        var estimate = estimator.ConditionalMutualInformation(x, y, z, logBase);
        var used = estimator is Automatic automatic ? automatic.For(x, y, z) : estimator;
        if (options.Level is not null && used is DiscreteEntropyEstimator && HalfSampling.TooSparse(estimate.N, x.Categories, y.Categories, z.Categories) is { } reason)
        {
            return estimate with { IntervalWithheld = reason };
        }

        return options.Level is double level
            ? HalfSampling.Interval(estimate, x.Rows, rows => estimator.ConditionalMutualInformation(x.Subset(rows), y.Subset(rows), z.Subset(rows), logBase).RawValue, options.Replicates, level, options.Seed)
            : estimate;
    }

    /// <summary>Estimates H(X) (or the differential entropy) with the interval <paramref name="options"/> asks for.</summary>
    /// <param name="estimator">The estimator.</param>
    /// <param name="x">The samples.</param>
    /// <param name="options">Interval level, replicates and seed; permutations must be 0.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>The estimate, with StandardError and ConfidenceInterval when a level is set.</returns>
    /// <exception cref="ArgumentException">Permutations were asked for (there is no pairing to permute), or as the estimator throws.</exception>
    public static Estimate Entropy(IEntropyEstimator estimator, Variable x, UncertaintyOptions options, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Permutations > 0)
        {
            throw new ArgumentException("a permutation p-value tests independence of two variables; an entropy has none to permute.", nameof(options));
        }

        var estimate = estimator.Entropy(x, logBase);
        var used = estimator is Automatic automatic ? automatic.For(x) : estimator;
        if (options.Level is not null && used is DiscreteEntropyEstimator && HalfSampling.TooSparse(estimate.N, x.Categories) is { } reason)
        {
            return estimate with { IntervalWithheld = reason };
        }

        return options.Level is double level
            ? HalfSampling.Interval(estimate, x.Rows, rows => estimator.Entropy(x.Subset(rows), logBase).RawValue, options.Replicates, level, options.Seed)
            : estimate;
    }
}
