using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Estimators;

/// <summary>
/// The one automatic estimator: picks by the kinds of the variables, scikit-learn's per-pair rule, and is what every
/// command, the report and feature selection use unless the caller names another.
/// </summary>
/// <param name="K">k of the neighbour estimators; <see cref="EstimatorDefaults.K"/> (3) by default.</param>
/// <param name="JitterSeed">The tie-breaking jitter's seed for KSG, Ross and Frenzel–Pompe; <see cref="EstimatorDefaults.Seed"/> (0) by default; null for none.</param>
/// <param name="Discrete">The estimator for discrete variables; <see cref="Grassberger"/> when null (pass <see cref="PlugIn"/> for
/// scikit-learn's <c>mutual_info_score</c> and scipy's <c>entropy</c>).</param>
/// <remarks>
/// <para>Mutual information I(X;Y): both discrete → <see cref="Discrete"/> on the counts; one continuous and one discrete →
/// <see cref="Ross"/>; both continuous → <see cref="Ksg"/> algorithm 1 with unit-variance scaling and the jitter
/// (scikit-learn's <c>mutual_info_classif</c> and <c>mutual_info_regression</c>).</para>
/// <para>Why Grassberger and not scikit-learn's plug-in for discrete variables: the plug-in I(X;Y) is biased upward by
/// about (Kx − 1)(Ky − 1)/(2n) nats, which for 15 × 15 values and n = 300 is 0.33 nats, many times its standard error,
/// so no interval around it covers the true value (0 of 200 trials for I = 0.54 nats) and independent data get an
/// interval that excludes 0. Among the bias corrections compared by simulation (bench/simulations/MiCoverage.cs:
/// Miller–Madow, the delete-1 jackknife, the half-sample Richardson step 2Î − mean(Î_half), Chao–Shen, and the plug-in
/// less its permutation mean), Grassberger's estimator applied to H(X), H(Y) and H(X,Y) had the smallest bias and RMSE
/// where the counts are sparse and the same as the others where they are not, and the half-sampling interval around it
/// covers at close to its level wherever n ≥ 2·Kx·Ky (<see cref="Uncertainty.HalfSampling.TooSparse"/>), on heavy-tailed
/// labels too since it also holds the half-samples' estimate of the remaining bias (<see cref="Uncertainty.HalfSampling"/>); the plug-in
/// less its permutation mean is unbiased under independence only and over-corrects strong dependence (−0.55 nats at
/// I = 1.73, 15 × 15, n = 100). Grassberger, P. (2003), Entropy estimates from insufficient samplings,
/// doi:10.48550/arXiv.physics/0307138; Paninski, L. (2003), Estimation of entropy and mutual information, Neural
/// Computation 15(6), 1191–1253, doi:10.1162/089976603321780272.</para>
/// <para>Conditional mutual information I(X;Y|Z): all discrete → <see cref="Discrete"/>; a discrete Z → the pair rule within
/// each value of Z, weighted by p(z) (<see cref="ConditionedOnLabels"/>); X, Y, Z continuous → <see cref="FrenzelPompe"/>.
/// A discrete X or Y given a continuous Z has no automatic estimator (bin Z with <see cref="Binning"/>).</para>
/// <para>Entropy: discrete → <see cref="Discrete"/> (Grassberger by default, so that I(X;X) = H(X)); continuous one-dimensional → the m-spacing estimator with scipy's
/// automatic choice (<see cref="Spacing"/>, scipy's <c>differential_entropy</c>); continuous multivariate →
/// <see cref="KozachenkoLeonenko"/>. A block joined from both kinds (<see cref="VariableKind.Mixed"/>) is refused.</para>
/// <para>Which numeric columns are discrete is decided by <see cref="Variable.LooksDiscrete"/>. Reference: Pedregosa et al.
/// (2011), Scikit-learn: Machine learning in Python, JMLR 12, 2825–2830 (<c>sklearn.feature_selection._mutual_info</c>).</para>
/// </remarks>
public sealed record Automatic(int K = EstimatorDefaults.K, int? JitterSeed = EstimatorDefaults.Seed, DiscreteEntropyEstimator? Discrete = null)
    : IEntropyEstimator, IMutualInformationEstimator, IConditionalMutualInformationEstimator
{
    /// <inheritdoc/>
    public string Name => "auto";

    /// <summary>The estimator the rule picks for I(X;Y).</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <returns>The discrete estimator, <see cref="Ross"/> or <see cref="Ksg"/>.</returns>
    /// <exception cref="ArgumentException">A variable mixes discrete and continuous columns.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="K"/> &lt; 1.</exception>
    public IMutualInformationEstimator For(Variable x, Variable y)
    {
        ValidK();
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)));
        NotMixed(x, nameof(x));
        NotMixed(y, nameof(y));
        return (x.IsDiscrete, y.IsDiscrete) switch
        {
            (true, true) => DiscreteEstimator,
            (false, false) => new Ksg(K, 1, Rescale: true, JitterSeed),
            _ => new Ross(K, Rescale: true, JitterSeed),
        };
    }

    /// <summary>The estimator the rule picks for I(X;Y|Z).</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="z">Samples of Z.</param>
    /// <returns>The discrete estimator, <see cref="ConditionedOnLabels"/> with this rule, or <see cref="FrenzelPompe"/>.</returns>
    /// <exception cref="ArgumentException">A mixed variable, or a discrete X or Y with a continuous Z.</exception>
    public IConditionalMutualInformationEstimator For(Variable x, Variable y, Variable z)
    {
        ValidK();
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)), (z, nameof(z)));
        NotMixed(x, nameof(x));
        NotMixed(y, nameof(y));
        NotMixed(z, nameof(z));
        if (x.IsDiscrete && y.IsDiscrete && z.IsDiscrete)
        {
            return DiscreteEstimator;
        }

        if (z.IsDiscrete)
        {
            return new ConditionedOnLabels(this, K + 1);
        }

        return x.IsContinuous && y.IsContinuous
            ? new FrenzelPompe(K, Rescale: true, JitterSeed)
            : throw new ArgumentException(
                $"no automatic estimator for I({x.Name};{y.Name}|{z.Name}) with a discrete {(x.IsDiscrete ? x.Name : y.Name)} and a continuous {z.Name}; bin the variables (binned) or choose an estimator.",
                nameof(z));
    }

    /// <summary>The estimator the rule picks for H(X).</summary>
    /// <param name="x">The samples.</param>
    /// <returns>The discrete estimator, <see cref="Spacing"/> or <see cref="KozachenkoLeonenko"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> mixes discrete and continuous columns.</exception>
    public IEntropyEstimator For(Variable x)
    {
        ValidK();
        ArgumentNullException.ThrowIfNull(x);
        NotMixed(x, nameof(x));
        return x.IsDiscrete ? DiscreteEstimator : x.Dimension == 1 ? new Spacing() : new KozachenkoLeonenko(K);
    }

    /// <inheritdoc/>
    public Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default) => For(x, y).MutualInformation(x, y, logBase);

    /// <inheritdoc/>
    public Estimate ConditionalMutualInformation(Variable x, Variable y, Variable z, LogBase logBase = default) =>
        For(x, y, z).ConditionalMutualInformation(x, y, z, logBase);

    /// <inheritdoc/>
    public Estimate Entropy(Variable x, LogBase logBase = default) => For(x).Entropy(x, logBase);

    /// <summary>The estimator the rule uses for discrete variables: <see cref="Discrete"/>, or <see cref="Grassberger"/> when that is null.</summary>
    public DiscreteEntropyEstimator DiscreteEstimator => Discrete ?? new Grassberger();

    private void ValidK() => ArgumentOutOfRangeException.ThrowIfLessThan(K, 1, nameof(K));

    private static void NotMixed(Variable variable, string name)
    {
        if (variable.Kind == VariableKind.Mixed)
        {
            throw new ArgumentException($"'{variable.Name}' mixes discrete and continuous columns; no estimator is picked for such a block automatically (bin it, or choose an estimator).", name);
        }
    }
}
