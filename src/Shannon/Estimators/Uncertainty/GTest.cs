using Shannon.Estimators.Discrete;
using Shannon.Numerics;

namespace Shannon.Estimators.Uncertainty;

/// <summary>
/// The G-test of independence for discrete samples: the plug-in mutual information with its analytic p-value,
/// G = 2 N Î (Î in nats) referred to χ² with (r − 1)(c − 1) degrees of freedom.
/// </summary>
/// <remarks>
/// r and c are the numbers of distinct x and y labels observed. The χ² approximation needs expected cell counts that
/// are not too small (a common rule: most ≥ 5); otherwise use <see cref="PermutationTest"/>. With r = 1 or
/// c = 1 there are no degrees of freedom and the p-value is 1.
/// Reference: Sokal, R. R. &amp; Rohlf, F. J. (1995), Biometry, 3rd ed., §17.2; Wilks, S. S. (1938), The large-sample
/// distribution of the likelihood ratio for testing composite hypotheses, Annals of Mathematical Statistics 9(1),
/// 60–62, doi:10.1214/aoms/1177732360.
/// </remarks>
public static class GTest
{
    /// <summary>The plug-in mutual information of paired labels with its G-test p-value.</summary>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">Labels of X.</param>
    /// <param name="y">Labels of Y, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the MI; nats by default (the test statistic always uses nats).</param>
    /// <returns>The plug-in Î(X;Y) with PValue = Q((r − 1)(c − 1)/2, G/2), the χ² survival function at G.</returns>
    /// <exception cref="ArgumentException">An input is empty or the lengths differ.</exception>
    public static Estimate MutualInformation<TX, TY>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, LogBase logBase = default)
        where TX : notnull
        where TY : notnull
    {
        var plugIn = new PlugIn();
        var estimate = plugIn.MutualInformation(x, y, LogBase.Nats);
        long r = plugIn.Entropy(x).SupportSize ?? 1;
        long c = plugIn.Entropy(y).SupportSize ?? 1;
        long degrees = (r - 1) * (c - 1);
        double g = 2.0 * x.Length * estimate.Value;
        double p = degrees == 0 ? 1.0 : IncompleteGamma.ChiSquareSurvival(g, degrees);
        return new Estimate(logBase.FromNats(estimate.Value), logBase.FromNats(estimate.RawValue), logBase, estimate.N, estimate.SupportSize, PValue: p);
    }
}
