using System.Runtime.Intrinsics;
using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>Cross-entropy of a model distribution q against a true distribution p.</summary>
public static partial class CrossEntropy
{
    /// <summary>The cross-entropy H(p, q): the mean code length of outcomes from p under a code optimal for q.</summary>
    /// <param name="p">The true distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The model distribution, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// H(p, q) = −Σᵢ pᵢ log qᵢ = H(p) + D_KL(p‖q), in the unit of <paramref name="logBase"/>; H(p, q) ≥ H(p),
    /// +∞ when some qᵢ = 0 &lt; pᵢ.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <remarks>
    /// Terms with pᵢ = 0 contribute 0 whatever qᵢ is (including qᵢ = 0). For a one-hot p on class c this is the
    /// classification loss −log q_c. One vectorised pass, on all cores from 2²⁰ elements, no allocation below.
    /// Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., Theorem 5.4.3
    /// (the expected length of a code built for the wrong distribution), doi:10.1002/047174882X.
    /// </remarks>
    public static double Of(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) =>
        logBase.FromNats(Math.Max(0.0, BlockSum.Of<CrossEntropyTerms>(p, q, nameof(p), nameof(q))));

    /// <summary>
    /// −pᵢ ln qᵢ; pᵢ = 0 gives 0 · (a finite log) = 0 whatever qᵢ, and a block where a positive pᵢ meets a zero or
    /// subnormal qᵢ is re-summed exactly.
    /// </summary>
    private readonly struct CrossEntropyTerms : IBlockKernel
    {
        public bool TakesRatio => false;

        public bool TakesQ => true;

        public bool NormalArgumentsOnly => true;

        public Vector256<double> Accumulate(Vector256<double> sum, Vector256<double> p, Vector256<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables) =>
            Vector256.FusedMultiplyAdd(-p, DoubleLog.Log(q, in qAt, tables), sum);

        public Vector128<double> Accumulate(Vector128<double> sum, Vector128<double> p, Vector128<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables) =>
            Vector128.MultiplyAddEstimate(-p, DoubleLog.Log(q, in qAt, tables), sum);

        public double Term(double p, double q) =>
            p == 0.0 ? 0.0 : q == 0.0 ? double.PositiveInfinity : -p * Math.Log(q);
    }
}
