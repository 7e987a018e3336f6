using System.CommandLine;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Measures;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon entropy P [--base B] [--json]</c>: the Shannon entropy of a distribution; <c>shannon entropy COUNTS --counts
/// [--estimator NAME]</c>: an entropy estimated from counts by the same choice as a discrete column; or
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
        var estimator = new Option<string?>("--estimator") { Description = $"With --samples: {EstimatorChoice.AllNames} (default auto: {EstimatorChoice.AutoDiscrete} for labels, spacing for numbers, kl for several numeric columns); with --counts: auto ({EstimatorChoice.AutoDiscrete}) or a discrete name." };
        var k = new Option<int?>("--k") { Description = "With --samples: neighbours of the k-NN estimators (default 3)." }.Within(OptionRanges.Neighbours);
        var bins = new Option<string?>("--bins") { Description = $"With --samples and binned: sturges|scott|fd|sqrt|doane|quantile[:N] or a bin count (N and the count in {OptionRanges.Bins.Min}–{OptionRanges.Bins.Max})." }.Validated();
        var ci = new Option<double?>("--ci") { Description = "With --samples: confidence level of a half-sampling interval, e.g. 0.95." }.Within(OptionRanges.Confidence);
        var seed = new Option<int?>("--seed") { Description = "With --samples: seed of the half-samples and of the k-NN jitter (default 0)." }.Within(OptionRanges.Seed);
        var logBase = CommonOptions.Base();
        var counts = new Option<bool>("--counts") { Description = $"P holds whole counts of observed values: estimated as a discrete column is (default {EstimatorChoice.AutoDiscrete}; --estimator plugin for the entropy of the counts divided by their sum)." };
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

            if (parse.GetValue(counts))
            {
                // Counts are observations: estimated as a discrete column of DATA is, by the automatic rule unless --estimator names another.
                var discrete = EstimatorChoice.ForCounts(parse.GetValue(estimator), parse.GetValue(bins), "counts");
                long[] observed = NumberList.WholeCounts(values, "--counts", "P");
                double? plugIn = discrete is PlugIn ? null : new PlugIn().Entropy(observed, unit).Value;
                SampleOutput.Write(context, parse.GetValue(json), "H(P)", discrete.Name, WithUncertainty.Entropy(discrete, observed, unit), plugIn: plugIn);
                return ExitCodes.Success;
            }

            if (parse.GetValue(estimator) is string name)
            {
                throw new UsageException($"--estimator {NumberList.Escape(name)} estimates from observations: give counts with --counts (or samples with --samples), not a distribution P.");
            }

            NumberList.RequireDistribution(values, "P");
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
}
