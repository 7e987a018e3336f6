using System.Globalization;
using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Selection;

namespace Shannon.Reports.Information;

/// <summary>A greedy selection over the features <see cref="FeatureScoring"/> ranked, and the columns it left out.</summary>
/// <param name="Ranking">The picks in order (the method's criterion, I(X;Y) and its chance-corrected relevance).</param>
/// <param name="Features">The candidates as variables on the selection's rows, in the order of <see cref="FeatureScore.Index"/>.</param>
/// <param name="Rows">The rows where every candidate and the target have a value (the rows of every pick's terms).</param>
/// <param name="Excluded">The scored columns left out of the selection by their flags (id-like, constant, empty, too few rows, not estimable).</param>
internal sealed record FeatureSelectionResult(FeatureRanking Ranking, IReadOnlyList<Variable> Features, int Rows, IReadOnlyList<ScoredFeature> Excluded);

/// <summary>
/// The one greedy selection of <c>features --method</c> and <c>report</c>: the candidates are the features the one
/// scoring ranks as possible signal (<see cref="ScoredFeature.Ranked"/>, so never an id-like column) and not constant,
/// in their ranking order; the rest are returned as excluded, by their flags, so each command can say so.
/// </summary>
internal static class FeatureSelection
{
    /// <summary>Is the scored feature a candidate for a greedy selection?</summary>
    public static bool IsCandidate(ScoredFeature feature) => feature.Ranked && !feature.Flags.Contains(FeatureScoring.Constant);

    /// <summary>
    /// Runs <paramref name="method"/> for up to <paramref name="picks"/> features among the first
    /// <paramref name="maxCandidates"/> candidates of <paramref name="scores"/>, on the rows where all of them and the
    /// target have values, with the scoring's estimator.
    /// </summary>
    /// <exception cref="InvalidDataException">Fewer such rows than <see cref="ScoringSettings.MinimumRows"/>.</exception>
    /// <exception cref="ArgumentException">The method refuses the data (a continuous feature for DISR…) or the estimator a pair.</exception>
    public static FeatureSelectionResult Select(
        ColumnTable table, FeatureScores scores, TableColumn target, SelectionMethod method, int picks, int maxCandidates, ScoringSettings settings, IProgress<WorkDone>? progress = null)
    {
        string[] candidates = [.. scores.Features.Where(IsCandidate).Take(maxCandidates).Select(f => f.Name)];
        var excluded = scores.Features.Where(f => !IsCandidate(f)).ToArray();
        if (candidates.Length == 0 || picks <= 0)
        {
            return new FeatureSelectionResult(new FeatureRanking(ForwardSelection.Name(method), []), [], 0, excluded);
        }

        int[] rows = [.. Enumerable.Range(0, target.Length).Where(r => !target.IsMissing(r) && candidates.All(c => !table[c].IsMissing(r)))];
        if (rows.Length < settings.MinimumRows)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"only {rows.Length} row(s) have every one of the selection's {candidates.Length} candidate features and the target; {ForwardSelection.Name(method)} needs {settings.MinimumRows}."));
        }

        Variable[] features = [.. candidates.Select(c => PairwiseComplete.Variable(table[c], rows))];
        var y = FeatureScoring.TargetVariable(target, rows, settings.Task);
        var options = new SelectionOptions { Estimator = settings.Estimator };
        var ranking = ForwardSelection.Select(features, y, method, Math.Min(picks, features.Length), options, progress);
        return new FeatureSelectionResult(ranking, features, rows.Length, excluded);
    }

    /// <summary>Why an excluded column is not a candidate, in words: its flags, or its note when it was not scored.</summary>
    public static string Reason(ScoredFeature feature) =>
        feature.Flags.Count > 0 ? string.Join(", ", feature.Flags) : feature.Note ?? "not scored";
}
