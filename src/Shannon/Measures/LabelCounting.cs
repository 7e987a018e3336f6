using System.Numerics;
using System.Numerics.Tensors;
using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>
/// Counts two labellings into a <see cref="ContingencyTable"/>. Integer labels whose value ranges are small
/// are counted in one pass straight into a table indexed by value, then empty rows and columns are dropped;
/// other labels are first mapped to dense codes 0..K−1 in ascending label order.
/// </summary>
internal static class LabelCounting
{
    /// <summary>Items from which counting is split over threads, each with its own table.</summary>
    private const int ParallelItems = 1 << 20;

    /// <summary>The largest per-thread table (cells) worth merging.</summary>
    private const long ParallelCellLimit = 1 << 20;

    /// <summary>Value ranges up to this many cells (or a few per item) are counted directly by value.</summary>
    private const long DirectCellLimit = 1 << 16;

    public static ContingencyTable Count<T>(ReadOnlySpan<T> labelsTrue, ReadOnlySpan<T> labelsPredicted)
        where T : unmanaged, IBinaryInteger<T>
    {
        Validate(labelsTrue, labelsPredicted);
        T minTrue = TensorPrimitives.Min(labelsTrue);
        T minPredicted = TensorPrimitives.Min(labelsPredicted);
        Int128 rangeTrue = Int128.CreateTruncating(TensorPrimitives.Max(labelsTrue)) - Int128.CreateTruncating(minTrue) + 1;
        Int128 rangePredicted = Int128.CreateTruncating(TensorPrimitives.Max(labelsPredicted)) - Int128.CreateTruncating(minPredicted) + 1;
        Int128 cells = rangeTrue * rangePredicted;
        if (cells <= ContingencyTable.DenseCellLimit && (cells <= DirectCellLimit || cells <= 4 * (Int128)labelsTrue.Length))
        {
            int rows = (int)rangeTrue;
            int columns = (int)rangePredicted;
            long[] byValue = CountDense(labelsTrue, minTrue, labelsPredicted, minPredicted, rows, columns);
            return DropEmpty(byValue, rows, columns);
        }

        int[] codesTrue = Encode(labelsTrue, minTrue, rangeTrue, out int kTrue);
        int[] codesPredicted = Encode(labelsPredicted, minPredicted, rangePredicted, out int kPredicted);
        return FromCodes(codesTrue, kTrue, codesPredicted, kPredicted);
    }

    public static ContingencyTable Count(ReadOnlySpan<string> labelsTrue, ReadOnlySpan<string> labelsPredicted)
    {
        Validate(labelsTrue, labelsPredicted);
        int[] codesTrue = Encode(labelsTrue, nameof(labelsTrue), out int kTrue);
        int[] codesPredicted = Encode(labelsPredicted, nameof(labelsPredicted), out int kPredicted);
        return FromCodes(codesTrue, kTrue, codesPredicted, kPredicted);
    }

    private static void Validate<T>(ReadOnlySpan<T> labelsTrue, ReadOnlySpan<T> labelsPredicted)
    {
        Guard.NotEmpty(labelsTrue, nameof(labelsTrue));
        Guard.NotEmpty(labelsPredicted, nameof(labelsPredicted));
        Guard.SameLength(labelsTrue, labelsPredicted, nameof(labelsTrue), nameof(labelsPredicted));
    }

    /// <summary>Counts codes that are already dense (0..K−1, every code used): densely or as sorted triples.</summary>
    private static ContingencyTable FromCodes(int[] codesTrue, int kTrue, int[] codesPredicted, int kPredicted)
    {
        long cells = (long)kTrue * kPredicted;
        if (cells <= ContingencyTable.DenseCellLimit)
        {
            return ContingencyTable.Dense(kTrue, kPredicted, CountDense<int>(codesTrue, 0, codesPredicted, 0, kTrue, kPredicted));
        }

        var keys = new long[codesTrue.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            keys[k] = ((long)codesTrue[k] * kPredicted) + codesPredicted[k];
        }

        Array.Sort(keys);
        int distinct = 1;
        for (int k = 1; k < keys.Length; k++)
        {
            distinct += keys[k] != keys[k - 1] ? 1 : 0;
        }

        var cellRows = new int[distinct];
        var cellColumns = new int[distinct];
        var cellCounts = new long[distinct];
        int cell = -1;
        for (int k = 0; k < keys.Length; k++)
        {
            if (k == 0 || keys[k] != keys[k - 1])
            {
                cell++;
                cellRows[cell] = (int)(keys[k] / kPredicted);
                cellColumns[cell] = (int)(keys[k] % kPredicted);
            }

            cellCounts[cell]++;
        }

        return ContingencyTable.Sparse(kTrue, kPredicted, cellRows, cellColumns, cellCounts);
    }

    /// <summary>
    /// Counts pairs (x − minX, y − minY) into a rows × columns row-major table. Above
    /// <see cref="ParallelItems"/> items, each thread counts a contiguous chunk into its own table and the
    /// tables are summed, so no cell is ever written by two threads. A chunk holds fewer than 2³¹ items, so
    /// it counts in <c>int</c> (half the cache footprint); the merged table is <c>long</c>.
    /// </summary>
    private static unsafe long[] CountDense<T>(ReadOnlySpan<T> x, T minX, ReadOnlySpan<T> y, T minY, int rows, int columns)
        where T : unmanaged, IBinaryInteger<T>
    {
        int cells = rows * columns;
        int n = x.Length;
        int chunks = n < ParallelItems || (long)cells > ParallelCellLimit
            ? 1
            : Math.Min(Environment.ProcessorCount, n / (ParallelItems / 2));
        var merged = new long[cells];
        fixed (T* px = x, py = y)
        {
            if (chunks <= 1)
            {
                var counts = new int[cells];
                CountRange(px, py, 0, n, minX, minY, columns, counts);
                AddTo(merged, counts);
                return merged;
            }

            nint addressX = (nint)px;
            nint addressY = (nint)py;
            ParallelLoop.For(0, chunks, chunk =>
            {
                var counts = new int[cells];
                long start = (long)n * chunk / chunks;
                long end = (long)n * (chunk + 1) / chunks;
                CountRange((T*)addressX, (T*)addressY, (int)start, (int)end, minX, minY, columns, counts);
                lock (merged)
                {
                    AddTo(merged, counts);
                }
            });
            return merged;
        }
    }

    private static unsafe void CountRange<T>(T* x, T* y, int start, int end, T minX, T minY, int columns, int[] counts)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int k = start; k < end; k++)
        {
            int row = int.CreateTruncating(x[k] - minX);
            int column = int.CreateTruncating(y[k] - minY);
            counts[(row * columns) + column]++;
        }
    }

    private static void AddTo(long[] total, int[] counts)
    {
        for (int k = 0; k < counts.Length; k++)
        {
            total[k] += counts[k];
        }
    }

    /// <summary>Removes the rows and columns of a by-value table that no item fell in (values not used as labels).</summary>
    private static ContingencyTable DropEmpty(long[] byValue, int rows, int columns)
    {
        var rowUsed = new bool[rows];
        var columnUsed = new bool[columns];
        for (int i = 0; i < rows; i++)
        {
            var row = byValue.AsSpan(i * columns, columns);
            for (int j = 0; j < columns; j++)
            {
                if (row[j] != 0)
                {
                    rowUsed[i] = true;
                    columnUsed[j] = true;
                }
            }
        }

        int keptRows = rowUsed.Count(used => used);
        int keptColumns = columnUsed.Count(used => used);
        if (keptRows == rows && keptColumns == columns)
        {
            return ContingencyTable.Dense(rows, columns, byValue);
        }

        var compact = new long[keptRows * keptColumns];
        int target = 0;
        for (int i = 0; i < rows; i++)
        {
            if (!rowUsed[i])
            {
                continue;
            }

            for (int j = 0; j < columns; j++)
            {
                if (columnUsed[j])
                {
                    compact[target++] = byValue[(i * columns) + j];
                }
            }
        }

        return ContingencyTable.Dense(keptRows, keptColumns, compact);
    }

    /// <summary>Maps integer labels to codes 0..K−1 in ascending label order.</summary>
    private static int[] Encode<T>(ReadOnlySpan<T> labels, T min, Int128 range, out int distinct)
        where T : unmanaged, IBinaryInteger<T>
    {
        var codes = new int[labels.Length];
        if (range <= Math.Max(DirectCellLimit, labels.Length))
        {
            var codeOfValue = new int[(int)range];
            foreach (T label in labels)
            {
                codeOfValue[int.CreateTruncating(label - min)] = 1;
            }

            distinct = 0;
            for (int v = 0; v < codeOfValue.Length; v++)
            {
                codeOfValue[v] = codeOfValue[v] == 0 ? -1 : distinct++;
            }

            for (int k = 0; k < labels.Length; k++)
            {
                codes[k] = codeOfValue[int.CreateTruncating(labels[k] - min)];
            }

            return codes;
        }

        var firstSeen = new Dictionary<T, int>();
        for (int k = 0; k < labels.Length; k++)
        {
            if (!firstSeen.TryGetValue(labels[k], out int code))
            {
                code = firstSeen.Count;
                firstSeen.Add(labels[k], code);
            }

            codes[k] = code;
        }

        distinct = firstSeen.Count;
        RenumberInOrder(firstSeen, codes, Comparer<T>.Default);
        return codes;
    }

    /// <summary>Maps string labels to codes 0..K−1 in ordinal order.</summary>
    private static int[] Encode(ReadOnlySpan<string> labels, string paramName, out int distinct)
    {
        var codes = new int[labels.Length];
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < labels.Length; k++)
        {
            string label = labels[k] ?? throw new ArgumentException($"{paramName} has a null label at index {k}.", paramName);
            if (!firstSeen.TryGetValue(label, out int code))
            {
                code = firstSeen.Count;
                firstSeen.Add(label, code);
            }

            codes[k] = code;
        }

        distinct = firstSeen.Count;
        RenumberInOrder(firstSeen, codes, StringComparer.Ordinal);
        return codes;
    }

    /// <summary>Replaces first-seen codes by ranks in the labels' sort order.</summary>
    private static void RenumberInOrder<TLabel>(Dictionary<TLabel, int> firstSeen, int[] codes, IComparer<TLabel> order)
        where TLabel : notnull
    {
        var labels = new TLabel[firstSeen.Count];
        var oldCodes = new int[firstSeen.Count];
        int k = 0;
        foreach (var (label, code) in firstSeen)
        {
            labels[k] = label;
            oldCodes[k] = code;
            k++;
        }

        Array.Sort(labels, oldCodes, order);
        var rank = new int[oldCodes.Length];
        for (int r = 0; r < oldCodes.Length; r++)
        {
            rank[oldCodes[r]] = r;
        }

        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = rank[codes[i]];
        }
    }
}
