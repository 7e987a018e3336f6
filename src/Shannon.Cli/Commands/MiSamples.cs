using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Cli.Commands;

/// <summary>
/// The <c>shannon mi DATA --x … --y … [--z …]</c> handler: reads the columns, picks the estimator (KSG for numeric
/// pairs, Ross for numeric–label pairs, plug-in for labels, Frenzel–Pompe with numeric <c>--z</c>, or the one named),
/// and adds a bootstrap interval (<c>--ci</c>) and a permutation p-value (<c>--permutations</c>) when asked.
/// <c>--seed</c> also turns on KSG's and Ross's scikit-learn-style 1e-10 jitter, which breaks ties in rounded data.
/// </summary>
internal static class MiSamples
{
    private const int BootstrapReplicates = 200;

    public static int Run(MiRequest request, CliContext context)
    {
        if (request.X is null || request.Y is null)
        {
            throw new UsageException("mi DATA needs --x and --y column names, e.g. shannon mi data.csv --x age --y income.");
        }

        var tables = request.Z is null
            ? SampleTable.Read(context, request.Data!, ("--x", request.X), ("--y", request.Y))
            : SampleTable.Read(context, request.Data!, ("--x", request.X), ("--y", request.Y), ("--z", request.Z));
        var (x, y, z) = (tables[0], tables[1], tables.Length > 2 ? tables[2] : null);
        string name = (request.Estimator ?? DefaultEstimator(x, y, z)).Trim().ToLowerInvariant();
        double? level = EstimatorChoice.Level(request.Ci);
        var estimate = Estimator(name, x, y, z, EstimatorChoice.K(request.K), request.Bins, request.Seed, request.Base);
        var result = estimate(null, null);
        int seed = request.Seed ?? 0;
        if (level is double confidence)
        {
            result = Resampling.Bootstrap(result, rows => estimate(rows, rows).Value, BootstrapReplicates, confidence, seed);
        }

        if (request.Permutations is int permutations)
        {
            if (z is not null)
            {
                throw new UsageException("--permutations tests independence of X and Y; with --z a conditional (local) permutation scheme would be needed, which mi does not offer.");
            }

            result = Resampling.Permutation(result, order => estimate(null, order).RawValue, permutations, seed);
        }

        string label = z is null ? $"I({x.Names};{y.Names})" : $"I({x.Names};{y.Names}|{z.Names})";
        SampleOutput.Write(context, request.Json, label, name, result);
        return ExitCodes.Success;
    }

    private static string DefaultEstimator(SampleTable x, SampleTable y, SampleTable? z)
    {
        if (z is not null)
        {
            return x.IsNumeric && y.IsNumeric && z.IsNumeric ? "frenzel-pompe" : "plugin";
        }

        return x.IsNumeric && y.IsNumeric ? "ksg1"
            : x.IsNumeric || y.IsNumeric ? "ross"
            : "plugin";
    }

    /// <summary>The estimate as a function of the rows to use (null: all) and of Y's row order (null: the rows as given).</summary>
    private static Func<int[]?, int[]?, Estimate> Estimator(string name, SampleTable x, SampleTable y, SampleTable? z, int k, string? bins, int? seed, LogBase unit)
    {
        int dx = x.Columns.Count;
        int dy = y.Columns.Count;
        if (EstimatorChoice.Discrete(name) is { } discrete)
        {
            return z is null
                ? (rows, yRows) => discrete.MutualInformation<long, long>(x.Labels(rows), y.Labels(yRows ?? rows), unit)
                : (rows, yRows) => discrete.ConditionalMutualInformation<long, long, long>(x.Labels(rows), y.Labels(yRows ?? rows), z.Labels(rows), unit);
        }

        switch (name)
        {
            case "binned":
                var binning = EstimatorChoice.Bins(bins);
                var plugIn = binning.Estimator ?? new Estimators.Discrete.PlugIn();
                return z is null
                    ? (rows, yRows) => plugIn.MutualInformation<long, long>(x.BinnedLabels(binning, rows), y.BinnedLabels(binning, yRows ?? rows), unit)
                    : (rows, yRows) => plugIn.ConditionalMutualInformation<long, long, long>(x.BinnedLabels(binning, rows), y.BinnedLabels(binning, yRows ?? rows), z.BinnedLabels(binning, rows), unit);
            case "ksg1" or "ksg2" or "ksg" when z is null:
                var ksg = new Ksg(k, name == "ksg2" ? 2 : 1, JitterSeed: seed);
                return (rows, yRows) => ksg.MutualInformation(x.Numbers(rows), dx, y.Numbers(yRows ?? rows), dy, unit);
            case "frenzel-pompe" or "ksg1" or "ksg":
                var fp = new FrenzelPompe(k);
                var zz = z ?? throw new UsageException("frenzel-pompe estimates I(X;Y|Z): give --z.");
                return (rows, yRows) => fp.ConditionalMutualInformation(x.Numbers(rows), dx, y.Numbers(yRows ?? rows), dy, zz.Numbers(rows), zz.Columns.Count, unit);
            case "ross" when z is null:
                var ross = new Ross(k, JitterSeed: seed);
                return x.IsNumeric
                    ? (rows, yRows) => ross.MutualInformation<long>(x.Numbers(rows), dx, y.Labels(yRows ?? rows), unit)
                    : (rows, yRows) => ross.MutualInformation<long>(y.Numbers(yRows ?? rows), dy, x.Labels(rows), unit);
            case "gaussian" when z is null:
                var gaussian = new Gaussian();
                return (rows, yRows) => gaussian.MutualInformation(x.Numbers(rows), dx, y.Numbers(yRows ?? rows), dy, unit);
            default:
                throw new UsageException(z is null
                    ? $"--estimator '{name}' is not one of ksg1|ksg2|ross|gaussian|binned|{string.Join('|', EstimatorChoice.DiscreteNames)}."
                    : $"--estimator '{name}' cannot condition on --z; use frenzel-pompe (numeric), binned, or a discrete estimator ({string.Join('|', EstimatorChoice.DiscreteNames)}).");
        }
    }
}
