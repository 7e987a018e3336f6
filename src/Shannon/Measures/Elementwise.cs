using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>
/// The element-wise information terms of scipy.special — <c>entr</c>, <c>rel_entr</c> and <c>kl_div</c> — with
/// scipy's values for zeros, negative arguments, infinities and NaN, for one value or element by element.
/// </summary>
/// <remarks>
/// These are terms, not measures: they take any real arguments, do not check that anything sums to 1 and never throw
/// for a value. Summed over a distribution they give the measures: Σ Entropy(pᵢ) = H(p) (<see cref="Entropy.Of"/>),
/// Σ RelativeEntropy(pᵢ, qᵢ) = Σ KullbackLeibler(pᵢ, qᵢ) = D_KL(p‖q) (<see cref="Divergence.KullbackLeibler"/>) when
/// both sum to 1. All in nats. Reference: Virtanen, P. et al. (2020), SciPy 1.0: fundamental algorithms for
/// scientific computing in Python, Nature Methods 17, 261–272, doi:10.1038/s41592-019-0686-2 (scipy.special).
/// </remarks>
public static class Elementwise
{
    /// <summary>The entropy term of one value, as scipy.special.entr.</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>−x ln x for x &gt; 0 (nats); 0 for x = 0; −∞ for x &lt; 0 and for x = +∞; NaN for NaN.</returns>
    /// <remarks>The largest value is 1/e at x = 1/e; a subnormal x gives a tiny positive value, not 0.</remarks>
    public static double Entropy(double x) =>
        double.IsNaN(x) ? double.NaN : x > 0.0 ? -x * Math.Log(x) : x == 0.0 ? 0.0 : double.NegativeInfinity;

    /// <summary>The relative-entropy term of one pair, as scipy.special.rel_entr.</summary>
    /// <param name="x">Any real number (a probability of p).</param>
    /// <param name="y">Any real number (the matching probability of q).</param>
    /// <returns>
    /// x ln(x / y) for x, y &gt; 0 (nats); 0 for x = 0 ≤ y; +∞ otherwise (x &lt; 0, y &lt; 0, or y = 0 &lt; x); NaN
    /// if either is NaN. Infinite arguments follow the formula: (+∞, 1) → +∞, (1, +∞) → −∞, (+∞, +∞) → NaN.
    /// </returns>
    /// <remarks>
    /// The ratio is formed first (one rounding); when it overflows or leaves the normal range (y subnormal, x tiny)
    /// the difference ln x − ln y is used, so (1, 5e-324) gives 744.44 rather than +∞ (scipy from 1.14 agrees;
    /// scipy 1.10 returns +∞ there).
    /// </remarks>
    public static double RelativeEntropy(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }

        if (x > 0.0 && y > 0.0)
        {
            return x * SpecialFunctions.LogRatio(x, y);
        }

        return x == 0.0 && y >= 0.0 ? 0.0 : double.PositiveInfinity;
    }

    /// <summary>The Kullback–Leibler term of one pair, as scipy.special.kl_div.</summary>
    /// <param name="x">Any real number (a probability of p).</param>
    /// <param name="y">Any real number (the matching probability of q).</param>
    /// <returns>
    /// x ln(x / y) − x + y for x, y &gt; 0 (nats), ≥ 0 for every pair; y for x = 0 ≤ y; +∞ otherwise; NaN if either
    /// is NaN, and for (+∞, y) and (x, +∞) where the formula is ∞ − ∞.
    /// </returns>
    /// <remarks>
    /// The extra −x + y makes every term non-negative (ln t ≤ t − 1), so it is the integrand of the generalised KL
    /// divergence between unnormalised measures; over two distributions the extra terms cancel and the sum is
    /// D_KL(p‖q).
    /// </remarks>
    public static double KullbackLeibler(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }

        if (x > 0.0 && y > 0.0)
        {
            return (x * SpecialFunctions.LogRatio(x, y)) - x + y;
        }

        return x == 0.0 && y >= 0.0 ? y : double.PositiveInfinity;
    }

    /// <summary>The entropy term of every value, as scipy.special.entr on an array.</summary>
    /// <param name="x">The values.</param>
    /// <param name="destination">Receives <see cref="Entropy(double)"/> of each value (nats); at least as long as <paramref name="x"/>. May be the same memory.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public static void Entropy(ReadOnlySpan<double> x, Span<double> destination)
    {
        Guard.DestinationFits(destination, x.Length, nameof(destination));
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Entropy(x[i]);
        }
    }

    /// <summary>The relative-entropy term of every pair, as scipy.special.rel_entr on two arrays.</summary>
    /// <param name="x">The first values (p).</param>
    /// <param name="y">The second values (q), the same length as <paramref name="x"/>.</param>
    /// <param name="destination">Receives <see cref="RelativeEntropy(double, double)"/> of each pair (nats); at least as long as <paramref name="x"/>. May be the same memory as either input.</param>
    /// <exception cref="ArgumentException"><paramref name="x"/> and <paramref name="y"/> differ in length, or <paramref name="destination"/> is too short.</exception>
    public static void RelativeEntropy(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.DestinationFits(destination, x.Length, nameof(destination));
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = RelativeEntropy(x[i], y[i]);
        }
    }

    /// <summary>The Kullback–Leibler term of every pair, as scipy.special.kl_div on two arrays.</summary>
    /// <param name="x">The first values (p).</param>
    /// <param name="y">The second values (q), the same length as <paramref name="x"/>.</param>
    /// <param name="destination">Receives <see cref="KullbackLeibler(double, double)"/> of each pair (nats); at least as long as <paramref name="x"/>. May be the same memory as either input.</param>
    /// <exception cref="ArgumentException"><paramref name="x"/> and <paramref name="y"/> differ in length, or <paramref name="destination"/> is too short.</exception>
    public static void KullbackLeibler(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.DestinationFits(destination, x.Length, nameof(destination));
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = KullbackLeibler(x[i], y[i]);
        }
    }
}
