using Shannon.Numerics;

namespace Shannon.Estimators.Uncertainty;

/// <summary>
/// The interval of an estimate whose bias is known only to lie in [0, β]: it is biased upward, by at most β. A normal
/// interval centred on such an estimate misses the truth whenever the bias is comparable to the standard error (the
/// plug-in expected calibration error of a perfectly calibrated model is the standing example: its true value is 0,
/// its estimate is always above 0, and θ̂ ± z·se excludes 0 in most samples).
/// </summary>
/// <remarks>
/// <para>With θ̂ ≈ N(θ + b, se²) and b ∈ [0, β], the interval [θ̂ − β − k·se, θ̂ + k·se] covers θ with probability
/// Φ(k + t − u) − Φ(−k − u) for u = b/se ∈ [0, t], t = β/se, which is smallest at the ends u = 0 and u = t, where both
/// equal Φ(k + t) − Φ(−k). So k solves Φ(k + t) − Φ(−k) = level: it falls from z_{(1+level)/2} at t = 0 (no bias) to
/// z_{level} as t grows (one end is then held by the bias bound alone). This is the one-sided case of the bias-aware
/// ("honest") critical values of Armstrong &amp; Kolesár (2020), which bound the worst-case bias instead of assuming
/// it away. The interval contains θ̂, is clipped at 0 below for a quantity ≥ 0 only, and is only as good as the bound β and
/// the standard error given to it. <see cref="HalfSampling"/> gives every estimate this interval, with the bias bound
/// estimated from its half-samples; calibration gives it an analytic bound.</para>
/// <para>Reference: Armstrong, T. B. &amp; Kolesár, M. (2020), Simple and honest confidence intervals in nonparametric
/// regression, Quantitative Economics 11(1), 1–39, doi:10.3982/QE1199.</para>
/// </remarks>
internal static class BiasAwareInterval
{
    /// <summary>The interval [θ̂ − β − k·se, θ̂ + β₋ + k·se] of level <paramref name="level"/>, clipped at 0 below when <paramref name="nonNegative"/>.</summary>
    /// <param name="value">θ̂, the estimate.</param>
    /// <param name="standardError">se ≥ 0, its standard error.</param>
    /// <param name="maximumBias">β ≥ 0, the largest upward bias the estimate can have.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <param name="maximumDownwardBias">β₋ ≥ 0, the largest downward bias (0 by default). With b ∈ [−β₋, β] the
    /// coverage Φ(k + (β − b)/se) − Φ(−k − (β₋ + b)/se) is again smallest at the ends, where it is Φ(k + t) − Φ(−k)
    /// for t = (β + β₋)/se, so the same critical value serves.</param>
    /// <param name="nonNegative">Is the quantity ≥ 0 in theory (an ECE, a discrete MI)? Then the lower end is clipped at 0;
    /// a signed quantity (a differential entropy, a k-NN conditional MI's raw value) keeps its lower end.</param>
    internal static ConfidenceInterval Of(double value, double standardError, double maximumBias, double level, double maximumDownwardBias, bool nonNegative)
    {
        double range = maximumBias + maximumDownwardBias;
        double k = CriticalValue(standardError > 0 ? range / standardError : double.PositiveInfinity, level);
        double spread = standardError > 0 ? k * standardError : 0.0;
        double low = value - maximumBias - spread;
        return new ConfidenceInterval(nonNegative ? Math.Max(0.0, low) : low, value + maximumDownwardBias + spread, level);
    }

    /// <summary>k with Φ(k + t) − Φ(−k) = level, for t = β/se ≥ 0 (t = 0: k = z_{(1+level)/2} exactly; t = ∞ when se = 0: k = z_level).</summary>
    internal static double CriticalValue(double t, double level)
    {
        double low = IncompleteGamma.NormalQuantile(level);
        double high = IncompleteGamma.NormalQuantile((1 + level) / 2);
        if (double.IsPositiveInfinity(t))
        {
            return low;
        }

        if (t == 0)
        {
            return high;
        }

        // Φ(k + t) − Φ(−k) rises with k and reaches level between z_level (t = ∞) and z_{(1+level)/2} (t = 0).
        for (int i = 0; i < 200 && high - low > 1e-12; i++)
        {
            double k = 0.5 * (low + high);
            if (IncompleteGamma.NormalCdf(k + t) - IncompleteGamma.NormalCdf(-k) < level)
            {
                low = k;
            }
            else
            {
                high = k;
            }
        }

        return high;
    }
}
