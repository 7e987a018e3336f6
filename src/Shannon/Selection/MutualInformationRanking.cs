using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Selection;

/// <summary>Univariate feature ranking by mutual information with the target, as scikit-learn's mutual_info_classif / mutual_info_regression.</summary>
public static class MutualInformationRanking
{
    /// <summary>Scores every feature by I(X;Y) and ranks them, best first.</summary>
    /// <param name="features">The features; each as long as <paramref name="target"/>, names distinct.</param>
    /// <param name="target">The target: discrete for classification, continuous for regression.</param>
    /// <param name="options">Neighbours k, the discrete estimator, permutations and seed; defaults when null.</param>
    /// <returns>The ranking, method <c>mi</c>, scores in nats; ties keep input order.</returns>
    /// <exception cref="ArgumentException">No features, lengths differ, duplicate names, or an estimator rejects a column (too few samples for k).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    /// <remarks>
    /// Per pair, scikit-learn's rule: both discrete → the discrete estimator on counts (plug-in by default, which is
    /// mutual_info_score); continuous feature, discrete target → Ross (2014), doi:10.1371/journal.pone.0087357;
    /// both continuous → KSG algorithm 1, Kraskov, Stögbauer &amp; Grassberger (2004), doi:10.1103/PhysRevE.69.066138.
    /// Continuous columns are scaled to unit variance without centring, as scikit-learn does, but no random noise is
    /// added: the result is deterministic, equals scikit-learn's where the data have no ties, and differs where
    /// scikit-learn's 1e-10 noise breaks ties (see the README's feature-selection section for the measured sizes).
    /// Estimates are clipped at 0. Features are scored in parallel. With <see cref="SelectionOptions.Permutations"/>
    /// = P &gt; 0, each feature gets p = (1 + #{permuted ≥ observed}) / (1 + P) from P seeded shuffles of the target,
    /// the same shuffles for every feature. With <see cref="SelectionOptions.Bootstrap"/> = B &gt; 0, each score gets a
    /// percentile interval from B seeded resamples of the rows (distinct rows of each, see that option), the same
    /// resamples for every feature (Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap, doi:10.1201/9780429246593).
    /// </remarks>
    public static FeatureRanking Rank(IReadOnlyList<FeatureColumn> features, FeatureColumn target, SelectionOptions? options = null)
    {
        options ??= new SelectionOptions();
        options.Validate();
        FeatureInputs.Check(features, target);
        var pairs = new PairInformation(options);
        double[] scores = Relevance(features, target, pairs);
        double[]? pValues = options.Permutations > 0 ? PValues(features, target, pairs, scores, options) : null;
        ConfidenceInterval[]? intervals = options.Bootstrap > 0 ? Intervals(features, target, pairs, scores, options) : null;
        return RankOrder.ByScore("mi", [.. features.Select(f => f.Name)], scores, pValues, intervals);
    }

    /// <summary>I(X_k;Y) for every feature, in parallel.</summary>
    internal static double[] Relevance(IReadOnlyList<FeatureColumn> features, FeatureColumn target, PairInformation pairs)
    {
        var scores = new double[features.Count];
        Parallel.For(0, features.Count, k => scores[k] = pairs.MutualInformation(features[k], target));
        return scores;
    }

    private static ConfidenceInterval[] Intervals(IReadOnlyList<FeatureColumn> features, FeatureColumn target, PairInformation pairs, double[] observed, SelectionOptions options)
    {
        var intervals = new ConfidenceInterval[features.Count];
        Parallel.For(0, features.Count, k =>
        {
            var estimate = new Estimate(observed[k], observed[k], LogBase.Nats, target.Length);
            estimate = Resampling.Bootstrap(
                estimate,
                resample =>
                {
                    int[] rows = [.. resample.Distinct().Order()];
                    return pairs.MutualInformation(features[k].Subset(rows), target.Subset(rows));
                },
                options.Bootstrap,
                options.ConfidenceLevel,
                options.Seed);
            intervals[k] = estimate.ConfidenceInterval!.Value;
        });
        return intervals;
    }

    private static double[] PValues(IReadOnlyList<FeatureColumn> features, FeatureColumn target, PairInformation pairs, double[] observed, SelectionOptions options)
    {
        var random = new Random(options.Seed);
        var shuffled = new FeatureColumn[options.Permutations];
        for (int p = 0; p < shuffled.Length; p++)
        {
            int[] order = [.. Enumerable.Range(0, target.Length)];
            random.Shuffle(order);
            shuffled[p] = target.Permuted(order);
        }

        var pValues = new double[features.Count];
        Parallel.For(0, features.Count, k =>
        {
            int atLeast = 0;
            foreach (var y in shuffled)
            {
                atLeast += pairs.MutualInformation(features[k], y) >= observed[k] ? 1 : 0;
            }

            pValues[k] = (1.0 + atLeast) / (1.0 + shuffled.Length);
        });
        return pValues;
    }
}
