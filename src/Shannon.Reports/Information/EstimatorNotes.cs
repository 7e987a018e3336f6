using Shannon.Estimators;
using Shannon.Estimators.Continuous;

namespace Shannon.Reports.Information;

/// <summary>
/// What an estimate's n alone does not say, worded once for <c>mi</c> and <c>features</c>: the Ross estimator leaves out
/// a row whose class occurs once (it has no same-class neighbour), and uses size − 1 neighbours in a class of at most k
/// rows (as scikit-learn's mutual_info_classif does).
/// </summary>
internal static class EstimatorNotes
{
    /// <summary>The notes (without the "note: " prefix) for an estimate of <paramref name="estimator"/> on <paramref name="x"/>, <paramref name="y"/>; none for other estimators.</summary>
    public static IReadOnlyList<string> Of(IMutualInformationEstimator estimator, Variable x, Variable y, Estimate estimate)
    {
        if (estimator is not Ross ross)
        {
            return [];
        }

        var labels = Ross.LabelsOf(x, y);
        long[] counts = labels.Counts();
        var notes = new List<string>();
        int singletons = counts.Count(c => c == 1);
        if (singletons > 0)
        {
            notes.Add($"n = {estimate.N} of {labels.Rows} rows: {singletons} row(s) whose class of {labels.Name} occurs only once are left out (the ross estimator needs a neighbour in the same class).");
        }

        int small = counts.Count(c => c > 1 && c <= ross.K);
        if (small > 0)
        {
            notes.Add($"{small} class(es) of {labels.Name} have at most k = {ross.K} rows; there the ross estimator uses the class size − 1 neighbours.");
        }

        return notes;
    }
}
