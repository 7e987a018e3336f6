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
        console.Write(new Rule($"[bold]Information report[/] — {Markup.Escape(report.Source)}").LeftJustified());
        string unit = report.Settings.Unit.Unit;
        console.MarkupLine($"{report.Rows} rows, {report.Columns.Count} columns, target [bold]{Markup.Escape(report.Target)}[/]: H = {Number(report.TargetEntropy)} {unit} over {report.Classes.Count} classes "
            + $"({string.Join(", ", report.Classes.Select(c => $"{Markup.Escape(c.Label)} {c.Count}"))})");

        var relevance = new Table().Border(TableBorder.Simple).Title($"Top {Math.Min(TopFeatures, report.Relevance.Count)} features by I(feature; target), {unit}");
        bool selected = report.Selection.Count > 0;
        relevance.AddColumns("feature", "MI", "interval", "p-value");
        if (selected)
        {
            relevance.AddColumn("mRMR rank");
        }

        foreach (var feature in report.Relevance.Take(TopFeatures))
        {
            var cells = new List<string>
            {
                Markup.Escape(feature.Name),
                Number(feature.MutualInformation),
                double.IsNaN(feature.Lower) ? "—" : Markup.Escape($"[{Number(feature.Lower)}, {Number(feature.Upper)}]"),
                double.IsNaN(feature.PValue) ? "—" : feature.PValue.ToString("F3", CultureInfo.InvariantCulture),
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
        foreach (var column in report.Columns)
        {
            columns.AddRow(Markup.Escape(column.Name), column.Kind, column.Distinct.ToString(CultureInfo.InvariantCulture), double.IsNaN(column.Entropy) ? "—" : Number(column.Entropy));
        }

        console.Write(columns);
        foreach (string warning in report.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        console.MarkupLine($"wrote [link]{Markup.Escape(htmlPath)}[/]");
    }

    /// <summary>
    /// The report as one JSON object, snake_case: each feature's <c>name</c>, <c>kind</c>, <c>estimator</c> and <c>mi</c> (the
    /// number <c>shannon mi</c> prints for the pair), <c>ci</c> and <c>p_value</c> where computed; <c>unit</c> at the top.
    /// </summary>
    public static void Json(CliContext context, InformationReport report, string htmlPath) => CliOutput.Json(context,
    [
        new("html", Path.GetFullPath(htmlPath)),
        new("unit", report.Settings.Unit.Unit),
        new("rows", report.Rows),
        new("target", report.Target),
        new("target_entropy", report.TargetEntropy),
        new("features", report.Relevance.Select(f =>
        {
            var entry = new Dictionary<string, object?> { ["name"] = f.Name, ["kind"] = f.Kind, ["estimator"] = f.Estimator, ["mi"] = f.MutualInformation };
            if (!double.IsNaN(f.Lower))
            {
                entry["ci"] = new[] { f.Lower, f.Upper };
            }

            if (!double.IsNaN(f.PValue))
            {
                entry["p_value"] = f.PValue;
            }

            return entry;
        }).ToArray()),
        new("mrmr", report.Selection.Select(s => s.Name).ToArray()),
        new("warnings", report.Warnings),
    ]);

    private static string Number(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
