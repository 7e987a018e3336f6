using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Calibration;

/// <summary>
/// The one place where calibration calls the project's uncertainty policy: the standard error of a statistic of the
/// rows from half-samples (<see cref="HalfSampling"/>), as every other interval in Shannon, and, since the plug-in
/// calibration errors are biased upward by an amount comparable to that error, a bias-aware interval around it
/// (<see cref="BiasAwareInterval"/>).
/// </summary>
/// <remarks>Only the standard error is taken from <see cref="HalfSampling.Interval"/>, not its interval: the ECE's bias
/// has an analytic bound, β = Σ_b (n_b/N)·σ_b·√(2/π), which holds at every n, whereas the half-samples' estimate of the
/// bias assumes a power law in n and is noisy; the bound alone keeps the measured ECE coverage
/// (bench/simulations/EceCoverage.cs) and does not stack two estimates of one bias.</remarks>
internal static class CalibrationUncertainty
{
    /// <summary>
    /// The interval of <paramref name="statistic"/> (a quantity ≥ 0, biased upward by at most
    /// <paramref name="maximumBias"/>) around <paramref name="value"/>, with its half-sampling standard error.
    /// </summary>
    internal static ConfidenceInterval Interval(int rows, double value, double maximumBias, Func<int[], double> statistic, int replicates, double level, int seed)
    {
        var estimate = Estimate.NonNegative(value, LogBase.Nats, rows);
        double se = HalfSampling.Interval(estimate, rows, statistic, replicates, level, seed).StandardError!.Value;
        return BiasAwareInterval.Of(value, se, maximumBias, level, 0.0, nonNegative: true);
    }
}
