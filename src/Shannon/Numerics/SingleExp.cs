using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Shannon.Numerics;

/// <summary>
/// e^x on eight floats at a time, computed in single precision, for the softmax's shifted arguments. The
/// runtime's <c>Vector256.Exp(Vector256&lt;float&gt;)</c> widens every lane to double; staying in float does half
/// the work per lane, and that work is what bounds a cross-entropy over a large vocabulary.
/// </summary>
/// <remarks>
/// Method (Cody &amp; Waite 1980; Muller, Elementary Functions, 3rd ed., 2016, ch. 11, DOI 10.1007/978-1-4899-7983-4):
/// n = round(x·log₂e), found by adding 1.5·2²³ so that n also sits in the low bits of the sum;
/// r = x − n·ln 2 in two fused steps (ln 2 split as hi + lo with n·hi exact), |r| ≤ ½ ln 2;
/// e^r by its Taylor polynomial of degree 7 (truncation r⁸/8! ≤ 5·10⁻⁹ relative, under 0.1 ulp);
/// e^x = e^r·2^⌊n/2⌋·2^(n−⌊n/2⌋), two exact scalings, so that subnormal results round once; below −104, e^x is
/// under half the smallest subnormal and the result is +0 (also for −∞). Accuracy: within 1 ulp of the correctly rounded e^x on
/// [−104, 88] (the tests check 2 ulp against <see cref="Math.Exp(double)"/>). Domain: x ≤ 88; NaN is not
/// propagated, so callers reject it first.
/// </remarks>
internal static class SingleExp
{
    /// <summary>True when the vector path runs in hardware (AVX2 with fused multiply-add).</summary>
    internal static bool IsAccelerated => Avx2.IsSupported && Fma.IsSupported;

    private const float Log2E = 1.44269504f;
    private const float Ln2Hi = 0.693145751953125f; // ln 2 to 15 significant bits: n·Ln2Hi is exact for |n| < 2⁹
    private const float Ln2Lo = 1.42860677e-6f; // ln 2 − Ln2Hi
    private const float RoundingShift = 12582912f; // 1.5·2²³
    private const float NormalFloor = -86f; // from here up, n ≥ −124 and e^r·2ⁿ is a normal float
    private const float Lowest = -104f;

    /// <summary>e^x for each lane, subnormal results included; requires <see cref="IsAccelerated"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Exp(Vector256<float> x)
    {
        x = Avx.Max(x, Vector256.Create(Lowest));
        var shifted = Fma.MultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(RoundingShift));
        var power = ReducedPower(x, shifted);
        var n = shifted.AsInt32() - Vector256.Create(RoundingShift).AsInt32();
        var half = Avx2.ShiftRightArithmetic(n, 1);
        var bias = Vector256.Create(127);
        var first = Avx2.ShiftLeftLogical(half + bias, 23).AsSingle();
        var second = Avx2.ShiftLeftLogical(n - half + bias, 23).AsSingle();
        return power * first * second;
    }

    /// <summary>
    /// e^max(x, −86) for each lane: the terms of a sum known to be at least 1 (a softmax normaliser), where the floor
    /// changes nothing (a floored term adds under 4.5·10⁻³⁸) and buys a single exponent add instead of two scalings.
    /// Requires <see cref="IsAccelerated"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> ExpOfSumTerm(Vector256<float> x)
    {
        x = Avx.Max(x, Vector256.Create(NormalFloor));
        var shifted = Fma.MultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(RoundingShift));
        var power = ReducedPower(x, shifted);
        return (power.AsInt32() + Avx2.ShiftLeftLogical(shifted.AsInt32(), 23)).AsSingle();
    }

    /// <summary>
    /// e^x for four lanes (128-bit vectors: ARM64 NEON, x64 without AVX2), the same method with the runtime's
    /// cross-platform operations; fused multiply-adds where the hardware has them. Without them x·log₂e rounds before
    /// the shift (n may be off by one near a half-integer, |r| slightly over ½ ln 2, still far inside the polynomial's
    /// range) and n·ln2Hi stays exact (ln2Hi has 15 significant bits): within 2 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> Exp(Vector128<float> x)
    {
        x = Vector128.Max(x, Vector128.Create(Lowest));
        var shifted = MultiplyAdd(x, Vector128.Create(Log2E), Vector128.Create(RoundingShift));
        var power = ReducedPower(x, shifted);
        var n = shifted.AsInt32() - Vector128.Create(RoundingShift).AsInt32();
        var half = n >> 1;
        var bias = Vector128.Create(127);
        var first = ((half + bias) << 23).AsSingle();
        var second = ((n - half + bias) << 23).AsSingle();
        return power * first * second;
    }

    /// <summary><see cref="ExpOfSumTerm(Vector256{float})"/> for four lanes (128-bit vectors).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> ExpOfSumTerm(Vector128<float> x)
    {
        x = Vector128.Max(x, Vector128.Create(NormalFloor));
        var shifted = MultiplyAdd(x, Vector128.Create(Log2E), Vector128.Create(RoundingShift));
        var power = ReducedPower(x, shifted);
        return (power.AsInt32() + (shifted.AsInt32() << 23)).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ReducedPower(Vector128<float> x, Vector128<float> shifted)
    {
        var n = shifted - Vector128.Create(RoundingShift);
        var r = MultiplyAdd(-n, Vector128.Create(Ln2Hi), x);
        r = MultiplyAdd(-n, Vector128.Create(Ln2Lo), r);
        var p = Vector128.Create(1f / 5040f);
        p = MultiplyAdd(p, r, Vector128.Create(1f / 720f));
        p = MultiplyAdd(p, r, Vector128.Create(1f / 120f));
        p = MultiplyAdd(p, r, Vector128.Create(1f / 24f));
        p = MultiplyAdd(p, r, Vector128.Create(1f / 6f));
        p = MultiplyAdd(p, r, Vector128.Create(0.5f));
        p = MultiplyAdd(p, r, Vector128<float>.One);
        return MultiplyAdd(p, r, Vector128<float>.One);
    }

    /// <summary>
    /// e^x for each lane of the machine's <see cref="Vector{T}"/> (eight floats with AVX2, four with SSE or NEON), so a
    /// kernel written once on <see cref="Vector{T}"/> runs on either width; the width test folds away when compiled.
    /// Within 2 ulp, the same contract as the fixed-width forms.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<float> Exp(Vector<float> x)
    {
        if (Vector<float>.Count == Vector256<float>.Count)
        {
            return IsAccelerated ? Exp(x.AsVector256()).AsVector() : Vector.Exp(x);
        }

        return Vector<float>.Count == Vector128<float>.Count ? Exp(x.AsVector128()).AsVector() : Vector.Exp(x);
    }

    /// <summary>
    /// a·b + c, fused where the hardware has fused multiply-adds (<c>Vector128.MultiplyAddEstimate</c>), spelled with the
    /// instructions so that ReadyToRun can precompile the callers: crossgen2 leaves the portable helper to the JIT.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c)
        : AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(c, a, b)
        : Vector128.MultiplyAddEstimate(a, b, c);

    /// <summary>e^r for r = x − n·ln 2, where <paramref name="shifted"/> = x·log₂e + 1.5·2²³ carries n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ReducedPower(Vector256<float> x, Vector256<float> shifted)
    {
        var n = shifted - Vector256.Create(RoundingShift);
        var r = Fma.MultiplyAddNegated(n, Vector256.Create(Ln2Hi), x);
        r = Fma.MultiplyAddNegated(n, Vector256.Create(Ln2Lo), r);
        var p = Vector256.Create(1f / 5040f);
        p = Fma.MultiplyAdd(p, r, Vector256.Create(1f / 720f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(1f / 120f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(1f / 24f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(1f / 6f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(0.5f));
        p = Fma.MultiplyAdd(p, r, Vector256<float>.One);
        return Fma.MultiplyAdd(p, r, Vector256<float>.One);
    }
}
