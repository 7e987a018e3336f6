using System.CommandLine;
using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon ais DATA --column Y [--history K] [--trial COL] [--estimator plugin|gaussian|ksg] [--k K] [--seed S]
/// [--base B] [--json]</c>: active information storage I(Y_t ; Y_{t−1}, …, Y_{t−k}).
/// </summary>
internal static class AisCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string>("DATA") { Description = "CSV or Parquet file with a header, rows in time order (each trial's rows contiguous), or - for stdin." };
        var column = new Option<string>("--column") { Description = "The series Y.", Required = true };
        var history = new Option<int>("--history") { Description = "k, the history length.", DefaultValueFactory = _ => 1 }.Within(OptionRanges.History);
        var trial = new Option<string?>("--trial") { Description = "A column naming each row's trial; samples never straddle trials and are pooled." };
        var estimator = new Option<string?>("--estimator") { Description = $"{SeriesColumns.Names}; auto (default) is {EstimatorChoice.AutoDiscrete} for a discrete column and ksg for a continuous one." };
        var k = new Option<int?>("--k") { Description = "Neighbours of ksg (default 3)." }.Within(OptionRanges.Neighbours);
        var permutations = new Option<int?>("--permutations") { Description = "Permutations of the past blocks for a p-value." }.Within(OptionRanges.Permutations);
        var seed = new Option<int?>("--seed") { Description = "Seed of the permutations and the k-NN tie-breaking jitter (default 0)." }.Within(OptionRanges.Seed);
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var types = CliTables.TypesOption();
        var command = new Command("ais", "Active information storage AIS(Y) = I(Y[t] ; Y[t-1..t-k]).\nExamples:\n  shannon ais series.csv --column y --history 2 --estimator gaussian")
        {
            data, column, history, trial, estimator, k, permutations, seed, logBase, json, types,
        };
        command.SetAction(parse =>
        {
            CliTables.UseTypes(context, parse.GetValue(types));
            var chosen = SeriesColumns.Mutual(parse.GetValue(estimator), parse.GetValue(k), parse.GetValue(seed));
            var (series, trials) = SeriesColumns.Read(context, parse.GetValue(data)!, parse.GetValue(trial), ("--column", parse.GetValue(column)!));
            var y = SeriesColumns.ForEstimator(chosen, series[0]);
            var options = new TransferEntropyOptions { TargetHistory = parse.GetValue(history), Trials = trials };
            var uncertainty = new UncertaintyOptions { Permutations = parse.GetValue(permutations) ?? 0, Seed = parse.GetValue(seed) ?? EstimatorDefaults.Seed };
            var unit = LogBase.Parse(parse.GetValue(logBase)!);
            var result = ActiveInformationStorage.Of(chosen, y, options, uncertainty, unit);
            var used = chosen is Automatic automatic ? automatic.For(y, y) : chosen;
            string name = used.Name;
            int? neighbours = SampleColumns.Neighbours(used);
            string label = $"AIS({y.Name})";
            SeriesColumns.Finite(result, label, name);
            SampleOutput.NoteWithheld(context, result);
            if (parse.GetValue(json))
            {
                var fields = new List<KeyValuePair<string, object?>>
                {
                    new("value", result.Value), new("unit", unit.Unit), new("n", result.N), new("history", options.TargetHistory), new("estimator", name),
                };
                SeriesColumns.AddNeighbours(fields, neighbours);
                SampleOutput.AddPValue(fields, result.PValue, uncertainty.Permutations);
                SampleOutput.AddWithheld(fields, result);
                CliOutput.Json(context, fields);
            }
            else
            {
                string line = $"{label} = {CliOutput.Number(result.Value)} {unit.Unit} ({name}{SeriesColumns.NeighboursText(neighbours)}, n = {result.N}, history k = {options.TargetHistory}";
                context.Out.WriteLine(line + (result.PValue is double p ? $", {SampleOutput.PValueText(p, uncertainty.Permutations)})" : ")"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
