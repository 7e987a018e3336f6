using System.CommandLine;
using System.Globalization;
using Shannon.Estimators;
using Shannon.HigherOrder;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon info --joint FILE --shape A,B,C --measure entropy|cmi|tc|dtc|coinformation|o-information|s-information [--x AXES]
/// [--y AXES] [--z AXES] [--counts] [--base B] [--json]</c>: an information measure of an n-dimensional joint table given
/// row-major; <c>shannon info DATA --columns a,b,c --measure o-information|s-information [--estimator …]</c>: O- or
/// S-information estimated from columns of a data file.
/// </summary>
internal static class InfoCommand
{
    private static readonly string[] Measures = ["entropy", "cmi", "tc", "dtc", "coinformation", "o-information", "s-information"];

    public static Command Create(CliContext context)
    {
        var data = new Argument<string?>("DATA") { Description = "CSV or Parquet file with a header (samples form: --columns), or - for stdin.", Arity = ArgumentArity.ZeroOrOne };
        var joint = new Option<string?>("--joint") { Description = "The table p(x₁,…,xₙ), row-major: numbers separated by commas, whitespace or newlines; a file, inline, or - for stdin." };
        var shape = new Option<string?>("--shape") { Description = "Outcomes per axis, comma-separated (e.g. 2,2,2); their product is the number of cells." };
        var measure = new Option<string>("--measure") { Description = "entropy: H(X|Z) (X = all axes by default); cmi: I(X;Y|Z); tc: total correlation; dtc: dual total correlation; coinformation (dit's sign); o-information: TC − DTC (> 0 redundancy, < 0 synergy); s-information: TC + DTC.", Required = true };
        measure.AcceptOnlyFromAmong(Measures);
        var x = new Option<string?>("--x") { Description = "Axes of X, comma-separated (entropy, cmi)." };
        var y = new Option<string?>("--y") { Description = "Axes of Y, comma-separated (cmi)." };
        var z = new Option<string?>("--z") { Description = "Conditioning axes Z, comma-separated (entropy, cmi); none by default." };
        var counts = new Option<bool>("--counts") { Description = "The table holds whole counts of observations: the measure is the plug-in one of the counts divided by their total (named plugin, with n), not bias-corrected; mi --joint --counts and entropy --counts apply Grassberger, which info does not yet do on tables of more axes." };
        var columns = new Option<string?>("--columns") { Description = "Samples form: the columns, one variable each, comma-separated (o-information, s-information)." };
        var estimator = new Option<string?>("--estimator") { Description = $"Samples form: the mutual information estimator, {EstimatorChoice.AllNames} (default auto: {EstimatorChoice.AutoDiscrete} for discrete columns, ksg1 for continuous ones)." };
        var k = new Option<int?>("--k") { Description = "Samples form: neighbours of the k-NN estimators (default 3)." }.Within(OptionRanges.Neighbours);
        var seed = new Option<int?>("--seed") { Description = "Samples form: seed of the k-NN tie-breaking jitter (default 0)." }.Within(OptionRanges.Seed);
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var types = CliTables.TypesOption();
        var command = new Command("info", "Information measures of an n-dimensional joint table, or O-/S-information of data columns.\nExamples:\n  shannon info --joint 0.25,0,0,0.25,0,0.25,0.25,0 --shape 2,2,2 --measure coinformation --base 2\n  shannon info --joint table.txt --shape 3,4,2 --measure cmi --x 0 --y 1 --z 2\n  shannon info data.csv --columns a,b,c --measure o-information --estimator gaussian")
        {
            data, joint, shape, measure, x, y, z, counts, columns, estimator, k, seed, logBase, json, types,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(measure)!;
            if ((parse.GetValue(data) is null) == (parse.GetValue(joint) is null))
            {
                throw new UsageException("info needs exactly one input: --joint FILE --shape A,B,… or DATA --columns a,b,….");
            }

            if (parse.GetValue(data) is { } path)
            {
                CliTables.UseTypes(context, parse.GetValue(types));
                return Samples(context, path, parse.GetValue(columns), name, parse.GetValue(estimator), parse.GetValue(k), parse.GetValue(seed), LogBase.Parse(parse.GetValue(logBase)!), parse.GetValue(json));
            }

            if (parse.GetValue(columns) is not null || parse.GetValue(estimator) is not null)
            {
                throw new UsageException("--columns and --estimator belong to the samples form (DATA); a --joint table is exact.");
            }

            if (parse.GetValue(shape) is null)
            {
                throw new UsageException("--joint needs --shape A,B,… (the outcomes per axis).");
            }

            double[] values = NumberList.Read(parse.GetValue(joint)!, "--joint", context);
            long? n = parse.GetValue(counts) ? NumberList.PlugInCounts(values, "--joint") : null;
            if (n is null)
            {
                NumberList.RequireDistribution(values, "--joint");
            }

            var table = new JointDistribution(values, Axes(parse.GetValue(shape), "--shape") ?? []);
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            var (xs, ys, zs) = (Axes(parse.GetValue(x), "--x"), Axes(parse.GetValue(y), "--y"), Axes(parse.GetValue(z), "--z"));
            var (label, value) = Compute(name, table, xs, ys, zs, unit);
            if (parse.GetValue(json))
            {
                List<KeyValuePair<string, object?>> fields = [new("value", value), new("unit", unit.Unit), new("measure", name), new("shape", table.Shape.ToArray())];
                NumberList.AddPlugIn(fields, n);
                CliOutput.Json(context, fields);
            }
            else
            {
                context.Out.WriteLine($"{label} = {CliOutput.Number(value)} {unit.Unit}{(n is long total ? $" ({NumberList.PlugInText(total)})" : string.Empty)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (string Label, double Value) Compute(string measure, JointDistribution table, int[]? x, int[]? y, int[]? z, LogBase unit)
    {
        if (measure is "tc" or "dtc" or "coinformation" or "o-information" or "s-information")
        {
            if (x is not null || y is not null || z is not null)
            {
                throw new UsageException($"--measure {measure} uses every axis; --x, --y and --z do not apply (marginalise the table first).");
            }

            return measure switch
            {
                "tc" => ("TC", Multivariate.TotalCorrelation(table, unit)),
                "dtc" => ("DTC", Multivariate.DualTotalCorrelation(table, unit)),
                "o-information" => ("O-information", Multivariate.OInformation(table, unit)),
                "s-information" => ("S-information", Multivariate.SInformation(table, unit)),
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

    /// <summary>O- or S-information of data columns, each column one variable, by the chosen mutual information estimator.</summary>
    private static int Samples(CliContext context, string path, string? columns, string measure, string? estimatorName, int? k, int? seed, LogBase unit, bool json)
    {
        if (measure is not ("o-information" or "s-information"))
        {
            throw new UsageException($"--measure {measure} takes a --joint table; from data columns info estimates o-information or s-information.");
        }

        string[] names = string.IsNullOrWhiteSpace(columns) ? [] : NumberList.Elements(columns, "--columns");
        if (names.Length < 2)
        {
            throw new UsageException("--columns needs at least two column names, e.g. --columns a,b,c.");
        }

        var variables = SampleColumns.Read(context, path, [.. names.Select(n => ("--columns", (string?)n))]);
        var estimator = EstimatorChoice.Require<IMutualInformationEstimator>(EstimatorChoice.Parse(estimatorName, k, seed, null), "I(X;Y), which O- and S-information are sums of");
        SampleColumns.RequireNeighbours(estimator is Automatic picked ? picked.For(variables[0], variables[1]) : estimator, variables[0].Rows, path, variables);
        var estimate = measure == "o-information" ? OInformation.Estimate(estimator, variables, unit) : SInformation.Estimate(estimator, variables, unit);
        string shown = estimator is Automatic automatic ? automatic.For(variables[0], variables[1]).Name : estimator.Name;
        if (!double.IsFinite(estimate.Value))
        {
            throw new InvalidDataException($"the {shown} estimate of the {measure} is not finite: tied or collinear samples; use a discrete estimator for labels.");
        }

        SampleOutput.NoteWithheld(context, estimate);
        if (json)
        {
            List<KeyValuePair<string, object?>> fields = [new("value", estimate.Value), new("unit", unit.Unit), new("measure", measure), new("n", estimate.N), new("estimator", shown)];
            SampleOutput.AddWithheld(fields, estimate);
            CliOutput.Json(context, fields);
        }
        else
        {
            string label = measure == "o-information" ? "O-information" : "S-information";
            context.Out.WriteLine($"{label}({string.Join(",", names)}) = {CliOutput.Number(estimate.Value)} {unit.Unit} ({shown}, n = {estimate.N})");
        }

        return ExitCodes.Success;
    }

    /// <summary>A comma-separated list of non-negative integers, or null when the option is absent.</summary>
    private static int[]? Axes(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        string[] parts = string.IsNullOrWhiteSpace(text) ? [] : NumberList.Elements(text, option);
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
