using Shannon.Estimators;
using Shannon.Estimators.Continuous;

namespace Shannon.Reports.Information;

/// <summary>
/// What an estimate's n alone does not say, worded once for <c>mi</c>, <c>entropy</c> and <c>features</c>: the Ross
/// estimator leaves out a row whose class occurs once (it has no same-class neighbour), and uses size − 1 neighbours in
/// a class of at most k rows (as scikit-learn's mutual_info_classif does); a histogram with more bins than rows measures
/// its bin count more than the data.
/// </summary>
internal static class EstimatorNotes
{
    /// <summary>The notes (without the "note: " prefix) for an estimate of <paramref name="estimator"/> on <paramref name="x"/>, <paramref name="y"/>; none for other estimators.</summary>
    public static IReadOnlyList<string> Of(IMutualInformationEstimator estimator, Variable x, Variable y, Estimate estimate)
    {
        if (estimator is Binning)
        {
            return Bins(estimator, x, y);
        }

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

    /// <summary>
    /// For the histogram estimator (<see cref="Binning"/>), a note for each continuous column given more bins than the
    /// rows: most bins then hold one row or none, the binned entropy approaches ln n less the log bin width and the binned
    /// I(X;Y) approaches ln n (5.30 nats for 200 rows, whatever the dependence), so the number describes the bin count,
    /// not the data. None for other estimators.
    /// </summary>
    /// <param name="estimator">The estimator used.</param>
    /// <param name="variables">The variables it estimated from.</param>
    /// <returns>The notes, without the "note: " prefix.</returns>
    public static IReadOnlyList<string> Bins(IEstimator estimator, params Variable[] variables)
    {
        if (estimator is not Binning binning)
        {
            return [];
        }

        var notes = new List<string>();
        foreach (var variable in variables.Where(v => v.IsContinuous))
        {
            var values = variable.Values;
            var column = new double[variable.Rows];
            var bins = new int[variable.Rows];
            for (int c = 0; c < variable.Dimension; c++)
            {
                for (int r = 0; r < variable.Rows; r++)
                {
                    column[r] = values[(r * variable.Dimension) + c];
                }

                int count = binning.Assign(column, bins);
                if (count > variable.Rows)
                {
                    string name = variable.Dimension == 1 ? variable.Name : $"{variable.Name} (column {c + 1})";
                    notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{name} is cut into {count} bins for {variable.Rows} rows: with more bins than rows most bins hold one row or none, so the binned estimate measures the bin count, not the data (a binned I(X;Y) then approaches ln n = {Math.Log(variable.Rows):0.###} nats whatever the dependence); use fewer bins."));
                }
            }
        }

        return notes;
    }
}
