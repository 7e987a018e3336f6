using Shannon.Numerics;

namespace Shannon.Measures;

public static partial class Entropy
{
    /// <summary>Shannon entropy of every row of a row-major matrix of distributions (a batch; scipy.stats.entropy with axis=-1).</summary>
    /// <param name="p">Rows of <paramref name="outcomes"/> probabilities each, row-major; every row non-negative and summing to 1 within 1e-9 relative.</param>
    /// <param name="outcomes">The row length (number of outcomes), ≥ 1.</param>
    /// <param name="destination">Receives, for each row r, H(pᵣ) = −Σⱼ pᵣⱼ log pᵣⱼ in the unit of <paramref name="logBase"/>; at least <c>p.Length / outcomes</c> long.</param>
    /// <param name="logBase">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> is empty or not a whole number of rows; a row has a NaN, negative or infinite entry or does
    /// not sum to 1 (the message names the first such row and column); <paramref name="destination"/> is too short.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> is less than 1.</exception>
    /// <remarks>
    /// Each row gives exactly <see cref="Of"/> of that row (the same bits). Unlike scipy.stats.entropy, rows are not
    /// normalised silently: use <see cref="Distributions.Normalize"/> per row first. Many short rows run on all cores
    /// from 2²⁰ elements. Reference: Shannon, C. E. (1948), A Mathematical Theory of Communication, Bell System
    /// Technical Journal 27(3), 379–423, doi:10.1002/j.1538-7305.1948.tb01338.x.
    /// </remarks>
    public static void OfRows(ReadOnlySpan<double> p, int outcomes, Span<double> destination, LogBase logBase = default) =>
        RowSums.Of<ShannonTerms>(p, outcomes, destination, logBase, nameof(p));
}
