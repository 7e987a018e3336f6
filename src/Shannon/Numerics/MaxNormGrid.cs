using System.Buffers;
using System.Runtime.CompilerServices;

namespace Shannon.Numerics;

/// <summary>
/// k-nearest-neighbour search under the max-norm for points in two or three dimensions, on a uniform grid of square or
/// cubic cells: a query scans shells of cells around its own until the cells already scanned cover a square (cube) wider
/// than its current k-th distance, typically the 3 × 3 (× 3) block, about a dozen distance evaluations for k = 3 in the
/// plane. The joint space of a KSG mutual information of two scalars is two-dimensional, that of a transfer entropy with
/// k = l = 1 three-dimensional.
/// </summary>
/// <remarks>
/// <para>A planar grid is a grid one cell deep: its points are stored with a third coordinate 0, which adds
/// max(…, |0 − 0|) = max(…) to no distance, and the shell walk visits its single layer only. One walk serves both.</para>
/// <para>The cell side is chosen from the data: first from the bounding box's mean density, then shrunk until the mean
/// occupancy of a point's own cell is about two (plane) or three (space) (a Gaussian's core is far denser than its
/// bounding box), with at most four (eight) cells per point. Points are stored cell by cell, each row of cells along the
/// first axis contiguous, so a row is one contiguous range. Building is O(n) (a counting sort); memory is O(n).</para>
/// <para>Distances are the max-norm computed in double exactly as <see cref="MaxNormKdTree"/> computes them, so both
/// indexes return the same k-th distance. The stopping rule uses each point's fractional cell coordinate with a safety
/// margin of 1e-9 cells, far above the rounding of that coordinate, so it never stops early.</para>
/// <para><see cref="TryBuild"/> declines (returns null) for data a grid serves badly — heavy tails or clusters that leave
/// most points in crowded cells — and the caller uses the k-d tree instead. Reference: the box-assisted search of Grassberger,
/// P. (1990), An optimized box-assisted algorithm for fractal dimensions, Physics Letters A 148(1–2), 63–68,
/// doi:10.1016/0375-9601(90)90577-B.</para>
/// </remarks>
internal sealed class MaxNormGrid : IOwnNeighbourSearch
{
    private const int Stride = 3;
    private const int RefinementRounds = 4;
    private const double EdgeMargin = 1e-9;

    private readonly double[] _points;
    private readonly int[] _original;
    private readonly int[] _cellStart;
    private readonly Layout _layout;

    private MaxNormGrid(ReadOnlySpan<double> points, int dimensions, ReadOnlySpan<int> cellOf, Layout layout)
    {
        int count = cellOf.Length;
        _layout = layout;
        _points = GC.AllocateUninitializedArray<double>(Stride * count);
        _original = GC.AllocateUninitializedArray<int>(count);
        _cellStart = new int[layout.Cells + 1];
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
            _points[Stride * slot] = points[dimensions * i];
            _points[(Stride * slot) + 1] = points[(dimensions * i) + 1];
            _points[(Stride * slot) + 2] = dimensions == 3 ? points[(dimensions * i) + 2] : 0.0;
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

    /// <summary>
    /// Builds a grid over <paramref name="count"/> finite points of 2 or 3 <paramref name="dimensions"/> (row-major), or
    /// returns null when a k-d tree would serve them better.
    /// </summary>
    public static MaxNormGrid? TryBuild(ReadOnlySpan<double> points, int count, int dimensions)
    {
        if (count < 2)
        {
            return null;
        }

        Tuning tuning = dimensions == 2 ? Tuning.ForPlane : Tuning.ForSpace;
        Span<double> lower = stackalloc double[Stride];
        Span<double> span = stackalloc double[Stride];
        Bounds(points, count, dimensions, lower, span);
        double widest = Math.Max(span[0], Math.Max(span[1], span[2]));
        double cap = LargestScale(span, Math.Min(tuning.MaxCellsPerPoint * count, int.MaxValue - 1.0));
        double scale = Math.Min(cap, tuning.Root(count / tuning.TargetOccupancy) / widest);
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
            layout = new Layout(
                (int)(span[0] * scale) + 1, (int)(span[1] * scale) + 1, (int)(span[2] * scale) + 1, lower[0], lower[1], lower[2], scale);
            occupancy = MeanOccupancy(points, dimensions, layout, cellOf.AsSpan(0, count));
            round++;
            if (occupancy <= 2 * tuning.TargetOccupancy || round == RefinementRounds || scale >= cap)
            {
                break;
            }

            scale = Math.Min(cap, scale * tuning.Root(occupancy / tuning.TargetOccupancy));
        }

        MaxNormGrid? grid = occupancy > tuning.CrowdedOccupancy ? null : new MaxNormGrid(points, dimensions, cellOf.AsSpan(0, count), layout);
        ArrayPool<int>.Shared.Return(cellOf);
        return grid;
    }

    /// <inheritdoc />
    public int OriginalIndex(int position) => _original[position];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double KthNeighbourDistanceAt(int position, int k, Span<int> neighbours, Span<double> distances)
    {
        neighbours = neighbours[..k];
        distances = distances[..k];
        NearestList.Clear(neighbours, distances);
        Layout g = _layout;
        double qx = _points[Stride * position];
        double qy = _points[(Stride * position) + 1];
        double qz = _points[(Stride * position) + 2];
        double fx = (qx - g.OriginX) * g.CellsPerUnit;
        double fy = (qy - g.OriginY) * g.CellsPerUnit;
        double fz = (qz - g.OriginZ) * g.CellsPerUnit;
        int cx = Math.Min((int)fx, g.X - 1);
        int cy = Math.Min((int)fy, g.Y - 1);
        int cz = Math.Min((int)fz, g.Z - 1);
        int own = (((cz * g.Y) + cy) * g.X) + cx;
        Scan(_cellStart[own], _cellStart[own + 1], position, qx, qy, qz, neighbours, distances);
        for (int ring = 1; ; ring++)
        {
            double covered = Math.Min(Covered(fx, cx, g.X, ring), Math.Min(Covered(fy, cy, g.Y, ring), Covered(fz, cz, g.Z, ring)));
            if (double.IsPositiveInfinity(covered) || (covered - EdgeMargin) / g.CellsPerUnit >= distances[k - 1])
            {
                return distances[k - 1];
            }

            int left = Math.Max(0, cx - ring);
            int right = Math.Min(g.X - 1, cx + ring);
            for (int z = Math.Max(0, cz - ring); z <= Math.Min(g.Z - 1, cz + ring); z++)
            {
                for (int y = Math.Max(0, cy - ring); y <= Math.Min(g.Y - 1, cy + ring); y++)
                {
                    int row = ((z * g.Y) + y) * g.X;
                    if (Math.Abs(z - cz) == ring || Math.Abs(y - cy) == ring)
                    {
                        Scan(_cellStart[row + left], _cellStart[row + right + 1], position, qx, qy, qz, neighbours, distances);
                        continue;
                    }

                    if (cx - ring >= 0)
                    {
                        Scan(_cellStart[row + cx - ring], _cellStart[row + cx - ring + 1], position, qx, qy, qz, neighbours, distances);
                    }

                    if (cx + ring < g.X)
                    {
                        Scan(_cellStart[row + cx + ring], _cellStart[row + cx + ring + 1], position, qx, qy, qz, neighbours, distances);
                    }
                }
            }
        }
    }

    /// <summary>How far, in cell units, the cells of shells below <paramref name="ring"/> reach from the point on both sides of one axis; ∞ on a side past the grid's edge (so always ∞ on a one-cell axis).</summary>
    private static double Covered(double fraction, int cell, int cells, int ring)
    {
        double below = cell - ring + 1 <= 0 ? double.PositiveInfinity : fraction - (cell - ring + 1);
        double above = cell + ring >= cells ? double.PositiveInfinity : cell + ring - fraction;
        return Math.Min(below, above);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(int begin, int end, int self, double qx, double qy, double qz, Span<int> neighbours, Span<double> distances)
    {
        int last = distances.Length - 1;
        double[] points = _points;
        for (int p = begin; p < end; p++)
        {
            double distance = Math.Max(
                Math.Max(Math.Abs(points[Stride * p] - qx), Math.Abs(points[(Stride * p) + 1] - qy)), Math.Abs(points[(Stride * p) + 2] - qz));
            if (distance < distances[last] && p != self)
            {
                NearestList.Insert(distance, _original[p], neighbours, distances);
            }
        }
    }

    /// <summary>Each axis's lowest value and extent; a plane's third axis is the single value 0.</summary>
    private static void Bounds(ReadOnlySpan<double> points, int count, int dimensions, Span<double> lower, Span<double> span)
    {
        Span<double> upper = stackalloc double[Stride];
        lower.Clear();
        upper.Clear();
        lower[..dimensions].Fill(double.PositiveInfinity);
        upper[..dimensions].Fill(double.NegativeInfinity);
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < dimensions; j++)
            {
                double v = points[(dimensions * i) + j];
                lower[j] = Math.Min(lower[j], v);
                upper[j] = Math.Max(upper[j], v);
            }
        }

        for (int j = 0; j < Stride; j++)
        {
            span[j] = upper[j] - lower[j];
        }
    }

    /// <summary>The largest cells-per-unit s with Πⱼ (spanⱼ·s + 1) ≤ <paramref name="cells"/> (bisection; the product grows with s).</summary>
    private static double LargestScale(ReadOnlySpan<double> span, double cells)
    {
        double widest = Math.Max(span[0], Math.Max(span[1], span[2]));
        if (!(widest > 0) || !double.IsFinite(widest))
        {
            return 0;
        }

        double low = 0;
        double high = cells / widest;
        for (int step = 0; step < 60; step++)
        {
            double middle = 0.5 * (low + high);
            double product = ((span[0] * middle) + 1) * ((span[1] * middle) + 1) * ((span[2] * middle) + 1);
            (low, high) = product <= cells ? (middle, high) : (low, middle);
        }

        return low;
    }

    /// <summary>Assigns every point its cell; returns the mean, over points, of the number of points in their own cell.</summary>
    private static double MeanOccupancy(ReadOnlySpan<double> points, int dimensions, Layout layout, Span<int> cellOf)
    {
        int cells = layout.Cells;
        int[] rented = ArrayPool<int>.Shared.Rent(cells);
        Span<int> occupancy = rented.AsSpan(0, cells);
        occupancy.Clear();
        for (int i = 0; i < cellOf.Length; i++)
        {
            int cx = Math.Min((int)((points[dimensions * i] - layout.OriginX) * layout.CellsPerUnit), layout.X - 1);
            int cy = Math.Min((int)((points[(dimensions * i) + 1] - layout.OriginY) * layout.CellsPerUnit), layout.Y - 1);
            int cz = dimensions == 2 ? 0 : Math.Min((int)((points[(dimensions * i) + 2] - layout.OriginZ) * layout.CellsPerUnit), layout.Z - 1);
            cellOf[i] = (((cz * layout.Y) + cy) * layout.X) + cx;
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

    /// <summary>How fine a grid of the given dimension is made: the occupancy aimed at, the cell budget, the occupancy above which the k-d tree is used.</summary>
    private readonly record struct Tuning(double TargetOccupancy, double MaxCellsPerPoint, double CrowdedOccupancy, bool IsPlane)
    {
        public static Tuning ForPlane => new(2.0, 4.0, 24.0, true);

        public static Tuning ForSpace => new(3.0, 8.0, 32.0, false);

        /// <summary>The d-th root, by which a density ratio becomes a ratio of cell sides.</summary>
        public double Root(double value) => IsPlane ? Math.Sqrt(value) : Math.Cbrt(value);
    }

    private readonly record struct Layout(int X, int Y, int Z, double OriginX, double OriginY, double OriginZ, double CellsPerUnit)
    {
        public int Cells => X * Y * Z;
    }
}
