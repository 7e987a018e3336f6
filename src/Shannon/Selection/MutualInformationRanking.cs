using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;
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
    /// parallel. Intervals and p-values follow the one policy (<see cref="WithUncertainty.MutualInformation"/>), so each
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

    /// <summary>I(X_k;Y) for every feature in nats, in parallel, by the options' estimator.</summary>
    internal static double[] Relevance(IReadOnlyList<Variable> features, Variable target, IMutualInformationEstimator estimator, ProgressThrottle? progress = null)
    {
        var scores = new double[features.Count];
        ParallelLoop.For(0, features.Count, k =>
        {
            scores[k] = estimator.MutualInformation(features[k], target).Value;
            progress?.Add();
        });
        return scores;
    }
}
