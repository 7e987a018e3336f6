using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Calibration;

/// <summary>
/// The one place where calibration calls the project's uncertainty policy (<see cref="HalfSampling"/>): the half-sampling
/// interval of a statistic of the rows, as every other interval in Shannon.
/// </summary>
internal static class CalibrationUncertainty
{
    /// <summary>The half-sampling interval of <paramref name="statistic"/> (a quantity ≥ 0) around <paramref name="value"/>.</summary>
    internal static ConfidenceInterval Interval(int rows, double value, Func<int[], double> statistic, int replicates, double level, int seed)
    {
        var estimate = Estimate.NonNegative(value, LogBase.Nats, rows);
        return HalfSampling.Interval(estimate, rows, statistic, replicates, level, seed).ConfidenceInterval!.Value;
    }
}
