using Shannon.Estimators;
using Shannon.Numerics;

namespace Shannon.HigherOrder;

/// <summary>
/// The O-information Ω = TC − DTC of n variables from samples (by any mutual information estimator) or of a Gaussian
/// vector from its covariance: positive when redundancy dominates, negative when synergy does.
/// </summary>
/// <remarks>
/// On a known joint table use <see cref="Measures.Multivariate.OInformation"/>. Reference: Rosas, F. E., Mediano, P. A. M.,
/// Gastpar, M. &amp; Jensen, H. J. (2019), Quantifying high-order interdependencies via multivariate extensions of the
/// mutual information, Physical Review E 100, 032305, doi:10.1103/PhysRevE.100.032305.
/// </remarks>
public static class OInformation
{
    /// <summary>Estimates Ω(X₁, …, Xₙ) from paired samples.</summary>
    /// <param name="estimator">The mutual information estimator (plug-in, Gaussian, KSG, or the automatic rule).</param>
    /// <param name="variables">The n ≥ 2 variables, paired row by row; each may be multivariate.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ω̂ = 2 TC − S with TC = Σ_{j ≥ 2} Î(X_j ; X₁…X_{j−1}) and S = Σᵢ Î(Xᵢ ; X₋ᵢ), any sign, in the unit of <paramref name="logBase"/>, with N; a discrete estimate on fewer than 2 rows per cell of the variables' joint table carries <see cref="Estimators.Estimate.IntervalWithheld"/>, as mi's does.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 variables, different row counts, or as the estimator throws.</exception>
    /// <remarks>
    /// Ω = TC − DTC and S = TC + DTC, so Ω = 2 TC − S: 2n − 1 mutual informations, each by the chosen estimator (raw
    /// values, not clipped). With the plug-in or the Gaussian estimator this is the entropy formula
    /// (n − 2) H(X) + Σᵢ [H(Xᵢ) − H(X₋ᵢ)] up to rounding; with KSG it is the mutual-information form, as for every k-NN
    /// estimate of a sum of information terms.
    /// </remarks>
    public static Estimate Estimate(IMutualInformationEstimator estimator, IReadOnlyList<Variable> variables, LogBase logBase = default)
    {
        var (tc, s) = InformationSums.FromSamples(estimator, variables);
        return InformationSums.Sparse(estimator, variables, Estimators.Estimate.Signed((2 * tc) - s, logBase, variables[0].Rows));
    }

    /// <summary>Ω of a Gaussian vector with covariance Σ (each coordinate one variable).</summary>
    /// <param name="covariance">Σ, d × d row-major; symmetric and positive definite.</param>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ω = ½ [(d − 2) ln det Σ + Σᵢ (ln σᵢᵢ − ln det Σ₋ᵢ)], in the unit of <paramref name="logBase"/> (the 2πe terms cancel).</returns>
    /// <exception cref="ArgumentException">Wrong length, a non-finite entry, not symmetric, or not positive definite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> &lt; 2.</exception>
    /// <remarks>Three unit-variance coordinates with all correlations ρ &gt; 0 are redundancy-dominated (Ω &gt; 0). Reference: Rosas et al. (2019), section V.</remarks>
    public static double OfCovariance(ReadOnlySpan<double> covariance, int dimension, LogBase logBase = default)
    {
        var (single, others, full) = InformationSums.LeaveOneOut(covariance, dimension, nameof(covariance));
        var sum = default(CompensatedSum);
        sum.Add((dimension - 2) * full);
        for (int i = 0; i < dimension; i++)
        {
            sum.Add(single[i]);
            sum.Add(-others[i]);
        }

        return logBase.FromNats(0.5 * sum.Value);
    }
}
