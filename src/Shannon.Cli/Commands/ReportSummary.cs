using System.Globalization;
using Shannon.Reports.Information;
using Spectre.Console;

namespace Shannon.Cli.Commands;

/// <summary>The report's terminal summary: Spectre.Console tables on stdout, colour only on a terminal without NO_COLOR.</summary>
internal static class ReportSummary
{
    private const int TopFeatures = 10;

    public static void Write(CliContext context, InformationReport report, string htmlPath)
    {
        var console = Terminal.Console(context.Out);
        console.Write(new Rule($"[bold]Information report[/] — {Shown(report.Source)}").LeftJustified());
        string unit = report.Settings.Unit.Unit;
        string used = report.RowsUsed == report.Rows ? string.Empty : $" ({report.RowsUsed} used)";
        console.MarkupLine($"{report.Rows} rows{used}, {report.Columns.Count} columns, target [bold]{Shown(report.Target)}[/]: H = {Number(report.TargetEntropy)} {unit} over {report.Classes.Count} classes "
            + $"({string.Join(", ", report.Classes.Select(c => $"{Shown(c.Label)} {c.Count}"))})");

        foreach (string insight in report.Insights)
        {
            console.MarkupLine($"• {Shown(insight)}");
        }

        var relevance = new Table().Border(TableBorder.Simple).Title($"Top {Math.Min(TopFeatures, report.Relevance.Count)} features by chance-corrected I(feature; target), {unit}");
        bool selected = report.Selection.Count > 0;
        relevance.AddColumns("feature", "MI", "chance-corrected", "interval", "p-value", "q-value", "flags");
        if (selected)
        {
            relevance.AddColumn("mRMR rank");
        }

        foreach (var feature in report.Relevance.Take(TopFeatures))
        {
            var cells = new List<string>
            {
                Shown(feature.Name),
                Number(feature.MutualInformation),
                Number(feature.Adjusted),
                double.IsNaN(feature.Lower) ? "—" : Shown($"[{Number(feature.Lower)}, {Number(feature.Upper)}]"),
                Probability(feature.PValue, feature.PValueIsBound ? "< " : string.Empty),
                Probability(feature.QValue, feature.PValueIsBound ? "≤ " : string.Empty),
                Shown(string.Join(", ", feature.Flags)),
            };
            if (selected)
            {
                int rank = report.Selection.FirstOrDefault(s => s.Name == feature.Name)?.Rank ?? 0;
                cells.Add(rank == 0 ? "—" : rank.ToString(CultureInfo.InvariantCulture));
            }

            relevance.AddRow(cells.ToArray());
        }

        console.Write(relevance);
        var columns = new Table().Border(TableBorder.Simple).Title("Columns");
        columns.AddColumns("column", "kind", "distinct", $"entropy {unit}");
        foreach (var column in report.Columns.Take(50))
        {
            columns.AddRow(Shown(column.Name), column.Kind, column.Distinct.ToString(CultureInfo.InvariantCulture), double.IsNaN(column.Entropy) ? "—" : Number(column.Entropy));
        }

        console.Write(columns);
        foreach (string warning in report.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Shown(warning)}");
        }

        console.MarkupLine($"wrote [link]{Shown(htmlPath)}[/]");
    }

    /// <summary>
    /// The report as one JSON object, snake_case: per feature <c>name</c>, <c>kind</c>, <c>read_as</c>, <c>missing</c>,
    /// <c>distinct</c>, <c>flags</c>, <c>estimator</c>, <c>mi</c> (the number <c>shannon mi</c> prints for the pair),
    /// <c>mi_adjusted</c>, <c>plug_in</c> (the plug-in I beside another discrete estimator, as <c>shannon mi</c> gives it;
    /// null otherwise), <c>ci</c>, <c>p_value</c>, <c>p_method</c>, <c>permutations</c>, <c>q_value</c> and
    /// <c>p_value_is_bound</c> (true when no permutation reached the observed score: <c>p_value</c> = 1/(permutations + 1)
    /// is then the bound p &lt; 1/(permutations + 1), and <c>q_value</c> likewise an upper bound) (null where not computed); top level <c>unit</c>, <c>rows</c> (in the data), <c>rows_used</c> (the rows the estimates use: those with a target
    /// value among the rows analysed, the seeded sample under --max-rows, else <c>rows</c>; <c>rows_used</c> +
    /// <c>rows_dropped.count</c> = the rows analysed), <c>rows_dropped</c>, <c>rows_dropped_reasons</c>, <c>target</c>, <c>target_entropy</c>,
    /// <c>insights</c>, <c>columns</c> (the data-quality table, with each column's <c>entropy</c> as the terminal table
    /// and the page print it, the number <c>shannon entropy --samples</c> gives, and its <c>entropy_estimator</c>; both
    /// null where there is no estimate, and <c>entropy_note</c> says why), <c>mrmr</c> and <c>warnings</c>.
    /// </summary>
    public static void Json(CliContext context, InformationReport report, string htmlPath)
    {
        var quality = report.Quality.ToDictionary(q => q.Name);
        var profiles = report.Columns.ToDictionary(c => c.Name);
        bool Estimated(string name) => profiles.TryGetValue(name, out var profile) && !double.IsNaN(profile.Entropy);
        var scored = report.Relevance.Select(f =>
        {
            var q = quality[f.Name];
            return new Dictionary<string, object?>
            {
                ["name"] = f.Name,
                ["kind"] = f.Kind,
                ["read_as"] = q.ReadAs,
                ["missing"] = q.Missing,
                ["distinct"] = q.Distinct,
                ["flags"] = f.Flags,
                ["estimator"] = f.Estimator,
                ["mi"] = f.MutualInformation,
                ["mi_adjusted"] = f.Adjusted,
                ["plug_in"] = f.PlugIn,
                ["ci"] = double.IsNaN(f.Lower) ? null : new[] { f.Lower, f.Upper },
                ["p_value"] = double.IsNaN(f.PValue) ? null : f.PValue,
                ["p_method"] = f.PMethod,
                ["permutations"] = f.Permutations,
                ["q_value"] = double.IsNaN(f.QValue) ? null : f.QValue,
                ["p_value_is_bound"] = double.IsNaN(f.PValue) ? null : f.PValueIsBound,
            };
        });
        var unscored = report.NotScored.Select(n =>
        {
            var q = quality[n.Name];
            return new Dictionary<string, object?>
            {
                ["name"] = n.Name,
                ["kind"] = q.Kind,
                ["read_as"] = q.ReadAs,
                ["missing"] = q.Missing,
                ["distinct"] = q.Distinct,
                ["flags"] = q.Flags,
                ["estimator"] = null,
                ["mi"] = null,
                ["mi_adjusted"] = null,
                ["plug_in"] = null,
                ["ci"] = null,
                ["p_value"] = null,
                ["p_method"] = null,
                ["permutations"] = 0,
                ["q_value"] = null,
                ["p_value_is_bound"] = null,
                ["note"] = n.Reason,
            };
        });
        CliOutput.Json(context,
        [
            new("html", Path.GetFullPath(htmlPath)),
            new("unit", report.Settings.Unit.Unit),
            new("rows", report.Rows),
            new("rows_used", report.RowsUsed),
            new("rows_dropped_reasons", report.DroppedReasons),
            new("target", report.Target),
            new("target_entropy", report.TargetEntropy),
            new("insights", report.Insights),
            new("features", scored.Concat(unscored).ToArray()),
            new("columns", report.Quality.Select(c => new Dictionary<string, object?>
            {
                ["name"] = c.Name, ["read_as"] = c.ReadAs, ["kind"] = c.Kind, ["missing"] = c.Missing, ["distinct"] = c.Distinct, ["flags"] = c.Flags,
                ["entropy"] = Estimated(c.Name) ? profiles[c.Name].Entropy : null,
                ["entropy_estimator"] = Estimated(c.Name) ? profiles[c.Name].Method : null,
                ["entropy_note"] = profiles.TryGetValue(c.Name, out var profile) && !Estimated(c.Name) ? profile.Method : null,
            }).ToArray()),
            new("mrmr", report.Selection.Select(s => s.Name).ToArray()),
            new("warnings", report.Warnings),
        ]);
    }

    /// <summary>A p- or q-value with three significant digits; a bound gets its relation and is rounded up, so that it still holds.</summary>
    private static string Probability(double value, string relation) =>
        double.IsNaN(value) ? "—"
        : relation.Length == 0 ? value.ToString("G3", CultureInfo.InvariantCulture)
        : relation + Html.RoundUp(value, null).ToString("G3", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>Text from the data for the console: control characters shown (the console writes as is), markup escaped.</summary>
    private static string Shown(string text) => Markup.Escape(CommandOutput.Visible(text));
}
