using Shannon.Numerics;

namespace Shannon.Measures;

public static partial class Divergence
{
    /// <summary>Kullback–Leibler divergence of every row pair of two row-major matrices of distributions (scipy.stats.entropy(p, q, axis=-1)).</summary>
    /// <param name="p">The reference distributions: rows of <paramref name="outcomes"/> probabilities, row-major, each summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The approximating distributions, the same shape as <paramref name="p"/>.</param>
    /// <param name="outcomes">The row length (number of outcomes), ≥ 1.</param>
    /// <param name="destination">Receives, for each row r, D_KL(pᵣ‖qᵣ) = Σⱼ pᵣⱼ log(pᵣⱼ / qᵣⱼ) ≥ 0 in the unit of <paramref name="logBase"/> (+∞ where some qᵣⱼ = 0 &lt; pᵣⱼ); at least <c>p.Length / outcomes</c> long.</param>
    /// <param name="logBase">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> is empty or not a whole number of rows; <paramref name="q"/> has another length; a row of
    /// either has a NaN, negative or infinite entry or does not sum to 1 (the message names the row and column);
    /// <paramref name="destination"/> is too short.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> is less than 1.</exception>
    /// <remarks>
    /// Each row gives exactly <see cref="KullbackLeibler"/> of that row pair. Unlike scipy.stats.entropy, rows are not
    /// normalised silently. Many short rows run on all cores from 2²⁰ elements. Reference: Kullback, S. &amp; Leibler,
    /// R. A. (1951), On Information and Sufficiency, Annals of Mathematical Statistics 22(1), 79–86,
    /// doi:10.1214/aoms/1177729694.
    /// </remarks>
    public static void KullbackLeiblerRows(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int outcomes, Span<double> destination, LogBase logBase = default) =>
        RowSums.Of<RelativeEntropyTerms>(p, q, outcomes, destination, logBase, nameof(p), nameof(q));
}
