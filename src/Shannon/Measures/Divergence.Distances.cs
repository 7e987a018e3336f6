using System.Runtime.Intrinsics;
using Shannon.Numerics;

namespace Shannon.Measures;

public static partial class Divergence
{
    /// <summary>The Hellinger distance between two distributions.</summary>
    /// <param name="p">The first distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The second distribution, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <returns>
    /// H(p, q) = √(½ Σᵢ (√pᵢ − √qᵢ)²) = √(1 − Σᵢ √(pᵢ qᵢ)), dimensionless (no log base); 0 ≤ H ≤ 1, with 1 for
    /// disjoint supports.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <remarks>
    /// A metric. Summed as squared differences of square roots (no cancellation for nearly equal inputs, unlike
    /// 1 − Bhattacharyya coefficient) and clamped to [0, 1]. Related bounds: H² ≤ TV ≤ √2·H.
    /// Reference: Hellinger, E. (1909), Neue Begründung der Theorie quadratischer Formen von unendlichvielen
    /// Veränderlichen, J. reine angew. Math. 136, 210–271, doi:10.1515/crll.1909.136.210.
    /// </remarks>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q) =>
        Math.Sqrt(Math.Clamp(0.5 * BlockSum.Of<HellingerTerms>(p, q, nameof(p), nameof(q)), 0.0, 1.0));

    /// <summary>The total variation distance between two distributions.</summary>
    /// <param name="p">The first distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The second distribution, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <returns>TV(p, q) = ½ Σᵢ |pᵢ − qᵢ| = maxₐ |p(A) − q(A)|, dimensionless; 0 ≤ TV ≤ 1.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <remarks>
    /// A metric; bounded by Pinsker's inequality TV ≤ √(D_KL(p‖q) / 2) with D_KL in nats. Clamped to [0, 1].
    /// Reference: Tsybakov, A. B. (2009), Introduction to Nonparametric Estimation, §2.4 (Lemma 2.1 and
    /// Lemma 2.5, Pinsker), doi:10.1007/b13794.
    /// </remarks>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q) =>
        Math.Clamp(0.5 * BlockSum.Of<AbsoluteDifferenceTerms>(p, q, nameof(p), nameof(q)), 0.0, 1.0);

    /// <summary>Pearson's χ² divergence of q from p.</summary>
    /// <param name="p">The first distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The reference distribution in the denominator, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <returns>
    /// χ²(p‖q) = Σᵢ (pᵢ − qᵢ)² / qᵢ = Σᵢ pᵢ²/qᵢ − 1, dimensionless; ≥ 0, +∞ when some qᵢ = 0 &lt; pᵢ
    /// (terms with pᵢ = qᵢ = 0 are 0).
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <remarks>
    /// The f-divergence of f(t) = (t − 1)²; not symmetric. Upper-bounds KL: D_KL(p‖q) ≤ ln(1 + χ²(p‖q)).
    /// Reference: Pearson, K. (1900), On the criterion that a given system of deviations from the probable …,
    /// Philosophical Magazine 50(302), 157–175, doi:10.1080/14786440009463897.
    /// </remarks>
    public static double ChiSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q) =>
        Math.Max(0.0, BlockSum.Of<ChiSquaredTerms>(p, q, nameof(p), nameof(q)));

    /// <summary>(√pᵢ − √qᵢ)².</summary>
    private readonly struct HellingerTerms : IBlockKernel
    {
        public bool NormalArgumentsOnly => false;

        public bool TakesRatio => false;

        public bool TakesQ => true;

        public Vector256<double> Accumulate(Vector256<double> sum, Vector256<double> p, Vector256<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables)
        {
            var d = Vector256.Sqrt(p) - Vector256.Sqrt(q);
            return Vector256.FusedMultiplyAdd(d, d, sum);
        }

        public Vector128<double> Accumulate(Vector128<double> sum, Vector128<double> p, Vector128<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables)
        {
            var d = Vector128.Sqrt(p) - Vector128.Sqrt(q);
            return Vector128.MultiplyAddEstimate(d, d, sum);
        }

        public double Term(double p, double q)
        {
            double d = Math.Sqrt(p) - Math.Sqrt(q);
            return d * d;
        }
    }

    /// <summary>|pᵢ − qᵢ|.</summary>
    private readonly struct AbsoluteDifferenceTerms : IBlockKernel
    {
        public bool NormalArgumentsOnly => false;

        public bool TakesRatio => false;

        public bool TakesQ => true;

        public Vector256<double> Accumulate(Vector256<double> sum, Vector256<double> p, Vector256<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables) => sum + Vector256.Abs(p - q);

        public Vector128<double> Accumulate(Vector128<double> sum, Vector128<double> p, Vector128<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables) => sum + Vector128.Abs(p - q);

        public double Term(double p, double q) => Math.Abs(p - q);
    }

    /// <summary>(pᵢ − qᵢ)² / qᵢ; qᵢ = 0 gives ∞ or 0/0 and falls back to exact terms.</summary>
    private readonly struct ChiSquaredTerms : IBlockKernel
    {
        public bool NormalArgumentsOnly => false;

        public bool TakesRatio => false;

        public bool TakesQ => true;

        public Vector256<double> Accumulate(Vector256<double> sum, Vector256<double> p, Vector256<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables)
        {
            var d = p - q;
            return sum + (d * d / q);
        }

        public Vector128<double> Accumulate(Vector128<double> sum, Vector128<double> p, Vector128<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables)
        {
            var d = p - q;
            return sum + (d * d / q);
        }

        public double Term(double p, double q)
        {
            if (q == 0.0)
            {
                return p == 0.0 ? 0.0 : double.PositiveInfinity;
            }

            double d = p - q;
            return d * d / q;
        }
    }
}
