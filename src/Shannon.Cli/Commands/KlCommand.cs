using System.CommandLine;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon kl P Q [--counts] [--base B] [--json]</c>: D_KL(P‖Q) = Σ p log(p/q).</summary>
internal static class KlCommand
{
    public static Command Create(CliContext context)
    {
        var pair = new DistributionPair();
        var command = pair.Command("kl", "Kullback–Leibler divergence D_KL(P‖Q) = Σ p log(p/q); Infinity where q = 0 < p.\nExample: shannon kl 0.9,0.1 0.5,0.5 --base bits");
        command.SetAction(parse =>
        {
            var (p, q, unit) = pair.Read(parse, context);
            return pair.Write(parse, context, "D_KL(P || Q)", "kullback-leibler", Divergence.KullbackLeibler(p, q, unit), unit);
        });
        return command;
    }
}
