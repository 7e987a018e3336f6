namespace Shannon.Numerics;

/// <summary>
/// Runs a per-point body over 0…n−1 in contiguous blocks, in parallel above a size where threads pay off.
/// Bodies write each point's result to its own slot, so results do not depend on the schedule.
/// </summary>
internal static class PointRanges
{
    private const int BlockSize = 2048;

    /// <summary>Calls <paramref name="body"/>(begin, end) for blocks covering 0…n−1.</summary>
    public static void For(int n, Action<int, int> body)
    {
        int blocks = (n + BlockSize - 1) / BlockSize;
        if (blocks <= 1 || Environment.ProcessorCount == 1)
        {
            body(0, n);
            return;
        }

        ParallelLoop.For(0, blocks, block => body(block * BlockSize, Math.Min(n, (block + 1) * BlockSize)));
    }
}
