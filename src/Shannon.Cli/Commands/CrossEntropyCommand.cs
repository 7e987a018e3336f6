using System.CommandLine;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon cross-entropy P Q [--counts] [--base B] [--json]</c>: H(P, Q) = −Σ p log q.</summary>
internal static class CrossEntropyCommand
{
    public static Command Create(CliContext context)
    {
        var pair = new DistributionPair();
        var command = pair.Command("cross-entropy", "Cross-entropy H(P, Q) = −Σ p log q = H(P) + D_KL(P‖Q).\nExample: shannon cross-entropy 0.7,0.2,0.1 0.6,0.25,0.15 --base 2");
        command.SetAction(parse =>
        {
            var (p, q, unit) = pair.Read(parse, context);
            return pair.Write(parse, context, "H(P, Q)", "cross-entropy", CrossEntropy.Of(p, q, unit), unit);
        });
        return command;
    }
}
