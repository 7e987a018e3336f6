using System.CommandLine;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon js P Q [--distance] [--counts] [--base B] [--json]</c>: Jensen–Shannon divergence or distance.</summary>
internal static class JsCommand
{
    public static Command Create(CliContext context)
    {
        var pair = new DistributionPair();
        var distance = new Option<bool>("--distance") { Description = "Print the Jensen–Shannon distance √JS (a metric) instead of the divergence." };
        var command = pair.Command("js", "Jensen–Shannon divergence JS(P, Q) = ½ D_KL(P‖M) + ½ D_KL(Q‖M), M = ½(P + Q).\nExample: shannon js 0.5,0.5 0.9,0.1 --base 2 --distance");
        command.Options.Add(distance);
        command.SetAction(parse =>
        {
            var (p, q, unit) = pair.Read(parse, context);
            return parse.GetValue(distance)
                ? pair.Write(parse, context, "JS distance(P, Q)", "jensen-shannon-distance", Divergence.JensenShannonDistance(p, q, unit), unit)
                : pair.Write(parse, context, "JS(P, Q)", "jensen-shannon", Divergence.JensenShannon(p, q, unit), unit);
        });
        return command;
    }
}
