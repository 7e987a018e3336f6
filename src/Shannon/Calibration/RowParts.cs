using System.Runtime.ExceptionServices;
using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// Runs a pass over the rows of a table in parts of a fixed size (chosen from the table's shape, never from the core
/// count), each part into its own accumulator, and merges the parts in row order. A result is therefore the same bits
/// on one core or many; a bad row is reported as the first bad row of the table, whichever worker met it.
/// </summary>
internal static class RowParts
{
    /// <summary>Below this many values a pass runs on the calling thread as one part.</summary>
    internal const long ParallelThreshold = 1 << 18;

    /// <summary>When set, the number of parts run at a time instead of the core count (tests check that it changes no bit).</summary>
    internal static int? Workers { get; set; }

    /// <summary>Rows per part: about 2¹⁸ values, and at least <paramref name="minimumRows"/> so that merging stays cheap.</summary>
    internal static int RowsPerPart(int rows, int classes, int minimumRows)
    {
        long byValues = Math.Max(1, ParallelThreshold / Math.Max(1, classes));
        return (int)Math.Min(rows, Math.Max(byValues, minimumRows));
    }

    /// <summary>
    /// Calls <paramref name="body"/>(accumulator, firstRow, rowCount) for every part, up to one part per core at a time,
    /// then <paramref name="merge"/>(accumulator) in part order; accumulators come from <paramref name="create"/> and are
    /// reused after <paramref name="reset"/>.
    /// </summary>
    internal static void Run<TPart>(int rows, int rowsPerPart, Func<TPart> create, Action<TPart> reset, Action<TPart, int, int> body, Action<TPart> merge)
    {
        int parts = (int)(((long)rows + rowsPerPart - 1) / rowsPerPart);
        int workers = Math.Max(1, Math.Min(parts, Workers ?? Environment.ProcessorCount));
        var slots = new TPart[workers];
        for (int w = 0; w < workers; w++)
        {
            slots[w] = create();
        }

        var failures = new Exception?[workers];
        for (int first = 0; first < parts; first += workers)
        {
            int wave = Math.Min(workers, parts - first);
            void Part(int w)
            {
                int start = (int)((long)(first + w) * rowsPerPart);
                int count = Math.Min(rowsPerPart, rows - start);
                try
                {
                    body(slots[w], start, count);
                }
                catch (Exception ex)
                {
                    failures[w] = ex;
                }
            }

            if (wave == 1)
            {
                Part(0);
            }
            else
            {
                ParallelLoop.For(0, wave, Part);
            }

            for (int w = 0; w < wave; w++)
            {
                if (failures[w] is { } failure)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                merge(slots[w]);
                reset(slots[w]);
            }
        }
    }
}
