using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>Counts the points within a max-norm radius of one of them: a sorted array for one column, a k-d tree for several.</summary>
internal sealed class NeighbourCounter
{
    private readonly double[] _rows;
    private readonly int _columns;
    private readonly SortedLine? _line;
    private readonly MaxNormKdTree? _tree;

    /// <summary>Indexes the n × <paramref name="columns"/> row-major points (kept by reference).</summary>
    public NeighbourCounter(double[] rows, int columns)
    {
        _rows = rows;
        _columns = columns;
        if (columns == 1)
        {
            _line = new SortedLine(rows);
        }
        else
        {
            _tree = new MaxNormKdTree(rows, rows.Length / columns, columns);
        }
    }

    /// <summary>
    /// For every row i, the number of rows p with ‖p − rowᵢ‖∞ ≤ radiusᵢ, row i itself included: a sorted line for one
    /// column and a k-d tree for three or more, queried in parallel, and one offline sweep for two columns
    /// (<see cref="PlaneRangeCounts"/>). The counts are exact and the same on every schedule.
    /// </summary>
    /// <param name="rows">n × <paramref name="columns"/> finite values, row-major.</param>
    /// <param name="columns">The dimension.</param>
    /// <param name="radii">The n radii, ≥ 0.</param>
    /// <returns>The n counts.</returns>
    public static int[] CountAll(double[] rows, int columns, double[] radii)
    {
        if (columns == 2)
        {
            return PlaneRangeCounts.Of(rows, radii);
        }

        var counter = new NeighbourCounter(rows, columns);
        var counts = new int[radii.Length];
        PointRanges.For(radii.Length, (begin, end) =>
        {
            for (int i = begin; i < end; i++)
            {
                counts[i] = counter.CountWithinOf(i, radii[i]);
            }
        });
        return counts;
    }

    /// <summary>The number of points p with ‖p − rowᵢ‖∞ ≤ radius, row i itself included.</summary>
    public int CountWithinOf(int index, double radius) =>
        _line is not null ? _line.CountWithinOf(index, radius) : _tree!.CountWithin(_rows.AsSpan(index * _columns, _columns), radius);
}
