using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Dynamics;

/// <summary>
/// Transfer entropy TE_{X→Y} = I(Y_t ; X_{t−d}, …, X_{t−d−l+1} | Y_{t−1}, …, Y_{t−k}) and its conditional form, estimated
/// by embedding the series and handing the blocks to a conditional mutual information estimator.
/// </summary>
/// <remarks>
/// <para>Samples are the times t at which every lag exists within one trial, pooled over trials (<see cref="Trials"/>).
/// The estimator decides the method: <see cref="Estimators.Discrete.PlugIn"/> on discrete series (the definition on the
/// empirical distribution), <see cref="Estimators.Continuous.Gaussian"/> (log-determinants of the embedded vectors'
/// sample covariance; for Gaussian processes TE is half the Granger causality, Barnett, Barrett &amp; Seth 2009,
/// doi:10.1103/PhysRevLett.103.238701), <see cref="Estimators.Continuous.FrenzelPompe"/> (KSG-style k-NN), or
/// <see cref="Automatic"/>.</para>
/// <para>Surrogate p-values move the source's past blocks while the target's present and past stay paired, through the
/// one permutation loop (<see cref="PermutationTest"/>), with the +1 correction: p = (1 + #{b : TE_b ≥ TE}) / (1 + B).
/// <see cref="TransferEntropyOptions.Surrogates"/> chooses how (<see cref="SurrogateScheme"/>): with one trial the blocks
/// are shuffled across all samples (JIDT's surrogate); with several, by default whole trials of the source are swapped
/// (a random derangement, keeping each trial's internal structure, as IDTxl does) when the trials give equal sample
/// counts and there are at least B derangements, and the blocks are shuffled within each trial otherwise.</para>
/// <para>References: Schreiber, T. (2000), Measuring information transfer, Physical Review Letters 85(2), 461–464,
/// doi:10.1103/PhysRevLett.85.461; Lizier, J. T., Prokopenko, M. &amp; Zomaya, A. Y. (2008), Local information transfer as a
/// spatiotemporal filter for complex systems, Physical Review E 77, 026110, doi:10.1103/PhysRevE.77.026110 (conditional
/// and local TE).</para>
/// </remarks>
public static class TransferEntropy
{
    /// <summary>Estimates TE_{X→Y}.</summary>
    /// <param name="estimator">The conditional mutual information estimator.</param>
    /// <param name="source">The source series X, one row per time step.</param>
    /// <param name="target">The target series Y, paired in time with X.</param>
    /// <param name="options">History lengths, delay and trials; k = l = d = 1 and one trial when null.</param>
    /// <param name="uncertainty">Permutations (surrogate p-value) and an interval level (half-samples of the embedded samples); none when null.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>TE in the unit of <paramref name="logBase"/>, clipped at 0 (raw value kept), N = the number of embedded samples, and the p-value when asked; a discrete estimate on fewer than 2 samples per cell of Y_t × the source's past × the condition carries <see cref="Estimate.IntervalWithheld"/> (and no interval), the rule of <see cref="WithUncertainty"/>.</returns>
    /// <exception cref="ArgumentException">Series of different lengths, a constant series, lags leaving fewer than 2 samples, trials that do not cover the rows, surrogates that swap trials with trials that cannot be swapped, or as the estimator throws (too few samples for k, labels given to a numeric estimator).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history or delay below 1, or invalid uncertainty options.</exception>
    public static Estimate Of(
        IConditionalMutualInformationEstimator estimator, Variable source, Variable target, TransferEntropyOptions? options = null,
        UncertaintyOptions? uncertainty = null, LogBase logBase = default) =>
        Conditional(estimator, source, target, [], options, uncertainty, logBase);

    /// <summary>Estimates the conditional transfer entropy TE_{X→Y|Z} = I(Y_t ; X-past | Y-past, Z₁-past, …).</summary>
    /// <param name="estimator">The conditional mutual information estimator.</param>
    /// <param name="source">The source series X.</param>
    /// <param name="target">The target series Y.</param>
    /// <param name="conditions">The conditioning series Z₁, Z₂, …, each embedded with <see cref="TransferEntropyOptions.ConditionHistory"/> lags from <see cref="TransferEntropyOptions.ConditionDelay"/>; none gives the plain TE.</param>
    /// <param name="options">History lengths, delays and trials; defaults when null.</param>
    /// <param name="uncertainty">Permutations and an interval level; none when null.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>The conditional TE, clipped at 0 (raw value kept), with N and the p-value when asked.</returns>
    /// <exception cref="ArgumentException">As <see cref="Of"/>, a condition of a different length, or surrogates that swap trials asked for with trials that cannot be swapped (<see cref="TransferEntropyOptions.SurrogatesFor"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history or delay below 1, or invalid uncertainty options.</exception>
    public static Estimate Conditional(
        IConditionalMutualInformationEstimator estimator, Variable source, Variable target, IReadOnlyList<Variable> conditions,
        TransferEntropyOptions? options = null, UncertaintyOptions? uncertainty = null, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(source);
        uncertainty ??= UncertaintyOptions.None;
        uncertainty.Validate();
        var samples = EmbeddedSamples.Of(source, target, conditions, options ?? new TransferEntropyOptions());
        var (present, past, condition) = (samples.Present, samples.Source!, samples.Condition);
        var scheme = uncertainty.Permutations > 0 ? (options ?? new TransferEntropyOptions()).SurrogatesFor(conditions.Count > 0, uncertainty.Permutations) : SurrogateScheme.Pooled;
        var used = estimator is Automatic automatic ? automatic.For(present, past, condition) : estimator;
        var estimate = samples.Estimate(used, () => estimator.ConditionalMutualInformation(present, past, condition, logBase));
        int n = samples.Times.Length;
        if (WithUncertainty.TooSparse(used, n, present, past, condition) is { } reason)
        {
            estimate = estimate with { IntervalWithheld = reason };
        }
        else if (uncertainty.Level is double level)
        {
            estimate = HalfSampling.Interval(
                estimate, n, rows => estimator.ConditionalMutualInformation(present.Subset(rows), past.Subset(rows), condition.Subset(rows), logBase).RawValue,
                uncertainty.Replicates, level, uncertainty.Seed, used is DiscreteEntropyEstimator);
        }

        if (uncertainty.Permutations > 0)
        {
            estimate = PermutationTest.PValue(
                estimate, SurrogateOrders.For(scheme, samples.TrialStarts, uncertainty.Seed),
                order => estimator.ConditionalMutualInformation(present, past.Subset(order), condition, logBase).RawValue, uncertainty.Permutations);
        }

        return estimate;
    }

    /// <summary>The local (pointwise) transfer entropy at every embedded time: te(t) = ln p(y_t | y-past, x-past) / p(y_t | y-past).</summary>
    /// <param name="estimator">The estimator: plug-in, Gaussian, Frenzel–Pompe, or the automatic rule when it picks one of them.</param>
    /// <param name="source">The source series X.</param>
    /// <param name="target">The target series Y.</param>
    /// <param name="conditions">Conditioning series, or empty.</param>
    /// <param name="options">History lengths, delays and trials; defaults when null.</param>
    /// <param name="logBase">The unit of the values; nats by default.</param>
    /// <returns>The times t and the local values (any sign); their mean is the estimator's TE before clipping (for discrete data under the automatic rule, the plug-in's: the corrected estimators have no local form).</returns>
    /// <exception cref="ArgumentException">As <see cref="Of"/>, or an estimator without a local form (a bias-corrected discrete estimator, binning).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history or delay below 1.</exception>
    /// <remarks>Local values of k-NN estimators are the per-sample digamma terms (Lizier 2014, JIDT), doi:10.3389/frobt.2014.00011.</remarks>
    public static LocalValues Local(
        IConditionalMutualInformationEstimator estimator, Variable source, Variable target, IReadOnlyList<Variable>? conditions = null,
        TransferEntropyOptions? options = null, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(source);
        var samples = EmbeddedSamples.Of(source, target, conditions ?? [], options ?? new TransferEntropyOptions());
        double[] nats = LocalTerms.ConditionalMutualInformation(estimator, samples.Present, samples.Source!, samples.Condition);
        return LocalValues.FromNats(samples.Times, nats, logBase);
    }
}
