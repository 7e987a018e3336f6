using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>
/// Dependence among all n variables of a joint distribution (one variable per axis): total correlation, dual total
/// correlation and co-information. Marginalise first (<see cref="JointDistribution.Marginal"/>) to measure a subset.
/// </summary>
public static partial class Multivariate
{
    /// <summary>The largest number of variables <see cref="CoInformation"/> accepts: it sums the entropies of all 2ⁿ − 1 subsets.</summary>
    public const int MaxCoInformationVariables = 24;

    /// <summary>The total correlation (multi-information) of the n variables of a joint distribution.</summary>
    /// <param name="joint">The joint distribution; each axis is one variable.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// TC(X₁, …, Xₙ) = Σᵢ H(Xᵢ) − H(X₁, …, Xₙ) = D_KL(p(x₁, …, xₙ) ‖ Πᵢ p(xᵢ)), in the unit of <paramref name="logBase"/>;
    /// 0 ≤ TC ≤ Σᵢ H(Xᵢ) − maxᵢ H(Xᵢ), 0 iff the variables are mutually independent.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <remarks>
    /// For two variables it is the mutual information. One variable gives 0. n copies of a uniform bit give n − 1 bits.
    /// Computed from n + 1 entropies (one pass over the table per marginal) and clamped at 0.
    /// Reference: Watanabe, S. (1960), Information theoretical analysis of multivariate correlation, IBM Journal of
    /// Research and Development 4(1), 66–82, doi:10.1147/rd.41.0066.
    /// </remarks>
    public static double TotalCorrelation(JointDistribution joint, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        var sum = default(CompensatedSum);
        Span<int> axis = stackalloc int[1];
        for (int i = 0; i < joint.Rank; i++)
        {
            axis[0] = i;
            sum.Add(joint.EntropyInNats(axis));
        }

        sum.Add(-Entropy.Of(joint.Probabilities));
        return logBase.FromNats(Math.Max(0.0, sum.Value));
    }

    /// <summary>The dual total correlation (binding information) of the n variables of a joint distribution.</summary>
    /// <param name="joint">The joint distribution; each axis is one variable.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// DTC(X₁, …, Xₙ) = H(X₁, …, Xₙ) − Σᵢ H(Xᵢ | X₋ᵢ) = Σᵢ H(X₋ᵢ) − (n − 1) H(X₁, …, Xₙ), with X₋ᵢ all variables but
    /// Xᵢ, in the unit of <paramref name="logBase"/>; 0 ≤ DTC ≤ H(X₁, …, Xₙ), and TC/(n − 1) ≤ DTC ≤ (n − 1)·TC.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <remarks>
    /// For two variables it is the mutual information. One variable gives 0. n copies of a uniform bit give 1 bit;
    /// the XOR triple (Z = X ⊕ Y, X and Y uniform) gives 2 bits. Computed from n + 1 entropies and clamped at 0.
    /// Reference: Han, T. S. (1978), Nonnegative entropy measures of multivariate symmetric correlations, Information
    /// and Control 36(2), 133–156, doi:10.1016/S0019-9958(78)90275-9.
    /// </remarks>
    public static double DualTotalCorrelation(JointDistribution joint, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        int n = joint.Rank;
        if (n == 1)
        {
            return 0.0;
        }

        var sum = default(CompensatedSum);
        Span<int> others = n <= 256 ? stackalloc int[n - 1] : new int[n - 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0, k = 0; j < n; j++)
            {
                if (j != i)
                {
                    others[k++] = j;
                }
            }

            sum.Add(joint.EntropyInNats(others));
        }

        sum.Add(-(n - 1) * Entropy.Of(joint.Probabilities));
        return logBase.FromNats(Math.Max(0.0, sum.Value));
    }

    /// <summary>The co-information (multivariate mutual information) of the n variables of a joint distribution, in dit's sign convention.</summary>
    /// <param name="joint">The joint distribution; each axis is one variable; at most <see cref="MaxCoInformationVariables"/> axes.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// I(X₁; …; Xₙ) = −Σ_{∅ ≠ T ⊆ {1…n}} (−1)^|T| H(X_T), in the unit of <paramref name="logBase"/>. One variable gives
    /// H(X₁), two give I(X₁;X₂), three give I(X;Y) − I(X;Y|Z). Any sign for n ≥ 3.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> has more than <see cref="MaxCoInformationVariables"/> axes.</exception>
    /// <remarks>
    /// Sign convention: that of dit's <c>coinformation</c> and Bell's co-information, the inclusion–exclusion measure of
    /// the centre of the information diagram (Yeung's I-measure): positive for redundancy (three copies of a uniform
    /// bit: +1 bit), negative for synergy (the XOR triple Z = X ⊕ Y: −1 bit). McGill's interaction information names
    /// the same three-variable quantity; authors differ on its sign — Jakulin &amp; Bratko's interaction information is
    /// (−1)ⁿ times this value (XOR: +1 bit) — so compare conventions before comparing numbers. Not clamped: a
    /// difference of 2ⁿ − 1 entropies, each one pass over the table, so O(2ⁿ × cells) work.
    /// References: McGill, W. J. (1954), Multivariate information transmission, Psychometrika 19(2), 97–116,
    /// doi:10.1007/BF02289159; Bell, A. J. (2003), The co-information lattice, Proc. 4th Int. Symp. on Independent
    /// Component Analysis and Blind Signal Separation (ICA 2003), 921–926; Yeung, R. W. (1991), A new outlook on
    /// Shannon's information measures, IEEE Trans. Inf. Theory 37(3), 466–474, doi:10.1109/18.79902; James, R. G.,
    /// Ellison, C. J. &amp; Crutchfield, J. P. (2018), dit: a Python package for discrete information theory, Journal
    /// of Open Source Software 3(25), 738, doi:10.21105/joss.00738.
    /// </remarks>
    public static double CoInformation(JointDistribution joint, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        int n = joint.Rank;
        if (n > MaxCoInformationVariables)
        {
            throw new ArgumentException($"joint has {n} axes; co-information sums 2^n − 1 entropies and accepts at most {MaxCoInformationVariables}.", nameof(joint));
        }

        var sum = default(CompensatedSum);
        Span<int> subset = stackalloc int[n];
        for (int mask = 1; mask < 1 << n; mask++)
        {
            int size = 0;
            for (int i = 0; i < n; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    subset[size++] = i;
                }
            }

            double h = size == n ? Entropy.Of(joint.Probabilities) : joint.EntropyInNats(subset[..size]);
            sum.Add(size % 2 == 1 ? h : -h);
        }

        return logBase.FromNats(sum.Value);
    }
}
