using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Calibration;

/// <summary>
/// The one place where calibration calls the project's uncertainty policy (Estimators/Uncertainty): a percentile
/// bootstrap interval of a statistic of the rows.
/// </summary>
/// <remarks>
/// The plain row bootstrap is valid here: the calibration errors are smooth functions of per-row quantities
/// (confidence, correctness) averaged over rows, with no neighbour structure that duplicated rows could distort.
/// </remarks>
internal static class CalibrationUncertainty
{
    /// <summary>The percentile interval of <paramref name="statistic"/> over <paramref name="replicates"/> row resamples.</summary>
    internal static ConfidenceInterval PercentileInterval(int rows, double value, Func<int[], double> statistic, int replicates, double level, int seed)
    {
        var estimate = Estimate.Signed(value, LogBase.Nats, rows);
        return Resampling.Bootstrap(estimate, statistic, replicates, level, seed).ConfidenceInterval!.Value;
    }
}
