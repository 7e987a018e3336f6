using System.CommandLine;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon entropy P [--base B] [--counts] [--json]</c>: the Shannon entropy of a distribution.</summary>
internal static class EntropyCommand
{
    public static Command Create(CliContext context)
    {
        var p = new Argument<string>("P") { Description = "Probabilities: 0.5,0.5, a file of numbers, or - for stdin." };
        var logBase = CommonOptions.Base();
        var counts = new Option<bool>("--counts") { Description = "P holds counts; they are normalised explicitly." };
        var json = CommonOptions.Json();
        var command = new Command("entropy", "Shannon entropy H(P) = −Σ p log p.\nExample: shannon entropy 0.5,0.5 --base 2")
        {
            p, logBase, counts, json,
        };
        command.SetAction(parse =>
        {
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            double[] values = NumberList.Read(parse.GetValue(p)!, "P", context);
            if (parse.GetValue(counts))
            {
                Distributions.Normalize(values, values);
            }

            double h = Entropy.Shannon(values, unit);
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [new("value", h), new("unit", unit.Unit)]);
            }
            else
            {
                context.Out.WriteLine($"H(P) = {CliOutput.Number(h)} {unit.Unit}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
