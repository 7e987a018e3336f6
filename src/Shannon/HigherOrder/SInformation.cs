using Shannon.Estimators;
using Shannon.Numerics;

namespace Shannon.HigherOrder;

/// <summary>
/// The S-information Σᵢ I(Xᵢ ; X₋ᵢ) = TC + DTC of n variables from samples (by any mutual information estimator) or of a
/// Gaussian vector from its covariance: the total amount of shared information, redundant and synergistic alike.
/// </summary>
/// <remarks>
/// On a known joint table use <see cref="Measures.Multivariate.SInformation"/>. Reference: Rosas, F. E. et al. (2019),
/// Physical Review E 100, 032305, doi:10.1103/PhysRevE.100.032305.
/// </remarks>
public static class SInformation
{
    /// <summary>Estimates Σᵢ I(Xᵢ ; X₋ᵢ) from paired samples.</summary>
    /// <param name="estimator">The mutual information estimator.</param>
    /// <param name="variables">The n ≥ 2 variables, paired row by row.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ŝ = Σᵢ Î(Xᵢ ; X₋ᵢ) (raw terms), clipped at 0 with the raw value kept, with N; a discrete estimate on fewer than 2 rows per cell of the variables' joint table carries <see cref="Estimators.Estimate.IntervalWithheld"/>, as mi's does.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 variables, different row counts, or as the estimator throws.</exception>
    public static Estimate Estimate(IMutualInformationEstimator estimator, IReadOnlyList<Variable> variables, LogBase logBase = default)
    {
        var (_, s) = InformationSums.FromSamples(estimator, variables);
        return InformationSums.Sparse(estimator, variables, Estimators.Estimate.NonNegative(s, logBase, variables[0].Rows));
    }

    /// <summary>The S-information of a Gaussian vector with covariance Σ.</summary>
    /// <param name="covariance">Σ, d × d row-major; symmetric and positive definite.</param>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Σᵢ ½ (ln σᵢᵢ + ln det Σ₋ᵢ − ln det Σ) ≥ 0, in the unit of <paramref name="logBase"/>.</returns>
    /// <exception cref="ArgumentException">Wrong length, a non-finite entry, not symmetric, or not positive definite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> &lt; 2.</exception>
    public static double OfCovariance(ReadOnlySpan<double> covariance, int dimension, LogBase logBase = default)
    {
        var (single, others, full) = InformationSums.LeaveOneOut(covariance, dimension, nameof(covariance));
        var sum = default(CompensatedSum);
        for (int i = 0; i < dimension; i++)
        {
            sum.Add(single[i]);
            sum.Add(others[i]);
            sum.Add(-full);
        }

        return logBase.FromNats(Math.Max(0.0, 0.5 * sum.Value));
    }
}
