using System.Runtime.ExceptionServices;

namespace Shannon.Numerics;

/// <summary>
/// The library's parallel loop: a plain fork-join on the thread pool. The calling thread works too, and every thread
/// takes the next index from one shared counter, so slow items balance out. Two reasons not to use
/// <see cref="Parallel.For(int, int, Action{int})"/>. First, its first call in a process costs about 35 ms of CPU:
/// setting up the Task Parallel Library and its event source. That alone made the first call of a 10⁷-value
/// entropy several times its steady-state time. Second, an exception thrown by the body reaches the caller as itself
/// (an <see cref="ArgumentException"/> with its parameter name, say), not wrapped in an <see cref="AggregateException"/>.
/// </summary>
/// <remarks>
/// A helper that the pool starts only after the caller has taken every index finds the loop closed and returns. The
/// caller waits only for helpers that are still running the body. So a loop nested inside another loop's body never
/// waits for pool threads that are not there, and cannot starve the pool. Which thread runs which index varies from
/// run to run. Callers that need the same answer on every run write each index's result to its own slot and combine
/// the slots in index order.
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
        for (int h = 0; h < helpers; h++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Help(), loop, preferLocal: false);
        }

        loop.Work();
        loop.CloseAndWait();
        loop.Failure?.Throw();
    }

    /// <summary>Runs <paramref name="actions"/> side by side, as <see cref="For"/> over their indices; rethrows the first failure as it was thrown.</summary>
    public static void Invoke(params Action[] actions) => For(0, actions.Length, i => actions[i]());

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
