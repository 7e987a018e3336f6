using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Shannon.Numerics;

/// <summary>
/// e^x on a vector of doubles for x in [−708, 709], small enough to be inlined into the loop that calls it. The
/// runtime's <c>Vector512.Exp(Vector512&lt;double&gt;)</c> is as accurate but is a call: a loop that keeps five running
/// sums in vector registers spills and reloads them around every call, and that, not the exponential itself, bounded
/// the temperature fit's passes.
/// </summary>
/// <remarks>
/// Method (Cody &amp; Waite 1980; Muller, Elementary Functions, 3rd ed., 2016, ch. 11, DOI 10.1007/978-1-4899-7983-4):
/// n = round(x·log₂e), found by adding 1.5·2⁵² so that n also sits in the low bits of the sum; r = x − n·ln 2 in two
/// steps (ln 2 split as hi + lo, hi with 32 significant bits so that n·hi is exact), |r| ≤ ½ ln 2 (a hair more without
/// fused multiply-adds, where n may be off by one); e^r by its Taylor polynomial of degree 12 (truncation
/// (½ ln 2)¹³/13! ≤ 1.7·10⁻¹⁶ relative); e^x = e^r·2ⁿ by adding n to the exponent field, which stays a normal double
/// on the whole domain (e^−708 ≈ 3.3·10⁻³⁰⁸). Accuracy: within 2 ulp of <see cref="Math.Exp(double)"/> on [−708, 709]
/// (the tests check every binade and random arguments). Domain: outside [−708, 709], and for NaN, the result is
/// meaningless: callers clamp first (the temperature fit drops every term below e^−707 before it gets here).
/// </remarks>
internal static class DoubleExp
{
    /// <summary>The least argument: from here up, e^r·2ⁿ is a normal double.</summary>
    internal const double Lowest = -708.0;

    /// <summary>The greatest argument.</summary>
    internal const double Highest = 709.0;

    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2 to 32 significant bits: n·Ln2Hi is exact for |n| < 2²¹
    private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 − Ln2Hi
    private const double RoundingShift = 6755399441055744.0; // 1.5·2⁵²

    /// <summary>e^x for eight lanes, x in [−708, 709].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Exp(Vector512<double> x)
    {
        var shifted = Vector512.MultiplyAddEstimate(x, Vector512.Create(Log2E), Vector512.Create(RoundingShift));
        var n = shifted - Vector512.Create(RoundingShift);
        var r = Vector512.MultiplyAddEstimate(-n, Vector512.Create(Ln2Hi), x);
        r = Vector512.MultiplyAddEstimate(-n, Vector512.Create(Ln2Lo), r);
        var p = Vector512.Create(1.0 / 479001600.0);
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 39916800.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 3628800.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 362880.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 40320.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 5040.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 720.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 120.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 24.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.0 / 6.0));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(0.5));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512<double>.One);
        p = Vector512.MultiplyAddEstimate(p, r, Vector512<double>.One);
        return (p.AsUInt64() + Vector512.ShiftLeft(shifted.AsUInt64(), 52)).AsDouble();
    }

    /// <summary>
    /// e^x for each lane of the machine's <see cref="Vector{T}"/> (four doubles with AVX2, two with SSE or NEON), x in
    /// [−708, 709]; the same method and contract as the 512-bit form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Exp(Vector<double> x)
    {
        var shifted = Vector.MultiplyAddEstimate(x, new Vector<double>(Log2E), new Vector<double>(RoundingShift));
        var n = shifted - new Vector<double>(RoundingShift);
        var r = Vector.MultiplyAddEstimate(-n, new Vector<double>(Ln2Hi), x);
        r = Vector.MultiplyAddEstimate(-n, new Vector<double>(Ln2Lo), r);
        var p = new Vector<double>(1.0 / 479001600.0);
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 39916800.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 3628800.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 362880.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 40320.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 5040.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 720.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 120.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 24.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(1.0 / 6.0));
        p = Vector.MultiplyAddEstimate(p, r, new Vector<double>(0.5));
        p = Vector.MultiplyAddEstimate(p, r, Vector<double>.One);
        p = Vector.MultiplyAddEstimate(p, r, Vector<double>.One);
        return Vector.AsVectorDouble(Vector.AsVectorUInt64(p) + Vector.ShiftLeft(Vector.AsVectorUInt64(shifted), 52));
    }
}
