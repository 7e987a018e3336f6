using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Shannon;

/// <summary>
/// The bfloat16 ("brain floating point") storage format: the upper 16 bits of an IEEE 754 binary32 — 1 sign,
/// 8 exponent and 7 fraction bits — used for logits and activations by ML accelerators. Shannon reads and writes
/// it and computes in float or double; it has no arithmetic of its own.
/// </summary>
/// <remarks>
/// Every bfloat16 is exactly a float, so widening is exact. Narrowing rounds to nearest, ties to even, and keeps
/// NaN a (quiet) NaN; the relative rounding error is at most 2⁻⁸ ≈ 0.39 %. .NET 10 has no bfloat16 type, hence
/// this one. Reference: Kalamkar, D. et al. (2019), A Study of BFLOAT16 for Deep Learning Training,
/// arXiv:1905.12322.
/// </remarks>
/// <param name="RawValue">The 16 stored bits.</param>
[StructLayout(LayoutKind.Sequential, Size = 2)]
public readonly record struct BFloat16(ushort RawValue)
{
    /// <summary>Widens to float exactly.</summary>
    /// <param name="value">A bfloat16 value.</param>
    public static implicit operator float(BFloat16 value) => BitConverter.Int32BitsToSingle(value.RawValue << 16);

    /// <summary>Narrows a float to bfloat16, rounding to nearest with ties to even; NaN stays NaN, ±∞ stay ±∞.</summary>
    /// <param name="value">A float value.</param>
    public static explicit operator BFloat16(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            return new BFloat16((ushort)((bits >> 16) | 0x0040));
        }

        uint roundingBias = 0x7FFF + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + roundingBias) >> 16));
    }

    /// <summary>Widens a span of bfloat16 values to float (exact).</summary>
    internal static void Widen(ReadOnlySpan<BFloat16> source, Span<float> destination)
    {
        var bits = MemoryMarshal.Cast<BFloat16, ushort>(source);
        var target = MemoryMarshal.Cast<float, uint>(destination);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= bits.Length - Vector<ushort>.Count; i += Vector<ushort>.Count)
            {
                Vector.Widen(new Vector<ushort>(bits.Slice(i, Vector<ushort>.Count)), out var lower, out var upper);
                (lower << 16).CopyTo(target.Slice(i, Vector<uint>.Count));
                (upper << 16).CopyTo(target.Slice(i + Vector<uint>.Count, Vector<uint>.Count));
            }
        }

        for (; i < bits.Length; i++)
        {
            target[i] = (uint)bits[i] << 16;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => ((float)this).ToString(CultureInfo.InvariantCulture);
}
