using System.CommandLine;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// The shared surface of the two-distribution commands (<c>cross-entropy</c>, <c>kl</c>, <c>js</c>):
/// P and Q arguments, <c>--counts</c>, <c>--base</c>, <c>--json</c>, and the one-line or JSON result.
/// </summary>
internal sealed class DistributionPair
{
    private readonly Argument<string> _p = new("P") { Description = "First distribution: 0.7,0.2,0.1, a file of numbers, or - for stdin." };
    private readonly Argument<string> _q = new("Q") { Description = "Second distribution, the same length as P: inline, a file, or - for stdin (when P is not)." };
    private readonly Option<bool> _counts = new("--counts") { Description = "P and Q hold counts; each is normalised explicitly." };
    private readonly Option<string> _base = CommonOptions.Base();
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>A command with P, Q and the shared options; add extra options before setting the action.</summary>
    public Command Command(string name, string description) => new(name, description) { _p, _q, _counts, _base, _json };

    /// <summary>Reads P and Q (normalising counts when asked) and the unit.</summary>
    public (double[] P, double[] Q, LogBase Unit) Read(ParseResult parse, CliContext context)
    {
        var unit = LogBase.Parse(parse.GetValue(_base)!);
        double[] p = NumberList.Read(parse.GetValue(_p)!, "P", context);
        double[] q = NumberList.Read(parse.GetValue(_q)!, "Q", context);
        if (parse.GetValue(_counts))
        {
            Distributions.Normalize(p, p);
            Distributions.Normalize(q, q);
        }
        else
        {
            NumberList.RequireDistribution(p, "P");
            NumberList.RequireDistribution(q, "Q");
        }

        return (p, q, unit);
    }

    /// <summary>Writes <c>{"value":…,"unit":…,"measure":…}</c> with <c>--json</c>, else <c>label = value unit</c>.</summary>
    public int Write(ParseResult parse, CliContext context, string label, string measure, double value, LogBase unit)
    {
        if (parse.GetValue(_json))
        {
            CliOutput.Json(context, [new("value", value), new("unit", unit.Unit), new("measure", measure)]);
        }
        else
        {
            context.Out.WriteLine($"{label} = {CliOutput.Number(value)} {unit.Unit}");
        }

        return ExitCodes.Success;
    }
}
