using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The element kernel of the binary cross-entropy from logits: the loss w·[p_w·y·softplus(−x) + (1 − y)·softplus(x)]
/// and its gradient w·s·[(1 − y)·σ(x) − p_w·y·σ(−x)] a vector at a time (<see cref="System.Numerics.Vector{T}"/>: eight
/// floats or four doubles with AVX2, four or two with SSE or NEON; fused multiply-adds where the hardware has them), in parts of
/// 2¹⁸ elements summed in order, so the result has the same bits on any number of cores.
/// </summary>
/// <remarks>
/// One exponential e = e^(−|x|) serves every term: softplus(±x) = max(±x, 0) + log1p(e), σ(x) = 1/(1 + e) or
/// e/(1 + e) by the sign of x, and σ(−x) the other one. Neither softplus nor the gradient is formed as a difference,
/// so a confident right answer keeps its small loss (softplus(−40) = 4.2e-18, not 0) and its small gradient. In float,
/// log1p(e) = 2·atanh(u) with u = e/(2 + e) ≤ 1/3, by its series to u¹³ (truncation below 1.3e-8 relative), and the
/// two reciprocals 1/(1 + e) and 1/(2 + e) share one division. In double, log1p(e) = log w − (w − 1 − e)/w with
/// w = 1 + e (Goldberg's correction), on the table-driven <see cref="DoubleLog"/>. Entries are checked lane-wise as
/// they are read (a finite logit, a target in [0, 1]); a part that fails is scanned again to name the first bad entry.
/// </remarks>
internal static class BinaryLogitKernel
{
    /// <summary>Elements per parallel part, whatever the core count (the order of the sum is fixed).</summary>
    private const int PartLength = 1 << 18;

    /// <summary>Elements per chunk: the broadcast weights of a chunk are copied into stack buffers of this length.</summary>
    private const int ChunkLength = 1024;

    /// <summary>Σ ℓᵢ over all elements (in double), writing the element losses and the gradient (times <paramref name="scale"/>) when given.</summary>
    internal static unsafe double Sum<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, ReadOnlySpan<double> weights, ReadOnlySpan<double> positiveWeights, double scale, Span<double> elementLosses, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = logits.Length;
        int parts = (n + PartLength - 1) / PartLength;
        double[] sums = ArrayPool<double>.Shared.Rent(parts);
        bool[] failed = ArrayPool<bool>.Shared.Rent(parts);
        try
        {
            fixed (T* x = logits)
            fixed (T* y = targets)
            fixed (double* w = weights)
            fixed (double* pw = positiveWeights)
            fixed (double* l = elementLosses)
            fixed (T* g = gradient)
            {
                var work = new Work<T>(x, y, w, weights.Length, pw, positiveWeights.Length, l, g, n, scale);
                if ((long)n < LogitGuard.ParallelThreshold)
                {
                    for (int p = 0; p < parts; p++)
                    {
                        sums[p] = work.Part(p, out failed[p]);
                    }
                }
                else
                {
                    ParallelLoop.For(0, parts, p => sums[p] = work.Part(p, out failed[p]));
                }
            }

            var total = default(CompensatedSum);
            for (int p = 0; p < parts; p++)
            {
                if (failed[p])
                {
                    int start = p * PartLength;
                    ThrowFirstBad(logits.Slice(start, Math.Min(PartLength, n - start)), targets.Slice(start, Math.Min(PartLength, n - start)), start);
                }

                total.Add(sums[p]);
            }

            return total.Value;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sums);
            ArrayPool<bool>.Shared.Return(failed);
        }
    }

    private static void ThrowFirstBad<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, int offset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < logits.Length; i++)
        {
            ElementLoss.Finite(logits[i], "logits", offset + i);
            ElementLoss.Probability(targets[i], "targets", offset + i);
        }

        throw new InvalidOperationException("A part of the binary cross-entropy was flagged but holds no bad entry.");
    }

    /// <summary>The pinned inputs and outputs of one call, shared by the parts (addresses, so a lambda may hold them).</summary>
    private readonly unsafe struct Work<T>(T* x, T* y, double* w, int wLength, double* pw, int pwLength, double* losses, T* gradient, int n, double scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly nint _x = (nint)x, _y = (nint)y, _w = (nint)w, _pw = (nint)pw, _losses = (nint)losses, _gradient = (nint)gradient;

        internal double Part(int part, out bool failed)
        {
            int start = part * PartLength;
            int end = Math.Min(n, start + PartLength);
            Span<T> weightChunk = stackalloc T[ChunkLength];
            Span<T> positiveChunk = stackalloc T[ChunkLength];
            var sum = default(CompensatedSum);
            bool ok = true;
            for (int s = start; s < end; s += ChunkLength)
            {
                int length = Math.Min(ChunkLength, end - s);
                var weights = wLength == 0 ? default : Broadcast(new ReadOnlySpan<double>((double*)_w, wLength), s, weightChunk[..length]);
                var positives = pwLength == 0 ? default : Broadcast(new ReadOnlySpan<double>((double*)_pw, pwLength), s, positiveChunk[..length]);
                sum.Add(Chunk(
                    new ReadOnlySpan<T>((T*)_x + s, length),
                    new ReadOnlySpan<T>((T*)_y + s, length),
                    weights,
                    positives,
                    T.CreateTruncating(scale),
                    _losses == 0 ? default : new Span<double>((double*)_losses + s, length),
                    _gradient == 0 ? default : new Span<T>((T*)_gradient + s, length),
                    ref ok));
            }

            failed = !ok;
            return sum.Value;
        }
    }

    /// <summary>Weights of elements start … start + destination.Length − 1, broadcast (index mod length) and converted.</summary>
    private static ReadOnlySpan<T> Broadcast<T>(ReadOnlySpan<double> weights, int start, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = start % weights.Length;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = T.CreateTruncating(weights[k]);
            if (++k == weights.Length)
            {
                k = 0;
            }
        }

        return destination;
    }

    private static double Chunk<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> w, ReadOnlySpan<T> pw, T scale, Span<double> losses, Span<T> gradient, ref bool ok)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        double total = 0.0;
        if (typeof(T) == typeof(float) && Vector.IsHardwareAccelerated && Vector<float>.Count is 4 or 8)
        {
            total = SingleChunk(
                MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y), MemoryMarshal.Cast<T, float>(w), MemoryMarshal.Cast<T, float>(pw),
                float.CreateTruncating(scale), losses, MemoryMarshal.Cast<T, float>(gradient), ref ok, out i);
        }
        else if (typeof(T) == typeof(double) && Vector.IsHardwareAccelerated && Vector<double>.Count is 2 or 4)
        {
            total = DoubleChunk(
                MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y), MemoryMarshal.Cast<T, double>(w), MemoryMarshal.Cast<T, double>(pw),
                double.CreateTruncating(scale), losses, MemoryMarshal.Cast<T, double>(gradient), ref ok, out i);
        }

        for (; i < x.Length; i++)
        {
            double xi = double.CreateTruncating(x[i]);
            double yi = double.CreateTruncating(y[i]);
            if (!double.IsFinite(xi) || !(yi is >= 0.0 and <= 1.0))
            {
                ok = false;
                continue;
            }

            double wi = w.IsEmpty ? 1.0 : double.CreateTruncating(w[i]);
            double positive = (pw.IsEmpty ? 1.0 : double.CreateTruncating(pw[i])) * yi;
            double loss = wi * ((positive * ElementLoss.Softplus(-xi)) + ((1.0 - yi) * ElementLoss.Softplus(xi)));
            total += loss;
            if (!losses.IsEmpty)
            {
                losses[i] = loss;
            }

            if (!gradient.IsEmpty)
            {
                double g = wi * (((1.0 - yi) * ElementLoss.Sigmoid(xi)) - (positive * ElementLoss.Sigmoid(-xi)));
                gradient[i] = T.CreateTruncating(g * double.CreateTruncating(scale));
            }
        }

        return total;
    }

    /// <summary>
    /// The whole vectors of a float chunk, on the machine's <see cref="Vector{T}"/> (eight lanes with AVX2, four with
    /// SSE or NEON); fused multiply-adds where the hardware has them.
    /// </summary>
    private static double SingleChunk(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> w, ReadOnlySpan<float> pw, float scale, Span<double> losses, Span<float> gradient, ref bool ok, out int done)
    {
        int lanes = Vector<float>.Count;
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);
        ref float ws = ref MemoryMarshal.GetReference(w);
        ref float ps = ref MemoryMarshal.GetReference(pw);
        ref float gs = ref MemoryMarshal.GetReference(gradient);
        ref double ls = ref MemoryMarshal.GetReference(losses);
        bool weighted = !w.IsEmpty, positiveWeighted = !pw.IsEmpty, withLosses = !losses.IsEmpty, withGradient = !gradient.IsEmpty;
        var one = Vector<float>.One;
        var two = new Vector<float>(2f);
        var largest = new Vector<float>(float.MaxValue);
        var factor = new Vector<float>(scale);
        var valid = Vector<int>.AllBitsSet;
        var low = Vector<double>.Zero;
        var high = Vector<double>.Zero;
        int i = 0;
        for (; i <= x.Length - lanes; i += lanes)
        {
            var xv = Vector.LoadUnsafe(ref xs, (nuint)i);
            var yv = Vector.LoadUnsafe(ref ys, (nuint)i);
            var magnitude = Vector.Abs(xv);
            valid &= Vector.LessThanOrEqual(magnitude, largest) & Vector.GreaterThanOrEqual(yv, Vector<float>.Zero) & Vector.LessThanOrEqual(yv, one);
            var e = SingleExp.Exp(-magnitude);
            var onePlus = one + e;
            var twoPlus = two + e;
            var q = one / (onePlus * twoPlus);
            var log1p = Log1PFromAtanh(e * onePlus * q);
            var notY = one - yv;
            var positive = positiveWeighted ? Vector.LoadUnsafe(ref ps, (nuint)i) * yv : yv;
            var loss = Vector.MultiplyAddEstimate(positive, Vector.Max(-xv, Vector<float>.Zero) + log1p, notY * (Vector.Max(xv, Vector<float>.Zero) + log1p));
            var weight = weighted ? Vector.LoadUnsafe(ref ws, (nuint)i) : one;
            loss *= weight;
            Vector.Widen(loss, out var lower, out var upper);
            low += lower;
            high += upper;
            if (withLosses)
            {
                lower.StoreUnsafe(ref ls, (nuint)i);
                upper.StoreUnsafe(ref ls, (nuint)(i + Vector<double>.Count));
            }

            if (withGradient)
            {
                var r = twoPlus * q; // 1/(1 + e)
                var er = e * r;
                var nonNegative = Vector.GreaterThanOrEqual(xv, Vector<float>.Zero);
                var sigmoid = Vector.ConditionalSelect(nonNegative, r, er);
                var complement = Vector.ConditionalSelect(nonNegative, er, r);
                var g = Vector.MultiplyAddEstimate(-positive, complement, notY * sigmoid) * (weight * factor);
                g.StoreUnsafe(ref gs, (nuint)i);
            }
        }

        if (valid != Vector<int>.AllBitsSet)
        {
            ok = false;
        }

        done = i;
        return Vector.Sum(low + high);
    }

    /// <summary>log1p(e) = 2·atanh(u) = 2u·(1 + u²/3 + u⁴/5 + … + u¹²/13) for u = e/(2 + e) ∈ [0, 1/3].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Log1PFromAtanh(Vector<float> u)
    {
        var u2 = u * u;
        var p = new Vector<float>(1f / 13f);
        p = Vector.MultiplyAddEstimate(p, u2, new Vector<float>(1f / 11f));
        p = Vector.MultiplyAddEstimate(p, u2, new Vector<float>(1f / 9f));
        p = Vector.MultiplyAddEstimate(p, u2, new Vector<float>(1f / 7f));
        p = Vector.MultiplyAddEstimate(p, u2, new Vector<float>(1f / 5f));
        p = Vector.MultiplyAddEstimate(p, u2, new Vector<float>(1f / 3f));
        p = Vector.MultiplyAddEstimate(p, u2, Vector<float>.One);
        return (u + u) * p;
    }

    /// <summary>The whole vectors of a double chunk, on the machine's <see cref="Vector{T}"/> (four lanes with AVX2, two with SSE or NEON).</summary>
    private static double DoubleChunk(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w, ReadOnlySpan<double> pw, double scale, Span<double> losses, Span<double> gradient, ref bool ok, out int done)
    {
        int lanes = Vector<double>.Count;
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref double ws = ref MemoryMarshal.GetReference(w);
        ref double ps = ref MemoryMarshal.GetReference(pw);
        ref double gs = ref MemoryMarshal.GetReference(gradient);
        ref double ls = ref MemoryMarshal.GetReference(losses);
        bool weighted = !w.IsEmpty, positiveWeighted = !pw.IsEmpty, withLosses = !losses.IsEmpty, withGradient = !gradient.IsEmpty;
        var one = Vector<double>.One;
        var largest = new Vector<double>(double.MaxValue);
        var factor = new Vector<double>(scale);
        var valid = Vector<long>.AllBitsSet;
        var sum = Vector<double>.Zero;
        int i = 0;
        for (; i <= x.Length - lanes; i += lanes)
        {
            var xv = Vector.LoadUnsafe(ref xs, (nuint)i);
            var yv = Vector.LoadUnsafe(ref ys, (nuint)i);
            var magnitude = Vector.Abs(xv);
            valid &= Vector.LessThanOrEqual(magnitude, largest) & Vector.GreaterThanOrEqual(yv, Vector<double>.Zero) & Vector.LessThanOrEqual(yv, one);
            var e = Vector.Exp(-magnitude);
            var onePlus = one + e;
            var r = one / onePlus;
            // log1p(e) = log w − (w − 1 − e)/w for w = 1 + e rounded; w ∈ [1, 2] is in DoubleLog's domain.
            var log1p = DoubleLog.Log(onePlus) - (((onePlus - one) - e) * r);
            var notY = one - yv;
            var positive = positiveWeighted ? Vector.LoadUnsafe(ref ps, (nuint)i) * yv : yv;
            var loss = Vector.MultiplyAddEstimate(positive, Vector.Max(-xv, Vector<double>.Zero) + log1p, notY * (Vector.Max(xv, Vector<double>.Zero) + log1p));
            var weight = weighted ? Vector.LoadUnsafe(ref ws, (nuint)i) : one;
            loss *= weight;
            sum += loss;
            if (withLosses)
            {
                loss.StoreUnsafe(ref ls, (nuint)i);
            }

            if (withGradient)
            {
                var er = e * r;
                var nonNegative = Vector.GreaterThanOrEqual(xv, Vector<double>.Zero);
                var sigmoid = Vector.ConditionalSelect(nonNegative, r, er);
                var complement = Vector.ConditionalSelect(nonNegative, er, r);
                var g = Vector.MultiplyAddEstimate(-positive, complement, notY * sigmoid) * (weight * factor);
                g.StoreUnsafe(ref gs, (nuint)i);
            }
        }

        if (valid != Vector<long>.AllBitsSet)
        {
            ok = false;
        }

        done = i;
        return Vector.Sum(sum);
    }
}
