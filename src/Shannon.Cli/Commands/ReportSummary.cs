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
        console.MarkupLine($"{report.Rows} rows, {report.Columns.Count} columns, target [bold]{Markup.Escape(report.Target)}[/]: H = {Bits(report.TargetEntropy)} bits over {report.Classes.Count} classes "
            + $"({string.Join(", ", report.Classes.Select(c => $"{Markup.Escape(c.Label)} {c.Count}"))})");

        var relevance = new Table().Border(TableBorder.Simple).Title($"Top {Math.Min(TopFeatures, report.Relevance.Count)} features by I(feature; target), bits");
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
                Bits(feature.MutualInformation),
                double.IsNaN(feature.Lower) ? "—" : Markup.Escape($"[{Bits(feature.Lower)}, {Bits(feature.Upper)}]"),
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
        columns.AddColumns("column", "type", "distinct", "entropy bits");
        foreach (var column in report.Columns)
        {
            columns.AddRow(Markup.Escape(column.Name), column.Kind, column.Distinct.ToString(CultureInfo.InvariantCulture), Bits(column.Entropy));
        }

        console.Write(columns);
        foreach (string warning in report.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        console.MarkupLine($"wrote [link]{Markup.Escape(htmlPath)}[/]");
    }

    public static void Json(CliContext context, InformationReport report, string htmlPath) => CliOutput.Json(context,
    [
        new("html", Path.GetFullPath(htmlPath)),
        new("rows", report.Rows),
        new("target", report.Target),
        new("targetEntropy", report.TargetEntropy),
        new("unit", "bits"),
        new("features", report.Relevance.Select(f => new Dictionary<string, object?>
        {
            ["name"] = f.Name, ["mi"] = f.MutualInformation, ["lower"] = CliOutput.OrNull(f.Lower), ["upper"] = CliOutput.OrNull(f.Upper), ["pValue"] = CliOutput.OrNull(f.PValue),
        }).ToArray()),
        new("mrmr", report.Selection.Select(s => s.Name).ToArray()),
        new("warnings", report.Warnings),
    ]);

    private static string Bits(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
