using Shannon.Estimators;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon mi --labels FILE_A FILE_B [--normalized arithmetic|geometric|min|max] [--adjusted] [--base B] [--json]</c>:
/// agreement of two labellings, one label per line (compared as trimmed strings). Without options the mutual
/// information in the <c>--base</c> unit, estimated as from two discrete columns of DATA (the automatic rule's estimator
/// unless <c>--estimator</c> names another discrete one; <c>--ci</c>, <c>--permutations</c>, <c>--seed</c> as there);
/// <c>--normalized</c> gives NMI, <c>--adjusted</c> AMI (with the <c>--normalized</c> averaging if both are given), both
/// on the plug-in counts as scikit-learn defines them. NMI and AMI are ratios: their unit is <c>unitless</c>.
/// </summary>
internal static class MiLabels
{
    /// <summary>The unit of the ratios NMI and AMI.</summary>
    private const string Unitless = "unitless";

    public static int Run(MiRequest request, CliContext context)
    {
        RejectOtherForms(request);
        string pathA = request.Labels![0];
        string pathB = request.Labels[1];
        if (pathA == "-" && pathB == "-")
        {
            throw new UsageException("only one of FILE_A and FILE_B can be - (standard input).");
        }

        string[] a = ReadLabels(pathA, "FILE_A", context);
        string[] b = ReadLabels(pathB, "FILE_B", context);
        if (a.Length != b.Length)
        {
            var (longer, longerName, shorter) = a.Length > b.Length ? (pathA, "FILE_A", b.Length) : (pathB, "FILE_B", a.Length);
            throw new UsageException(
                $"FILE_A has {a.Length} labels but FILE_B has {b.Length}; they must pair up line by line "
                + $"(line {shorter + 1} of {longerName} '{NumberList.Escape(longer)}' has no partner).");
        }

        var table = ContingencyTable.FromLabels(a, b);
        int[] clusters = [table.Rows, table.Columns];
        if (request.Normalized is null && !request.Adjusted)
        {
            // Labels are samples of two discrete variables: I(A;B) by the one path of mi DATA, the automatic rule unless --estimator names another.
            var chosen = EstimatorChoice.ForCounts(request.Estimator, request.Bins, "labels");
            return MiSamples.Pair(request, context, Variable.Discrete<string>("A", a), Variable.Discrete<string>("B", b), pathA, chosen, [new("measure", "mutual_information"), new("clusters_a", clusters[0]), new("clusters_b", clusters[1])]);
        }

        if (request.SamplesOption is { } stray)
        {
            throw new UsageException($"{stray} does not apply to mi --labels with --normalized or --adjusted: NMI and AMI are defined on the plug-in counts (scikit-learn's normalized_mutual_info_score and adjusted_mutual_info_score), with no estimator, interval or p-value.");
        }

        var average = ParseAverage(request.Normalized);
        (string measure, string symbol, double value) = request.Adjusted
            ? ("adjusted_mutual_information", "AMI", Clustering.AdjustedMutualInformation(table, average))
            : ("normalized_mutual_information", "NMI", Clustering.NormalizedMutualInformation(table, average));
        if (request.Json)
        {
            CliOutput.Json(context, [
                new("value", value), new("unit", Unitless), new("measure", measure), new("average", AverageName(average)),
                new("n", table.Total), new("clusters_a", clusters[0]), new("clusters_b", clusters[1])]);
        }
        else
        {
            context.Out.WriteLine($"{symbol}(A;B) = {CliOutput.Number(value)} ({AverageName(average)} average; n = {table.Total}, {clusters[0]} × {clusters[1]} clusters)");
        }

        return ExitCodes.Success;
    }

    private static void RejectOtherForms(MiRequest request)
    {
        string? stray = request.Counts ? "--counts" : request.SamplesOptionBesides("--estimator", "--bins", "--ci", "--permutations", "--seed");
        if (stray is not null)
        {
            throw new UsageException($"{stray} does not apply to mi --labels.");
        }
    }

    /// <summary>One label per line, trimmed; a final newline is not a label; a blank line is an error.</summary>
    private static string[] ReadLabels(string path, string name, CliContext context)
    {
        string text = CliInput.ReadAllText(context, path, name);
        string[] lines = text.Split('\n');
        int count = lines.Length > 0 && lines[^1].Trim().Length == 0 ? lines.Length - 1 : lines.Length;
        if (count == 0)
        {
            throw new UsageException($"{name} '{NumberList.Escape(path)}' has no labels.");
        }

        var labels = new string[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = lines[i].Trim();
            if (labels[i].Length == 0)
            {
                throw new UsageException($"{name} '{NumberList.Escape(path)}' has an empty label on line {i + 1}.");
            }
        }

        return labels;
    }

    private static EntropyAverage ParseAverage(string? text) => text switch
    {
        null or "arithmetic" => EntropyAverage.Arithmetic,
        "geometric" => EntropyAverage.Geometric,
        "min" => EntropyAverage.Minimum,
        "max" => EntropyAverage.Maximum,
        _ => throw new UsageException($"--normalized '{NumberList.Escape(text)}' is not arithmetic, geometric, min or max."),
    };

    private static string AverageName(EntropyAverage average) => average switch
    {
        EntropyAverage.Geometric => "geometric",
        EntropyAverage.Minimum => "min",
        EntropyAverage.Maximum => "max",
        _ => "arithmetic",
    };
}
