using System.CommandLine;
using System.Globalization;
using Shannon.Decomposition;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon pid --joint P --shape A,B,C [--measure imin|mmi] [--counts] [--base B] [--json]</c>: the partial information
/// decomposition of I(S₁, S₂ ; T) of a three-axis table (sources axes 0 and 1, the target axis 2).
/// </summary>
internal static class PidCommand
{
    public static Command Create(CliContext context)
    {
        var joint = new Option<string>("--joint") { Description = "The table p(s1, s2, t), row-major: numbers separated by commas, whitespace or newlines; a file, inline, or - for stdin.", Required = true };
        var shape = new Option<string>("--shape") { Description = "Outcomes of source 1, source 2 and the target, e.g. 2,2,2.", Required = true };
        var measure = new Option<string>("--measure") { Description = "imin: Williams-Beer I_min (default); mmi: minimum mutual information.", DefaultValueFactory = _ => "imin" };
        measure.AcceptOnlyFromAmong("imin", "mmi");
        var counts = new Option<bool>("--counts") { Description = "The table holds whole counts of observations: the decomposition is the plug-in one of the counts divided by their total (named plugin, with n). No bias-corrected estimator applies: I_min and MMI take minima over specific or mutual informations of the distribution, which Grassberger's entropy correction does not reach." };
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var command = new Command("pid", "Partial information decomposition of I(S1,S2;T): redundancy, unique information, synergy.\nExamples:\n  shannon pid --joint 0.25,0,0,0.25,0,0.25,0.25,0 --shape 2,2,2 --base 2      # XOR: 1 bit of synergy\n  shannon pid --joint 0.25,0,0.25,0,0.25,0,0,0.25 --shape 2,2,2 --base 2      # AND")
        {
            joint, shape, measure, counts, logBase, json,
        };
        command.SetAction(parse =>
        {
            double[] values = NumberList.Read(parse.GetValue(joint)!, "--joint", context);
            long? n = parse.GetValue(counts) ? NumberList.PlugInCounts(values, "--joint") : null;
            if (n is null)
            {
                NumberList.RequireDistribution(values, "--joint");
            }

            int[] axes = Shape(parse.GetValue(shape)!);
            if (axes.Length != 3)
            {
                throw new UsageException($"--shape has {axes.Length} axes; pid needs three: source 1, source 2, target.");
            }

            var table = new JointDistribution(values, axes);
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            string name = parse.GetValue(measure)!;
            var atoms = PartialInformation.Of(table, name == "mmi" ? RedundancyMeasure.Mmi : RedundancyMeasure.Imin, unit);
            if (parse.GetValue(json))
            {
                List<KeyValuePair<string, object?>> fields = [
                    new("redundancy", atoms.Redundancy), new("unique_1", atoms.Unique1), new("unique_2", atoms.Unique2), new("synergy", atoms.Synergy),
                    new("mutual_information", atoms.MutualInformation), new("unit", unit.Unit), new("measure", name)];
                NumberList.AddPlugIn(fields, n);
                CliOutput.Json(context, fields);
            }
            else
            {
                context.Out.WriteLine($"redundancy = {CliOutput.Number(atoms.Redundancy)} {unit.Unit}");
                context.Out.WriteLine($"unique_1 = {CliOutput.Number(atoms.Unique1)} {unit.Unit}");
                context.Out.WriteLine($"unique_2 = {CliOutput.Number(atoms.Unique2)} {unit.Unit}");
                context.Out.WriteLine($"synergy = {CliOutput.Number(atoms.Synergy)} {unit.Unit}");
                context.Out.WriteLine($"I(S1,S2;T) = {CliOutput.Number(atoms.MutualInformation)} {unit.Unit} ({name}{(n is long total ? ", " + NumberList.PlugInText(total) : string.Empty)})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static int[] Shape(string text)
    {
        string[] parts = string.IsNullOrWhiteSpace(text) ? [] : NumberList.Elements(text, "--shape");
        var axes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out axes[i]))
            {
                throw new UsageException($"--shape has '{NumberList.Escape(parts[i])}', which is not a non-negative integer.");
            }
        }

        return axes;
    }
}
