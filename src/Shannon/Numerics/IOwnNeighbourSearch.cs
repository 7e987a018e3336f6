namespace Shannon.Numerics;

/// <summary>
/// k-nearest-neighbour queries under the max-norm for the indexed points themselves, in the index's own order
/// (consecutive positions are close in space, so queries in that order stay in cache).
/// </summary>
internal interface IOwnNeighbourSearch
{
    /// <summary>The number of indexed points.</summary>
    int Count { get; }

    /// <summary>The input row of the point at <paramref name="position"/> in the index's order.</summary>
    int OriginalIndex(int position);

    /// <summary>
    /// The max-norm distance from the point at <paramref name="position"/> to its k-th nearest other point (duplicates
    /// of it count, at distance 0). Fills <paramref name="neighbours"/> with the input rows of the k nearest points,
    /// nearest first, and <paramref name="distances"/> with their distances; which of several points tied at the k-th
    /// distance is listed is unspecified, the distance is not.
    /// </summary>
    double KthNeighbourDistanceAt(int position, int k, Span<int> neighbours, Span<double> distances);

    /// <summary>The fastest index for these points: a sorted line in one dimension, a uniform grid for well-spread points in two or three dimensions, a k-d tree otherwise.</summary>
    static IOwnNeighbourSearch Over(ReadOnlySpan<double> rows, int count, int dimensions) => dimensions switch
    {
        1 => new SortedLine(rows[..count]),
        2 or 3 => MaxNormGrid.TryBuild(rows, count, dimensions) ?? (IOwnNeighbourSearch)new MaxNormKdTree(rows, count, dimensions),
        _ => new MaxNormKdTree(rows, count, dimensions),
    };
}
