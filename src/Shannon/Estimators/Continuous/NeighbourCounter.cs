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

    /// <summary>The number of points p with ‖p − rowᵢ‖∞ ≤ radius, row i itself included.</summary>
    public int CountWithinOf(int index, double radius) =>
        _line is not null ? _line.CountWithinOf(index, radius) : _tree!.CountWithin(_rows.AsSpan(index * _columns, _columns), radius);
}
