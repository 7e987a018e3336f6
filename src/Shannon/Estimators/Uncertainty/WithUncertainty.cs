using Shannon.Estimators.Discrete;

namespace Shannon.Estimators.Uncertainty;

/// <summary>
/// Estimates with their uncertainty by the one policy: every command, the report and feature selection call these,
/// so the same pair, options and seed give the same interval and p-value everywhere.
/// </summary>
/// <remarks>
/// <para>Intervals come from <see cref="HalfSampling"/> (valid for the k-NN and spacing estimators: no row is ever repeated),
/// p-values from <see cref="PermutationTest"/> (the second variable's rows shuffled, +1 correction).</para>
/// <para>The plug-in (<see cref="PlugIn"/>, chosen directly or as the automatic rule's discrete estimator) is biased by
/// more than its spread on sparse tables, so its interval is not the estimate ± z·SE but the bias-aware one of the
/// calibration error (Armstrong &amp; Kolesár 2020, doi:10.3982/QE1199): with the half-sampling SE and the range
/// [−β₋, β] of the plug-in's bias, [Î − β − k·SE, Î + β₋ + k·SE] with k solving
/// Φ(k + (β + β₋)/SE) − Φ(−k) = level, clipped at 0 below. It contains its estimate. The bias is Miller's (1955)
/// −(K − 1)/(2n) for each entropy with K the outcomes of positive probability, so for I(X;Y) it is
/// (K_xy − K_x − K_y + 1)/(2n) (Panzeri &amp; Treves 1996); over every joint support the observed margins allow
/// (max(K_x, K_y) ≤ K_xy ≤ K_x·K_y) that lies in [−(min(K_x, K_y) − 1)/(2n), (K_x − 1)(K_y − 1)/(2n)], the range used
/// (upward under independence, downward for a near-bijection); I(X;Y|Z) with a discrete Z adds the range of each value
/// of Z (K_z times), and H(X)'s is [−(K − 1)/(2n), 0]: the interval extends upward. The first-order term is exact for
/// the leading order of every law with these supports, but it undercounts where the realised table has many counts
/// of 1 or 2 (Grassberger's correction of a count of 1 is about 1.27/n, Miller's 1/(2n)), so each end of the range is
/// widened to the gap between the plug-in and Grassberger's (2003) estimate of the same quantity where that gap is
/// larger (a positive gap widens the upward bias, a negative one the downward). Why not the gap alone: it is an
/// estimate, noisy exactly where the bias matters, while the range from the margins is a bound on the leading term
/// that does not depend on the sample's luck. The interval given is the smallest holding both this one and the
/// half-sampling interval every count-based estimate gets (the half-samples' own bias estimate, <see cref="HalfSampling"/>),
/// since each covers where the other fails: the range alone covered 2 % of trials for independent Zipf labels (1000 × 2,
/// n = 5000) and 9 % for H(X) over 1000 Zipf labels at n = 500, the half-samples alone 72–73 % on near-deterministic
/// channels (15 × 15 at n = 1000, 15 × 2 at n = 100, ε = 0.05); together (bench/simulations/MiCoverage.cs, 100 trials
/// per cell) 90–100 % in 93 of 97 light-tail cells (range alone 91, half-samples alone 86), 96–100 % in all 30 heavy-tail
/// cells (range alone 22), 93–100 % for H(X) and 91–100 % for I(X;Y|Z) in every cell, 3.5–17 % wider (median) than the
/// range alone. Below 2 rows per cell no interval is given, and a discrete estimate says so
/// (<see cref="Estimate.IntervalWithheld"/>) whether or not an interval was asked for, since the reason, a bias of the
/// order of the spread, is also a warning about the point estimate (<see cref="HalfSampling.TooSparse"/>).
/// References: Miller, G. A.
/// (1955), Note on the bias of information estimates, in Information Theory in Psychology, 95–100; Panzeri, S. &amp;
/// Treves, A. (1996), Analytical estimates of limited sampling biases in different information measures, Network 7(1),
/// 87–107, doi:10.1080/0954898X.1996.11978656; Grassberger, P. (2003), Entropy estimates from insufficient samplings,
/// doi:10.48550/arXiv.physics/0307138.</para>
/// </remarks>
public static class WithUncertainty
{
    /// <summary>Estimates I(X;Y) with the interval and p-value <paramref name="options"/> ask for.</summary>
    /// <param name="estimator">The estimator (e.g. <see cref="Automatic"/>).</param>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="options">Interval level, replicates, permutations and seed.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>The estimate, with StandardError and ConfidenceInterval when a level is set (for a discrete estimator the
    /// bias-aware half-sampling interval of <see cref="HalfSampling"/>; for the plug-in it and the interval
    /// [Î − β − k·SE, Î + β₋ + k·SE] with β ≥ (K_x − 1)(K_y − 1)/(2n) and β₋ ≥ (min(K_x, K_y) − 1)/(2n) together, see the
    /// class remarks; none below 2 rows per cell of a discrete table) and PValue when permutations are; a discrete estimate
    /// that sparse carries <see cref="Estimate.IntervalWithheld"/> whether or not an interval was asked for.</returns>
    /// <exception cref="ArgumentException">As the estimator throws, on the whole sample or on a half-sample.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    public static Estimate MutualInformation(IMutualInformationEstimator estimator, Variable x, Variable y, UncertaintyOptions options, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var estimate = estimator.MutualInformation(x, y, logBase);
        var used = estimator is Automatic automatic ? automatic.For(x, y) : estimator;
        if (TooSparse(used, estimate.N, x, y) is { } reason)
        {
            estimate = estimate with { IntervalWithheld = reason };
        }
        else if (options.Level is double level)
        {
            estimate = HalfSampling.Interval(estimate, x.Rows, rows => estimator.MutualInformation(x.Subset(rows), y.Subset(rows), logBase).RawValue, options.Replicates, level, options.Seed, used is DiscreteEntropyEstimator);
            if (used is PlugIn)
            {
                // First-order bias (K_xy − K_x − K_y + 1)/(2n) over every joint support the margins allow.
                double n2 = 2.0 * estimate.N;
                double gap = estimate.Unit.ToNats(estimate.RawValue) - new Grassberger().MutualInformation(x, y).RawValue;
                estimate = PlugInBiasAware(estimate, (x.Categories - 1.0) * (y.Categories - 1.0) / n2, (Math.Min(x.Categories, y.Categories) - 1.0) / n2, gap, level);
            }
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
    /// <returns>The estimate, with StandardError and ConfidenceInterval when a level is set (for the plug-in the bias-aware
    /// interval with K_z times the pair's bias range, held together with the half-sampling one, see the class remarks).</returns>
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
        if (TooSparse(used, estimate.N, x, y, z) is { } reason)
        {
            return estimate with { IntervalWithheld = reason };
        }

        if (options.Level is not double level)
        {
            return estimate;
        }

        estimate = HalfSampling.Interval(estimate, x.Rows, rows => estimator.ConditionalMutualInformation(x.Subset(rows), y.Subset(rows), z.Subset(rows), logBase).RawValue, options.Replicates, level, options.Seed, used is DiscreteEntropyEstimator);
        if (used is PlugIn)
        {
            // Σ_z p(z) I_z: each value of Z adds its first-order bias range over 2n.
            double n2 = 2.0 * estimate.N;
            double gap = estimate.Unit.ToNats(estimate.RawValue) - new Grassberger().ConditionalMutualInformation(x, y, z).RawValue;
            estimate = PlugInBiasAware(estimate, z.Categories * (x.Categories - 1.0) * (y.Categories - 1.0) / n2, z.Categories * (Math.Min(x.Categories, y.Categories) - 1.0) / n2, gap, level);
        }

        return estimate;
    }

    /// <summary>Estimates H(X) (or the differential entropy) with the interval <paramref name="options"/> asks for.</summary>
    /// <param name="estimator">The estimator.</param>
    /// <param name="x">The samples.</param>
    /// <param name="options">Interval level, replicates and seed; permutations must be 0.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>The estimate, with StandardError and ConfidenceInterval when a level is set (for the plug-in
    /// [Ĥ − k·SE, Ĥ + β₋ + k·SE] with β₋ ≥ (K − 1)/(2n), extended upward by its downward bias, held together with the half-sampling one, see the class remarks).</returns>
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
        if (TooSparse(used, estimate.N, x) is { } reason)
        {
            return estimate with { IntervalWithheld = reason };
        }

        if (options.Level is not double level)
        {
            return estimate;
        }

        estimate = HalfSampling.Interval(estimate, x.Rows, rows => estimator.Entropy(x.Subset(rows), logBase).RawValue, options.Replicates, level, options.Seed, used is DiscreteEntropyEstimator);
        // The plug-in entropy is biased downward, to first order by (K − 1)/(2n) (Miller 1955).
        return used is PlugIn
            ? PlugInBiasAware(estimate, 0.0, (x.Categories - 1.0) / (2.0 * estimate.N), estimate.Unit.ToNats(estimate.RawValue) - new Grassberger().Entropy(x).RawValue, level)
            : estimate;
    }

    /// <summary>Estimates H(X) from the counts of its values, marked as the sample form marks a discrete estimate whose counts are too sparse.</summary>
    /// <param name="estimator">The discrete estimator.</param>
    /// <param name="counts">Occurrences of each value; non-negative with a positive total.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>The estimate, with <see cref="Estimate.IntervalWithheld"/> when the total is below 2 per observed value
    /// (<see cref="HalfSampling.TooSparse"/>). Counts carry no rows to resample, so no interval is ever attached.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, has a negative entry, or sums to 0.</exception>
    public static Estimate Entropy(DiscreteEntropyEstimator estimator, ReadOnlySpan<long> counts, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var estimate = estimator.Entropy(counts, logBase);
        return Sparse(estimate, estimate.N, Observed(counts));
    }

    /// <summary>Estimates I(X;Y) from a contingency table of counts, marked as the sample form marks a discrete estimate whose counts are too sparse.</summary>
    /// <param name="estimator">The discrete estimator.</param>
    /// <param name="table">The counts of (x, y) pairs.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>The estimate, with <see cref="Estimate.IntervalWithheld"/> when the total is below 2 per cell of the
    /// observed X values × the observed Y values (<see cref="HalfSampling.TooSparse"/>); no interval is attached.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/> or <paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The table's total is 0.</exception>
    public static Estimate MutualInformation(DiscreteEntropyEstimator estimator, Measures.ContingencyTable table, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var estimate = estimator.MutualInformation(table, logBase);
        return Sparse(estimate, estimate.N, Observed(table.RowSums), Observed(table.ColumnSums));
    }

    /// <summary>
    /// The one withholding rule of an estimate from samples, for every command and the dynamics: why the estimate of
    /// <paramref name="used"/> (the estimator that ran, the automatic rule resolved) on <paramref name="rows"/> rows of
    /// <paramref name="variables"/> has no trustworthy interval, or null: only discrete estimators are judged, by the
    /// cells of the product of the variables' observed values (<see cref="HalfSampling.TooSparse"/>).
    /// </summary>
    internal static string? TooSparse(IEstimator used, long rows, params ReadOnlySpan<Variable> variables)
    {
        if (used is not DiscreteEntropyEstimator)
        {
            return null;
        }

        Span<int> categories = variables.Length <= 16 ? stackalloc int[variables.Length] : new int[variables.Length];
        for (int i = 0; i < variables.Length; i++)
        {
            categories[i] = variables[i].Categories;
        }

        return HalfSampling.TooSparse(rows, categories);
    }

    private static int Observed(ReadOnlySpan<long> counts)
    {
        int observed = 0;
        foreach (long count in counts)
        {
            observed += count > 0 ? 1 : 0;
        }

        return observed;
    }

    private static Estimate Sparse(Estimate estimate, long rows, params ReadOnlySpan<int> categories) =>
        HalfSampling.TooSparse(rows, categories) is { } reason ? estimate with { IntervalWithheld = reason } : estimate;

    /// <summary>
    /// The plug-in's interval: the smallest holding both the half-sampling one of <paramref name="estimate"/> (with the
    /// half-samples' bias estimate) and the bias-aware one (<see cref="BiasAwareInterval"/>) for the half-sampling
    /// standard error and the bias range [−β₋, β] (nats): the first-order range, widened to the gap
    /// <paramref name="gapNats"/> = plug-in − Grassberger where that is larger (upward when positive, downward when negative).
    /// </summary>
    private static Estimate PlugInBiasAware(Estimate estimate, double upwardNats, double downwardNats, double gapNats, double level)
    {
        double se = estimate.StandardError ?? 0.0;
        double up = Math.Max(upwardNats, gapNats), down = Math.Max(downwardNats, -gapNats);
        var range = BiasAwareInterval.Of(estimate.Value, se, estimate.Unit.FromNats(up), level, estimate.Unit.FromNats(down), estimate.IsNonNegative);
        var half = estimate.ConfidenceInterval!.Value;
        return estimate with { ConfidenceInterval = new ConfidenceInterval(Math.Min(range.Low, half.Low), Math.Max(range.High, half.High), level) };
    }
}
