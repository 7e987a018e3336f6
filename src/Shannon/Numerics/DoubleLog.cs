using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Shannon.Numerics;

/// <summary>
/// The natural logarithm of four positive normal doubles at a time, table-driven: the kernel of every entropy and
/// divergence sum, where the runtime's polynomial-only <c>Vector256.Log</c> costs more than the memory traffic.
/// </summary>
/// <remarks>
/// Method (Tang, P. T. P. (1990), Table-driven implementation of the logarithm function in IEEE floating-point
/// arithmetic, ACM Trans. Math. Softw. 16(4), 378–400, doi:10.1145/98267.98294): x = 2ᵏ·z with z in
/// [0.6875, 1.375); the top nine mantissa bits of z pick one of 512 subintervals, with a centre c whose 1/c and
/// log c are tabulated side by side (8 KB); r = z·(1/c) − 1 in one fused step, |r| ≤ 1/512; log x = k·ln 2 + log c +
/// log1p(r), the last by its Taylor polynomial of degree 6 (truncation below 2⁻⁵⁶ relative), with ln 2 split in
/// hi + lo so that k·ln 2 + log c rounds once and the rest joins the small part. The two subintervals
/// that touch 1 use c = 1, so log x near 1 is log1p(r) itself and keeps its relative accuracy. The table is read
/// with scalar indices and 16-byte loads, which this kernel's tests and benchmarks found faster than AVX2 gathers.
/// Accuracy: within 1 ulp of <see cref="Math.Log(double)"/> (checked in the tests). Domain: finite doubles from
/// <see cref="SpecialFunctions.SmallestNormal"/> = 2⁻¹⁰²² up. Outside it (0, subnormals, ∞, NaN, negatives) the AVX2
/// path returns a finite value with no meaning, never ∞ or NaN, so that 0 · log 0 costs no clamp: callers that need
/// those lanes find them another way. Without AVX2 and FMA the runtime's <c>Vector256.Log</c> answers instead, with its
/// −∞ and NaN; callers on such machines (ARM64, x64 without AVX2) use the two-lane form, which has the same domain.
/// </remarks>
internal static unsafe class DoubleLog
{
    private const int IndexBits = 9;
    private const long Offset = 0x3FE6000000000000; // the bits of 0.6875, where the reduced z starts
    private const long MantissaMask = 0x000FFFFFFFFFFFFF;
    private const long ExponentBias = 1023L << 52;
    private const long IntegerMagic = 0x4330000000000000; // the bits of 2⁵²: or-ing a small integer in gives 2⁵² + it
    private const double Ln2Hi = 0.6931471805598903; // ln 2 to 42 bits (0x1.62e42fefa38p-1): k·Ln2Hi is exact
    private const double Ln2Lo = 5.497923018708371e-14; // ln 2 − Ln2Hi

    private static readonly double* Table = Build(exactLogC: false);

    /// <summary>
    /// Rows (1/c, ln c) with ln c of the centre itself, for the form without fused multiply-add: there r = (z − c)·(1/c)
    /// (z − c exact by Sterbenz's lemma, one rounding in the product), so log c must be that of c, not of 1/(1/c).
    /// </summary>
    private static readonly double* ExactTable = Build(exactLogC: true);

    /// <summary>Both tables' addresses, for a kernel to read once before its loop and pass to the logarithms.</summary>
    internal static LogTables Tables => new(Table, ExactTable);

    private const long Half = 1L << (51 - IndexBits); // half a subinterval, in bits
    private const long One = 0x3FF0000000000000; // the bits of 1.0

    /// <summary>log x for each lane (the runtime's <c>Vector256.Log</c> where AVX2 with FMA is missing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log(Vector256<double> x)
    {
        Vector256<double> spilled = x;
        return Log(x, in *(double*)&spilled);
    }

    /// <summary>
    /// log x for each lane, with the table rows picked from <paramref name="lanes"/>: the same four values already in
    /// memory (a row of the caller's input), which spares the store-and-reload of <see cref="Log(Vector256{double})"/>
    /// (about a fifth of the time from L1). A lane of memory may differ from x only where the caller discards the
    /// result (x clamped up from 0, say): the row it picks is then still a valid row and the result finite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log(Vector256<double> x, ref readonly double lanes) => Log(x, in lanes, Tables);

    /// <summary>
    /// <see cref="Log(Vector256{double}, ref readonly double)"/> with the table's address read once by the caller
    /// (<see cref="Tables"/>) before its loop: precompiled (ReadyToRun) code reads a static field through a helper call,
    /// which inside a loop also spills every vector register and made the precompiled loop 1.8× slower.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log(Vector256<double> x, ref readonly double lanes, LogTables tables)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return Vector256.Log(x);
        }

        var bits = x.AsInt64();
        var fromOffset = bits - Vector256.Create(Offset);
        var biasedExponent = Avx2.ShiftRightLogical(bits + Vector256.Create(ExponentBias - Offset), 52);
        var k = (biasedExponent | Vector256.Create(IntegerMagic)).AsDouble() - Vector256.Create(4503599627370496.0 + 1023.0);
        var z = ((fromOffset & Vector256.Create(MantissaMask)) + Vector256.Create(Offset)).AsDouble();

        // Each table row is (1/c, log c): two rows' 16-byte loads, interleaved, give both columns for four lanes.
        ref long memory = ref Unsafe.As<double, long>(ref Unsafe.AsRef(in lanes));
        double* table = tables.Fused;
        var rows02 = Avx.InsertVector128(Row(table, memory).ToVector256Unsafe(), Row(table, Unsafe.Add(ref memory, 2)), 1);
        var rows13 = Avx.InsertVector128(Row(table, Unsafe.Add(ref memory, 1)).ToVector256Unsafe(), Row(table, Unsafe.Add(ref memory, 3)), 1);
        var inverse = Avx.UnpackLow(rows02, rows13);
        var logC = Avx.UnpackHigh(rows02, rows13);

        var r = Fma.MultiplyAdd(z, inverse, Vector256.Create(-1.0));
        var q = Vector256.Create(-1.0 / 6);
        q = Fma.MultiplyAdd(q, r, Vector256.Create(1.0 / 5));
        q = Fma.MultiplyAdd(q, r, Vector256.Create(-1.0 / 4));
        q = Fma.MultiplyAdd(q, r, Vector256.Create(1.0 / 3));
        q = Fma.MultiplyAdd(q, r, Vector256.Create(-1.0 / 2));
        var high = Fma.MultiplyAdd(k, Vector256.Create(Ln2Hi), logC);
        var low = Fma.MultiplyAdd(r * r, q, Fma.MultiplyAdd(k, Vector256.Create(Ln2Lo), r));
        return high + low;
    }

    /// <summary>
    /// log x for two lanes, the same method as the four-lane form for ARM64 (NEON) and x64 without AVX2: one 16-byte row
    /// per lane from the table and fused multiply-adds where the hardware has them (NEON, FMA3): within 1 ulp. Without
    /// them (x64 with AVX2 or AVX disabled) r = (z − c)·(1/c), exact difference and one rounding, with a table of ln c
    /// itself: within 2 ulp. Table rows are picked from <paramref name="lanes"/> as above.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<double> Log(Vector128<double> x, ref readonly double lanes) => Log(x, in lanes, Tables);

    /// <summary>The two-lane form with the table's address read once by the caller (<see cref="Tables"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<double> Log(Vector128<double> x, ref readonly double lanes, LogTables tables)
    {
        var bits = x.AsInt64();
        var fromOffset = bits - Vector128.Create(Offset);
        var biasedExponent = Vector128.ShiftRightLogical(bits + Vector128.Create(ExponentBias - Offset), 52);
        var k = (biasedExponent | Vector128.Create(IntegerMagic)).AsDouble() - Vector128.Create(4503599627370496.0 + 1023.0);
        var z = ((fromOffset & Vector128.Create(MantissaMask)) + Vector128.Create(Offset)).AsDouble();

        ref long memory = ref Unsafe.As<double, long>(ref Unsafe.AsRef(in lanes));
        Vector128<double> inverse, logC, r;
        if (Fma.IsSupported || AdvSimd.IsSupported)
        {
            (inverse, logC) = Unzip(Row(tables.Fused, memory), Row(tables.Fused, Unsafe.Add(ref memory, 1)));
            r = Vector128.FusedMultiplyAdd(z, inverse, Vector128.Create(-1.0));
        }
        else
        {
            // No fused multiply-add (x64 with AVX off): r = (z − c)·(1/c) with c rebuilt from z's bits, the subinterval's
            // midpoint (its start with the half-width bit set), or 1 for the two subintervals that touch 1.
            (inverse, logC) = Unzip(Row(tables.Exact, memory), Row(tables.Exact, Unsafe.Add(ref memory, 1)));
            var start = z.AsInt64() & Vector128.Create(~((2 * Half) - 1));
            var touchesOne = Vector128.Equals(start, Vector128.Create(One)) | Vector128.Equals(start + Vector128.Create(2 * Half), Vector128.Create(One));
            var c = Vector128.ConditionalSelect(touchesOne, Vector128.Create(One), start | Vector128.Create(Half)).AsDouble();
            r = (z - c) * inverse;
        }

        var q = Vector128.Create(-1.0 / 6);
        q = Vector128.MultiplyAddEstimate(q, r, Vector128.Create(1.0 / 5));
        q = Vector128.MultiplyAddEstimate(q, r, Vector128.Create(-1.0 / 4));
        q = Vector128.MultiplyAddEstimate(q, r, Vector128.Create(1.0 / 3));
        q = Vector128.MultiplyAddEstimate(q, r, Vector128.Create(-1.0 / 2));
        var high = Vector128.MultiplyAddEstimate(k, Vector128.Create(Ln2Hi), logC);
        var low = Vector128.MultiplyAddEstimate(r * r, q, Vector128.MultiplyAddEstimate(k, Vector128.Create(Ln2Lo), r));
        return high + low;
    }

    /// <summary>log x for two lanes held only in a register (spilled once so that the rows can be picked from memory).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<double> Log(Vector128<double> x)
    {
        Vector128<double> spilled = x;
        return Log(x, in *(double*)&spilled);
    }

    /// <summary>
    /// log x for each lane of the machine's <see cref="Vector{T}"/> (four lanes with AVX2, two with SSE or NEON), so a
    /// kernel written once on <see cref="Vector{T}"/> runs on either width; the width test folds away when compiled.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Log(Vector<double> x) =>
        Vector<double>.Count == Vector256<double>.Count ? Log(x.AsVector256()).AsVector() : Log(x.AsVector128()).AsVector();

    /// <summary>All-ones lanes where x lies in the domain [2⁻¹⁰²², <see cref="double.MaxValue"/>]; NaN is outside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> InDomain(Vector<double> x) =>
        Vector.GreaterThanOrEqual(x, new Vector<double>(SpecialFunctions.SmallestNormal)).As<long, double>() & Vector.LessThanOrEqual(x, new Vector<double>(double.MaxValue)).As<long, double>();

    /// <summary>All-ones lanes where x lies in the domain [2⁻¹⁰²², <see cref="double.MaxValue"/>]; NaN is outside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<double> InDomain(Vector128<double> x) =>
        Vector128.GreaterThanOrEqual(x, Vector128.Create(SpecialFunctions.SmallestNormal)) & Vector128.LessThanOrEqual(x, Vector128.Create(double.MaxValue));

    /// <summary>(first lanes, second lanes) of two rows: the 1/c column and the log c column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<double> First, Vector128<double> Second) Unzip(Vector128<double> a, Vector128<double> b)
    {
        if (Sse2.IsSupported)
        {
            return (Sse2.UnpackLow(a, b), Sse2.UnpackHigh(a, b));
        }

        if (AdvSimd.Arm64.IsSupported)
        {
            return (AdvSimd.Arm64.ZipLow(a, b), AdvSimd.Arm64.ZipHigh(a, b));
        }

        return (Vector128.Create(a.GetElement(0), b.GetElement(0)), Vector128.Create(a.GetElement(1), b.GetElement(1)));
    }

    /// <summary>All-ones lanes where x lies in the domain [2⁻¹⁰²², <see cref="double.MaxValue"/>]; NaN is outside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> InDomain(Vector256<double> x) =>
        Vector256.GreaterThanOrEqual(x, Vector256.Create(SpecialFunctions.SmallestNormal)) & Vector256.LessThanOrEqual(x, Vector256.Create(double.MaxValue));

    /// <summary>The row (1/c, log c) of a table for a value with these bits (a plain load, which ReadyToRun code can hold).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Row(double* table, long bits) => *(Vector128<double>*)(table + ((bits >> (51 - IndexBits)) & ((2 << IndexBits) - 2)));

    /// <summary>
    /// Rows (1/c, log c) for the 512 subintervals; c = 1 for the two that touch 1, else the midpoint. Subinterval i
    /// starts at the bits Offset + i·2⁴³ and is stored at row (i + Offset / 2⁴³) mod 512, so that a row is picked by
    /// the bits of x alone (Offset's low 43 bits are zero), one subtraction fewer per lane.
    /// </summary>
    private static double* Build(bool exactLogC)
    {
        const int Count = 1 << IndexBits;
        const int Rotation = (int)(Offset >> (52 - IndexBits)) & (Count - 1);
        var table = (double*)NativeMemory.AlignedAlloc(2 * Count * sizeof(double), 64);
        for (int i = 0; i < Count; i++)
        {
            double low = BitConverter.Int64BitsToDouble(Offset + ((long)i << (52 - IndexBits)));
            double high = BitConverter.Int64BitsToDouble(Offset + ((long)(i + 1) << (52 - IndexBits)));
            double centre = high == 1.0 || low == 1.0 ? 1.0 : 0.5 * (low + high);
            int row = (i + Rotation) & (Count - 1);
            table[2 * row] = 1.0 / centre;
            table[(2 * row) + 1] = exactLogC ? Math.Log(centre) : -Math.Log(table[2 * row]);
        }

        return table;
    }
}

/// <summary>
/// The addresses of <see cref="DoubleLog"/>'s tables: <see cref="Fused"/> rows (1/c, log c) for the forms with fused
/// multiply-add, <see cref="Exact"/> rows (1/c, ln c) for the form without.
/// </summary>
internal readonly unsafe struct LogTables(double* fused, double* exact)
{
    internal readonly double* Fused = fused;
    internal readonly double* Exact = exact;
}
