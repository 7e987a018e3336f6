using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Reports.Information;

namespace Shannon.Cli.Commands;

/// <summary>
/// The <c>shannon entropy --samples DATA [--column C]</c> handler: the entropy of a column (or a block of columns) by
/// the estimator <c>--estimator</c> names — by default the automatic rule: Grassberger for a discrete column (the plug-in beside it in JSON), scipy's
/// m-spacing choice for a continuous one, Kozachenko–Leonenko for several continuous columns — with the one
/// uncertainty policy's interval (<c>--ci</c>).
/// </summary>
internal static class EntropySamples
{
    public static int Run(string path, string? columnName, string? estimatorName, int? k, string? bins, double? ci, int? seed, LogBase unit, bool json, CliContext context)
    {
        var x = columnName is null ? SampleColumns.Only(context, path, "--column") : SampleColumns.Read(context, path, ("--column", columnName))[0];
        var estimator = EstimatorChoice.Require<IEntropyEstimator>(EstimatorChoice.Parse(estimatorName, k, seed, bins), "an entropy");
        var used = estimator is Automatic automatic ? automatic.For(x) : estimator;
        SampleColumns.RequireNeighbours(used, x.Rows, path, x);
        SampleColumns.RequireIntervalRows(ci, x.Rows, path);
        var uncertainty = new UncertaintyOptions { Level = ci, Seed = seed ?? EstimatorDefaults.Seed };
        var result = WithUncertainty.Entropy(used, x, uncertainty, unit);
        foreach (string note in EstimatorNotes.Bins(used, x))
        {
            context.Note("note: " + note);
        }

        double? plugIn = used is DiscreteEntropyEstimator and not PlugIn ? new PlugIn().Entropy(x, unit).Value : null;
        SampleOutput.Write(context, json, $"H({x.Name})", used.Name, result, plugIn: plugIn);
        return ExitCodes.Success;
    }
}
