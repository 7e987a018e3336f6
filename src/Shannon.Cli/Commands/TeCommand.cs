using System.CommandLine;
using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon te DATA --source X --target Y [--history K] [--source-history L] [--delay D] [--condition Z1,Z2]
/// [--condition-history M] [--condition-delay E] [--trial COL] [--estimator plugin|gaussian|ksg] [--k K] [--permutations N]
/// [--surrogates auto|pooled|within-trials|swap-trials] [--seed S] [--base B] [--json]</c>: transfer entropy.
/// </summary>
internal static class TeCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string>("DATA") { Description = "CSV or Parquet file with a header, rows in time order (each trial's rows contiguous), or - for stdin." };
        var source = new Option<string>("--source") { Description = "The source column X.", Required = true };
        var target = new Option<string>("--target") { Description = "The target column Y.", Required = true };
        var history = new Option<int>("--history") { Description = "k, the target's history length.", DefaultValueFactory = _ => 1 }.Within(OptionRanges.History);
        var sourceHistory = new Option<int>("--source-history") { Description = "l, the source's history length.", DefaultValueFactory = _ => 1 }.Within(OptionRanges.History);
        var delay = new Option<int>("--delay") { Description = "d, the source-target delay: the latest source value used is X[t-d].", DefaultValueFactory = _ => 1 }.Within(OptionRanges.History);
        var condition = new Option<string?>("--condition") { Description = "Conditioning columns Z1,Z2 (conditional TE): each one's past (Z[t-1] by default) joins the condition." };
        var conditionHistory = new Option<int>("--condition-history") { Description = "The history length of every --condition column: Z[t-e..t-e-m+1] joins the condition.", DefaultValueFactory = _ => 1 }.Within(OptionRanges.History);
        var conditionDelay = new Option<int>("--condition-delay") { Description = "The delay e of every --condition column: its latest value used is Z[t-e].", DefaultValueFactory = _ => 1 }.Within(OptionRanges.History);
        var trial = new Option<string?>("--trial") { Description = "A column naming each row's trial; samples never straddle trials and are pooled." };
        var estimator = new Option<string?>("--estimator") { Description = $"{SeriesColumns.Names}; auto (default) is {EstimatorChoice.AutoDiscrete} for discrete columns and ksg (Frenzel-Pompe) for continuous ones." };
        var k = new Option<int?>("--k") { Description = "Neighbours of ksg (default 3)." }.Within(OptionRanges.Neighbours);
        var permutations = new Option<int?>("--permutations") { Description = "Surrogates (the source's past moved, the target's kept) for a p-value." }.Within(OptionRanges.Permutations);
        var surrogates = new Option<string>("--surrogates")
        {
            Description = "How surrogates move the source: pooled (shuffled across all samples), within-trials (shuffled inside each trial), swap-trials (whole trials of the source swapped, keeping each trial's structure; needs trials of equal length); auto (default): pooled for one trial, swap-trials when the trials have equal length and allow --permutations distinct swaps, within-trials otherwise.",
            DefaultValueFactory = _ => "auto",
        };
        surrogates.AcceptOnlyFromAmong("auto", "pooled", "within-trials", "swap-trials");
        var seed = new Option<int?>("--seed") { Description = "Seed of the surrogates and the k-NN tie-breaking jitter (default 0)." }.Within(OptionRanges.Seed);
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var types = CliTables.TypesOption();
        var command = new Command("te", "Transfer entropy TE(X->Y) = I(Y[t] ; X[t-d..t-d-l+1] | Y[t-1..t-k]).\nExamples:\n  shannon te series.csv --source x --target y --estimator ksg --permutations 99\n  shannon te spikes.csv --source a --target b --history 2 --trial trial --estimator plugin --base 2\n  shannon te eeg.csv --source a --target b --condition c --condition-history 2 --condition-delay 3 --trial trial --permutations 99 --surrogates swap-trials")
        {
            data, source, target, history, sourceHistory, delay, condition, conditionHistory, conditionDelay, trial, estimator, k, permutations, surrogates, seed, logBase, json, types,
        };
        command.SetAction(parse =>
        {
            CliTables.UseTypes(context, parse.GetValue(types));
            string[] conditions = string.IsNullOrWhiteSpace(parse.GetValue(condition)) ? [] : NumberList.Elements(parse.GetValue(condition)!, "--condition");
            if (parse.GetValue(condition) is not null && conditions.Length == 0)
            {
                throw new UsageException("--condition needs at least one column name.");
            }

            foreach (var option in new[] { conditionHistory, conditionDelay })
            {
                if (conditions.Length == 0 && parse.GetResult(option) is { Implicit: false })
                {
                    throw new UsageException($"{option.Name} applies to --condition columns; give --condition Z1,Z2 or leave {option.Name} out.");
                }
            }

            if (parse.GetValue(permutations) is null && parse.GetResult(surrogates) is { Implicit: false })
            {
                throw new UsageException("--surrogates chooses how the --permutations surrogates are drawn; give --permutations N or leave --surrogates out.");
            }

            (string, string)[] columns = [("--source", parse.GetValue(source)!), ("--target", parse.GetValue(target)!), .. conditions.Select(c => ("--condition", c))];
            var chosen = SeriesColumns.Conditional(parse.GetValue(estimator), parse.GetValue(k), parse.GetValue(seed));
            var (series, trials) = SeriesColumns.Read(context, parse.GetValue(data)!, parse.GetValue(trial), columns);
            series = [.. series.Select(s => SeriesColumns.ForEstimator(chosen, s))];
            var options = new TransferEntropyOptions
            {
                TargetHistory = parse.GetValue(history),
                SourceHistory = parse.GetValue(sourceHistory),
                Delay = parse.GetValue(delay),
                ConditionHistory = parse.GetValue(conditionHistory),
                ConditionDelay = parse.GetValue(conditionDelay),
                Trials = trials,
                Surrogates = Scheme(parse.GetValue(surrogates)!),
            };
            var uncertainty = new UncertaintyOptions { Permutations = parse.GetValue(permutations) ?? 0, Seed = parse.GetValue(seed) ?? EstimatorDefaults.Seed };
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            var result = TransferEntropy.Conditional(chosen, series[0], series[1], series[2..], options, uncertainty, unit);
            string label = $"TE({series[0].Name}->{series[1].Name}{(conditions.Length > 0 ? "|" + string.Join(",", conditions) : string.Empty)})";
            var used = chosen is Automatic automatic ? AutomaticPick(automatic, series, options) : chosen;
            string name = used.Name;
            int? neighbours = SampleColumns.Neighbours(used);
            SeriesColumns.Finite(result, label, name);
            SampleOutput.NoteWithheld(context, result);
            if (parse.GetValue(json))
            {
                var fields = new List<KeyValuePair<string, object?>>
                {
                    new("value", result.Value), new("unit", unit.Unit), new("estimator", name), new("n", result.N),
                    new("history", options.TargetHistory), new("source_history", options.SourceHistory), new("delay", options.Delay),
                };
                SeriesColumns.AddNeighbours(fields, neighbours);
                if (conditions.Length > 0)
                {
                    fields.Add(new("conditions", conditions));
                    fields.Add(new("condition_history", options.ConditionHistory));
                    fields.Add(new("condition_delay", options.ConditionDelay));
                }

                if (result.PValue is not null)
                {
                    SampleOutput.AddPValue(fields, result.PValue, uncertainty.Permutations);
                    fields.Add(new("permutations", uncertainty.Permutations));
                    fields.Add(new("surrogates", SchemeName(options.SurrogatesFor(conditions.Length > 0, uncertainty.Permutations))));
                }

                SampleOutput.AddWithheld(fields, result);

                CliOutput.Json(context, fields);
            }
            else
            {
                string line = $"{label} = {CliOutput.Number(result.Value)} {unit.Unit} ({name}{SeriesColumns.NeighboursText(neighbours)}, n = {result.N}, history k = {options.TargetHistory}, l = {options.SourceHistory}, d = {options.Delay}";
                if (conditions.Length > 0)
                {
                    line += $", condition history {options.ConditionHistory}, delay {options.ConditionDelay}";
                }

                if (result.PValue is double p)
                {
                    line += $", {SampleOutput.PValueText(p, uncertainty.Permutations)}, {SchemeName(options.SurrogatesFor(conditions.Length > 0, uncertainty.Permutations))} surrogates";
                }

                context.Out.WriteLine(line + ")");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static SurrogateScheme Scheme(string name) => name switch
    {
        "pooled" => SurrogateScheme.Pooled,
        "within-trials" => SurrogateScheme.WithinTrials,
        "swap-trials" => SurrogateScheme.SwapTrials,
        _ => SurrogateScheme.Automatic,
    };

    private static string SchemeName(SurrogateScheme scheme) => scheme switch
    {
        SurrogateScheme.Pooled => "pooled",
        SurrogateScheme.WithinTrials => "within-trials",
        SurrogateScheme.SwapTrials => "swap-trials",
        _ => "auto",
    };

    /// <summary>The estimator the automatic rule picks for the embedded variables (their kinds are the columns' kinds).</summary>
    private static IConditionalMutualInformationEstimator AutomaticPick(Automatic automatic, Variable[] series, TransferEntropyOptions options)
    {
        int[] times = [Math.Max(options.TargetHistory, options.Delay + options.SourceHistory - 1)];
        var present = series[1].Subset(times);
        var past = Embedding.Past(series[0], times, options.SourceHistory, options.Delay);
        var condition = Variable.Join([.. series[1..].Select(s => s.Subset(times))]);
        return automatic.For(present, past, condition);
    }
}
