using Shannon.Data.Tables;
using Shannon.Selection;

namespace Shannon.Reports.Information;

/// <summary>A greedy selection over the features <see cref="FeatureScoring"/> ranked, and the columns it left out.</summary>
/// <param name="Ranking">The picks in order (the method's criterion, I(X;Y) and its chance-corrected relevance, and the
/// rows of I(X;Y): the number and the n that <c>shannon mi</c> prints for the pair).</param>
/// <param name="Excluded">The scored columns left out of the selection by their flags (id-like, constant, empty, too few rows, not estimable).</param>
internal sealed record FeatureSelectionResult(FeatureRanking Ranking, IReadOnlyList<ScoredFeature> Excluded);

/// <summary>
/// The one greedy selection of <c>features --method</c> and <c>report</c>: the candidates are the features the one
/// scoring ranks as possible signal (<see cref="ScoredFeature.Ranked"/>, so never an id-like column) and not constant,
/// in their ranking order; the rest are returned as excluded, by their flags, so each command can say so.
/// </summary>
internal static class FeatureSelection
{
    /// <summary>How the selection chooses the rows of its terms, in the words both commands print (note and JSON).</summary>
    public const string TermRows = "each term on the rows where the target and that term's features have values: a feature's mi and rows are I(X;Y) on the rows of the feature and the target (as shannon mi prints them), I(X;X_j) and I(X;X_j|Y) are on the rows of both features and the target";

    /// <summary>Is the scored feature a candidate for a greedy selection?</summary>
    public static bool IsCandidate(ScoredFeature feature) => feature.Ranked && !feature.Flags.Contains(FeatureScoring.Constant);

    /// <summary>
    /// Runs <paramref name="method"/> for up to <paramref name="picks"/> features among the first
    /// <paramref name="maxCandidates"/> candidates of <paramref name="scores"/> with the scoring's estimator, each term on
    /// its own rows (<see cref="PairwiseCompleteSample"/>, the target read by the scoring's task).
    /// </summary>
    /// <exception cref="ArgumentException">The method refuses the data (a continuous feature for DISR…), a pair of
    /// features has fewer than <see cref="PairwiseCompleteSample.MinimumRows"/> rows with the target, or the estimator refuses a pair.</exception>
    public static FeatureSelectionResult Select(
        ColumnTable table, FeatureScores scores, TableColumn target, SelectionMethod method, int picks, int maxCandidates, ScoringSettings settings, IProgress<WorkDone>? progress = null)
    {
        TableColumn[] candidates = [.. scores.Features.Where(IsCandidate).Take(maxCandidates).Select(f => table[f.Name])];
        var excluded = scores.Features.Where(f => !IsCandidate(f)).ToArray();
        if (candidates.Length == 0 || picks <= 0)
        {
            return new FeatureSelectionResult(new FeatureRanking(ForwardSelection.Name(method), []), excluded);
        }

        var sample = new PairwiseCompleteSample(candidates, target, (column, rows) => FeatureScoring.TargetVariable(column, rows, settings.Task));
        var options = new SelectionOptions { Estimator = settings.Estimator };
        var ranking = ForwardSelection.Select(sample, method, Math.Min(picks, candidates.Length), options, progress);
        return new FeatureSelectionResult(ranking, excluded);
    }

    /// <summary>Why an excluded column is not a candidate, in words: its flags, or its note when it was not scored.</summary>
    public static string Reason(ScoredFeature feature) =>
        feature.Flags.Count > 0 ? string.Join(", ", feature.Flags) : feature.Note ?? "not scored";
}
