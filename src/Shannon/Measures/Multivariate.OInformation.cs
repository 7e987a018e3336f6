using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>O-information and S-information: the balance and the sum of redundancy and synergy among n variables.</summary>
public static partial class Multivariate
{
    /// <summary>The O-information of the n variables of a joint distribution.</summary>
    /// <param name="joint">The joint distribution; each axis is one variable.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// Ω(X₁, …, Xₙ) = (n − 2) H(X) + Σᵢ [H(Xᵢ) − H(X₋ᵢ)] = TC − DTC, in the unit of <paramref name="logBase"/>: positive when
    /// redundancy dominates, negative when synergy does; 0 for n ≤ 2.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <remarks>
    /// Three copies of a uniform bit: +1 bit; the XOR triple: −1 bit (for three variables Ω is the co-information).
    /// Computed from 2n + 1 entropies, not clamped. Reference: Rosas, F. E., Mediano, P. A. M., Gastpar, M. &amp; Jensen, H. J.
    /// (2019), Quantifying high-order interdependencies via multivariate extensions of the mutual information, Physical
    /// Review E 100, 032305, doi:10.1103/PhysRevE.100.032305.
    /// </remarks>
    public static double OInformation(JointDistribution joint, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        var (single, others, full) = LeaveOneOut(joint);
        int n = joint.Rank;
        if (n <= 2)
        {
            return 0.0;
        }

        var sum = default(CompensatedSum);
        sum.Add((n - 2) * full);
        for (int i = 0; i < n; i++)
        {
            sum.Add(single[i]);
            sum.Add(-others[i]);
        }

        return logBase.FromNats(sum.Value);
    }

    /// <summary>The S-information (exogenous information) of the n variables of a joint distribution.</summary>
    /// <param name="joint">The joint distribution; each axis is one variable.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Σ(X₁, …, Xₙ) = Σᵢ I(Xᵢ ; X₋ᵢ) = TC + DTC ≥ 0, in the unit of <paramref name="logBase"/>; 0 for one variable, 2 I(X₁;X₂) for two.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <remarks>
    /// Three copies of a uniform bit: 3 bits; the XOR triple: 3 bits. Computed from 2n + 1 entropies and clamped at 0.
    /// Reference: Rosas et al. (2019), doi:10.1103/PhysRevE.100.032305; James, R. G., Ellison, C. J. &amp; Crutchfield, J. P.
    /// (2011), Anatomy of a bit, Chaos 21, 037109, doi:10.1063/1.3637494.
    /// </remarks>
    public static double SInformation(JointDistribution joint, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        int n = joint.Rank;
        if (n == 1)
        {
            return 0.0;
        }

        var (single, others, full) = LeaveOneOut(joint);
        var sum = default(CompensatedSum);
        for (int i = 0; i < n; i++)
        {
            sum.Add(single[i]);
            sum.Add(others[i]);
            sum.Add(-full);
        }

        return logBase.FromNats(Math.Max(0.0, sum.Value));
    }

    /// <summary>H(Xᵢ), H(X₋ᵢ) for every i, and H(X), in nats.</summary>
    private static (double[] Single, double[] Others, double Full) LeaveOneOut(JointDistribution joint)
    {
        int n = joint.Rank;
        var single = new double[n];
        var others = new double[n];
        var axes = new int[Math.Max(1, n - 1)];
        for (int i = 0; i < n; i++)
        {
            single[i] = joint.EntropyInNats([i]);
            for (int j = 0, k = 0; j < n; j++)
            {
                if (j != i)
                {
                    axes[k++] = j;
                }
            }

            others[i] = n == 1 ? 0.0 : joint.EntropyInNats(axes.AsSpan(0, n - 1));
        }

        return (single, others, Entropy.Of(joint.Probabilities));
    }
}
