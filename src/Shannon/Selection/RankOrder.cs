namespace Shannon.Selection;

/// <summary>Turns per-feature scores into a ranking: descending score, ties broken by input order.</summary>
internal static class RankOrder
{
    public static FeatureRanking ByScore(string method, IReadOnlyList<string> names, double[] scores, double?[]? pValues, Estimators.ConfidenceInterval?[]? intervals = null)
    {
        int[] order = [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i)];
        var features = new FeatureScore[order.Length];
        for (int r = 0; r < order.Length; r++)
        {
            int i = order[r];
            features[r] = new FeatureScore(names[i], i, scores[i], r + 1, pValues?[i], scores[i], intervals?[i]);
        }

        return new FeatureRanking(method, features);
    }
}
