using System.Runtime.CompilerServices;

namespace Shannon.Language.NGrams;

/// <summary>
/// Hashes (context, word) keys packed in a <see cref="ulong"/>. The default <see cref="ulong"/> hash XORs the
/// two halves, so small context and word ids collide en masse; this one mixes all 64 bits (a splitmix64 finaliser).
/// </summary>
internal sealed class NGramKeyComparer : IEqualityComparer<ulong>
{
    internal static NGramKeyComparer Instance { get; } = new();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(ulong x, ulong y) => x == y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetHashCode(ulong obj)
    {
        ulong z = obj * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        return (int)(z ^ (z >> 31));
    }
}
