using Shannon.Numerics;

namespace Shannon.Measures;

public static partial class CrossEntropy
{
    /// <summary>Cross-entropy of every row pair of two row-major matrices of distributions (a batch, along the last axis).</summary>
    /// <param name="p">The true distributions: rows of <paramref name="outcomes"/> probabilities, row-major, each summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The model distributions, the same shape as <paramref name="p"/>.</param>
    /// <param name="outcomes">The row length (number of outcomes), ≥ 1.</param>
    /// <param name="destination">Receives, for each row r, H(pᵣ, qᵣ) = −Σⱼ pᵣⱼ log qᵣⱼ in the unit of <paramref name="logBase"/> (+∞ where some qᵣⱼ = 0 &lt; pᵣⱼ); at least <c>p.Length / outcomes</c> long.</param>
    /// <param name="logBase">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> is empty or not a whole number of rows; <paramref name="q"/> has another length; a row of
    /// either has a NaN, negative or infinite entry or does not sum to 1 (the message names the row and column);
    /// <paramref name="destination"/> is too short.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> is less than 1.</exception>
    /// <remarks>
    /// Each row gives exactly <see cref="Of"/> of that row pair. With one-hot rows of p this is the per-example
    /// classification loss −log q_c. Many short rows run on all cores from 2²⁰ elements. Reference: Cover, T. M. &amp;
    /// Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., Theorem 5.4.3, doi:10.1002/047174882X.
    /// </remarks>
    public static void OfRows(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int outcomes, Span<double> destination, LogBase logBase = default) =>
        RowSums.Of<CrossEntropyTerms>(p, q, outcomes, destination, logBase, nameof(p), nameof(q));
}
