using System.Globalization;
using Shannon.Data.Tables;
using Shannon.Estimators;

namespace Shannon.Reports.Information;

/// <summary>The few sentences at the top of the report: what to look at first, in plain words.</summary>
internal static class ReportInsights
{
    /// <summary>Strongest features with intervals, how many pass the FDR, how much of H(target) the best subset explains, redundant pairs, leakage and id-like columns.</summary>
    public static IReadOnlyList<string> Of(InformationReport report, FeatureScores scores, ColumnTable table, ReportSettings settings)
    {
        var insights = new List<string>();
        string unit = settings.Unit.Unit;
        var ranked = scores.Features.Where(f => f.Ranked).ToArray();
        double q = ScoringSettings.FalseDiscoveryRate;
        var significant = ranked.Where(f => f.QValue <= q).ToArray();
        var strongest = (significant.Length > 0 ? significant : ranked).Take(3).ToArray();
        if (strongest.Length > 0)
        {
            insights.Add("Strongest features: " + string.Join("; ", strongest.Select(f => $"{f.Name} ({Describe(f, unit)})")) + ".");
        }

        int tested = ranked.Count(f => f.PValue is not null);
        if (tested > 0)
        {
            insights.Add(Invariant($"{significant.Length} of {tested} tested features carry information about {report.Target} at a false discovery rate of {q:P0} (Benjamini–Hochberg q ≤ {q})."));
        }

        if (report.Selection.Count > 0 && Explained(report, table, settings) is double share)
        {
            insights.Add(Invariant($"The {Math.Min(3, report.Selection.Count)} first mRMR picks ({string.Join(", ", report.Selection.Take(3).Select(s => s.Name))}) together carry {share:P0} of H({report.Target}) = {report.TargetEntropy:F3} {unit}."));
        }

        int n = report.FeatureNames.Count;
        var pairs = new List<(int I, int J, double Nmi)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (report.Redundancy[(i * n) + j] >= 0.5)
                {
                    pairs.Add((i, j, report.Redundancy[(i * n) + j]));
                }
            }
        }

        if (pairs.Count > 0)
        {
            insights.Add("Redundant pairs (NMI ≥ 0.5, one largely stands for the other): " + string.Join("; ", pairs.OrderByDescending(p => p.Nmi).Take(3)
                .Select(p => Invariant($"{report.FeatureNames[p.I]} and {report.FeatureNames[p.J]} ({p.Nmi:F2})"))) + ".");
        }

        var leaks = scores.Features.Where(f => f.Flags.Contains(FeatureScoring.Leakage)).Select(f => f.Name).ToArray();
        if (leaks.Length > 0)
        {
            insights.Add($"Suspected leakage: {string.Join(", ", leaks.Take(5))} nearly determine{(leaks.Length == 1 ? "s" : string.Empty)} the target; check {(leaks.Length == 1 ? "it is" : "they are")} not derived from it.");
        }

        var ids = scores.Features.Where(f => f.Flags.Contains(FeatureScoring.IdLike))
            .Select(f => f.Flags.Contains(FeatureScoring.Leakage) ? $"{f.Name} (a leakage suspect, above)" : f.Name).ToArray();
        if (ids.Length > 0)
        {
            insights.Add($"Id-like columns (a distinct value in nearly every row), not ranked: {string.Join(", ", ids.Take(5))}{(ids.Length > 5 ? $" and {ids.Length - 5} more" : string.Empty)}.");
        }

        if (report.RowsDropped > 0)
        {
            insights.Add(Invariant($"{report.RowsDropped} row(s) were left out: {string.Join("; ", report.DroppedReasons)}."));
        }

        return insights;
    }

    private static string Describe(ScoredFeature f, string unit)
    {
        string text = Invariant($"chance-corrected I = {f.Adjusted:F3} {unit}");
        if (f.Lower is double low && f.Upper is double high)
        {
            text += Invariant($", I = {f.MutualInformation:F3} in [{low:F3}, {high:F3}]");
        }

        return f.QValue is not double q ? text
            : f.PValueIsBound ? text + Invariant($", q ≤ {Html.RoundUp(q, null):G2}")
            : text + Invariant($", q = {q:G2}");
    }

    /// <summary>I(first picks; target) / H(target) for up to three mRMR picks of one kind, on their complete rows; null when it cannot be estimated.</summary>
    private static double? Explained(InformationReport report, ColumnTable table, ReportSettings settings)
    {
        if (!(report.TargetEntropy > 0))
        {
            return null;
        }

        try
        {
            string[] names = [.. report.Selection.Take(3).Select(s => s.Name)];
            var target = table[report.Target];
            int[] rows = Enumerable.Range(0, target.Length).Where(r => !target.IsMissing(r) && names.All(c => !table[c].IsMissing(r))).ToArray();
            if (rows.Length < settings.Scoring.MinimumRows)
            {
                return null;
            }

            var block = Variable.Join([.. names.Select(c => PairwiseComplete.Variable(table[c], rows))]);
            var y = PairwiseComplete.Variable(target, rows);
            if (block.Kind == VariableKind.Mixed || !y.IsDiscrete)
            {
                return null;
            }

            double mi = settings.Estimator.MutualInformation(block, y, settings.Unit).Value;
            return double.IsFinite(mi) ? Math.Min(1.0, mi / report.TargetEntropy) : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
