namespace Shannon.Numerics;

/// <summary>
/// Seeds for independent random streams derived from one user seed (replicate b, permutation b, …), the same on
/// every run and machine: SplitMix64's finaliser over (seed, stream, purpose). <see cref="HashCode"/> is not used
/// because .NET randomises it per process.
/// </summary>
/// <remarks>Reference: Steele, G. L., Lea, D. &amp; Flood, C. H. (2014), Fast splittable pseudorandom number generators, OOPSLA, doi:10.1145/2660193.2660195.</remarks>
internal static class StreamSeed
{
    /// <summary>A 31-bit seed for stream <paramref name="stream"/> of <paramref name="seed"/>, distinct per <paramref name="purpose"/>.</summary>
    public static int Of(int seed, int stream, int purpose)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) ^ (uint)stream ^ ((ulong)(uint)purpose * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
