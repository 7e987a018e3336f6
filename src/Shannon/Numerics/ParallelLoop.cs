using System.Runtime.ExceptionServices;

namespace Shannon.Numerics;

/// <summary>
/// <see cref="Parallel.For(int, int, Action{int})"/> for the public API: an exception thrown by the body reaches the caller
/// as itself (an <see cref="ArgumentException"/> with its parameter name, say), not wrapped in an <see cref="AggregateException"/>.
/// </summary>
internal static class ParallelLoop
{
    /// <summary>Runs <paramref name="body"/> for every index in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>) in parallel; rethrows the first failure as it was thrown.</summary>
    public static void For(int fromInclusive, int toExclusive, Action<int> body)
    {
        try
        {
            Parallel.For(fromInclusive, toExclusive, body);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.Flatten().InnerExceptions[0]).Throw();
            throw;
        }
    }
}
