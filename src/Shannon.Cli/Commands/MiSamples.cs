using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Reports.Information;

namespace Shannon.Cli.Commands;

/// <summary>
/// The <c>shannon mi DATA --x … --y … [--z …]</c> handler: reads the columns as variables, takes the estimator
/// <c>--estimator</c> names (the automatic rule by default: Grassberger (with the plug-in as plug_in in JSON), Ross or KSG by the columns' kinds, with the
/// tie-breaking jitter of <c>--seed</c>, 0 by default), and attaches the one uncertainty policy's interval
/// (<c>--ci</c>) and p-value (<c>--permutations</c>).
/// </summary>
internal static class MiSamples
{
    public static int Run(MiRequest request, CliContext context)
    {
        if (request.X is null || request.Y is null)
        {
            throw new UsageException("mi DATA needs --x and --y column names, e.g. shannon mi data.csv --x age --y income.");
        }

        var variables = request.Z is null
            ? SampleColumns.Read(context, request.Data!, ("--x", request.X), ("--y", request.Y))
            : SampleColumns.Read(context, request.Data!, ("--x", request.X), ("--y", request.Y), ("--z", request.Z));
        var (x, y) = (variables[0], variables[1]);
        var chosen = EstimatorChoice.Parse(request.Estimator, request.K, request.Seed, request.Bins);
        if (variables.Length == 2)
        {
            return Pair(request, context, x, y, request.Data!, chosen);
        }

        SampleColumns.RequireIntervalRows(request.Ci, x.Rows, request.Data!);
        var uncertainty = Uncertainty(request);
        var z = variables[2];
        if (uncertainty.Permutations > 0)
        {
            throw new UsageException("--permutations tests independence of X and Y; with --z a conditional (local) permutation scheme would be needed, which mi does not offer.");
        }

        var estimator = EstimatorChoice.Require<IConditionalMutualInformationEstimator>(chosen, "I(X;Y|Z)");
        var used = estimator is Automatic automatic ? automatic.For(x, y, z) : estimator;
        SampleColumns.RequireNeighbours(used, x.Rows, request.Data!, x, y, z);
        var result = WithUncertainty.ConditionalMutualInformation(used, x, y, z, uncertainty, request.Base);
        foreach (string note in EstimatorNotes.Bins(used, x, y, z))
        {
            context.Note("note: " + note);
        }

        if (used is ConditionedOnLabels conditioned && result.N < z.Rows)
        {
            context.Note($"note: n = {result.N} of {z.Rows} rows: the values of {z.Name} with fewer than {conditioned.MinimumRows} rows, or too few for {conditioned.Inner.Name} to estimate within, are left out; I(X;Y|Z) is averaged over the {result.SupportSize} value(s) kept.");
        }

        double? plugIn = used is DiscreteEntropyEstimator and not PlugIn ? new PlugIn().ConditionalMutualInformation(x, y, z, request.Base).Value : null;
        SampleOutput.Write(context, request.Json, $"I({x.Name};{y.Name}|{z.Name})", used.Name, result, plugIn: plugIn);
        return ExitCodes.Success;
    }

    /// <summary>
    /// I(X;Y) of two variables by <paramref name="chosen"/> (the automatic rule resolved by the variables' kinds), with
    /// the interval and p-value the request asks for, the estimator's notes, and the plug-in beside a discrete estimate:
    /// the one path of <c>mi DATA</c> and <c>mi --labels</c>.
    /// </summary>
    public static int Pair(MiRequest request, CliContext context, Variable x, Variable y, string source, IEstimator chosen, IEnumerable<KeyValuePair<string, object?>>? extra = null)
    {
        SampleColumns.RequireIntervalRows(request.Ci, x.Rows, source);
        var uncertainty = Uncertainty(request);
        var estimator = EstimatorChoice.Require<IMutualInformationEstimator>(chosen, "I(X;Y)");
        var used = estimator is Automatic automatic ? automatic.For(x, y) : estimator;
        SampleColumns.RequireNeighbours(used, x.Rows, source, x, y);
        var result = WithUncertainty.MutualInformation(used, x, y, uncertainty, request.Base);
        foreach (string note in EstimatorNotes.Of(used, x, y, result))
        {
            context.Note("note: " + note);
        }

        double? plugIn = used is DiscreteEntropyEstimator and not PlugIn ? new PlugIn().MutualInformation(x, y, request.Base).Value : null;
        SampleOutput.Write(context, request.Json, $"I({x.Name};{y.Name})", used.Name, result, uncertainty.Permutations, plugIn, extra);
        return ExitCodes.Success;
    }

    private static UncertaintyOptions Uncertainty(MiRequest request) =>
        new() { Level = request.Ci, Permutations = request.Permutations ?? 0, Seed = request.Seed ?? EstimatorDefaults.Seed };
}
