using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Shannon.Numerics;

/// <summary>
/// Asks for the cache lines of a row of a table a few rows before it is read. The hardware's stream prefetchers stop at
/// each 4 KB page, and a row of 1000 floats is about a page, so without this every long row's first sweep waits for its
/// lines from memory (a profile of the calibration report over 10⁶ × 1000 float logits put a quarter of the pass there).
/// </summary>
internal static class RowPrefetch
{
    /// <summary>How many rows ahead of the current one a pass asks for.</summary>
    internal const int Ahead = 2;

    /// <summary>Rows shorter than this many bytes are left to the hardware, which streams consecutive short rows well.</summary>
    internal const long MinimumBytes = 1024;

    private const int Line = 64;

    /// <summary>Prefetches the <paramref name="bytes"/> bytes from <paramref name="start"/> into every cache level (nothing without SSE, or for a short row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void Lines(void* start, long bytes)
    {
        if (!Sse.IsSupported || bytes < MinimumBytes)
        {
            return;
        }

        byte* p = (byte*)start;
        for (long offset = 0; offset < bytes; offset += Line)
        {
            Sse.Prefetch0(p + offset);
        }
    }
}
