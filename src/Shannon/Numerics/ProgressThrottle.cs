namespace Shannon.Numerics;

/// <summary>
/// Counts units of work from any thread and reports a <see cref="WorkDone"/> about every 1/256 of the total and at the
/// end, in increasing order, so long loops can report progress without a report per unit.
/// </summary>
internal sealed class ProgressThrottle(long total, IProgress<WorkDone>? progress)
{
    private readonly long _step = Math.Max(1, (total + 255) / 256);
    private readonly Lock _gate = new();
    private long _done;
    private long _next;
    private long _reported = -1;

    /// <summary>Counts <paramref name="units"/> more as done and reports when a step (or the end) is reached.</summary>
    public void Add(long units = 1)
    {
        if (progress is null)
        {
            return;
        }

        long done = Interlocked.Add(ref _done, units);
        if (done < Volatile.Read(ref _next) && done != total)
        {
            return;
        }

        lock (_gate)
        {
            // Another thread may have reported a later count meanwhile: report only forward.
            long now = Interlocked.Read(ref _done);
            if ((now >= _next || now == total) && now > _reported)
            {
                _next = now + _step;
                _reported = now;
                progress.Report(new WorkDone(Math.Min(now, total), total));
            }
        }
    }
}
