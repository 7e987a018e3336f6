using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>Entropies of a known discrete distribution: Shannon, Rényi and Tsallis; joint and conditional entropies of tables are in <see cref="MutualInformation"/>.</summary>
public static partial class Entropy
{
    /// <summary>Shannon entropy of a probability distribution.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>H(p) = −Σᵢ pᵢ log pᵢ, in the unit of <paramref name="logBase"/>; 0 ≤ H ≤ log n.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a NaN, negative or infinite entry, or does not sum to 1.</exception>
    /// <remarks>
    /// Terms with pᵢ = 0 contribute 0 (the limit of x log x as x → 0). A one-point distribution gives 0;
    /// the uniform distribution on n outcomes gives log n. One pass over <paramref name="p"/>, vectorised with
    /// TensorPrimitives in blocks summed with Neumaier compensation, on all cores from 2²⁰ elements; no allocation
    /// below that size.
    /// Reference: Shannon, C. E. (1948), A Mathematical Theory of Communication, Bell System Technical
    /// Journal 27(3), 379–423, doi:10.1002/j.1538-7305.1948.tb01338.x.
    /// </remarks>
    public static double Of(ReadOnlySpan<double> p, LogBase logBase = default) =>
        logBase.FromNats(Math.Max(0.0, BlockSum.Of<ShannonTerms>(p, nameof(p))));

    /// <summary>Shannon entropy of the empirical distribution of counts: the one formula for "entropy from counts".</summary>
    /// <param name="counts">Occurrences of each outcome; non-negative, with a positive total N.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>H = (1/N) Σᵢ nᵢ ln(N/nᵢ) in the unit of <paramref name="logBase"/>; 0 ≤ H ≤ log(#nonzero counts).</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, has a negative entry, or sums to 0.</exception>
    /// <remarks>
    /// Zero counts add 0. Each term takes one logarithm of the ratio N/nᵢ (correctly rounded for counts below 2⁵³), so
    /// it stays accurate when nᵢ is close to N; the terms are summed in sorted order with compensation and the sum is
    /// clamped at 0 against rounding. The plug-in estimator, the clustering
    /// measures and the report all compute an entropy from counts here.
    /// Reference: Shannon, C. E. (1948), Bell System Technical Journal 27(3), 379–423, doi:10.1002/j.1538-7305.1948.tb01338.x.
    /// </remarks>
    public static double OfCounts(ReadOnlySpan<long> counts, LogBase logBase = default)
    {
        long total = Guard.CountsTotal(counts, nameof(counts));

        return logBase.FromNats(CountsNats(counts, total));
    }

    /// <summary>
    /// (1/N) Σᵢ nᵢ ln(N/nᵢ) for checked counts with total N, clamped at 0: the ratio N/nᵢ is formed first while N is exact in a
    /// double (below 2⁵³), the terms are summed in sorted order with compensation. The contingency-table mutual
    /// information forms its terms the same way, so two identical labellings give I = H to the last bit.
    /// </summary>
    internal static double CountsNats(ReadOnlySpan<long> counts, long total)
    {
        bool exact = total <= 1L << 53;
        double logTotal = Math.Log(total);
        var terms = new List<double>(counts.Length);
        foreach (long count in counts)
        {
            if (count > 0)
            {
                terms.Add(count * (exact ? Math.Log((double)total / count) : logTotal - Math.Log(count)));
            }
        }

        double[] sorted = [.. terms];
        Array.Sort(sorted);
        return Math.Max(0.0, CompensatedSum.Of(sorted) / total);
    }

    /// <summary>Rényi entropy of order α of a probability distribution.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="alpha">The order α ≥ 0; <see cref="double.PositiveInfinity"/> gives the min-entropy.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// H_α(p) = log(Σᵢ pᵢ^α) / (1 − α), in the unit of <paramref name="logBase"/>; with the limits
    /// H₀ = log |{i : pᵢ &gt; 0}| (Hartley), H₁ = Shannon entropy, H_∞ = −log maxᵢ pᵢ (min-entropy).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a NaN, negative or infinite entry, or does not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN.</exception>
    /// <remarks>
    /// H_α is non-increasing in α, so H_∞ ≤ H₂ ≤ H₁ ≤ H₀. Zero probabilities are outside the sum for every α
    /// (0^α = 0 for α &gt; 0; the α = 0 limit counts the support). For |α − 1| ≤ ½ the sum is evaluated as
    /// log1p(Σᵢ pᵢ·expm1((α − 1) ln pᵢ)), accurate as α → 1; otherwise as α log maxᵢ pᵢ + log Σᵢ (pᵢ / max)^α
    /// so that large α does not underflow.
    /// Reference: Rényi, A. (1961), On measures of entropy and information, Proc. Fourth Berkeley Symposium
    /// on Mathematical Statistics and Probability 1, 547–561; van Erven, T. &amp; Harremoës, P. (2014),
    /// Rényi divergence and Kullback–Leibler divergence, IEEE Trans. Inf. Theory 60(7), 3797–3820,
    /// doi:10.1109/TIT.2014.2320500.
    /// </remarks>
    public static double Renyi(ReadOnlySpan<double> p, double alpha, LogBase logBase = default)
    {
        Guard.Distribution(p, nameof(p));
        Guard.Order(alpha, nameof(alpha));
        if (alpha == 1.0)
        {
            return Of(p, logBase);
        }

        double max = TensorPrimitives.Max(p);
        double nats;
        if (double.IsPositiveInfinity(alpha))
        {
            nats = -Math.Log(max);
        }
        else if (alpha == 0.0)
        {
            nats = Math.Log(Support(p));
        }
        else if (Math.Abs(alpha - 1.0) <= 0.5)
        {
            // Near α = 1: Σ pᵢ^α = 1 + Σ pᵢ (e^((α−1) ln pᵢ) − 1), so log1p and expm1 avoid the 0/0 cancellation.
            nats = SpecialFunctions.Log1P(PowerSumMinusOne(p, alpha)) / (1.0 - alpha);
        }
        else
        {
            var sum = default(CompensatedSum);
            foreach (double pi in p)
            {
                if (pi > 0.0)
                {
                    sum.Add(Math.Pow(pi / max, alpha));
                }
            }

            nats = ((alpha * Math.Log(max)) + Math.Log(sum.Value)) / (1.0 - alpha);
        }

        return logBase.FromNats(Math.Max(0.0, nats));
    }

    /// <summary>Tsallis entropy of index q of a probability distribution.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The entropic index, any finite real number.</param>
    /// <returns>
    /// S_q(p) = (1 − Σᵢ pᵢ^q) / (q − 1), dimensionless (Boltzmann's constant k = 1), with the limit
    /// S₁ = −Σᵢ pᵢ ln pᵢ, the Shannon entropy in nats.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a NaN, negative or infinite entry, or does not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is NaN or infinite.</exception>
    /// <remarks>
    /// Tsallis entropy is not a logarithm, so it has no log base. The sum runs over the support (pᵢ &gt; 0) for
    /// every q, so S₀ = |support| − 1. Evaluated as −Σᵢ pᵢ·expm1((q − 1) ln pᵢ) / (q − 1), accurate as q → 1. Non-negative for every q; pseudo-additive rather than additive:
    /// S_q(A,B) = S_q(A) + S_q(B) + (1 − q) S_q(A) S_q(B) for independent A, B.
    /// Reference: Tsallis, C. (1988), Possible generalization of Boltzmann–Gibbs statistics, Journal of
    /// Statistical Physics 52, 479–487, doi:10.1007/BF01016429.
    /// </remarks>
    public static double Tsallis(ReadOnlySpan<double> p, double q)
    {
        Guard.Distribution(p, nameof(p));
        Guard.Finite(q, nameof(q));
        if (q == 1.0)
        {
            return Of(p);
        }

        return Math.Max(0.0, -PowerSumMinusOne(p, q) / (q - 1.0));
    }

    /// <summary>Σᵢ pᵢ^a − 1 over the support, as Σᵢ pᵢ·expm1((a − 1) ln pᵢ) so it stays accurate as a → 1.</summary>
    private static double PowerSumMinusOne(ReadOnlySpan<double> p, double a)
    {
        var sum = default(CompensatedSum);
        foreach (double pi in p)
        {
            if (pi > 0.0)
            {
                sum.Add(pi * SpecialFunctions.ExpM1((a - 1.0) * Math.Log(pi)));
            }
        }

        return sum.Value;
    }

    private static int Support(ReadOnlySpan<double> p)
    {
        int count = 0;
        foreach (double pi in p)
        {
            count += pi > 0.0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>−pᵢ ln pᵢ; pᵢ = 0 gives 0 · (a finite log) = 0, and a block with a subnormal pᵢ is re-summed exactly.</summary>
    private readonly struct ShannonTerms : IBlockKernel
    {
        public bool TakesRatio => false;

        public bool NormalArgumentsOnly => true;

        public bool TakesQ => false;

        public Vector256<double> Accumulate(Vector256<double> sum, Vector256<double> p, Vector256<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables) =>
            Vector256.FusedMultiplyAdd(-p, DoubleLog.Log(p, in pAt, tables), sum);

        public Vector128<double> Accumulate(Vector128<double> sum, Vector128<double> p, Vector128<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables) =>
            Vector128.MultiplyAddEstimate(-p, DoubleLog.Log(p, in pAt, tables), sum);

        public double Term(double p, double q) => -SpecialFunctions.XLogX(p);
    }
}
