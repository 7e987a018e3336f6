using Shannon.Numerics;

namespace Shannon.Selection;

/// <summary>
/// A two-way contingency table held sparsely: one entry per non-empty cell (row code, column code, count).
/// Rows are the values of one discrete variable, columns those of the other (usually the target).
/// </summary>
public sealed class Contingency
{
    private readonly int[] rows;
    private readonly int[] columns;
    private readonly long[] counts;

    /// <summary>A table from its non-empty cells.</summary>
    /// <param name="rowCount">The number of row categories.</param>
    /// <param name="columnCount">The number of column categories.</param>
    /// <param name="rows">Each cell's row code in [0, rowCount); the table keeps this array.</param>
    /// <param name="columns">Each cell's column code in [0, columnCount); the table keeps this array.</param>
    /// <param name="counts">Each cell's count, ≥ 0; the table keeps this array.</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length, a code is out of range, or a count is negative.</exception>
    /// <remarks>A cell may appear more than once; its counts add up. The memory is proportional to the non-empty cells,
    /// so a variable with millions of categories costs nothing for the cells it never fills.</remarks>
    public Contingency(int rowCount, int columnCount, int[] rows, int[] columns, long[] counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columnCount);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(counts);
        Guard.SameLength<int, int>(rows, columns, nameof(rows), nameof(columns));
        Guard.SameLength<int, long>(rows, counts, nameof(rows), nameof(counts));
        CheckCodes(rows, rowCount, nameof(rows));
        CheckCodes(columns, columnCount, nameof(columns));
        long total = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException($"counts has a negative entry {counts[i]} at index {i}.", nameof(counts));
            }

            total = checked(total + counts[i]);
        }

        RowCount = rowCount;
        ColumnCount = columnCount;
        this.rows = rows;
        this.columns = columns;
        this.counts = counts;
        Total = total;
    }

    /// <summary>The number of row categories.</summary>
    public int RowCount { get; }

    /// <summary>The number of column categories.</summary>
    public int ColumnCount { get; }

    /// <summary>The sum of all counts, N.</summary>
    public long Total { get; }

    /// <summary>Each cell's row code.</summary>
    public ReadOnlySpan<int> Rows => rows;

    /// <summary>Each cell's column code.</summary>
    public ReadOnlySpan<int> Columns => columns;

    /// <summary>Each cell's count.</summary>
    public ReadOnlySpan<long> Counts => counts;

    /// <summary>Cross-tabulates two equally long code sequences.</summary>
    /// <param name="x">Row codes in [0, xCount).</param>
    /// <param name="xCount">The number of row categories.</param>
    /// <param name="y">Column codes in [0, yCount).</param>
    /// <param name="yCount">The number of column categories.</param>
    /// <returns>The table of non-empty cells, in row-major order of the cells.</returns>
    /// <exception cref="ArgumentException">Empty input, lengths differ, or a code is out of range.</exception>
    public static Contingency FromCodes(ReadOnlySpan<int> x, int xCount, ReadOnlySpan<int> y, int yCount)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        CheckCodes(x, xCount, nameof(x));
        CheckCodes(y, yCount, nameof(y));
        var cells = CodeCounting.CountPairs(x, y, yCount);
        var rowCodes = new int[cells.Count];
        var columnCodes = new int[cells.Count];
        var cellCounts = new long[cells.Count];
        int i = 0;
        foreach (var (key, count) in cells)
        {
            rowCodes[i] = (int)(key / yCount);
            columnCodes[i] = (int)(key % yCount);
            cellCounts[i++] = count;
        }

        return new Contingency(xCount, yCount, rowCodes, columnCodes, cellCounts);
    }

    /// <summary>The row totals n_i· (length <see cref="RowCount"/>).</summary>
    /// <returns>A new array.</returns>
    public long[] RowTotals() => Totals(rows, RowCount);

    /// <summary>The column totals n_·j (length <see cref="ColumnCount"/>).</summary>
    /// <returns>A new array.</returns>
    public long[] ColumnTotals() => Totals(columns, ColumnCount);

    private long[] Totals(int[] codes, int length)
    {
        var totals = new long[length];
        for (int i = 0; i < codes.Length; i++)
        {
            totals[codes[i]] += counts[i];
        }

        return totals;
    }

    private static void CheckCodes(ReadOnlySpan<int> codes, int count, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        for (int i = 0; i < codes.Length; i++)
        {
            if ((uint)codes[i] >= (uint)count)
            {
                throw new ArgumentException($"{paramName} has the code {codes[i]} at index {i}, outside [0, {count}).", paramName);
            }
        }
    }
}
