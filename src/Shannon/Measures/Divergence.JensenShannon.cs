using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Shannon.Numerics;

namespace Shannon.Measures;

public static partial class Divergence
{
    /// <summary>The Jensen–Shannon divergence of two distributions (equal weights).</summary>
    /// <param name="p">The first distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The second distribution, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// JS(p, q) = ½ D_KL(p‖m) + ½ D_KL(q‖m) with m = ½(p + q), in the unit of <paramref name="logBase"/>;
    /// symmetric, finite, 0 ≤ JS ≤ log 2 (1 bit).
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <remarks>
    /// Summed term by term as ½ Σᵢ [pᵢ log(pᵢ/mᵢ) + qᵢ log(qᵢ/mᵢ)], never as H(m) − ½H(p) − ½H(q), whose
    /// cancellation makes nearly identical inputs come out negative. Where pᵢ and qᵢ are close the term is the
    /// all-positive series ½ mᵢ Σₖ tᵢ²ᵏ / (k(2k − 1)), tᵢ = (pᵢ − qᵢ)/(pᵢ + qᵢ), so a tiny divergence keeps full
    /// relative accuracy (and its square root, the distance, is not rounding noise). Clamped to [0, log 2]: never
    /// negative or NaN. Its square root is a metric: <see cref="JensenShannonDistance"/>.
    /// Reference: Lin, J. (1991), Divergence measures based on the Shannon entropy, IEEE Trans. Inf. Theory
    /// 37(1), 145–151, doi:10.1109/18.61115.
    /// </remarks>
    public static double JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
        logBase.FromNats(Math.Min(Math.Log(2.0), Math.Max(0.0, BlockSum.Of<JensenShannonTerms>(p, q, nameof(p), nameof(q)))));

    /// <summary>The Jensen–Shannon distance of two distributions: the square root of their JS divergence.</summary>
    /// <param name="p">The first distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The second distribution, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <param name="logBase">The base of the divergence under the root; nats by default.</param>
    /// <returns>
    /// √JS(p, q) with JS measured in <paramref name="logBase"/> (as scipy.spatial.distance.jensenshannon);
    /// 0 ≤ d ≤ √(log 2), so ≤ 1 in bits.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <remarks>
    /// A metric on distributions (symmetric, zero only for p = q, triangle inequality). Never NaN: the divergence
    /// under the root is clamped at 0.
    /// Reference: Endres, D. M. &amp; Schindelin, J. E. (2003), A new metric for probability distributions,
    /// IEEE Trans. Inf. Theory 49(7), 1858–1860, doi:10.1109/TIT.2003.813506.
    /// </remarks>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
        Math.Sqrt(JensenShannon(p, q, logBase));

    /// <summary>The generalised Jensen–Shannon divergence of n distributions with weights π.</summary>
    /// <param name="distributions">n distributions of k outcomes, row-major (n × k); each row non-negative and summing to 1.</param>
    /// <param name="weights">The n weights π; non-negative, summing to 1. Its length is n.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// JS_π(P₁, …, Pₙ) = H(Σⱼ πⱼ Pⱼ) − Σⱼ πⱼ H(Pⱼ) = Σⱼ πⱼ D_KL(Pⱼ ‖ M) with M = Σⱼ πⱼ Pⱼ, in the unit of
    /// <paramref name="logBase"/>; 0 ≤ JS_π ≤ H(π).
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="weights"/> is empty, not a distribution; <paramref name="distributions"/> is empty, its length
    /// is not a multiple of n, or a row is not a distribution (the message names the row and the entry).
    /// </exception>
    /// <remarks>
    /// Equals the mutual information between the outcome and the index j of the distribution it was drawn from.
    /// Evaluated term by term as Σⱼ πⱼ Σᵢ Pⱼᵢ log(Pⱼᵢ / Mᵢ) and clamped at 0. Rents one buffer of k doubles for M.
    /// Reference: Lin, J. (1991), Divergence measures based on the Shannon entropy, IEEE Trans. Inf. Theory
    /// 37(1), 145–151, doi:10.1109/18.61115.
    /// </remarks>
    public static double GeneralizedJensenShannon(ReadOnlySpan<double> distributions, ReadOnlySpan<double> weights, LogBase logBase = default)
    {
        Guard.Distribution(weights, nameof(weights));
        Guard.NotEmpty(distributions, nameof(distributions));
        int n = weights.Length;
        if (distributions.Length % n != 0)
        {
            throw new ArgumentException(
                $"distributions has {distributions.Length} entries, not a multiple of the {n} weights; it must be n × k row-major.",
                nameof(distributions));
        }

        int k = distributions.Length / n;
        for (int j = 0; j < n; j++)
        {
            Guard.DistributionRow(distributions.Slice(j * k, k), j, nameof(distributions));
        }

        double[] rented = ArrayPool<double>.Shared.Rent(k);
        try
        {
            var mixture = rented.AsSpan(0, k);
            mixture.Clear();
            for (int j = 0; j < n; j++)
            {
                TensorPrimitives.MultiplyAdd(distributions.Slice(j * k, k), weights[j], mixture, mixture);
            }

            var sum = default(CompensatedSum);
            for (int j = 0; j < n; j++)
            {
                if (weights[j] == 0.0)
                {
                    continue;
                }

                var row = distributions.Slice(j * k, k);
                var rowSum = default(CompensatedSum);
                for (int i = 0; i < k; i++)
                {
                    rowSum.Add(SpecialFunctions.RelativeEntropy(row[i], mixture[i]));
                }

                sum.Add(weights[j] * rowSum.Value);
            }

            return logBase.FromNats(Math.Max(0.0, sum.Value));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// ½[pᵢ ln(pᵢ/mᵢ) + qᵢ ln(qᵢ/mᵢ)] = ½ mᵢ f(tᵢ) with mᵢ = ½(pᵢ + qᵢ), tᵢ = (pᵢ − qᵢ)/(pᵢ + qᵢ) and
    /// f(t) = (1 + t) ln(1 + t) + (1 − t) ln(1 − t) = Σₖ t²ᵏ / (k(2k − 1)). Close entries (|t| ≤ ¼) use the series,
    /// whose terms are all positive, so nearly identical inputs get full relative accuracy instead of rounding noise;
    /// element by element, because that branch is what makes the result exact (every term is ≥ 0, so the lanes'
    /// plain sums lose nothing to cancellation).
    /// </summary>
    private readonly struct JensenShannonTerms : IBlockKernel
    {
        public bool NormalArgumentsOnly => false;

        public bool TakesRatio => false;

        public bool TakesQ => true;

        public Vector256<double> Accumulate(Vector256<double> sum, Vector256<double> p, Vector256<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables) =>
            sum + Vector256.Create(Term(p[0], q[0]), Term(p[1], q[1]), Term(p[2], q[2]), Term(p[3], q[3]));

        public Vector128<double> Accumulate(Vector128<double> sum, Vector128<double> p, Vector128<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables) =>
            sum + Vector128.Create(Term(p[0], q[0]), Term(p[1], q[1]));

        public double Term(double p, double q)
        {
            double total = p + q;
            if (total == 0.0)
            {
                return 0.0;
            }

            double t = (p - q) / total; // p − q is exact when |t| ≤ 1/3 (Sterbenz).
            if (Math.Abs(t) > 0.25)
            {
                double m = 0.5 * total;
                return 0.5 * (SpecialFunctions.RelativeEntropy(p, m) + SpecialFunctions.RelativeEntropy(q, m));
            }

            double t2 = t * t, power = t2, series = 0.0;
            for (int k = 1; k <= 30 && power > 1e-18 * series; k++, power *= t2)
            {
                series += power / (k * ((2.0 * k) - 1.0));
            }

            return 0.25 * total * series; // ½ · m · f(t) with m = total / 2
        }
    }
}
