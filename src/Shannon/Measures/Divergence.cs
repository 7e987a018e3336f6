using System.Runtime.Intrinsics;
using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>
/// Divergences between two known distributions on the same outcomes: Kullback–Leibler and Rényi here,
/// Jensen–Shannon in Divergence.JensenShannon.cs, Hellinger, total variation and χ² in Divergence.Distances.cs.
/// </summary>
public static partial class Divergence
{
    /// <summary>The Kullback–Leibler divergence (relative entropy) of q from p.</summary>
    /// <param name="p">The reference ("true") distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The approximating distribution, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// D_KL(p‖q) = Σᵢ pᵢ log(pᵢ / qᵢ) = H(p, q) − H(p), in the unit of <paramref name="logBase"/>; ≥ 0 with equality
    /// iff p = q (Gibbs' inequality); +∞ when some qᵢ = 0 &lt; pᵢ.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <remarks>
    /// Not symmetric: D_KL(p‖q) ≠ D_KL(q‖p) in general. Terms with pᵢ = 0 are 0. Each term is pᵢ log(pᵢ / qᵢ) with
    /// the ratio formed first, falling back to pᵢ (log pᵢ − log qᵢ) when the ratio overflows, so qᵢ ≈ 1e-308 or a
    /// subnormal qᵢ gives a finite term (as scipy.special.rel_entr since its 2024 fix). The result is clamped at 0
    /// against rounding. One vectorised pass, on all cores from 2²⁰ elements, no allocation below.
    /// Reference: Kullback, S. &amp; Leibler, R. A. (1951), On Information and Sufficiency, Annals of Mathematical
    /// Statistics 22(1), 79–86, doi:10.1214/aoms/1177729694.
    /// </remarks>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
        logBase.FromNats(Math.Max(0.0, BlockSum.Of<RelativeEntropyTerms>(p, q, nameof(p), nameof(q))));

    /// <summary>The Rényi divergence of order α of q from p.</summary>
    /// <param name="p">The reference distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The approximating distribution, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <param name="alpha">The order α ≥ 0; <see cref="double.PositiveInfinity"/> gives the max-divergence.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// D_α(p‖q) = log(Σᵢ pᵢ^α qᵢ^(1−α)) / (α − 1), in the unit of <paramref name="logBase"/>; with the limits
    /// D₀ = −log Σ_{pᵢ &gt; 0} qᵢ, D₁ = D_KL(p‖q) and D_∞ = log max_{pᵢ &gt; 0} pᵢ / qᵢ. Non-negative and
    /// non-decreasing in α.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN.</exception>
    /// <remarks>
    /// For α ≥ 1 the result is +∞ when some qᵢ = 0 &lt; pᵢ; for α &lt; 1 such terms contribute 0 and the result is
    /// +∞ only when the supports are disjoint. D_½ = −2 log Σᵢ √(pᵢ qᵢ) (Bhattacharyya). For |α − 1| ≤ ½ the sum is
    /// evaluated as log1p(Σᵢ pᵢ·expm1((α − 1) log(pᵢ/qᵢ))), accurate as α → 1; otherwise with log-sum-exp.
    /// Reference: Rényi, A. (1961), On measures of entropy and information, Proc. Fourth Berkeley Symposium 1,
    /// 547–561; van Erven, T. &amp; Harremoës, P. (2014), Rényi divergence and Kullback–Leibler divergence,
    /// IEEE Trans. Inf. Theory 60(7), 3797–3820, doi:10.1109/TIT.2014.2320500.
    /// </remarks>
    public static double Renyi(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, LogBase logBase = default)
    {
        Guard.Distribution(p, nameof(p));
        Guard.Distribution(q, nameof(q));
        Guard.SameLength(p, q, nameof(p), nameof(q));
        Guard.Order(alpha, nameof(alpha));
        if (alpha == 1.0)
        {
            return KullbackLeibler(p, q, logBase);
        }

        bool qMissesP = false;
        for (int i = 0; i < p.Length; i++)
        {
            qMissesP |= p[i] > 0.0 && q[i] == 0.0;
        }

        if (qMissesP && alpha > 1.0)
        {
            return double.PositiveInfinity;
        }

        double nats = alpha == 0.0 ? -Math.Log(MassUnderSupport(p, q))
            : double.IsPositiveInfinity(alpha) ? MaxLogRatio(p, q)
            : Math.Abs(alpha - 1.0) <= 0.5 ? SpecialFunctions.Log1P(OrderSumMinusOne(p, q, alpha)) / (alpha - 1.0)
            : LogOrderSum(p, q, alpha) / (alpha - 1.0);
        return logBase.FromNats(Math.Max(0.0, nats));
    }

    private static double MassUnderSupport(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sum = default(CompensatedSum);
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0.0)
            {
                sum.Add(q[i]);
            }
        }

        return sum.Value;
    }

    private static double MaxLogRatio(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0.0)
            {
                max = Math.Max(max, SpecialFunctions.LogRatio(p[i], q[i]));
            }
        }

        return max;
    }

    /// <summary>Σᵢ pᵢ^α qᵢ^(1−α) − 1 = Σ_{pᵢ &gt; 0} pᵢ·expm1((α − 1) ln(pᵢ / qᵢ)); qᵢ = 0 gives the term −pᵢ (α &lt; 1).</summary>
    private static double OrderSumMinusOne(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        var sum = default(CompensatedSum);
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0.0)
            {
                sum.Add(q[i] == 0.0 ? -p[i] : p[i] * SpecialFunctions.ExpM1((alpha - 1.0) * SpecialFunctions.LogRatio(p[i], q[i])));
            }
        }

        return sum.Value;
    }

    /// <summary>ln Σᵢ pᵢ^α qᵢ^(1−α) over the terms with pᵢ, qᵢ &gt; 0, by log-sum-exp; −∞ when there are none.</summary>
    private static double LogOrderSum(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0.0 && q[i] > 0.0)
            {
                max = Math.Max(max, LogTerm(p[i], q[i], alpha));
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var sum = default(CompensatedSum);
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0.0 && q[i] > 0.0)
            {
                sum.Add(Math.Exp(LogTerm(p[i], q[i], alpha) - max));
            }
        }

        return max + Math.Log(sum.Value);
    }

    private static double LogTerm(double p, double q, double alpha) => Math.Log(p) + ((alpha - 1.0) * SpecialFunctions.LogRatio(p, q));

    /// <summary>
    /// pᵢ ln(pᵢ / qᵢ) from the block's stored ratios; pᵢ = 0 gives 0 · (a finite log of 0 or 0/0) = 0, and a block with
    /// a subnormal pᵢ, or a positive pᵢ over a zero or subnormal qᵢ (where the ratio could be ∞), is re-summed exactly.
    /// Elsewhere the ratio is normal: pᵢ ≥ 2⁻¹⁰²² and qᵢ ≤ 1 keep it from underflow, qᵢ ≥ 2⁻¹⁰²² from overflow.
    /// </summary>
    private readonly struct RelativeEntropyTerms : IBlockKernel
    {
        public bool TakesQ => true;

        public bool NormalArgumentsOnly => true;

        public bool TakesRatio => true;

        public Vector256<double> Accumulate(Vector256<double> sum, Vector256<double> p, Vector256<double> ratio, ref readonly double pAt, ref readonly double ratioAt, LogTables tables) =>
            Vector256.FusedMultiplyAdd(p, DoubleLog.Log(ratio, in ratioAt, tables), sum);

        public Vector128<double> Accumulate(Vector128<double> sum, Vector128<double> p, Vector128<double> ratio, ref readonly double pAt, ref readonly double ratioAt, LogTables tables) =>
            Vector128.MultiplyAddEstimate(p, DoubleLog.Log(ratio, in ratioAt, tables), sum);

        public double Term(double p, double q) => SpecialFunctions.RelativeEntropy(p, q);
    }
}
