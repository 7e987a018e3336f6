using System.Runtime.ExceptionServices;

namespace Shannon.Numerics;

/// <summary>
/// The library's parallel loop: a plain fork-join on the library's own helper threads. The calling thread works too,
/// and every thread takes the next index from one shared counter, so slow items balance out. Not
/// <see cref="Parallel.For(int, int, Action{int})"/>: its first call in a process costs about 35 ms of CPU (setting up
/// the Task Parallel Library and its event source), and an exception thrown by the body should reach the caller as
/// itself (an <see cref="ArgumentException"/> with its parameter name, say), not wrapped in an
/// <see cref="AggregateException"/>. Not the thread pool either: its first work item in a process arrives 6–8 ms after
/// it is queued (the pool starts its worker and gate threads), as long as a whole 10⁷-value entropy takes, so the first
/// call ran on one core; a thread of our own starts in 1.5–2.5 ms, and later loops wake a waiting helper in microseconds.
/// </summary>
/// <remarks>
/// Helpers are background threads, one fewer than <see cref="Environment.ProcessorCount"/>, started at the first parallel
/// loop and then parked on a monitor. A helper that reaches a loop only after the caller has taken every index finds the
/// loop closed and returns. The caller waits only for helpers that are still running the body. So a loop nested inside
/// another loop's body (all helpers busy) runs on its caller alone, never waits for a helper that is not there, and
/// cannot deadlock. Which thread runs which index varies from run to run. Callers that need the same answer on every run
/// write each index's result to its own slot and combine the slots in index order.
/// </remarks>
internal static class ParallelLoop
{
    /// <summary>Runs <paramref name="body"/> for every index in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>) in parallel; rethrows the first failure as it was thrown.</summary>
    public static void For(int fromInclusive, int toExclusive, Action<int> body)
    {
        int count = toExclusive - fromInclusive;
        if (count <= 0)
        {
            return;
        }

        int helpers = Math.Min(Environment.ProcessorCount, count) - 1;
        if (helpers == 0)
        {
            for (int i = fromInclusive; i < toExclusive; i++)
            {
                body(i);
            }

            return;
        }

        var loop = new Loop(fromInclusive, toExclusive, body);
        Helpers.Post(loop, helpers);

        loop.Work();
        loop.CloseAndWait();
        loop.Failure?.Throw();
    }

    /// <summary>Runs <paramref name="actions"/> side by side, as <see cref="For"/> over their indices; rethrows the first failure as it was thrown.</summary>
    public static void Invoke(params Action[] actions) => For(0, actions.Length, i => actions[i]());

    /// <summary>The helper threads and the loops waiting for one (a loop is queued once per helper it asks for).</summary>
    private static class Helpers
    {
        private static readonly object Gate = new();
        private static readonly Queue<Loop> Waiting = new();
        private static int _started;

        /// <summary>Queues <paramref name="count"/> calls for help on <paramref name="loop"/>, starting the helper threads on first use.</summary>
        public static void Post(Loop loop, int count)
        {
            lock (Gate)
            {
                for (int i = 0; i < count; i++)
                {
                    Waiting.Enqueue(loop);
                }

                int wanted = Math.Max(1, Environment.ProcessorCount - 1);
                while (_started < wanted)
                {
                    new Thread(Run) { IsBackground = true, Name = "Shannon helper" }.UnsafeStart();
                    _started++;
                }

                Monitor.PulseAll(Gate);
            }
        }

        private static void Run()
        {
            while (true)
            {
                Loop loop;
                lock (Gate)
                {
                    while (Waiting.Count == 0)
                    {
                        Monitor.Wait(Gate);
                    }

                    loop = Waiting.Dequeue();
                }

                loop.Help();
            }
        }
    }

    private sealed class Loop(int from, int to, Action<int> body)
    {
        private const int Closed = 1 << 30;
        private readonly ManualResetEventSlim _helpersDone = new(false);
        private long _next = from; // long: the threads' last increments past the end cannot overflow
        private int _state; // Closed | the number of helpers running the body
        private ExceptionDispatchInfo? _failure;

        public ExceptionDispatchInfo? Failure => Volatile.Read(ref _failure);

        /// <summary>A pool thread joins unless the loop is already closed.</summary>
        public void Help()
        {
            int state = Volatile.Read(ref _state);
            while (true)
            {
                if ((state & Closed) != 0)
                {
                    return;
                }

                int seen = Interlocked.CompareExchange(ref _state, state + 1, state);
                if (seen == state)
                {
                    break;
                }

                state = seen;
            }

            Work();
            if (Interlocked.Decrement(ref _state) == Closed)
            {
                _helpersDone.Set();
            }
        }

        /// <summary>Runs indices until none is left or one has failed.</summary>
        public void Work()
        {
            long i;
            while ((i = Interlocked.Increment(ref _next) - 1) < to)
            {
                try
                {
                    body((int)i);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(ex), null);
                    Volatile.Write(ref _next, to); // hand out no more indices
                    return;
                }
            }
        }

        /// <summary>Closes the loop to helpers not yet started and waits for the ones still running.</summary>
        public void CloseAndWait()
        {
            if ((Interlocked.Or(ref _state, Closed) & ~Closed) != 0)
            {
                _helpersDone.Wait();
            }

            _helpersDone.Dispose();
        }
    }
}
