using System.CommandLine;
using System.Globalization;
using Shannon.Bottleneck;
using Shannon.Reports.Bottleneck;
using Shannon.Reports.Plots;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon ib --joint FILE [--beta B | --sweep B0:B1:N] [--clusters K] [--deterministic] [--json] [--plot OUT]</c>:
/// the information bottleneck of a joint distribution p(x, y).
/// </summary>
internal static class IbCommand
{
    private const string DefaultSweep = "0.1:100:50";

    /// <summary>The most cells p(t|x) may have (|X| × |T|): 2²⁶ doubles, 512 MiB per copy.</summary>
    private const long MaxEncoderCells = 1L << 26;

    public static Command Create(CliContext context)
    {
        var joint = new Option<string>("--joint") { Description = "Joint distribution p(x, y): one row per x, entries summing to 1.", Required = true };
        var beta = new Option<double?>("--beta") { Description = "Solve at one trade-off β." }.Within(OptionRanges.NonNegative);
        var sweep = new Option<string?>("--sweep") { Description = $"Trace the IB curve over N geometric β from B0 to B1 (default {DefaultSweep}; N in {OptionRanges.SweepPoints.Min}–{OptionRanges.SweepPoints.Max})." };
        var clusters = new Option<int?>("--clusters") { Description = "|T|, the bottleneck's cardinality (default |X|, at most 10000); |X| × |T| may not exceed 2^26." }.Within(OptionRanges.Clusters);
        var deterministic = new Option<bool>("--deterministic") { Description = "Deterministic IB (Strouse & Schwab 2017): hard clusters, H(T) − β I(T;Y)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the initial encoder (default 0).", DefaultValueFactory = _ => 0 }.Within(OptionRanges.Seed);
        var restarts = new Option<int?>("--restarts") { Description = $"With --beta (iterative IB): starts to try, the one with the least I(X;T) − β I(T;Y) kept (default {InformationBottleneck.DefaultRestarts}: the seed's random start, an annealed start, and random starts from derived seeds)." }.Within(OptionRanges.Restarts);
        var plot = new Option<string?>("--plot") { Description = "Write the information-plane plot to this .png or .svg file." }.FileOnly("the image format comes from the file's extension (.png or .svg)");
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var command = new Command(
            "ib",
            "Information bottleneck (Tishby, Pereira & Bialek 1999): compress X into T, keep what predicts Y.\n"
            + "Examples:\n  shannon ib --joint joint.csv --beta 5 --clusters 3 --base 2\n  shannon ib --joint joint.csv --sweep 0.1:100:40 --plot ib.png")
        {
            joint, beta, sweep, clusters, deterministic, seed, restarts, plot, logBase, json,
        };
        command.SetAction(parse =>
        {
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null)
            {
                OutputPaths.CheckFigure(plotPath, "--plot", [parse.GetValue(joint)!]);
            }

            double? single = parse.GetValue(beta);
            string? range = parse.GetValue(sweep);
            if (single is not null && range is not null)
            {
                throw new UsageException("ib takes --beta B or --sweep B0:B1:N, not both.");
            }

            if (parse.GetValue(restarts) is { } given && (single is null || parse.GetValue(deterministic)))
            {
                throw new UsageException($"--restarts {given} applies to the iterative IB at one --beta; {(single is null ? "a sweep anneals from one start" : "--deterministic solves from one start")}.");
            }

            double[]? betas = single is null ? ParseSweep(range ?? DefaultSweep) : null;
            var (p, xCount, yCount) = NumberTable.Read(parse.GetValue(joint)!, "--joint", context);
            int k = parse.GetValue(clusters) ?? Math.Min(xCount, OptionRanges.Clusters.Max);
            if ((long)xCount * k > MaxEncoderCells)
            {
                throw new UsageException($"the encoder p(t|x) would have |X| × |T| = {xCount} × {k} cells, more than {MaxEncoderCells}; choose a smaller --clusters.");
            }

            int s = parse.GetValue(seed);
            bool hard = parse.GetValue(deterministic);
            BottleneckSolution[] solutions = single is { } b
                ? [hard ? DeterministicBottleneck.Solve(p, xCount, yCount, b, k, s, logBase: unit) : InformationBottleneck.Iterative(p, xCount, yCount, b, k, s, logBase: unit, restarts: parse.GetValue(restarts) ?? InformationBottleneck.DefaultRestarts)]
                : WorkProgress.Run(context, hard ? "deterministic IB, β" : "annealing the IB curve, β", betas!.Length, counter => hard
                    // Sweep solves each β alone from the same seeded start: the same loop, counted.
                    ? [.. betas!.Select(beta => { var solution = DeterministicBottleneck.Solve(p, xCount, yCount, beta, k, s, logBase: unit); counter.Advance(); return solution; })]
                    : InformationBottleneck.Anneal(p, xCount, yCount, betas!, k, s, logBase: unit, progress: new CountingProgress(counter)));
            double mutualInformation = solutions[0].MutualInformation;
            if (plotPath is not null)
            {
                FigureFile.Save(BottleneckFigures.InformationCurve(solutions), plotPath, [parse.GetValue(joint)!]);
            }

            Write(context, solutions, mutualInformation, unit, single is not null, plotPath, parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(CliContext context, BottleneckSolution[] solutions, double mutualInformation, LogBase unit, bool single, string? plotPath, bool json)
    {
        if (json)
        {
            var fields = new List<KeyValuePair<string, object?>> { new("unit", unit.Unit), new("mutual_information", mutualInformation) };
            if (single)
            {
                var s = solutions[0];
                fields.AddRange(Point(s));
                fields.Add(new("encoder", Rows(s.Encoder, s.Clusters)));
            }
            else
            {
                fields.Add(new("points", solutions.Select(s => new Dictionary<string, object?>(Point(s))).ToArray()));
            }

            fields.Add(new("plot", plotPath is null ? null : Path.GetFullPath(plotPath)));
            CliOutput.Json(context, fields);
            return;
        }

        context.Out.WriteLine($"I(X;Y) = {CliOutput.Number(mutualInformation)} {unit.Unit}");
        context.Out.WriteLine($"{"beta",12} {"I(X;T)",14} {"I(T;Y)",14} {"H(T)",14}");
        foreach (var s in solutions)
        {
            context.Out.WriteLine(
                $"{CliOutput.Number(s.Beta),12} {CliOutput.Number(s.CompressionInformation),14} {CliOutput.Number(s.RelevantInformation),14} {CliOutput.Number(s.ClusterEntropy),14}");
        }

        if (single && solutions[0].Restarts > 1)
        {
            context.Out.WriteLine($"best of {solutions[0].Restarts} starts by I(X;T) − β I(T;Y){(solutions[0].Converged ? string.Empty : "; it did not converge")}");
        }

        if (solutions.Any(s => !s.Converged))
        {
            context.Note("warning: some β hit the iteration limit (near a phase transition); those points are approximate.");
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Point(BottleneckSolution s) =>
    [
        new("beta", s.Beta), new("clusters", s.Clusters), new("compression", s.CompressionInformation),
        new("relevant", s.RelevantInformation), new("cluster_entropy", s.ClusterEntropy),
        new("iterations", s.Iterations), new("converged", s.Converged), new("restarts", s.Restarts),
    ];

    private static double[][] Rows(double[] values, int columns) =>
        Enumerable.Range(0, values.Length / columns).Select(r => values[(r * columns)..((r + 1) * columns)]).ToArray();

    /// <summary>Parses <c>B0:B1:N</c> into N geometrically spaced β (B0, B1 &gt; 0, N ≥ 2).</summary>
    internal static double[] ParseSweep(string text)
    {
        string[] parts = text.Split(':');
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double from)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double to)
            || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
        {
            throw new UsageException($"--sweep '{NumberList.Escape(text)}' is not B0:B1:N (e.g. 0.1:100:50).");
        }

        if (!(from > 0) || !(to >= from) || double.IsInfinity(to))
        {
            throw new UsageException($"--sweep needs 0 < B0 ≤ B1 (finite); got '{NumberList.Escape(text)}'.");
        }

        OptionRanges.Check(count, OptionRanges.SweepPoints, "--sweep's N");

        // Interpolated in log space with exact ends: from · (to / from)^t overflowed for a ratio beyond 1.8e308
        // (1e-320:1e308), and the solver then blamed an infinite entry of "betas", a name the user never typed.
        double logFrom = Math.Log(from);
        double logRatio = Math.Log(to) - logFrom;
        return Enumerable.Range(0, count)
            .Select(i => i == 0 ? from : i == count - 1 ? to : Math.Exp(logFrom + (logRatio * i / (count - 1))))
            .ToArray();
    }
}
