using System.CommandLine;
using Shannon.Bottleneck;
using Shannon.Reports.Bottleneck;
using Shannon.Reports.Plots;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon channel capacity --matrix FILE</c> and <c>shannon channel rate-distortion --source FILE --distortion FILE</c>:
/// Blahut–Arimoto for a discrete memoryless channel and a discrete source.
/// </summary>
internal static class ChannelCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("channel", "Channel capacity and rate–distortion by Blahut–Arimoto.");
        command.Subcommands.Add(Capacity(context));
        command.Subcommands.Add(RateDistortion(context));
        return command;
    }

    private static Command Capacity(CliContext context)
    {
        var matrix = new Option<string>("--matrix") { Description = "Channel matrix W(y|x): one row per input x, each row summing to 1.", Required = true };
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var command = new Command("capacity", "Capacity C = max over p(x) of I(X;Y), with the input that achieves it.\nExample: shannon channel capacity --matrix bsc.csv --base 2")
        {
            matrix, logBase, json,
        };
        command.SetAction(parse =>
        {
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            var (channel, inputs, outputs) = NumberTable.Read(parse.GetValue(matrix)!, "--matrix", context);
            var result = BlahutArimoto.Capacity(channel, inputs, outputs, logBase: unit);
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [
                    new("capacity", result.Capacity), new("unit", result.Unit.Unit), new("gap", result.Gap), new("input", result.Input),
                    new("output", result.Output), new("iterations", result.Iterations), new("converged", result.Converged)]);
            }
            else
            {
                context.Out.WriteLine($"C = {CliOutput.Number(result.Capacity)} {result.Unit} (gap ≤ {CliOutput.Number(result.Gap)}, {result.Iterations} iterations)");
                context.Out.WriteLine($"capacity-achieving input p(x) = {string.Join(", ", result.Input.Select(CliOutput.Number))}");
            }

            return result.Converged ? ExitCodes.Success : NotConverged(context);
        });
        return command;
    }

    private static Command RateDistortion(CliContext context)
    {
        var source = new Option<string>("--source") { Description = "Source distribution p(x): 0.3,0.7, or a file of numbers.", Required = true };
        var distortion = new Option<string>("--distortion") { Description = "Distortion matrix d(x, x̂): one row per source symbol.", Required = true };
        var points = new Option<int>("--points") { Description = "Points on the curve (default 30).", DefaultValueFactory = _ => 30 }.Within(OptionRanges.SweepPoints);
        var plot = new Option<string?>("--plot") { Description = "Write the R(D) plot to this .png or .svg file." }.FileOnly("the image format comes from the file's extension (.png or .svg)");
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var command = new Command(
            "rate-distortion",
            "The rate–distortion function R(D), traced over the slope β = −dR/dD from 0.1/d₀ to 100/d₀ (geometric; d₀ the smallest positive distortion).\n"
            + "Example: shannon channel rate-distortion --source 0.3,0.7 --distortion hamming.csv --base 2 --plot rd.png")
        {
            source, distortion, points, plot, logBase, json,
        };
        command.SetAction(parse =>
        {
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            string[] inputs = [parse.GetValue(source)!, parse.GetValue(distortion)!];
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null)
            {
                OutputPaths.CheckFigure(plotPath, "--plot", inputs);
            }

            double[] p = NumberList.Read(parse.GetValue(source)!, "--source", context);
            var (d, rows, reproductions) = NumberTable.Read(parse.GetValue(distortion)!, "--distortion", context);
            if (rows != p.Length)
            {
                throw new UsageException($"--distortion has {rows} rows but --source has {p.Length} symbols.");
            }

            int count = parse.GetValue(points);

            double scale = d.Where(v => v > 0).DefaultIfEmpty(1.0).Min();
            if (double.IsInfinity(100.0 / scale))
            {
                throw new UsageException($"--distortion's smallest positive entry {CliOutput.Number(scale)} is too small: the slopes β up to 100/d₀ would overflow; scale the distortions up (R(D) only rescales D).");
            }

            double[] betas = Enumerable.Range(0, count).Select(i => 0.1 * Math.Pow(1000.0, i / (double)(count - 1)) / scale).ToArray();
            // RateDistortionCurve solves each β from the uniform start: the same loop, counted for the progress display.
            RateDistortionPoint[] curve = WorkProgress.Run(context, "rate-distortion points", betas.Length, counter =>
                betas.Select(beta => { var point = BlahutArimoto.RateDistortion(p, d, reproductions, beta, logBase: unit); counter.Advance(); return point; }).ToArray());
            if (plotPath is not null)
            {
                FigureFile.Save(BottleneckFigures.RateDistortion(curve), plotPath, inputs);
            }

            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [
                    new("unit", unit.Unit),
                    new("points", curve.Select(c => new Dictionary<string, object>
                    {
                        ["beta"] = c.Beta, ["distortion"] = c.Distortion, ["rate"] = c.Rate, ["gap"] = c.Gap, ["converged"] = c.Converged,
                    }).ToArray()),
                    new("plot", plotPath is null ? null : Path.GetFullPath(plotPath))]);
            }
            else
            {
                context.Out.WriteLine($"{"beta",12} {"D",14} {"R (" + unit.Unit + ")",14}");
                foreach (var c in curve)
                {
                    context.Out.WriteLine($"{CliOutput.Number(c.Beta),12} {CliOutput.Number(c.Distortion),14} {CliOutput.Number(c.Rate),14}");
                }
            }

            return curve.All(c => c.Converged) ? ExitCodes.Success : NotConverged(context);
        });
        return command;
    }

    /// <summary>Warns on stderr that the iteration limit was hit; the printed result is still a certified bound.</summary>
    internal static int NotConverged(CliContext context)
    {
        context.Note("warning: Blahut–Arimoto hit its iteration limit; the reported gap bounds the error.");
        return ExitCodes.Success;
    }
}
