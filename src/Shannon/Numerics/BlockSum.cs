using System.Numerics.Tensors;

namespace Shannon.Numerics;

/// <summary>
/// One measure's per-element term Σᵢ f(pᵢ, qᵢ), evaluated a block at a time. <see cref="Block"/> is the
/// vectorised fast path; it may return a non-finite value when a block holds a term that needs the exact
/// conventions (0·log 0, division by 0), and the block is then re-summed with <see cref="Term"/>.
/// </summary>
internal interface IBlockKernel
{
    /// <summary>Σ f over one block of at most <see cref="BlockSum.BlockSize"/> elements; may be non-finite.</summary>
    /// <param name="p">The block of p.</param>
    /// <param name="q">The block of q, or empty for one-distribution measures.</param>
    /// <param name="scratch">At least <see cref="BlockSum.ScratchSize"/> doubles of workspace.</param>
    static abstract double Block(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> scratch);

    /// <summary>One term f(p, q) with exact conventions; +∞ allowed, never NaN for valid inputs.</summary>
    static abstract double Term(double p, double q);
}

/// <summary>
/// Validates one or two probability distributions and sums a kernel's terms over them in a single pass:
/// blocks of <see cref="BlockSize"/> elements (in L1 cache), Neumaier-compensated across blocks, and split
/// over cores from <see cref="ParallelThreshold"/> elements. No allocation below that threshold.
/// </summary>
internal static class BlockSum
{
    internal const int BlockSize = 1024;
    internal const int ScratchSize = 2 * BlockSize;
    internal const int ParallelThreshold = 1 << 20;

    /// <summary>Σᵢ f(pᵢ) over a distribution <paramref name="p"/>, in nats; +∞ if a term is.</summary>
    internal static double Of<TKernel>(ReadOnlySpan<double> p, string pName)
        where TKernel : IBlockKernel
    {
        Guard.NotEmpty(p, pName);
        var total = Reduce<TKernel>(p, default);
        Check(p, total.MinP, total.SumP.Value, pName);
        return total.Result;
    }

    /// <summary>Σᵢ f(pᵢ, qᵢ) over two distributions of equal length, in nats; +∞ if a term is.</summary>
    internal static double Of<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, string pName, string qName)
        where TKernel : IBlockKernel
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
        where TKernel : IBlockKernel
    {
        int n = p.Length;
        int parts = Math.Min(Environment.ProcessorCount, n / (ParallelThreshold / 2));
        if (n < ParallelThreshold || parts < 2)
        {
            return Sequential<TKernel>(p, q);
        }

        return Parallel<TKernel>(p, q, parts);
    }

    private static unsafe Partial Parallel<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int parts)
        where TKernel : IBlockKernel
    {
        int n = p.Length;
        bool hasQ = !q.IsEmpty;
        int blocks = (n + BlockSize - 1) / BlockSize;
        var partials = new Partial[parts];
        fixed (double* pPointer = p)
        fixed (double* qPointer = q)
        {
            nint pAddress = (nint)pPointer;
            nint qAddress = (nint)qPointer;
            System.Threading.Tasks.Parallel.For(0, parts, part =>
            {
                // Part boundaries fall on block boundaries, so every block is the same as in the sequential sum.
                int start = (int)((long)blocks * part / parts) * BlockSize;
                int end = Math.Min(n, (int)((long)blocks * (part + 1) / parts) * BlockSize);
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

    private static Partial Sequential<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        where TKernel : IBlockKernel
    {
        Span<double> scratch = stackalloc double[ScratchSize];
        var total = Partial.Empty;
        bool hasQ = !q.IsEmpty;
        for (int start = 0; start < p.Length; start += BlockSize)
        {
            int length = Math.Min(BlockSize, p.Length - start);
            var pBlock = p.Slice(start, length);
            var qBlock = hasQ ? q.Slice(start, length) : default;
            total.MinP = Math.Min(total.MinP, TensorPrimitives.Min(pBlock));
            total.SumP.Add(TensorPrimitives.Sum(pBlock));
            if (hasQ)
            {
                total.MinQ = Math.Min(total.MinQ, TensorPrimitives.Min(qBlock));
                total.SumQ.Add(TensorPrimitives.Sum(qBlock));
            }

            double value = TKernel.Block(pBlock, qBlock, scratch);
            if (!double.IsFinite(value))
            {
                value = Exact<TKernel>(pBlock, qBlock);
            }

            total.AddValue(value);
        }

        return total;
    }

    private static double Exact<TKernel>(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        where TKernel : IBlockKernel
    {
        var sum = default(CompensatedSum);
        bool hasQ = !q.IsEmpty;
        for (int i = 0; i < p.Length; i++)
        {
            double term = TKernel.Term(p[i], hasQ ? q[i] : 0.0);
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
