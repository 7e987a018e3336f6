using System.CommandLine;
using System.Globalization;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon info --joint FILE --shape A,B,C --measure entropy|cmi|tc|dtc|coinformation [--x AXES] [--y AXES] [--z AXES]
/// [--counts] [--base B] [--json]</c>: an information measure of an n-dimensional joint table given row-major.
/// </summary>
internal static class InfoCommand
{
    private static readonly string[] Measures = ["entropy", "cmi", "tc", "dtc", "coinformation"];

    public static Command Create(CliContext context)
    {
        var joint = new Option<string>("--joint") { Description = "The table p(x₁,…,xₙ), row-major: numbers separated by commas, whitespace or newlines; a file, inline, or - for stdin.", Required = true };
        var shape = new Option<string>("--shape") { Description = "Outcomes per axis, comma-separated (e.g. 2,2,2); their product is the number of cells.", Required = true };
        var measure = new Option<string>("--measure") { Description = "entropy: H(X|Z) (X = all axes by default); cmi: I(X;Y|Z); tc: total correlation; dtc: dual total correlation; coinformation (dit's sign).", Required = true };
        measure.AcceptOnlyFromAmong(Measures);
        var x = new Option<string?>("--x") { Description = "Axes of X, comma-separated (entropy, cmi)." };
        var y = new Option<string?>("--y") { Description = "Axes of Y, comma-separated (cmi)." };
        var z = new Option<string?>("--z") { Description = "Conditioning axes Z, comma-separated (entropy, cmi); none by default." };
        var counts = new Option<bool>("--counts") { Description = "The table holds counts; they are normalised explicitly." };
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var command = new Command("info", "Information measures of an n-dimensional joint table.\nExamples:\n  shannon info --joint 0.25,0,0,0.25,0,0.25,0.25,0 --shape 2,2,2 --measure coinformation --base 2\n  shannon info --joint table.txt --shape 3,4,2 --measure cmi --x 0 --y 1 --z 2")
        {
            joint, shape, measure, x, y, z, counts, logBase, json,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(measure)!;
            double[] values = NumberList.Read(parse.GetValue(joint)!, "--joint", context);
            if (parse.GetValue(counts))
            {
                Distributions.Normalize(values, values);
            }

            var table = new JointDistribution(values, Axes(parse.GetValue(shape), "--shape") ?? []);
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            var (xs, ys, zs) = (Axes(parse.GetValue(x), "--x"), Axes(parse.GetValue(y), "--y"), Axes(parse.GetValue(z), "--z"));
            var (label, value) = Compute(name, table, xs, ys, zs, unit);
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [new("value", value), new("unit", unit.Unit), new("measure", name), new("shape", table.Shape.ToArray())]);
            }
            else
            {
                context.Out.WriteLine($"{label} = {CliOutput.Number(value)} {unit.Unit}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (string Label, double Value) Compute(string measure, JointDistribution table, int[]? x, int[]? y, int[]? z, LogBase unit)
    {
        if (measure is "tc" or "dtc" or "coinformation")
        {
            if (x is not null || y is not null || z is not null)
            {
                throw new UsageException($"--measure {measure} uses every axis; --x, --y and --z do not apply (marginalise the table first).");
            }

            return measure switch
            {
                "tc" => ("TC", Multivariate.TotalCorrelation(table, unit)),
                "dtc" => ("DTC", Multivariate.DualTotalCorrelation(table, unit)),
                _ => ("co-information", Multivariate.CoInformation(table, unit)),
            };
        }

        if (measure == "entropy")
        {
            if (y is not null)
            {
                throw new UsageException("--measure entropy takes --x (default: every axis) and --z, not --y.");
            }

            int[] axes = x ?? Enumerable.Range(0, table.Rank).Where(a => z is null || !z.Contains(a)).ToArray();
            return (z is null ? "H(X)" : "H(X|Z)", MutualInformation.ConditionalEntropy(table, axes, z ?? [], unit));
        }

        if (x is null || y is null)
        {
            throw new UsageException("--measure cmi needs --x and --y (and optionally --z).");
        }

        return (z is null ? "I(X;Y)" : "I(X;Y|Z)", MutualInformation.Conditional(table, x, y, z ?? [], unit));
    }

    /// <summary>A comma-separated list of non-negative integers, or null when the option is absent.</summary>
    private static int[]? Axes(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        string[] parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var axes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out axes[i]))
            {
                throw new UsageException($"{option} has '{NumberList.Escape(parts[i])}', which is not a non-negative integer.");
            }
        }

        return axes;
    }
}
