using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Measures;
using Shannon.Numerics;

namespace Shannon.Selection;

/// <summary>Univariate feature ranking by mutual information with the target, as scikit-learn's mutual_info_classif / mutual_info_regression.</summary>
public static class MutualInformationRanking
{
    /// <summary>Scores every feature by I(X;Y) and ranks them, best first.</summary>
    /// <param name="features">The features; each as long as <paramref name="target"/>, names distinct.</param>
    /// <param name="target">The target: discrete for classification, continuous for regression.</param>
    /// <param name="options">The estimator and the uncertainty to attach; <see cref="Automatic"/> and none when null.</param>
    /// <returns>The ranking, method <c>mi</c>, scores in nats; ties keep input order.</returns>
    /// <exception cref="ArgumentException">No features, lengths differ, duplicate names, or an estimator rejects a column (too few samples for k).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    /// <remarks>
    /// Each score is <see cref="SelectionOptions.Estimator"/>'s I(X;Y): with the default <see cref="Automatic"/>, scikit-learn's
    /// per-pair rule — both discrete → plug-in (mutual_info_score); a continuous feature with a discrete target → Ross
    /// (2014), doi:10.1371/journal.pone.0087357; both continuous → KSG algorithm 1, Kraskov, Stögbauer &amp; Grassberger
    /// (2004), doi:10.1103/PhysRevE.69.066138 — with scikit-learn's unit-variance scaling and its 1e-10 tie-breaking
    /// jitter drawn from seed 0, so the scores are deterministic. Estimates are clipped at 0. Features are scored in
    /// parallel. Intervals and p-values follow the one policy (<see cref="WithUncertainty.MutualInformation(IMutualInformationEstimator, Variable, Variable, UncertaintyOptions, LogBase)"/>), so each
    /// feature's are those <c>shannon mi</c> prints for the pair: half-sampling intervals, and permutation p-values in which
    /// every feature sees the same shuffles of the target (<see cref="PermutationTest.Shuffle"/>).
    /// </remarks>
    public static FeatureRanking Rank(IReadOnlyList<Variable> features, Variable target, SelectionOptions? options = null)
    {
        options ??= new SelectionOptions();
        options.Validate();
        FeatureInputs.Check(features, target);
        var estimates = new Estimate[features.Count];
        ParallelLoop.For(0, features.Count, k => estimates[k] = WithUncertainty.MutualInformation(options.Estimator, features[k], target, options.Uncertainty));
        return RankOrder.ByScore(
            "mi", [.. features.Select(f => f.Name)], [.. estimates.Select(e => e.Value)], [.. estimates.Select(e => e.PValue)], [.. estimates.Select(e => e.ConfidenceInterval)]);
    }

    /// <summary>
    /// The chance-corrected score I(X;Y) − E₀[I(X;Y)] by which features are ranked and selected: the estimate less its
    /// mean under independence (the permutation null), so that a column with many values scores near 0 when it carries
    /// no information, instead of the upward bias of its plug-in estimate.
    /// </summary>
    /// <param name="estimator">The estimator that gave <paramref name="mutualInformation"/>: the one it uses for the pair
    /// when it is <see cref="Automatic"/>.</param>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="mutualInformation">The estimator's I(X;Y), in the unit of <paramref name="logBase"/>.</param>
    /// <param name="logBase">The unit of <paramref name="mutualInformation"/> and of the result.</param>
    /// <returns>I − E₀[I] in the unit of <paramref name="logBase"/>; may be negative (less dependence than chance gives);
    /// exactly 0 where I equals E₀[I] to 1e-12 (a column with one value per row against a discrete target).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The variables' lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mutualInformation"/> is NaN or infinite.</exception>
    /// <remarks>
    /// One rule for every command: for two discrete variables scored by any discrete estimator (the automatic rule's
    /// <see cref="Grassberger"/> included), the score is the plug-in estimate less its exact expectation under the
    /// hypergeometric (fixed-margins) model (<see cref="Clustering.ExpectedMutualInformation(ContingencyTable, LogBase)"/>),
    /// so a column with one value per row, I = H(Y), scores 0 (the bias-corrected estimators leave part of that bias for
    /// such a column, and only the plug-in's null mean is known exactly; <paramref name="mutualInformation"/> is then
    /// not used); for the k-NN estimators (KSG, Ross) and any other, E₀[I] ≈ 0 by construction and the score is I itself. Reference: Vinh, N. X., Epps, J. &amp; Bailey, J. (2010),
    /// Information theoretic measures for clusterings comparison, JMLR 11, 2837–2854.
    /// </remarks>
    public static double ChanceCorrected(IMutualInformationEstimator estimator, Variable x, Variable y, double mutualInformation, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Guard.Finite(mutualInformation, nameof(mutualInformation));
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)));
        var used = estimator is Automatic automatic ? automatic.For(x, y) : estimator;
        if (used is not DiscreteEntropyEstimator || !x.IsDiscrete || !y.IsDiscrete)
        {
            return mutualInformation;
        }

        double plugIn = used is PlugIn ? mutualInformation : new PlugIn().MutualInformation(x, y, logBase).Value;
        double adjusted = plugIn - Clustering.ExpectedMutualInformation(ContingencyTable.FromLabels(x.Codes, y.Codes), logBase);
        return Math.Abs(adjusted) < 1e-12 ? 0.0 : adjusted;
    }

    /// <summary>
    /// The chance-corrected conditional score I(X;Y|Z) − E₀[I(X;Y|Z)]: the estimate less its mean when X and Y are
    /// independent given Z (X's rows permuted within each value of Z), so that a column with many values that carries
    /// nothing scores near 0 instead of the upward bias of its conditional plug-in estimate, which grows with the
    /// cells of X × Y × Z.
    /// </summary>
    /// <param name="estimator">The estimator that gave <paramref name="conditionalMutualInformation"/>: the one it uses for
    /// the triple when it is <see cref="Automatic"/>.</param>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="z">Samples of the conditioning variable Z.</param>
    /// <param name="conditionalMutualInformation">The estimator's I(X;Y|Z), in the unit of <paramref name="logBase"/>.</param>
    /// <param name="logBase">The unit of <paramref name="conditionalMutualInformation"/> and of the result.</param>
    /// <returns>I − E₀[I] in the unit of <paramref name="logBase"/>; may be negative; exactly 0 where it is within 1e-12 of 0.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The variables' lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="conditionalMutualInformation"/> is NaN or infinite.</exception>
    /// <remarks>
    /// The same rule as <see cref="ChanceCorrected(IMutualInformationEstimator, Variable, Variable, double, LogBase)"/>,
    /// value by value of Z: for three discrete variables and any discrete estimator (the automatic rule's
    /// <see cref="Grassberger"/> included) the score is Σ_z p̂(z) [Î_plug-in(X;Y | Z = z) − E₀ I_z], where E₀ I_z is the exact
    /// mean of the plug-in under the fixed-margins (hypergeometric) model of the rows with Z = z
    /// (<see cref="Clustering.ExpectedMutualInformation(ContingencyTable, LogBase)"/>); Σ_z p̂(z) Î_plug-in(X;Y | Z = z) is
    /// the plug-in I(X;Y|Z) exactly, and permuting X within the values of Z is the null of conditional independence that
    /// keeps every margin given Z. For any other estimator or a continuous variable the score is
    /// <paramref name="conditionalMutualInformation"/> itself. Reference: Vinh, N. X., Epps, J. &amp; Bailey, J. (2010),
    /// Information theoretic measures for clusterings comparison, JMLR 11, 2837–2854.
    /// </remarks>
    public static double ChanceCorrected(IConditionalMutualInformationEstimator estimator, Variable x, Variable y, Variable z, double conditionalMutualInformation, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        Guard.Finite(conditionalMutualInformation, nameof(conditionalMutualInformation));
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)), (z, nameof(z)));
        return PlugInNull(estimator, x, y, z) ? ConditionalScore(x, y, z, logBase) : conditionalMutualInformation;
    }

    /// <summary>
    /// The selection's term for a pair, by the one rule: <see cref="ChanceCorrected(IMutualInformationEstimator, Variable, Variable, double, LogBase)"/>
    /// of the estimator's I(A;B) in nats; the estimator's value is computed only when the rule uses it.
    /// </summary>
    internal static double Score(IMutualInformationEstimator estimator, Variable a, Variable b)
    {
        if (PlugInNull(estimator, a, b))
        {
            return PlugInScore(ContingencyTable.FromLabels(a.Codes, b.Codes));
        }

        double value = estimator.MutualInformation(a, b).Value;
        return double.IsFinite(value) ? value : throw new ArgumentException($"the estimate of I({a.Name};{b.Name}) is {value}.", nameof(a));
    }

    /// <summary>The selection's conditional term by the one rule (<see cref="ChanceCorrected(IConditionalMutualInformationEstimator, Variable, Variable, Variable, double, LogBase)"/>), in nats.</summary>
    internal static double Score(IConditionalMutualInformationEstimator estimator, Variable a, Variable b, Variable z)
    {
        if (PlugInNull(estimator, a, b, z))
        {
            return ConditionalScore(a, b, z, default);
        }

        double value = estimator.ConditionalMutualInformation(a, b, z).Value;
        return double.IsFinite(value) ? value : throw new ArgumentException($"the estimate of I({a.Name};{b.Name}|{z.Name}) is {value}.", nameof(a));
    }

    /// <summary>Is the chance correction of a discrete pair the plug-in less its exact null mean (a discrete estimator on two discrete variables)?</summary>
    private static bool PlugInNull(IMutualInformationEstimator estimator, Variable x, Variable y) =>
        x.IsDiscrete && y.IsDiscrete && (estimator is Automatic automatic ? automatic.For(x, y) : estimator) is DiscreteEntropyEstimator;

    private static bool PlugInNull(IConditionalMutualInformationEstimator estimator, Variable x, Variable y, Variable z) =>
        x.IsDiscrete && y.IsDiscrete && z.IsDiscrete && (estimator is Automatic automatic ? automatic.For(x, y, z) : estimator) is DiscreteEntropyEstimator;

    /// <summary>Plug-in I less its exact mean under the permutation null, in nats; 0 within 1e-12.</summary>
    private static double PlugInScore(ContingencyTable table)
    {
        double adjusted = Clustering.MutualInformation(table) - Clustering.ExpectedMutualInformation(table);
        return Math.Abs(adjusted) < 1e-12 ? 0.0 : adjusted;
    }

    /// <summary>Σ_z p̂(z) [plug-in I(X;Y|Z=z) − E₀ I_z] in the unit of <paramref name="logBase"/>; 0 within 1e-12.</summary>
    private static double ConditionalScore(Variable x, Variable y, Variable z, LogBase logBase)
    {
        ReadOnlySpan<int> zs = z.Codes;
        int[] sizes = new int[z.Categories];
        foreach (int c in zs)
        {
            sizes[c]++;
        }

        int[][] xs = new int[sizes.Length][], ys = new int[sizes.Length][];
        for (int c = 0; c < sizes.Length; c++)
        {
            xs[c] = new int[sizes[c]];
            ys[c] = new int[sizes[c]];
        }

        int[] filled = new int[sizes.Length];
        ReadOnlySpan<int> xCodes = x.Codes, yCodes = y.Codes;
        for (int i = 0; i < zs.Length; i++)
        {
            int c = zs[i];
            xs[c][filled[c]] = xCodes[i];
            ys[c][filled[c]++] = yCodes[i];
        }

        var sum = default(CompensatedSum);
        for (int c = 0; c < sizes.Length; c++)
        {
            if (sizes[c] > 1)
            {
                sum.Add(sizes[c] * PlugInScore(ContingencyTable.FromLabels(xs[c], ys[c])));
            }
        }

        double adjusted = sum.Value / zs.Length;
        return Math.Abs(adjusted) < 1e-12 ? 0.0 : logBase.FromNats(adjusted);
    }

    /// <summary>
    /// I(X_k;Y), its chance-corrected score (<see cref="ChanceCorrected(IMutualInformationEstimator, Variable, Variable, double, LogBase)"/>)
    /// in nats and the estimate's n for every feature, each on the rows <see cref="SelectionSample.Relevance"/> gives it, in
    /// parallel, by the options' estimator.
    /// </summary>
    internal static (double[] Raw, double[] Adjusted, long[] Rows) Relevance(SelectionSample sample, IMutualInformationEstimator estimator, ProgressThrottle? progress = null)
    {
        int p = sample.Features.Count;
        var raw = new double[p];
        var adjusted = new double[p];
        var rows = new long[p];
        ParallelLoop.For(0, p, k =>
        {
            Variable x, y;
            try
            {
                (x, y) = sample.Relevance(k);
                var estimate = estimator.MutualInformation(x, y);
                (raw[k], rows[k]) = (estimate.Value, estimate.N);
            }
            catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException))
            {
                throw new ArgumentException($"the feature '{sample.Features[k]}': {ex.Message}", "features", ex);
            }

            adjusted[k] = double.IsFinite(raw[k]) ? ChanceCorrected(estimator, x, y, raw[k]) : raw[k];
            progress?.Add();
        });
        return (raw, adjusted, rows);
    }
}
