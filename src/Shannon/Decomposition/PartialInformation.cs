using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Measures;
using Shannon.Numerics;

namespace Shannon.Decomposition;

/// <summary>
/// The partial information decomposition of I(S₁, S₂ ; T) into redundancy, two unique informations and synergy: from a
/// joint table (Williams–Beer I_min or minimum mutual information), from a Gaussian covariance, or from samples by any
/// mutual information estimator (MMI).
/// </summary>
/// <remarks>
/// Canonical gates (uniform inputs): XOR has 1 bit of synergy; RDN (T = S₁ = S₂) 1 bit of redundancy; UNQ (T = S₁, S₂
/// independent) 1 bit unique to S₁; AND under I_min 0.311278 bit of redundancy and 0.5 bit of synergy. References:
/// Williams, P. L. &amp; Beer, R. D. (2010), Nonnegative decomposition of multivariate information, arXiv:1004.2515;
/// Barrett, A. B. (2015), Physical Review E 91, 052802, doi:10.1103/PhysRevE.91.052802.
/// </remarks>
public static class PartialInformation
{
    /// <summary>Decomposes I(S₁, S₂ ; T) of a three-axis joint table: sources are axes 0 and 1, the target axis 2.</summary>
    /// <param name="joint">p(s₁, s₂, t), a table with three axes.</param>
    /// <param name="measure">The redundancy measure; I_min by default.</param>
    /// <param name="logBase">The unit of the atoms; nats by default.</param>
    /// <returns>The four atoms and I(S₁, S₂ ; T).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have exactly three axes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="measure"/> is not a defined measure.</exception>
    /// <remarks>
    /// I_min: the specific information of a source about the outcome t is I(T = t ; S) = Σ_s p(s | t) ln(p(s, t) / (p(s) p(t)))
    /// ≥ 0, and R = Σ_t p(t) min(I(T = t ; S₁), I(T = t ; S₂)); outcomes with p(t) = 0 contribute nothing. I_min's atoms are
    /// all ≥ 0 for two sources (Williams &amp; Beer 2010, theorem 1).
    /// </remarks>
    public static InformationAtoms Of(JointDistribution joint, RedundancyMeasure measure = RedundancyMeasure.Imin, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        if (joint.Rank != 3)
        {
            throw new ArgumentException($"joint has {joint.Rank} axes; a two-source decomposition needs three (source 1, source 2, target).", nameof(joint));
        }

        double first = Measures.MutualInformation.Of(joint, [0], [2]);
        double second = Measures.MutualInformation.Of(joint, [1], [2]);
        double both = Measures.MutualInformation.Of(joint, [0, 1], [2]);
        double redundancy = measure switch
        {
            RedundancyMeasure.Imin => MinimumSpecificInformation(joint),
            RedundancyMeasure.Mmi => Math.Min(first, second),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "measure must be Imin or Mmi."),
        };
        return InformationAtoms.FromNats(redundancy, first, second, both, logBase, measure);
    }

    /// <summary>The MMI decomposition of jointly Gaussian (S₁, S₂, T) from their covariance.</summary>
    /// <param name="covariance">The covariance of (S₁, S₂, T), row-major, of side d₁ + d₂ + d_T; symmetric positive definite.</param>
    /// <param name="source1Dimension">d₁ ≥ 1, the first block's size.</param>
    /// <param name="source2Dimension">d₂ ≥ 1, the second block's size.</param>
    /// <param name="targetDimension">d_T ≥ 1, the last block's size.</param>
    /// <param name="logBase">The unit of the atoms; nats by default.</param>
    /// <returns>The atoms with R = min(I(S₁;T), I(S₂;T)), each I = ½ ln(det Σ_A det Σ_T / det Σ_AT).</returns>
    /// <exception cref="ArgumentException">Wrong length, a non-finite entry, or a covariance that is not positive definite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A block size below 1.</exception>
    /// <remarks>For a scalar target this is the Gaussian PID of Barrett (2015); for a vector target MMI is one choice among several.</remarks>
    public static InformationAtoms OfCovariance(ReadOnlySpan<double> covariance, int source1Dimension, int source2Dimension, int targetDimension = 1, LogBase logBase = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source1Dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(source2Dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetDimension, 1);
        int d = source1Dimension + source2Dimension + targetDimension;
        if (covariance.Length != (long)d * d)
        {
            throw new ArgumentException($"covariance has {covariance.Length} entries but blocks of {source1Dimension} + {source2Dimension} + {targetDimension} need {d * d}.", nameof(covariance));
        }

        Guard.AllFinite(covariance, nameof(covariance));
        int[] s1 = [.. Enumerable.Range(0, source1Dimension)];
        int[] s2 = [.. Enumerable.Range(source1Dimension, source2Dimension)];
        int[] t = [.. Enumerable.Range(source1Dimension + source2Dimension, targetDimension)];
        double[] matrix = covariance.ToArray();
        double LogDet(int[] axes) => HigherOrder.InformationSums.LogDeterminant(matrix, d, axes, nameof(covariance));
        double logT = LogDet(t);
        double first = 0.5 * (LogDet(s1) + logT - LogDet([.. s1, .. t]));
        double second = 0.5 * (LogDet(s2) + logT - LogDet([.. s2, .. t]));
        double both = 0.5 * (LogDet([.. s1, .. s2]) + logT - LogDet([.. s1, .. s2, .. t]));
        return InformationAtoms.FromNats(Math.Min(first, second), first, second, both, logBase, RedundancyMeasure.Mmi);
    }

    /// <summary>The MMI decomposition from samples, each mutual information by the given estimator.</summary>
    /// <param name="estimator">The mutual information estimator (Gaussian, KSG, plug-in, or the automatic rule).</param>
    /// <param name="source1">Samples of S₁.</param>
    /// <param name="source2">Samples of S₂, paired with S₁.</param>
    /// <param name="target">Samples of T, paired with both.</param>
    /// <param name="logBase">The unit of the atoms; nats by default.</param>
    /// <returns>The atoms with R = min(Î(S₁;T), Î(S₂;T)), from the raw (unclipped) estimates.</returns>
    /// <exception cref="ArgumentException">Different row counts, or as the estimator throws.</exception>
    public static InformationAtoms Estimate(IMutualInformationEstimator estimator, Variable source1, Variable source2, Variable target, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        VariableChecks.Paired((source1, nameof(source1)), (source2, nameof(source2)), (target, nameof(target)));
        double first = estimator.MutualInformation(source1, target).RawValue;
        double second = estimator.MutualInformation(source2, target).RawValue;
        double both = estimator.MutualInformation(Variable.Join([source1, source2]), target).RawValue;
        return InformationAtoms.FromNats(Math.Min(first, second), first, second, both, logBase, RedundancyMeasure.Mmi);
    }

    /// <summary>Σ_t p(t) min over the two sources of the specific information I(T = t ; Sᵢ), in nats.</summary>
    private static double MinimumSpecificInformation(JointDistribution joint)
    {
        var s1t = joint.Marginal([0, 2]);
        var s2t = joint.Marginal([1, 2]);
        var pt = joint.Marginal([2]).Probabilities;
        var sum = default(CompensatedSum);
        for (int t = 0; t < pt.Length; t++)
        {
            if (pt[t] > 0)
            {
                sum.Add(pt[t] * Math.Min(Specific(s1t, t, pt[t]), Specific(s2t, t, pt[t])));
            }
        }

        return sum.Value;
    }

    /// <summary>I(T = t ; S) = Σ_s p(s | t) ln(p(s, t) / (p(s) p(t))) from the (s, t) marginal.</summary>
    private static double Specific(JointDistribution st, int t, double pt)
    {
        ReadOnlySpan<double> p = st.Probabilities;
        int sources = st.Shape[0], targets = st.Shape[1];
        var sum = default(CompensatedSum);
        for (int s = 0; s < sources; s++)
        {
            double pst = p[(s * targets) + t];
            if (pst > 0)
            {
                double ps = 0;
                for (int u = 0; u < targets; u++)
                {
                    ps += p[(s * targets) + u];
                }

                sum.Add(pst / pt * Math.Log(pst / (ps * pt)));
            }
        }

        return sum.Value;
    }
}
