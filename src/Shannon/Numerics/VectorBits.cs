using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Shannon.Numerics;

/// <summary>
/// Lane masks of the machine's <see cref="Vector{T}"/> as bits, which <see cref="Vector{T}"/> itself does not offer:
/// the 256-bit or 128-bit form's, chosen by the vector's width (the test folds away when compiled).
/// </summary>
internal static class VectorBits
{
    /// <summary>Bit i set when lane i of <paramref name="mask"/> has its most significant bit set (a comparison's true lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint MostSignificant<T>(Vector<T> mask) =>
        Vector<byte>.Count == Vector256<byte>.Count ? mask.AsVector256().ExtractMostSignificantBits()
        : Vector<byte>.Count == Vector128<byte>.Count ? mask.AsVector128().ExtractMostSignificantBits()
        : Scalar(mask);

    private static uint Scalar<T>(Vector<T> mask)
    {
        uint bits = 0;
        var lanes = Vector.AsVectorByte(mask);
        int width = Vector<byte>.Count / Vector<T>.Count;
        for (int lane = 0; lane < Vector<T>.Count; lane++)
        {
            bits |= (uint)(lanes[(lane * width) + width - 1] >> 7) << lane;
        }

        return bits;
    }
}
