using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Dynamics;

/// <summary>
/// Active information storage AIS_Y(k) = I(Y_t ; Y_{t−1}, …, Y_{t−k}): how much of a process's next value its own past
/// predicts, estimated by embedding the series and handing the blocks to a mutual information estimator.
/// </summary>
/// <remarks>
/// Samples are the times t ≥ k within each trial, pooled over trials. The estimator decides the method (plug-in on
/// discrete series, Gaussian log-determinants, KSG, or <see cref="Automatic"/>). Reference: Lizier, J. T., Prokopenko, M.
/// &amp; Zomaya, A. Y. (2012), Local measures of information storage in complex distributed computation, Information Sciences
/// 208, 39–54, doi:10.1016/j.ins.2012.04.016.
/// </remarks>
public static class ActiveInformationStorage
{
    /// <summary>Estimates AIS_Y(k).</summary>
    /// <param name="estimator">The mutual information estimator.</param>
    /// <param name="series">The series Y, one row per time step.</param>
    /// <param name="options">The history length k (<see cref="TransferEntropyOptions.TargetHistory"/>) and trials; k = 1 and one trial when null.</param>
    /// <param name="uncertainty">An interval level (half-samples of the embedded samples) and permutations (the past blocks shuffled); none when null.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>AIS in the unit of <paramref name="logBase"/>, clipped at 0 (raw value kept), with N = the number of embedded samples; a discrete estimate on fewer than 2 samples per cell of Y_t × the past block carries <see cref="Estimate.IntervalWithheld"/> (and no interval), as mi's does.</returns>
    /// <exception cref="ArgumentException">A constant series, a history leaving fewer than 2 samples, trials that do not cover the rows, or as the estimator throws.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k below 1 or invalid uncertainty options.</exception>
    public static Estimate Of(
        IMutualInformationEstimator estimator, Variable series, TransferEntropyOptions? options = null, UncertaintyOptions? uncertainty = null, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var samples = EmbeddedSamples.Of(null, series, [], options ?? new TransferEntropyOptions());
        var used = estimator is Automatic automatic ? automatic.For(samples.Present, samples.Condition) : estimator;
        return samples.Estimate(used, () => WithUncertainty.MutualInformation(estimator, samples.Present, samples.Condition, uncertainty ?? UncertaintyOptions.None, logBase));
    }

    /// <summary>The local active information storage at every embedded time: a(t) = ln p(y_t | y-past) / p(y_t).</summary>
    /// <param name="estimator">The estimator: plug-in, Gaussian, KSG (algorithm 1), or the automatic rule when it picks one of them.</param>
    /// <param name="series">The series Y.</param>
    /// <param name="options">The history length and trials; defaults when null.</param>
    /// <param name="logBase">The unit of the values; nats by default.</param>
    /// <returns>The times t and the local values (any sign); their mean is the estimator's AIS before clipping (for discrete data under the automatic rule, the plug-in's: the corrected estimators have no local form).</returns>
    /// <exception cref="ArgumentException">As <see cref="Of"/>, or an estimator without a local form.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k below 1.</exception>
    public static LocalValues Local(IMutualInformationEstimator estimator, Variable series, TransferEntropyOptions? options = null, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var samples = EmbeddedSamples.Of(null, series, [], options ?? new TransferEntropyOptions());
        double[] nats = LocalTerms.MutualInformation(estimator, samples.Present, samples.Condition);
        return LocalValues.FromNats(samples.Times, nats, logBase);
    }
}
