using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Shannon.Numerics;

/// <summary>
/// One measure's per-element term Σᵢ f(pᵢ, qᵢ). <c>Accumulate</c> is the vectorised fast path, four terms at
/// a time; a lane may turn non-finite where the term needs the exact conventions (0·log 0, division by 0, a
/// subnormal argument), and the whole block is then re-summed with <see cref="Term"/>.
/// </summary>
internal interface IBlockKernel
{
    /// <summary>
    /// True when <c>Accumulate</c> is exact only on lanes where p is 0 or normal and where q, under a positive
    /// p, is normal (finite garbage elsewhere is allowed): <see cref="BlockSum"/> then finds the blocks with another
    /// lane from their minima, and a scan when a minimum is below 2⁻¹⁰²², and re-sums those with <see cref="Term"/>,
    /// so that the kernel needs no check per lane.
    /// </summary>
    bool NormalArgumentsOnly { get; }

    /// <summary>
    /// True when <c>Accumulate</c> takes the ratios pᵢ / qᵢ in place of q: the pass divides and stores them a few
    /// vectors ahead of the terms, so that a logarithm of the ratio picks its table rows from memory.
    /// </summary>
    bool TakesRatio { get; }

    /// <summary>False for a measure of one distribution, whose fused pass then has no test for q in its loop.</summary>
    bool TakesQ { get; }

    /// <summary>
    /// <paramref name="sum"/> + f over four (pᵢ, qᵢ) pairs (q is zero for one-distribution measures, and the ratio
    /// p/q for <see cref="TakesRatio"/> kernels), so that a kernel can fuse its last multiply into the addition; lanes
    /// may turn non-finite. <paramref name="pAt"/> and <paramref name="qAt"/> are where the same lanes sit in memory
    /// (q's only when there is a q), for kernels whose logarithm picks its table rows from there; <paramref name="tables"/>
    /// are the logarithm's tables, read once per block by the caller.
    /// </summary>
    Vector256<double> Accumulate(Vector256<double> sum, Vector256<double> p, Vector256<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables);

    /// <summary>The same over two pairs: the path for 128-bit vectors (ARM64 NEON, x64 without AVX2).</summary>
    Vector128<double> Accumulate(Vector128<double> sum, Vector128<double> p, Vector128<double> q, ref readonly double pAt, ref readonly double qAt, LogTables tables);

    /// <summary>One term f(p, q) with exact conventions; +∞ allowed, never NaN for valid inputs.</summary>
    double Term(double p, double q);
}

/// <summary>
/// Validates one or two probability distributions and sums a kernel's terms over them in a single pass: each vector
/// of p (and q) is read once, for its minimum, its sum and the kernel's terms together; the pass runs in blocks of
/// <see cref="BlockSize"/> elements, Neumaier-compensated across blocks, and from <see cref="ParallelThreshold"/>
/// elements is cut into parts of <see cref="PartSize"/> that run on all cores and are combined in order, so the result
/// is the same on any number of cores. No allocation below that threshold.
/// </summary>
internal static class BlockSum
{
    internal const int BlockSize = 1024;
    internal const int ParallelThreshold = 1 << 20;

    /// <summary>
    /// Elements per parallel part (256 blocks): small enough that a core slowed by a busy neighbour takes fewer
    /// parts instead of holding up the whole sum, large enough that scheduling costs nothing measurable.
    /// </summary>
    internal const int PartSize = 1 << 18;

    /// <summary>How far a ratio kernel's divisions run ahead of its terms (four vectors: measured best of 1, 4, 16, 64).</summary>
    private const int RatioLead = 16;

    /// <summary>Σᵢ f(pᵢ) over a distribution <paramref name="p"/>, in nats; +∞ if a term is.</summary>
    internal static double Of<TKernel>(ReadOnlySpan<double> p, string pName)
        where TKernel : struct, IBlockKernel
    {
        Guard.NotEmpty(p, pName);
        var total = Reduce<TKernel>(p, default);
        Check(p, total.MinP, total.SumP.Value, pName);
        return total.Result;
    }

    /// <summary>Σᵢ f(pᵢ, qᵢ) over two distributions of equal length, in nats; +∞ if a term is.</summary>
    internal static double Of<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, string pName, string qName)
        where TKernel : struct, IBlockKernel
    {
        Guard.NotEmpty(p, pName);
        Guard.NotEmpty(q, qName);
        Guard.SameLength(p, q, pName, qName);
        var total = Reduce<TKernel>(p, q);
        Check(p, total.MinP, total.SumP.Value, pName);
        Check(q, total.MinQ, total.SumQ.Value, qName);
        return total.Result;
    }

    /// <summary>The fast check agrees with <see cref="Guard.Distribution"/>; on doubt the guard decides and names the entry.</summary>
    private static void Check(ReadOnlySpan<double> values, double min, double sum, string name)
    {
        if (!(min >= 0.0) || !(Math.Abs(sum - 1.0) <= Guard.SumTolerance))
        {
            Guard.Distribution(values, name);
        }
    }

    private static Partial Reduce<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        where TKernel : struct, IBlockKernel
    {
        int n = p.Length;
        return n < ParallelThreshold ? Sequential<TKernel>(p, q) : Parallel<TKernel>(p, q, (n + PartSize - 1) / PartSize);
    }

    private static unsafe Partial Parallel<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int parts)
        where TKernel : struct, IBlockKernel
    {
        int n = p.Length;
        bool hasQ = !q.IsEmpty;
        var partials = new Partial[parts];
        fixed (double* pPointer = p)
        fixed (double* qPointer = q)
        {
            nint pAddress = (nint)pPointer;
            nint qAddress = (nint)qPointer;
            ParallelLoop.For(0, parts, part =>
            {
                // Parts of PartSize (whole blocks) whatever the core count: the result depends on n alone.
                int start = part * PartSize;
                int end = Math.Min(n, start + PartSize);
                var pPart = new ReadOnlySpan<double>((double*)pAddress + start, end - start);
                var qPart = hasQ ? new ReadOnlySpan<double>((double*)qAddress + start, end - start) : default;
                partials[part] = Sequential<TKernel>(pPart, qPart);
            });
        }

        var total = Partial.Empty;
        foreach (var partial in partials)
        {
            total.Add(partial);
        }

        return total;
    }

    /// <summary>
    /// One part, block by block. Two compiled forms share the loop and the block kernels: the precompiled one
    /// (ReadyToRun, as in the tool's packages) where <see cref="PrecompiledCode.InUse"/>, else one the JIT compiles fully
    /// optimised at its first call (<see cref="MethodImplOptions.AggressiveOptimization"/>, which ReadyToRun leaves to
    /// the JIT), so that neither starts in the JIT's unoptimised tier.
    /// </summary>
    private static Partial Sequential<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        where TKernel : struct, IBlockKernel
    {
        Span<double> ratios = default(TKernel).TakesRatio ? stackalloc double[BlockSize] : default;
        return PrecompiledCode.InUse ? PrecompiledSequential<TKernel>(p, q, ratios) : OptimizedSequential<TKernel>(p, q, ratios);
    }

    private static Partial PrecompiledSequential<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> ratios)
        where TKernel : struct, IBlockKernel =>
        SequentialBody<TKernel>(p, q, ratios, precompiled: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Partial OptimizedSequential<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> ratios)
        where TKernel : struct, IBlockKernel =>
        SequentialBody<TKernel>(p, q, ratios, precompiled: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Partial SequentialBody<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> ratios, bool precompiled)
        where TKernel : struct, IBlockKernel
    {
        var total = Partial.Empty;
        for (int start = 0; start < p.Length; start += BlockSize)
        {
            int length = Math.Min(BlockSize, p.Length - start);
            var pBlock = p.Slice(start, length);
            var qBlock = q.IsEmpty ? default : q.Slice(start, length);
            double value = Vector256.IsHardwareAccelerated
                ? (precompiled ? FusedBlock<TKernel>(pBlock, qBlock, ratios, ref total) : OptimizedFusedBlock<TKernel>(pBlock, qBlock, ratios, ref total))
                : Vector128.IsHardwareAccelerated
                ? FusedBlock128<TKernel>(pBlock, qBlock, ratios, ref total)
                : ValidatedBlock<TKernel>(pBlock, qBlock, ref total);
            if (!double.IsFinite(value))
            {
                value = Exact<TKernel>(pBlock, qBlock);
            }

            total.AddValue(value);
        }

        return total;
    }

    /// <summary>
    /// One block in one pass: minima, sums and the kernel's terms from the same loads. A
    /// <see cref="IBlockKernel.TakesRatio"/> kernel's ratios are stored in <paramref name="ratios"/> and its terms trail
    /// them by <see cref="RatioLead"/> elements, so the divisions overlap the logarithms and every log reads ratios
    /// stored long enough ago to come straight from L1 (a log of the ratio just computed waits on store forwarding).
    /// </summary>
    /// <remarks>
    /// Two copies of one body: <see cref="FusedBlock{TKernel}"/> is the one ReadyToRun precompiles,
    /// <see cref="OptimizedFusedBlock{TKernel}"/> (<see cref="MethodImplOptions.AggressiveOptimization"/>, which ReadyToRun
    /// leaves to the JIT) the one the JIT compiles fully optimised at its first call where there is no precompiled code
    /// (see <see cref="Sequential{TKernel}"/>). Copies, not two entry points into one inlined body: the JIT sizes its
    /// inlining budget by the calling method's own code, and a small wrapper's budget runs out before the logarithm is
    /// inlined, which would leave it a call with the vectors passed in memory (and ReadyToRun refuses such a call). Keep
    /// the two bodies identical.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double FusedBlock<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> ratios, ref Partial total)
        where TKernel : struct, IBlockKernel
    {
        const int Width = 4;
        bool hasQ = default(TKernel).TakesQ && !q.IsEmpty;
        ref double pStart = ref Start(p);
        ref double qStart = ref Start(q);
        ref double ratioStart = ref Start(ratios);
        var tables = DoubleLog.Tables;
        var minP = Vector256.Create(double.PositiveInfinity);
        var minQ = minP;
        var sumP = Vector256<double>.Zero;
        var sumQ = Vector256<double>.Zero;
        var terms = Vector256<double>.Zero;
        int vectorEnd = p.Length - (p.Length % Width);
        for (int i = 0; i < vectorEnd; i += Width)
        {
            var pv = Vector256.LoadUnsafe(ref pStart, (nuint)i);
            var qv = hasQ ? Vector256.LoadUnsafe(ref qStart, (nuint)i) : Vector256<double>.Zero;
            minP = MinLanes(minP, pv);
            sumP += pv;
            if (hasQ)
            {
                minQ = MinLanes(minQ, qv);
                sumQ += qv;
            }

            if (default(TKernel).TakesRatio)
            {
                (pv / qv).StoreUnsafe(ref ratioStart, (nuint)i);
                if (i >= RatioLead)
                {
                    terms = RatioTerms<TKernel>(terms, ref pStart, ref ratioStart, i - RatioLead, tables);
                }
            }
            else
            {
                terms = default(TKernel).Accumulate(terms, pv, qv, in Unsafe.Add(ref pStart, i), in hasQ ? ref Unsafe.Add(ref qStart, i) : ref pStart, tables);
            }
        }

        if (default(TKernel).TakesRatio)
        {
            for (int i = Math.Max(0, vectorEnd - RatioLead); i < vectorEnd; i += Width)
            {
                terms = RatioTerms<TKernel>(terms, ref pStart, ref ratioStart, i, tables);
            }
        }

        double value = Vector256.Sum(terms);
        double blockSumP = Vector256.Sum(sumP);
        double blockSumQ = Vector256.Sum(sumQ);
        double blockMinP = Min(minP);
        double blockMinQ = hasQ ? Min(minQ) : double.PositiveInfinity;
        bool edge = default(TKernel).NormalArgumentsOnly && !(Math.Min(blockMinP, blockMinQ) >= SpecialFunctions.SmallestNormal)
            && HasEdgeLane(p[..vectorEnd], hasQ ? q[..vectorEnd] : default);
        for (int i = vectorEnd; i < p.Length; i++)
        {
            double qi = hasQ ? q[i] : 0.0;
            blockMinP = Math.Min(blockMinP, p[i]);
            blockSumP += p[i];
            blockMinQ = Math.Min(blockMinQ, qi);
            blockSumQ += qi;
            value += default(TKernel).Term(p[i], qi);
        }

        total.Validate(blockMinP, blockSumP, blockMinQ, blockSumQ, hasQ);
        return edge ? Exact<TKernel>(p, q) : value;
    }

    /// <summary>A copy of <see cref="FusedBlock{TKernel}"/> that the JIT compiles fully optimised at its first call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static double OptimizedFusedBlock<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> ratios, ref Partial total)
        where TKernel : struct, IBlockKernel
    {
        const int Width = 4;
        bool hasQ = default(TKernel).TakesQ && !q.IsEmpty;
        ref double pStart = ref Start(p);
        ref double qStart = ref Start(q);
        ref double ratioStart = ref Start(ratios);
        var tables = DoubleLog.Tables;
        var minP = Vector256.Create(double.PositiveInfinity);
        var minQ = minP;
        var sumP = Vector256<double>.Zero;
        var sumQ = Vector256<double>.Zero;
        var terms = Vector256<double>.Zero;
        int vectorEnd = p.Length - (p.Length % Width);
        for (int i = 0; i < vectorEnd; i += Width)
        {
            var pv = Vector256.LoadUnsafe(ref pStart, (nuint)i);
            var qv = hasQ ? Vector256.LoadUnsafe(ref qStart, (nuint)i) : Vector256<double>.Zero;
            minP = MinLanes(minP, pv);
            sumP += pv;
            if (hasQ)
            {
                minQ = MinLanes(minQ, qv);
                sumQ += qv;
            }

            if (default(TKernel).TakesRatio)
            {
                (pv / qv).StoreUnsafe(ref ratioStart, (nuint)i);
                if (i >= RatioLead)
                {
                    terms = RatioTerms<TKernel>(terms, ref pStart, ref ratioStart, i - RatioLead, tables);
                }
            }
            else
            {
                terms = default(TKernel).Accumulate(terms, pv, qv, in Unsafe.Add(ref pStart, i), in hasQ ? ref Unsafe.Add(ref qStart, i) : ref pStart, tables);
            }
        }

        if (default(TKernel).TakesRatio)
        {
            for (int i = Math.Max(0, vectorEnd - RatioLead); i < vectorEnd; i += Width)
            {
                terms = RatioTerms<TKernel>(terms, ref pStart, ref ratioStart, i, tables);
            }
        }

        double value = Vector256.Sum(terms);
        double blockSumP = Vector256.Sum(sumP);
        double blockSumQ = Vector256.Sum(sumQ);
        double blockMinP = Min(minP);
        double blockMinQ = hasQ ? Min(minQ) : double.PositiveInfinity;
        bool edge = default(TKernel).NormalArgumentsOnly && !(Math.Min(blockMinP, blockMinQ) >= SpecialFunctions.SmallestNormal)
            && HasEdgeLane(p[..vectorEnd], hasQ ? q[..vectorEnd] : default);
        for (int i = vectorEnd; i < p.Length; i++)
        {
            double qi = hasQ ? q[i] : 0.0;
            blockMinP = Math.Min(blockMinP, p[i]);
            blockSumP += p[i];
            blockMinQ = Math.Min(blockMinQ, qi);
            blockSumQ += qi;
            value += default(TKernel).Term(p[i], qi);
        }

        total.Validate(blockMinP, blockSumP, blockMinQ, blockSumQ, hasQ);
        return edge ? Exact<TKernel>(p, q) : value;
    }

    /// <summary>
    /// <see cref="FusedBlock{TKernel}"/> with 128-bit vectors, two lanes at a time: the path on ARM64 (NEON) and on x64
    /// without AVX2. The same single pass, the same checks and the same exact fall-back for awkward blocks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double FusedBlock128<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> ratios, ref Partial total)
        where TKernel : struct, IBlockKernel
    {
        const int Width = 2;
        bool hasQ = default(TKernel).TakesQ && !q.IsEmpty;
        ref double pStart = ref Start(p);
        ref double qStart = ref Start(q);
        ref double ratioStart = ref Start(ratios);
        var tables = DoubleLog.Tables;
        var minP = Vector128.Create(double.PositiveInfinity);
        var minQ = minP;
        var sumP = Vector128<double>.Zero;
        var sumQ = Vector128<double>.Zero;
        var terms = Vector128<double>.Zero;
        int vectorEnd = p.Length - (p.Length % Width);
        for (int i = 0; i < vectorEnd; i += Width)
        {
            var pv = Vector128.LoadUnsafe(ref pStart, (nuint)i);
            var qv = hasQ ? Vector128.LoadUnsafe(ref qStart, (nuint)i) : Vector128<double>.Zero;
            minP = MinLanes(minP, pv);
            sumP += pv;
            if (hasQ)
            {
                minQ = MinLanes(minQ, qv);
                sumQ += qv;
            }

            if (default(TKernel).TakesRatio)
            {
                (pv / qv).StoreUnsafe(ref ratioStart, (nuint)i);
                if (i >= RatioLead)
                {
                    terms = RatioTerms128<TKernel>(terms, ref pStart, ref ratioStart, i - RatioLead, tables);
                }
            }
            else
            {
                terms = default(TKernel).Accumulate(terms, pv, qv, in Unsafe.Add(ref pStart, i), in hasQ ? ref Unsafe.Add(ref qStart, i) : ref pStart, tables);
            }
        }

        if (default(TKernel).TakesRatio)
        {
            for (int i = Math.Max(0, vectorEnd - RatioLead); i < vectorEnd; i += Width)
            {
                terms = RatioTerms128<TKernel>(terms, ref pStart, ref ratioStart, i, tables);
            }
        }

        double value = Vector128.Sum(terms);
        double blockSumP = Vector128.Sum(sumP);
        double blockSumQ = Vector128.Sum(sumQ);
        double blockMinP = Math.Min(minP.GetElement(0), minP.GetElement(1));
        double blockMinQ = hasQ ? Math.Min(minQ.GetElement(0), minQ.GetElement(1)) : double.PositiveInfinity;
        bool edge = default(TKernel).NormalArgumentsOnly && !(Math.Min(blockMinP, blockMinQ) >= SpecialFunctions.SmallestNormal)
            && HasEdgeElement(p[..vectorEnd], hasQ ? q[..vectorEnd] : default);
        for (int i = vectorEnd; i < p.Length; i++)
        {
            double qi = hasQ ? q[i] : 0.0;
            blockMinP = Math.Min(blockMinP, p[i]);
            blockSumP += p[i];
            blockMinQ = Math.Min(blockMinQ, qi);
            blockSumQ += qi;
            value += default(TKernel).Term(p[i], qi);
        }

        total.Validate(blockMinP, blockSumP, blockMinQ, blockSumQ, hasQ);
        return edge ? Exact<TKernel>(p, q) : value;
    }

    /// <summary>The terms of two lanes from p and the stored ratios.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> RatioTerms128<TKernel>(Vector128<double> terms, ref double pStart, ref double ratioStart, int i, LogTables tables)
        where TKernel : struct, IBlockKernel =>
        default(TKernel).Accumulate(terms, Vector128.LoadUnsafe(ref pStart, (nuint)i), Vector128.LoadUnsafe(ref ratioStart, (nuint)i), in Unsafe.Add(ref pStart, i), in Unsafe.Add(ref ratioStart, i), tables);

    /// <summary><see cref="HasEdgeLane"/> element by element (rare: only blocks whose minimum is below 2⁻¹⁰²² get here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasEdgeElement(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        bool hasQ = !q.IsEmpty;
        for (int i = 0; i < p.Length; i++)
        {
            double low = hasQ ? Math.Min(p[i], q[i]) : p[i];
            if (p[i] > 0.0 && low < SpecialFunctions.SmallestNormal)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The terms of four lanes from p and the stored ratios, picking the log's table rows from the ratios' memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> RatioTerms<TKernel>(Vector256<double> terms, ref double pStart, ref double ratioStart, int i, LogTables tables)
        where TKernel : struct, IBlockKernel =>
        default(TKernel).Accumulate(terms, Vector256.LoadUnsafe(ref pStart, (nuint)i), Vector256.LoadUnsafe(ref ratioStart, (nuint)i), in Unsafe.Add(ref pStart, i), in Unsafe.Add(ref ratioStart, i), tables);

    /// <summary>
    /// Whether a lane lies outside a <see cref="IBlockKernel.NormalArgumentsOnly"/> kernel's domain: a subnormal p, or
    /// a positive p over a q that is zero or subnormal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasEdgeLane(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        const int Width = 4;
        bool hasQ = !q.IsEmpty;
        var smallest = Vector256.Create(SpecialFunctions.SmallestNormal);
        var edge = Vector256<double>.Zero;
        ref double pStart = ref Start(p);
        ref double qStart = ref Start(q);
        for (int i = 0; i <= p.Length - Width; i += Width)
        {
            var pv = Vector256.LoadUnsafe(ref pStart, (nuint)i);
            var low = hasQ ? Vector256.Min(pv, Vector256.LoadUnsafe(ref qStart, (nuint)i)) : pv;
            edge |= Vector256.GreaterThan(pv, Vector256<double>.Zero) & Vector256.LessThan(low, smallest);
        }

        return edge != Vector256<double>.Zero;
    }

    /// <summary>One block where no vectors run in hardware: the checks, then the exact terms.</summary>
    private static double ValidatedBlock<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, ref Partial total)
        where TKernel : struct, IBlockKernel
    {
        bool hasQ = !q.IsEmpty;
        total.Validate(TensorPrimitives.Min(p), TensorPrimitives.Sum(p), hasQ ? TensorPrimitives.Min(q) : 0.0, hasQ ? TensorPrimitives.Sum(q) : 0.0, hasQ);
        return Exact<TKernel>(p, q);
    }

    /// <summary>
    /// The first element of <paramref name="values"/>, a null reference when it is empty (what
    /// <c>MemoryMarshal.GetReference</c> returns), spelled with span members crossgen2 inlines: ReadyToRun code calls the
    /// runtime library's <c>GetReference&lt;double&gt;</c>, which the runtime has not precompiled, so the first call jitted it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double Start(ReadOnlySpan<double> values) => ref values.IsEmpty ? ref Unsafe.NullRef<double>() : ref Unsafe.AsRef(in values[0]);

    /// <inheritdoc cref="Start(ReadOnlySpan{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double Start(Span<double> values) => ref values.IsEmpty ? ref Unsafe.NullRef<double>() : ref values[0];

    /// <summary>
    /// The lane-wise minimum as the hardware's instruction computes it (<c>Vector256.MinNative</c>), spelled with the
    /// instruction itself so that ReadyToRun can precompile the callers: crossgen2 does not expand the portable helper.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MinLanes(Vector256<double> a, Vector256<double> b) =>
        Avx.IsSupported ? Avx.Min(a, b) : Vector256.MinNative(a, b);

    /// <summary>The two-lane form of <see cref="MinLanes(Vector256{double}, Vector256{double})"/> (minpd, NEON fmin).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> MinLanes(Vector128<double> a, Vector128<double> b) =>
        Sse2.IsSupported ? Sse2.Min(a, b) : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.Min(a, b) : Vector128.MinNative(a, b);

    private static double Min(Vector256<double> lanes) =>
        Math.Min(Math.Min(lanes.GetElement(0), lanes.GetElement(1)), Math.Min(lanes.GetElement(2), lanes.GetElement(3)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Exact<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        where TKernel : struct, IBlockKernel
    {
        var sum = default(CompensatedSum);
        bool hasQ = !q.IsEmpty;
        for (int i = 0; i < p.Length; i++)
        {
            double term = default(TKernel).Term(p[i], hasQ ? q[i] : 0.0);
            if (double.IsPositiveInfinity(term))
            {
                return term;
            }

            sum.Add(term);
        }

        return sum.Value;
    }

    /// <summary>A running total: the measure's value and the two distributions' sums and minima for validation.</summary>
    private struct Partial
    {
        public CompensatedSum Value;
        public CompensatedSum SumP;
        public CompensatedSum SumQ;
        public double MinP;
        public double MinQ;
        public bool Infinite;
        public bool Invalid;

        public static Partial Empty => new() { MinP = double.PositiveInfinity, MinQ = double.PositiveInfinity };

        /// <summary>The sum, +∞ when a term was +∞, NaN when a term was NaN (input the checks then reject).</summary>
        public readonly double Result => Invalid ? double.NaN : Infinite ? double.PositiveInfinity : Value.Value;

        /// <summary>Folds one block's minima and sums in (NaN entries surface through the sums).</summary>
        public void Validate(double minP, double sumP, double minQ, double sumQ, bool hasQ)
        {
            MinP = Math.Min(MinP, minP);
            SumP.Add(sumP);
            if (hasQ)
            {
                MinQ = Math.Min(MinQ, minQ);
                SumQ.Add(sumQ);
            }
        }

        public void AddValue(double value)
        {
            if (double.IsPositiveInfinity(value))
            {
                Infinite = true;
            }
            else if (!double.IsFinite(value))
            {
                Invalid = true;
            }
            else
            {
                Value.Add(value);
            }
        }

        public void Add(Partial other)
        {
            Value.Add(other.Value);
            SumP.Add(other.SumP);
            SumQ.Add(other.SumQ);
            MinP = Math.Min(MinP, other.MinP); // Math.Min propagates NaN.
            MinQ = Math.Min(MinQ, other.MinQ);
            Infinite |= other.Infinite;
            Invalid |= other.Invalid;
        }
    }
}
