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

    /// <summary>When set, the number of workers (parts run at a time) instead of the core count (tests check that it changes no bit).</summary>
    internal static int? Workers { get; set; }

    /// <summary>Rows per part: about 2¹⁸ values, and at least <paramref name="minimumRows"/> so that merging stays cheap.</summary>
    internal static int RowsPerPart(int rows, int classes, int minimumRows)
    {
        long byValues = Math.Max(1, ParallelThreshold / Math.Max(1, classes));
        return (int)Math.Min(rows, Math.Max(byValues, minimumRows));
    }

    /// <summary>
    /// Calls <paramref name="body"/>(accumulator, firstRow, rowCount) for every part, then <paramref name="merge"/>(accumulator)
    /// in part order; accumulators come from <paramref name="create"/> and are cleared by <paramref name="reset"/> before
    /// each part.
    /// </summary>
    /// <remarks>
    /// One fork-join per pass, not one per wave of one part per core: every thread takes the next part from a shared
    /// counter into slot (part mod R) of a ring of R = 4 × workers accumulators, and whichever thread finishes a part
    /// merges every finished part that is next in order, under a lock, so that the merges overlap the other threads'
    /// parts. A part waits (blocked, not spinning) for its slot only when the part R places earlier is not merged yet.
    /// On 10⁶ × 1000 (about 3 800 parts of 262 rows) the waves forked and joined about 1 900 times per pass, each time
    /// waking a helper and waiting for the later of two parts, then merging on one thread.
    /// </remarks>
    internal static void Run<TPart>(int rows, int rowsPerPart, Func<TPart> create, Action<TPart> reset, Action<TPart, int, int> body, Action<TPart> merge)
    {
        int parts = (int)(((long)rows + rowsPerPart - 1) / rowsPerPart);
        int workers = Math.Max(1, Math.Min(parts, Workers ?? Environment.ProcessorCount));
        if (workers == 1)
        {
            var only = create();
            for (int part = 0; part < parts; part++)
            {
                int start = (int)((long)part * rowsPerPart);
                reset(only);
                body(only, start, Math.Min(rowsPerPart, rows - start));
                merge(only);
            }

            return;
        }

        new Ring<TPart>(rows, rowsPerPart, parts, Math.Min(parts, 4 * workers), create, reset, body, merge).Run(workers);
    }

    /// <summary>The shared state of one parallel pass of <see cref="Run{TPart}"/>.</summary>
    private sealed class Ring<TPart>(int rows, int rowsPerPart, int parts, int size, Func<TPart> create, Action<TPart> reset, Action<TPart, int, int> body, Action<TPart> merge)
    {
        private readonly TPart[] _slots = CreateSlots(size, create);

        /// <summary>For each slot, 1 + the part it holds once that part is finished (0: none).</summary>
        private readonly int[] _finished = new int[size];
        private readonly object _gate = new();
        private long _next; // long: the threads' last increments past the end cannot overflow
        private int _merged; // parts merged so far: every part below is in the total
        private int _firstFailed = int.MaxValue;
        private Exception? _failure;

        public void Run(int workers)
        {
            ParallelLoop.For(0, workers, _ => Work());
            if (_failure is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        private static TPart[] CreateSlots(int size, Func<TPart> create)
        {
            var slots = new TPart[size];
            for (int s = 0; s < size; s++)
            {
                slots[s] = create();
            }

            return slots;
        }

        private void Work()
        {
            long taken;
            while ((taken = Interlocked.Increment(ref _next) - 1) < parts)
            {
                int part = (int)taken;
                if (!AwaitSlot(part))
                {
                    return; // an earlier part failed: this one's result is not needed
                }

                int slot = part % size;
                int start = (int)((long)part * rowsPerPart);
                try
                {
                    reset(_slots[slot]); // here, outside the merge lock, on the thread that fills the slot next
                    body(_slots[slot], start, Math.Min(rowsPerPart, rows - start));
                }
                catch (Exception ex)
                {
                    Fail(part, ex);
                    return;
                }

                Volatile.Write(ref _finished[slot], part + 1);
                MergeFinished();
            }
        }

        /// <summary>Waits until the slot of <paramref name="part"/> is free (the part R earlier is merged); false when a part before it failed.</summary>
        private bool AwaitSlot(int part)
        {
            if (Volatile.Read(ref _merged) <= part - size)
            {
                // Blocks rather than spins: the part it waits for is another thread's, which may not even be running.
                lock (_gate)
                {
                    while (_merged <= part - size && _firstFailed > part)
                    {
                        Monitor.Wait(_gate);
                    }
                }
            }

            return Volatile.Read(ref _firstFailed) > part;
        }

        /// <summary>Merges, in part order, every finished part that is next in line.</summary>
        private void MergeFinished()
        {
            lock (_gate)
            {
                int next = _merged;
                while (next < parts && Volatile.Read(ref _finished[next % size]) == next + 1)
                {
                    try
                    {
                        merge(_slots[next % size]);
                    }
                    catch (Exception ex)
                    {
                        Fail(next, ex); // releases the threads waiting for a slot, which would wait for this merge forever
                        return;
                    }

                    next++;
                    Volatile.Write(ref _merged, next);
                }

                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Keeps the failure of the earliest part (the first bad row of the table) and hands out no more parts.</summary>
        private void Fail(int part, Exception ex)
        {
            lock (_gate)
            {
                if (part < _firstFailed)
                {
                    (_firstFailed, _failure) = (part, ex);
                }

                Monitor.PulseAll(_gate);
            }

            Volatile.Write(ref _next, (long)parts);
        }
    }
}
