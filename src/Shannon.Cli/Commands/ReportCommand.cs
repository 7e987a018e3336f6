using System.CommandLine;
using System.Diagnostics;
using Shannon.Data.Files;
using Shannon.Data.Tables;
using Shannon.Reports.Demo;
using Shannon.Reports.Information;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon report [DATA] [--target COL] [-o OUT_DIR] [--open]</c>: one self-contained HTML information report of a
/// data set (the built-in demo when DATA is omitted) and a terminal summary.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string?>("DATA") { Description = "CSV or Parquet file with a header, or - for stdin; omit it for the built-in demo (breast cancer).", Arity = ArgumentArity.ZeroOrOne };
        var target = new Option<string?>("--target") { Description = "Target column (default: the last column)." };
        var output = new Option<string>("--output", "-o") { Description = "Directory for report.html.", DefaultValueFactory = _ => "shannon-report" }.FileOnly("it is the directory that receives report.html");
        var open = new Option<bool>("--open") { Description = "Open the report in the default browser when done." };
        var k = new Option<int>("--k") { Description = "Neighbours of the k-NN estimators.", DefaultValueFactory = _ => Estimators.EstimatorDefaults.K }.Within(OptionRanges.Neighbours);
        var bins = new Option<int>("--bins") { Description = "Quantile bins for the redundancy heatmap.", DefaultValueFactory = _ => 10 }.Within(OptionRanges.TwoOrMoreBins);
        var permutations = new Option<int?>("--permutations") { Description = "Permutations for every p-value (the p-value shannon mi prints); 0 for none; omitted: adaptive (" + ScoringSettings.ScheduleDescription + ")." }.Within(OptionRanges.PermutationsOrNone);
        var replicates = new Option<int>("--replicates") { Description = "Half-samples for the intervals; 0 for none.", DefaultValueFactory = _ => Estimators.EstimatorDefaults.IntervalReplicates }.Within(OptionRanges.ResamplesOrNone);
        var ci = new Option<double>("--ci") { Description = "Level of the intervals.", DefaultValueFactory = _ => Estimators.EstimatorDefaults.ConfidenceLevel }.Within(OptionRanges.Confidence);
        var maxRows = new Option<int>("--max-rows") { Description = "Analyse a seeded sample of at most this many rows.", DefaultValueFactory = _ => ReportSettings.DefaultMaxRows }.Within(OptionRanges.ReportRows);
        var seed = new Option<int>("--seed") { Description = "Seed for half-samples, permutations and the k-NN jitter.", DefaultValueFactory = _ => Estimators.EstimatorDefaults.Seed }.Within(OptionRanges.Seed);
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var types = CliTables.TypesOption();
        var command = new Command("report", "Information report of a data set: per-column entropy, MI with the target (intervals, p-values), mRMR, redundancy.\nExamples:\n  shannon report\n  shannon report data/wine.csv --target target -o wine-report --open")
        {
            data, target, output, open, k, bins, permutations, replicates, ci, maxRows, seed, logBase, json, types,
        };
        command.SetAction(parse =>
        {
            CliTables.UseTypes(context, parse.GetValue(types));
            var settings = ReportSettingsFor(
                parse.GetValue(k), parse.GetValue(bins), parse.GetValue(permutations), parse.GetValue(replicates), parse.GetValue(ci),
                parse.GetValue(maxRows), parse.GetValue(seed), LogBase.Parse(parse.GetValue(logBase)!));
            string? path = parse.GetValue(data);
            string[] inputs = path is null ? [] : [path];

            // Refuse a bad -o before the work: a file where the directory should be, or report.html being the input.
            string directory = parse.GetValue(output)!;
            OutputPaths.Directory(directory, "-o", create: false);
            string htmlPath = Path.Combine(directory, "report.html");
            AtomicFile.Target(htmlPath, inputs);
            var report = path is null ? Demo(settings, context) : FromFile(path, parse.GetValue(target), settings, context);
            OutputPaths.Directory(directory, "-o", create: true);
            AtomicFile.WriteAllText(htmlPath, HtmlReportWriter.Write(report), inputs);
            if (parse.GetValue(json))
            {
                ReportSummary.Json(context, report, htmlPath);
            }
            else
            {
                ReportSummary.Write(context, report, htmlPath);
            }

            if (parse.GetValue(open))
            {
                try
                {
                    Process.Start(new ProcessStartInfo(Path.GetFullPath(htmlPath)) { UseShellExecute = true });
                }
                catch (System.ComponentModel.Win32Exception ex)
                {
                    // No browser or opener (a server, CI): the report is written, so say so and succeed.
                    context.Note($"note: could not open {htmlPath} in a browser ({ex.Message}); open it by hand.");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static ReportSettings ReportSettingsFor(int k, int bins, int? permutations, int replicates, double ci, int maxRows, int seed, LogBase unit)
    {
        if (maxRows <= k || replicates == 1 || !(ci > 0 && ci < 1))
        {
            throw new UsageException("--max-rows must exceed --k, --replicates must be 0 or at least 2, and --ci must lie in (0, 1).");
        }

        return new ReportSettings(k, bins, permutations, replicates, ci, seed, unit, maxRows);
    }

    private static InformationReport Demo(ReportSettings settings, CliContext context)
    {
        string directory = Directory.CreateTempSubdirectory("shannon-demo-").FullName;
        try
        {
            var table = TableReader.Read(DemoData.WriteTo(directory));
            return Build(table, DemoData.Provenance, DemoData.Target, settings, context);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static InformationReport FromFile(string path, string? target, ReportSettings settings, CliContext context)
    {
        var table = CliTables.Read(context, CliInput.FilePath(context, path, "DATA", InputFormat.Table), new TableReadOptions { MissingValues = MissingValuePolicy.KeepCells });
        if (table.Columns.Count < 2)
        {
            throw new InvalidDataException($"'{CliInput.DisplayName(path)}' has {table.Columns.Count} column(s); a report needs at least one feature and a target.");
        }

        string targetName = target ?? table.Columns[^1].Name;
        var report = Build(table, CliInput.DisplayName(path), targetName, settings, context);

        // Missing cells cost only their pairs; the rows left out of every score are those without a target value.
        context.RowsDropped = new DroppedRows(table.Dropped.RowsRead, report.RowsDropped, [.. table.Dropped.Columns.Where(c => c.Column == targetName)]);
        return report;
    }

    private static InformationReport Build(ColumnTable table, string source, string target, ReportSettings settings, CliContext context) =>
        WorkProgress.Run(context, "report", 0, counter => InformationReportBuilder.Build(table, source, target, settings, new StepProgress(counter)));
}
