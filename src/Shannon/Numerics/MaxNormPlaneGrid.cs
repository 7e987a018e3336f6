using System.Buffers;

namespace Shannon.Numerics;

/// <summary>
/// k-nearest-neighbour search under the max-norm for points in the plane, on a uniform grid of square cells:
/// a query scans rings of cells around its own until the cells already scanned cover a square wider than its
/// current k-th distance, typically the 3 × 3 block, about a dozen distance evaluations for k = 3.
/// </summary>
/// <remarks>
/// <para>The cell side is chosen from the data: first from the bounding box's mean density, then shrunk until the
/// mean occupancy of a point's own cell is about two (a Gaussian's core is far denser than its bounding box), with
/// at most four cells per point. Points are stored cell by cell, each grid row contiguous, so a row of cells is one
/// contiguous range. Building is O(n) (a counting sort); memory is O(n).</para>
/// <para>Distances are max(|Δx|, |Δy|) computed in double exactly as <see cref="MaxNormKdTree"/> computes them, so
/// both indexes return the same k-th distance. The stopping rule uses each point's fractional cell coordinate with a
/// safety margin of 1e-9 cells, far above the rounding of that coordinate, so it never stops early.</para>
/// <para><see cref="TryBuild"/> declines (returns null) for data a grid serves badly — heavy tails or clusters that
/// leave most points in crowded cells — and the caller uses the k-d tree instead.</para>
/// </remarks>
internal sealed class MaxNormPlaneGrid : IOwnNeighbourSearch
{
    private const double TargetOccupancy = 2.0;
    private const double MaxCellsPerPoint = 4.0;
    private const double CrowdedOccupancy = 24.0;
    private const int RefinementRounds = 4;
    private const double EdgeMargin = 1e-9;

    private readonly double[] _x;
    private readonly double[] _y;
    private readonly int[] _original;
    private readonly int[] _cellStart;
    private readonly int _columns;
    private readonly int _rows;
    private readonly double _originX;
    private readonly double _originY;
    private readonly double _cellsPerUnit;

    private MaxNormPlaneGrid(ReadOnlySpan<double> points, ReadOnlySpan<int> cellOf, Layout layout)
    {
        int count = cellOf.Length;
        (_columns, _rows, _originX, _originY, _cellsPerUnit) = (layout.Columns, layout.Rows, layout.OriginX, layout.OriginY, layout.CellsPerUnit);
        _x = GC.AllocateUninitializedArray<double>(count);
        _y = GC.AllocateUninitializedArray<double>(count);
        _original = GC.AllocateUninitializedArray<int>(count);
        _cellStart = new int[(_columns * _rows) + 1];
        foreach (int cell in cellOf)
        {
            _cellStart[cell + 1]++;
        }

        for (int cell = 0; cell < _cellStart.Length - 1; cell++)
        {
            _cellStart[cell + 1] += _cellStart[cell];
        }

        // Scatter with the start array as the cursor, then shift it back: cell c's cursor ends where cell c + 1 begins.
        for (int i = 0; i < count; i++)
        {
            int slot = _cellStart[cellOf[i]]++;
            _x[slot] = points[2 * i];
            _y[slot] = points[(2 * i) + 1];
            _original[slot] = i;
        }

        for (int cell = _cellStart.Length - 1; cell > 0; cell--)
        {
            _cellStart[cell] = _cellStart[cell - 1];
        }

        _cellStart[0] = 0;
    }

    /// <inheritdoc />
    public int Count => _original.Length;

    /// <summary>Builds a grid over <paramref name="count"/> finite planar points (row-major x, y), or returns null when a k-d tree would serve them better.</summary>
    public static MaxNormPlaneGrid? TryBuild(ReadOnlySpan<double> points, int count)
    {
        if (count < 2)
        {
            return null;
        }

        (double minX, double maxX, double minY, double maxY) = Bounds(points, count);
        double spanX = maxX - minX;
        double spanY = maxY - minY;
        double cap = LargestScale(spanX, spanY, MaxCellsPerPoint * count);
        double scale = Math.Min(cap, Math.Sqrt(count / TargetOccupancy) / Math.Max(spanX, spanY));
        if (!double.IsFinite(scale) || scale <= 0)
        {
            return null;
        }

        int[] cellOf = ArrayPool<int>.Shared.Rent(count);
        Layout layout;
        double occupancy;
        int round = 0;
        while (true)
        {
            layout = new Layout((int)(spanX * scale) + 1, (int)(spanY * scale) + 1, minX, minY, scale);
            occupancy = MeanOccupancy(points, layout, cellOf.AsSpan(0, count));
            round++;
            if (occupancy <= 2 * TargetOccupancy || round == RefinementRounds || scale >= cap)
            {
                break;
            }

            scale = Math.Min(cap, scale * Math.Sqrt(occupancy / TargetOccupancy));
        }

        MaxNormPlaneGrid? grid = occupancy > CrowdedOccupancy ? null : new MaxNormPlaneGrid(points, cellOf.AsSpan(0, count), layout);
        ArrayPool<int>.Shared.Return(cellOf);
        return grid;
    }

    /// <inheritdoc />
    public int OriginalIndex(int position) => _original[position];

    /// <inheritdoc />
    public double KthNeighbourDistanceAt(int position, int k, Span<int> neighbours, Span<double> distances)
    {
        neighbours = neighbours[..k];
        distances = distances[..k];
        NearestList.Clear(neighbours, distances);
        double qx = _x[position];
        double qy = _y[position];
        double fx = (qx - _originX) * _cellsPerUnit;
        double fy = (qy - _originY) * _cellsPerUnit;
        int cx = Math.Min((int)fx, _columns - 1);
        int cy = Math.Min((int)fy, _rows - 1);
        int ownCell = (cy * _columns) + cx;
        Scan(_cellStart[ownCell], _cellStart[ownCell + 1], position, qx, qy, neighbours, distances);
        for (int ring = 1; ; ring++)
        {
            double covered = Math.Min(Covered(fx, cx, _columns, ring), Covered(fy, cy, _rows, ring));
            if (double.IsPositiveInfinity(covered) || (covered - EdgeMargin) / _cellsPerUnit >= distances[k - 1])
            {
                return distances[k - 1];
            }

            int left = Math.Max(0, cx - ring);
            int right = Math.Min(_columns - 1, cx + ring);
            foreach (int row in (ReadOnlySpan<int>)[cy - ring, cy + ring])
            {
                if (row >= 0 && row < _rows)
                {
                    Scan(_cellStart[(row * _columns) + left], _cellStart[(row * _columns) + right + 1], position, qx, qy, neighbours, distances);
                }
            }

            int top = Math.Min(_rows - 1, cy + ring - 1);
            for (int row = Math.Max(0, cy - ring + 1); row <= top; row++)
            {
                foreach (int column in (ReadOnlySpan<int>)[cx - ring, cx + ring])
                {
                    if (column >= 0 && column < _columns)
                    {
                        int cell = (row * _columns) + column;
                        Scan(_cellStart[cell], _cellStart[cell + 1], position, qx, qy, neighbours, distances);
                    }
                }
            }
        }
    }

    /// <summary>How far, in cell units, the cells of rings below <paramref name="ring"/> reach from the point on both sides of one axis; ∞ on a side past the grid's edge.</summary>
    private static double Covered(double fraction, int cell, int cells, int ring)
    {
        double below = cell - ring + 1 <= 0 ? double.PositiveInfinity : fraction - (cell - ring + 1);
        double above = cell + ring >= cells ? double.PositiveInfinity : cell + ring - fraction;
        return Math.Min(below, above);
    }

    private void Scan(int begin, int end, int self, double qx, double qy, Span<int> neighbours, Span<double> distances)
    {
        int last = distances.Length - 1;
        for (int p = begin; p < end; p++)
        {
            double distance = Math.Max(Math.Abs(_x[p] - qx), Math.Abs(_y[p] - qy));
            if (distance < distances[last] && p != self)
            {
                NearestList.Insert(distance, _original[p], neighbours, distances);
            }
        }
    }

    private static (double MinX, double MaxX, double MinY, double MaxY) Bounds(ReadOnlySpan<double> points, int count)
    {
        double minX = double.PositiveInfinity;
        double maxX = double.NegativeInfinity;
        double minY = double.PositiveInfinity;
        double maxY = double.NegativeInfinity;
        for (int i = 0; i < count; i++)
        {
            double x = points[2 * i];
            double y = points[(2 * i) + 1];
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }

        return (minX, maxX, minY, maxY);
    }

    /// <summary>The largest cells-per-unit s with (spanX·s + 1)(spanY·s + 1) ≤ <paramref name="cells"/>.</summary>
    private static double LargestScale(double spanX, double spanY, double cells)
    {
        double a = spanX * spanY;
        double b = spanX + spanY;
        double c = 1 - cells;
        return a > 0 ? (-b + Math.Sqrt((b * b) - (4 * a * c))) / (2 * a) : (cells - 1) / b;
    }

    /// <summary>Assigns every point its cell; returns the mean, over points, of the number of points in their own cell.</summary>
    private static double MeanOccupancy(ReadOnlySpan<double> points, Layout layout, Span<int> cellOf)
    {
        int cells = layout.Columns * layout.Rows;
        int[] rented = ArrayPool<int>.Shared.Rent(cells);
        Span<int> occupancy = rented.AsSpan(0, cells);
        occupancy.Clear();
        for (int i = 0; i < cellOf.Length; i++)
        {
            int cx = Math.Min((int)((points[2 * i] - layout.OriginX) * layout.CellsPerUnit), layout.Columns - 1);
            int cy = Math.Min((int)((points[(2 * i) + 1] - layout.OriginY) * layout.CellsPerUnit), layout.Rows - 1);
            cellOf[i] = (cy * layout.Columns) + cx;
            occupancy[cellOf[i]]++;
        }

        double sum = 0;
        foreach (int cell in occupancy)
        {
            sum += (double)cell * cell;
        }

        ArrayPool<int>.Shared.Return(rented);
        return sum / cellOf.Length;
    }

    private readonly record struct Layout(int Columns, int Rows, double OriginX, double OriginY, double CellsPerUnit);
}
