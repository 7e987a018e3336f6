using System.CommandLine;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon mi</c>: mutual information from a joint table (<c>--joint</c>), from two label files
/// (<c>--labels</c>), or estimated from columns of a data file (<c>DATA --x … --y …</c>).
/// Each input form has its own handler; this class only declares the options and dispatches.
/// </summary>
internal static class MiCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string?>("DATA") { Description = "CSV or Parquet file with a header (samples form), or - for stdin.", Arity = ArgumentArity.ZeroOrOne };
        var joint = new Option<string?>("--joint") { Description = "CSV matrix of a joint distribution p(x, y), one row per line." };
        var labels = new Option<string[]?>("--labels") { Description = "Two files with one label per line.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var counts = new Option<bool>("--counts") { Description = $"The --joint table holds whole counts of observed pairs: I(X;Y) is estimated as from two discrete columns of DATA (default {EstimatorChoice.AutoDiscrete}; --estimator plugin for the counts divided by their total)." };
        var normalized = new Option<string?>("--normalized") { Description = "With --labels: NMI with arithmetic|geometric|min|max averaging." };
        normalized.AcceptOnlyFromAmong("arithmetic", "geometric", "min", "max");
        var adjusted = new Option<bool>("--adjusted") { Description = "With --labels: adjusted mutual information (AMI)." };
        var x = new Option<string?>("--x") { Description = "Samples form: column(s) of X, comma-separated." };
        var y = new Option<string?>("--y") { Description = "Samples form: column(s) of Y, comma-separated." };
        var z = new Option<string?>("--z") { Description = "Samples form: conditioning column(s) Z for I(X;Y|Z)." };
        var estimator = new Option<string?>("--estimator") { Description = $"DATA: {EstimatorChoice.AllNames} (default auto: {EstimatorChoice.AutoDiscrete} for two discrete columns, ross for one, ksg1 for none; frenzel-pompe or per-class with --z); --labels or --joint with --counts: auto ({EstimatorChoice.AutoDiscrete}) or a discrete name." };
        var k = new Option<int?>("--k") { Description = "Samples form: neighbours of the k-NN estimators (default 3)." }.Within(OptionRanges.Neighbours);
        var bins = new Option<string?>("--bins") { Description = $"Samples form: binning rule (sturges|scott|fd|sqrt|doane|quantile[:N]) or a bin count (N and the count in {OptionRanges.Bins.Min}–{OptionRanges.Bins.Max})." }.Validated();
        var ci = new Option<double?>("--ci") { Description = "DATA or --labels: confidence level of a half-sampling interval, e.g. 0.95." }.Within(OptionRanges.Confidence);
        var permutations = new Option<int?>("--permutations") { Description = "DATA or --labels: permutations for a p-value against independence." }.Within(OptionRanges.Permutations);
        var seed = new Option<int?>("--seed") { Description = "Seed of the half-samples, the permutations and the k-NN tie-breaking jitter (default 0)." }.Within(OptionRanges.Seed);
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var types = CliTables.TypesOption();

        var command = new Command("mi", "Mutual information I(X;Y).\nExamples:\n  shannon mi --joint joint.csv --base 2\n  shannon mi --labels a.txt b.txt --normalized arithmetic\n  shannon mi data.csv --x age --y income --estimator ksg1")
        {
            data, joint, labels, counts, normalized, adjusted, x, y, z, estimator, k, bins, ci, permutations, seed, logBase, json, types,
        };
        command.SetAction(parse =>
        {
            CliTables.UseTypes(context, parse.GetValue(types));
            var request = new MiRequest(
                parse.GetValue(data), parse.GetValue(joint), parse.GetValue(labels) is { Length: > 0 } given ? given : null, parse.GetValue(counts),
                parse.GetValue(normalized), parse.GetValue(adjusted), parse.GetValue(x), parse.GetValue(y), parse.GetValue(z),
                parse.GetValue(estimator), parse.GetValue(k), parse.GetValue(bins), parse.GetValue(ci), parse.GetValue(permutations),
                parse.GetValue(seed), LogBase.Parse(parse.GetValue(logBase)!), parse.GetValue(json));
            int forms = (request.Joint is null ? 0 : 1) + (request.Labels is null ? 0 : 1) + (request.Data is null ? 0 : 1);
            if (forms != 1)
            {
                throw new UsageException("mi needs exactly one input: --joint FILE, --labels FILE_A FILE_B, or DATA with --x and --y.");
            }

            return request.Joint is not null ? MiJoint.Run(request, context)
                : request.Labels is not null ? MiLabels.Run(request, context)
                : MiSamples.Run(request, context);
        });
        return command;
    }
}

/// <summary>Everything <c>shannon mi</c> was given, parsed; each handler reads the fields of its form.</summary>
internal sealed record MiRequest(
    string? Data, string? Joint, string[]? Labels, bool Counts, string? Normalized, bool Adjusted,
    string? X, string? Y, string? Z, string? Estimator, int? K, string? Bins, double? Ci, int? Permutations,
    int? Seed, LogBase Base, bool Json)
{
    /// <summary>The first option given that belongs to the samples form (DATA --x --y), or null: the other forms refuse it.</summary>
    public string? SamplesOption => SamplesOptionBesides();

    /// <summary>The first samples-form option given other than <paramref name="allowed"/>, or null.</summary>
    /// <param name="allowed">The options the asking form takes too.</param>
    public string? SamplesOptionBesides(params string[] allowed) => Given().FirstOrDefault(option => !allowed.Contains(option));

    private IEnumerable<string> Given()
    {
        (string Option, bool Given)[] options =
        [
            ("--x", X is not null), ("--y", Y is not null), ("--z", Z is not null), ("--estimator", Estimator is not null), ("--k", K is not null),
            ("--bins", Bins is not null), ("--ci", Ci is not null), ("--permutations", Permutations is not null), ("--seed", Seed is not null),
        ];
        return options.Where(o => o.Given).Select(o => o.Option);
    }
}
