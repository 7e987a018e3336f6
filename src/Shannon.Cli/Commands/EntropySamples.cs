using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Cli.Commands;

/// <summary>
/// The <c>shannon entropy --samples DATA [--column C]</c> handler: the differential entropy of a numeric column
/// (m-spacing 'auto' as scipy by default; kl, gaussian, binned, vasicek, van-es, ebrahimi, correa on request) or the
/// entropy of a label column (plug-in by default, or any discrete estimator), with an interval when asked.
/// </summary>
/// <remarks>
/// <c>--ci</c> uses the bootstrap for the discrete, binned and Gaussian estimators and the jackknife for the
/// spacing and k-NN ones (a bootstrap sample repeats rows, which makes spacings and neighbour distances 0).
/// </remarks>
internal static class EntropySamples
{
    private const int BootstrapReplicates = 200;
    private const int JackknifeLimit = 20_000;

    public static int Run(string path, string? columnName, string? estimatorName, int? kOption, string? bins, double? ci, int? seed, LogBase unit, bool json, CliContext context)
    {
        var table = SampleTable.Of([SelectColumn(context, path, columnName)], "--column");
        string name = (estimatorName ?? (table.IsNumeric ? "auto" : "plugin")).Trim().ToLowerInvariant();
        int k = EstimatorChoice.K(kOption);
        double? level = EstimatorChoice.Level(ci);
        bool tieSensitive = false;
        Func<int[]?, Estimate> estimate;
        if (EstimatorChoice.Discrete(name) is { } discrete)
        {
            estimate = rows => discrete.Entropy<long>(table.Labels(rows), unit);
        }
        else
        {
            tieSensitive = name is not ("gaussian" or "binned");
            estimate = name switch
            {
                "auto" => rows => new Spacing().DifferentialEntropy(table.Numbers(rows), unit),
                "vasicek" => rows => new Spacing(SpacingMethod.Vasicek).DifferentialEntropy(table.Numbers(rows), unit),
                "van-es" => rows => new Spacing(SpacingMethod.VanEs).DifferentialEntropy(table.Numbers(rows), unit),
                "ebrahimi" => rows => new Spacing(SpacingMethod.Ebrahimi).DifferentialEntropy(table.Numbers(rows), unit),
                "correa" => rows => new Spacing(SpacingMethod.Correa).DifferentialEntropy(table.Numbers(rows), unit),
                "kl" or "kozachenko-leonenko" => rows => new KozachenkoLeonenko(k).DifferentialEntropy(table.Numbers(rows), 1, unit),
                "gaussian" => rows => new Gaussian().DifferentialEntropy(table.Numbers(rows), 1, unit),
                "binned" => rows => EstimatorChoice.Bins(bins).DifferentialEntropy(table.Numbers(rows), unit),
                _ => throw new UsageException($"--estimator '{name}' is not one of auto|vasicek|van-es|ebrahimi|correa|kl|gaussian|binned|{string.Join('|', EstimatorChoice.DiscreteNames)}."),
            };
        }

        var result = estimate(null);
        if (level is double confidence)
        {
            if (tieSensitive && result.N > JackknifeLimit)
            {
                throw new UsageException($"--ci with {name} uses the jackknife (n evaluations); n = {result.N} is above {JackknifeLimit}. Use --estimator binned or gaussian for an interval on large samples.");
            }

            result = tieSensitive
                ? Resampling.Jackknife(result, rows => estimate(rows).Value, confidence)
                : Resampling.Bootstrap(result, rows => estimate(rows).Value, BootstrapReplicates, confidence, seed ?? 0);
        }

        SampleOutput.Write(context, json, $"H({table.Names})", name, result);
        return ExitCodes.Success;
    }

    private static Data.Tables.TableColumn SelectColumn(CliContext context, string path, string? columnName)
    {
        if (columnName is not null)
        {
            return SampleTable.Read(context, path, ("--column", columnName))[0].Columns.Single();
        }

        var columns = SampleTable.ReadAll(context, path);
        return columns.Length == 1
            ? columns[0]
            : throw new UsageException($"{CliInput.DisplayName(path)} has {columns.Length} columns ({string.Join(", ", columns.Select(c => c.Name))}); choose one with --column.");
    }
}
