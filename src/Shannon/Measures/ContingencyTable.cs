namespace Shannon.Measures;

/// <summary>
/// The contingency table of two labellings of the same items: cell (i, j) counts the items with the i-th
/// label of the first labelling and the j-th label of the second. Counts are <c>long</c>.
/// </summary>
/// <remarks>
/// Built from labels, rows and columns are the distinct labels in ascending order (ordinal order for strings),
/// as scikit-learn's <c>contingency_matrix</c> orders them. The table is stored densely (row-major) when it
/// has at most <see cref="DenseCellLimit"/> cells and as sorted non-zero (row, column, count) triples
/// otherwise, so two labellings with 10⁵ clusters each never allocate 10¹⁰ cells.
/// Reference: Hubert, L. &amp; Arabie, P. (1985), Comparing partitions, Journal of Classification 2,
/// 193–218, doi:10.1007/BF01908075.
/// </remarks>
public sealed class ContingencyTable
{
    /// <summary>The largest number of cells stored densely (2²², 32 MiB of counts); larger tables are sparse.</summary>
    public const long DenseCellLimit = 1L << 22;

    private readonly long[]? _dense;
    private readonly int[] _cellRows;
    private readonly int[] _cellColumns;
    private readonly long[] _cellCounts;
    private readonly long[] _rowSums;
    private readonly long[] _columnSums;

    private ContingencyTable(int rows, int columns, long[]? dense, int[] cellRows, int[] cellColumns, long[] cellCounts)
    {
        Rows = rows;
        Columns = columns;
        _dense = dense;
        _cellRows = cellRows;
        _cellColumns = cellColumns;
        _cellCounts = cellCounts;
        _rowSums = new long[rows];
        _columnSums = new long[columns];
        long total = 0;
        try
        {
            total = Sums(rows, columns, dense, cellRows, cellColumns, cellCounts, _rowSums, _columnSums);
        }
        catch (OverflowException)
        {
            throw new OverflowException($"The table's counts sum past 2^63 - 1 = {long.MaxValue}; a contingency table's total (and each row and column sum) must fit in a 64-bit integer.");
        }

        Total = total;
        NonEmptyRows = CountPositive(_rowSums);
        NonEmptyColumns = CountPositive(_columnSums);
    }

    /// <summary>Fills the row and column sums and returns the total, checked against overflow.</summary>
    private static long Sums(int rows, int columns, long[]? dense, int[] cellRows, int[] cellColumns, long[] cellCounts, long[] rowSums, long[] columnSums)
    {
        long total = 0;
        if (dense is not null)
        {
            for (int i = 0; i < rows; i++)
            {
                long rowSum = 0;
                var row = dense.AsSpan(i * columns, columns);
                for (int j = 0; j < columns; j++)
                {
                    rowSum = checked(rowSum + row[j]);
                    columnSums[j] = checked(columnSums[j] + row[j]);
                }

                rowSums[i] = rowSum;
                total = checked(total + rowSum);
            }
        }
        else
        {
            for (int k = 0; k < cellCounts.Length; k++)
            {
                rowSums[cellRows[k]] = checked(rowSums[cellRows[k]] + cellCounts[k]);
                columnSums[cellColumns[k]] = checked(columnSums[cellColumns[k]] + cellCounts[k]);
                total = checked(total + cellCounts[k]);
            }
        }

        return total;
    }

    /// <summary>The number of rows: distinct labels of the first labelling.</summary>
    public int Rows { get; }

    /// <summary>The number of columns: distinct labels of the second labelling.</summary>
    public int Columns { get; }

    /// <summary>N: the number of items counted (the sum of every cell).</summary>
    public long Total { get; }

    /// <summary>Is the table stored as sparse (row, column, count) triples rather than densely?</summary>
    public bool IsSparse => _dense is null;

    /// <summary>aᵢ = Σⱼ nᵢⱼ: the size of each row's cluster, in row order.</summary>
    public ReadOnlySpan<long> RowSums => _rowSums;

    /// <summary>bⱼ = Σᵢ nᵢⱼ: the size of each column's cluster, in column order.</summary>
    public ReadOnlySpan<long> ColumnSums => _columnSums;

    /// <summary>Rows with a positive sum: the clusters the first labelling actually uses.</summary>
    internal int NonEmptyRows { get; }

    /// <summary>Columns with a positive sum: the clusters the second labelling actually uses.</summary>
    internal int NonEmptyColumns { get; }

    /// <summary>The count nᵢⱼ of cell (<paramref name="row"/>, <paramref name="column"/>).</summary>
    /// <param name="row">Row index, 0 ≤ row &lt; <see cref="Rows"/>.</param>
    /// <param name="column">Column index, 0 ≤ column &lt; <see cref="Columns"/>.</param>
    /// <returns>The count; 0 for a cell no item falls in.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the table.</exception>
    public long this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
            if (_dense is not null)
            {
                return _dense[((long)row * Columns) + column];
            }

            int index = FindCell(row, column);
            return index >= 0 ? _cellCounts[index] : 0;
        }
    }

    /// <summary>Builds the table of two integer labellings; labels may be any values, not only 0..K−1.</summary>
    /// <param name="labelsTrue">The first labelling (rows), e.g. the true classes.</param>
    /// <param name="labelsPredicted">The second labelling (columns), e.g. the predicted clusters; same length.</param>
    /// <returns>The table with one row per distinct value of <paramref name="labelsTrue"/> in ascending order
    /// and one column per distinct value of <paramref name="labelsPredicted"/>.</returns>
    /// <exception cref="ArgumentException">A labelling is empty, or the lengths differ.</exception>
    /// <remarks>One pass over the labels when their value ranges span at most a few times as many cells as
    /// there are items (the common 0..K−1 case), counted in per-thread tables above 2²⁰ items.</remarks>
    public static ContingencyTable FromLabels(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPredicted) =>
        LabelCounting.Count(labelsTrue, labelsPredicted);

    /// <summary>Builds the table of two <c>long</c> labellings (e.g. hashed ids).</summary>
    /// <param name="labelsTrue">The first labelling (rows).</param>
    /// <param name="labelsPredicted">The second labelling (columns); same length.</param>
    /// <returns>The table with rows and columns in ascending label order.</returns>
    /// <exception cref="ArgumentException">A labelling is empty, or the lengths differ.</exception>
    public static ContingencyTable FromLabels(ReadOnlySpan<long> labelsTrue, ReadOnlySpan<long> labelsPredicted) =>
        LabelCounting.Count(labelsTrue, labelsPredicted);

    /// <summary>Builds the table of two string labellings; labels are compared ordinally (case-sensitive).</summary>
    /// <param name="labelsTrue">The first labelling (rows).</param>
    /// <param name="labelsPredicted">The second labelling (columns); same length.</param>
    /// <returns>The table with rows and columns in ordinal label order.</returns>
    /// <exception cref="ArgumentException">A labelling is empty, the lengths differ, or a label is null.</exception>
    public static ContingencyTable FromLabels(ReadOnlySpan<string> labelsTrue, ReadOnlySpan<string> labelsPredicted) =>
        LabelCounting.Count(labelsTrue, labelsPredicted);

    /// <summary>Wraps a dense row-major table of counts (copied).</summary>
    /// <param name="counts">rows × columns non-negative counts, row-major.</param>
    /// <param name="rows">The number of rows, ≥ 1.</param>
    /// <param name="columns">The number of columns, ≥ 1.</param>
    /// <returns>The table; rows or columns whose sum is 0 are kept (they hold no cluster and add nothing).</returns>
    /// <exception cref="ArgumentException">The shape does not match the data, a count is negative, or all counts are 0.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    public static ContingencyTable FromCounts(ReadOnlySpan<long> counts, int rows, int columns)
    {
        Numerics.Guard.Shape(counts.Length, [rows, columns], nameof(counts), "shape");
        Numerics.Guard.CountsTotal(counts, nameof(counts));
        return Dense(rows, columns, counts.ToArray());
    }

    /// <summary>Builds a table from (row, column, count) cells in any order, adding up repeated cells.</summary>
    /// <param name="rows">The number of rows, ≥ 1.</param>
    /// <param name="columns">The number of columns, ≥ 1.</param>
    /// <param name="cellRows">Each cell's row, in [0, <paramref name="rows"/>).</param>
    /// <param name="cellColumns">Each cell's column, in [0, <paramref name="columns"/>); same length.</param>
    /// <param name="cellCounts">Each cell's count, ≥ 0; same length.</param>
    /// <returns>The table, stored sparsely (only the non-zero cells), as a <c>GROUP BY</c> query returns it.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a row or column is out of range, a count is negative, or all counts are 0.</exception>
    /// <exception cref="OverflowException">A cell's or the table's total exceeds <see cref="long.MaxValue"/>.</exception>
    /// <remarks>Sorting costs O(m log m) for m cells; a dense table of rows × columns is never allocated.</remarks>
    public static ContingencyTable FromCells(int rows, int columns, ReadOnlySpan<int> cellRows, ReadOnlySpan<int> cellColumns, ReadOnlySpan<long> cellCounts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Numerics.Guard.SameLength(cellRows, cellColumns, nameof(cellRows), nameof(cellColumns));
        Numerics.Guard.SameLength(cellRows, cellCounts, nameof(cellRows), nameof(cellCounts));
        var keys = new long[cellRows.Length];
        var counts = cellCounts.ToArray();
        long any = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if ((uint)cellRows[i] >= (uint)rows || (uint)cellColumns[i] >= (uint)columns || counts[i] < 0)
            {
                throw new ArgumentException(
                    $"cell {i} is (row {cellRows[i]}, column {cellColumns[i]}, count {counts[i]}); rows are in [0, {rows}), columns in [0, {columns}) and counts ≥ 0.",
                    counts[i] < 0 ? nameof(cellCounts) : (uint)cellRows[i] >= (uint)rows ? nameof(cellRows) : nameof(cellColumns));
            }

            keys[i] = ((long)cellRows[i] * columns) + cellColumns[i];
            any |= counts[i];
        }

        if (any == 0)
        {
            throw new ArgumentException("cellCounts sum to 0; a contingency table needs at least one item.", nameof(cellCounts));
        }

        Array.Sort(keys, counts);
        var sortedRows = new List<int>();
        var sortedColumns = new List<int>();
        var sortedCounts = new List<long>();
        long lastKey = -1;
        for (int i = 0; i < keys.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            if (keys[i] == lastKey)
            {
                sortedCounts[^1] = sortedCounts[^1] <= long.MaxValue - counts[i] ? sortedCounts[^1] + counts[i]
                    : throw new OverflowException($"cellCounts of cell (row {keys[i] / columns}, column {keys[i] % columns}) sum past 2^63 - 1 = {long.MaxValue}; a count must fit in a 64-bit integer.");
                continue;
            }

            lastKey = keys[i];

            sortedRows.Add((int)(keys[i] / columns));
            sortedColumns.Add((int)(keys[i] % columns));
            sortedCounts.Add(counts[i]);
        }

        return Sparse(rows, columns, [.. sortedRows], [.. sortedColumns], [.. sortedCounts]);
    }

    /// <summary>Copies the table, densely and row-major, into <paramref name="destination"/>.</summary>
    /// <param name="destination">Receives <see cref="Rows"/> × <see cref="Columns"/> counts.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or the table has more than <see cref="int.MaxValue"/> cells.</exception>
    public void CopyTo(Span<long> destination)
    {
        long cells = (long)Rows * Columns;
        if (cells > int.MaxValue)
        {
            throw new ArgumentException($"The table has {cells} cells, too many for one span.", nameof(destination));
        }

        Numerics.Guard.DestinationFits(destination, (int)cells, nameof(destination));
        if (_dense is not null)
        {
            _dense.CopyTo(destination);
            return;
        }

        destination[..(int)cells].Clear();
        for (int k = 0; k < _cellCounts.Length; k++)
        {
            destination[(_cellRows[k] * Columns) + _cellColumns[k]] = _cellCounts[k];
        }
    }

    /// <summary>The non-zero cells in row-major order.</summary>
    /// <returns>(row, column, count) for every cell with a positive count.</returns>
    public IEnumerable<(int Row, int Column, long Count)> NonZeroCells()
    {
        if (_dense is not null)
        {
            for (int k = 0; k < _dense.Length; k++)
            {
                if (_dense[k] != 0)
                {
                    yield return (k / Columns, k % Columns, _dense[k]);
                }
            }

            yield break;
        }

        for (int k = 0; k < _cellCounts.Length; k++)
        {
            yield return (_cellRows[k], _cellColumns[k], _cellCounts[k]);
        }
    }

    /// <summary>A dense table over a row-major array it takes ownership of.</summary>
    internal static ContingencyTable Dense(int rows, int columns, long[] counts) =>
        new(rows, columns, counts, [], [], []);

    /// <summary>A sparse table over sorted, distinct, row-major (row, column, count) triples it takes ownership of.</summary>
    internal static ContingencyTable Sparse(int rows, int columns, int[] cellRows, int[] cellColumns, long[] cellCounts) =>
        new(rows, columns, null, cellRows, cellColumns, cellCounts);

    /// <summary>Calls <paramref name="visitor"/> once per non-zero cell, in row-major order, without allocating.</summary>
    internal void VisitNonZero<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, ICellVisitor
    {
        if (_dense is not null)
        {
            for (int i = 0; i < Rows; i++)
            {
                var row = _dense.AsSpan(i * Columns, Columns);
                for (int j = 0; j < row.Length; j++)
                {
                    if (row[j] != 0)
                    {
                        visitor.Visit(i, j, row[j]);
                    }
                }
            }

            return;
        }

        for (int k = 0; k < _cellCounts.Length; k++)
        {
            visitor.Visit(_cellRows[k], _cellColumns[k], _cellCounts[k]);
        }
    }

    private int FindCell(int row, int column)
    {
        int low = 0;
        int high = _cellCounts.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int order = _cellRows[middle] != row ? _cellRows[middle].CompareTo(row) : _cellColumns[middle].CompareTo(column);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private static int CountPositive(long[] sums)
    {
        int count = 0;
        foreach (long s in sums)
        {
            count += s > 0 ? 1 : 0;
        }

        return count;
    }
}
