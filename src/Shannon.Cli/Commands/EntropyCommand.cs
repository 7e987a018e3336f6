using System.CommandLine;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon entropy P [--base B] [--counts] [--json]</c>: the Shannon entropy of a distribution; or
/// <c>shannon entropy --samples DATA [--column C] [--estimator NAME] [--k K] [--bins RULE|N] [--ci L] [--seed S]</c>:
/// an entropy estimated from a column of samples.
/// </summary>
internal static class EntropyCommand
{
    public static Command Create(CliContext context)
    {
        var p = new Argument<string?>("P") { Description = "Probabilities: 0.5,0.5, a file of numbers, or - for stdin.", Arity = ArgumentArity.ZeroOrOne };
        var samples = new Option<string?>("--samples") { Description = "Estimate from samples: a CSV/Parquet file with a header, or - for stdin (instead of P)." };
        var column = new Option<string?>("--column") { Description = "With --samples: the column (needed when the file has several)." };
        var estimator = new Option<string?>("--estimator") { Description = $"With --samples, or with --counts for a discrete estimator: {EstimatorChoice.AllNames} (default auto: {EstimatorChoice.AutoDiscrete} for labels, spacing for numbers, kl for several numeric columns)." };
        var k = new Option<int?>("--k") { Description = "With --samples: neighbours of the k-NN estimators (default 3)." }.Within(OptionRanges.Neighbours);
        var bins = new Option<string?>("--bins") { Description = $"With --samples and binned: sturges|scott|fd|sqrt|doane|quantile[:N] or a bin count (N and the count in {OptionRanges.Bins.Min}–{OptionRanges.Bins.Max})." }.Validated();
        var ci = new Option<double?>("--ci") { Description = "With --samples: confidence level of a half-sampling interval, e.g. 0.95." }.Within(OptionRanges.Confidence);
        var seed = new Option<int?>("--seed") { Description = "With --samples: seed of the half-samples and of the k-NN jitter (default 0)." }.Within(OptionRanges.Seed);
        var logBase = CommonOptions.Base();
        var counts = new Option<bool>("--counts") { Description = "P holds counts; they are normalised explicitly." };
        var json = CommonOptions.Json();
        var types = CliTables.TypesOption();
        var command = new Command("entropy", "Shannon entropy H(P) = −Σ p log p, or an entropy estimated from samples.\nExamples:\n  shannon entropy 0.5,0.5 --base 2\n  shannon entropy --samples data.csv --column age --ci 0.95")
        {
            p, logBase, counts, json, samples, column, estimator, k, bins, ci, seed, types,
        };
        command.SetAction(parse =>
        {
            CliTables.UseTypes(context, parse.GetValue(types));
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            if (parse.GetValue(samples) is string data)
            {
                if (parse.GetValue(p) is not null || parse.GetValue(counts))
                {
                    throw new UsageException("entropy takes either P (a distribution) or --samples DATA, not both.");
                }

                return EntropySamples.Run(
                    data, parse.GetValue(column), parse.GetValue(estimator), parse.GetValue(k), parse.GetValue(bins),
                    parse.GetValue(ci), parse.GetValue(seed), unit, parse.GetValue(json), context);
            }

            double[] values = NumberList.Read(parse.GetValue(p) ?? throw new UsageException("entropy needs P (e.g. 0.5,0.5) or --samples DATA."), "P", context);
            string? stray = parse.GetValue(ci) is not null ? "--ci" : parse.GetValue(column) is not null ? "--column" : null;
            if (stray is not null)
            {
                throw new UsageException($"{stray} does not apply to entropy P (a distribution or --counts): {(stray == "--ci" ? "a half-sampling interval needs" : "columns belong to")} samples given with --samples DATA.");
            }

            if (parse.GetValue(estimator) is string name)
            {
                // An estimator estimates from observations: inline counts are as good as a file of samples.
                if (!parse.GetValue(counts))
                {
                    throw new UsageException($"--estimator {NumberList.Escape(name)} estimates from observations: give counts with --counts (or samples with --samples), not a distribution P.");
                }

                var discrete = EstimatorChoice.Require<Estimators.ICountEntropyEstimator>(EstimatorChoice.Parse(name, parse.GetValue(k), parse.GetValue(seed), parse.GetValue(bins)), "an entropy from counts");
                SampleOutput.Write(context, parse.GetValue(json), "H(P)", discrete.Name, discrete.Entropy(Counts(values), unit));
                return ExitCodes.Success;
            }

            if (parse.GetValue(counts))
            {
                Distributions.Normalize(values, values);
            }
            else
            {
                NumberList.RequireDistribution(values, "P");
            }

            double h = Entropy.Of(values, unit);
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

    /// <summary>The largest count the estimators take from P: 10¹⁸, so that a sum of a few of them stays within a long (2⁶³ − 1 ≈ 9.2·10¹⁸).</summary>
    private const double LargestCount = 1e18;

    /// <summary>Inline counts as whole numbers, or a usage error naming the first that is not one, by what is wrong with it.</summary>
    private static long[] Counts(double[] values)
    {
        var counts = new long[values.Length];
        long total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            string entry = $"--counts entry {i + 1} is {v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
            counts[i] = !(v >= 0) || v != Math.Floor(v) ? throw new UsageException($"{entry}; an estimator needs whole, non-negative counts.")
                : v > LargestCount ? throw new UsageException($"{entry}, more than the largest count an estimator takes (10^18; counts are held as 64-bit integers, at most 2^63 - 1, and summed).")
                : (long)v;
            total = total > long.MaxValue - counts[i]
                ? throw new UsageException($"--counts: the counts of P sum past 2^63 - 1 = {long.MaxValue} at entry {i + 1}; the total must fit in a 64-bit integer.")
                : total + counts[i];
        }

        return counts;
    }
}
