using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The streaming row kernel behind every loss on logits: a row is read in chunks of <see cref="ChunkLength"/>
/// values, converted to the compute type <typeparamref name="T"/> (float or double) and scaled by 1/T, while a
/// running maximum and a rescaled sum of exponentials are kept (the online softmax normaliser), so a row is read
/// once however long it is and no N×C intermediate is ever materialised.
/// </summary>
/// <typeparam name="T">The compute type: <see cref="float"/> or <see cref="double"/>. Sums are kept in double.</typeparam>
/// <remarks>
/// Reference: Milakov, M. &amp; Gimelshein, N. (2018), Online normalizer calculation for softmax, arXiv:1805.02867.
/// </remarks>
internal static class LogitKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Values per chunk: two chunks of scratch fit in L1 together with the row's cursor.</summary>
    internal const int ChunkLength = 1024;

    /// <summary>
    /// Returns <paramref name="source"/> as compute-type values divided by the temperature (a true division, rounded
    /// as PyTorch's z / T): the source itself when no conversion or scaling is needed, else <paramref name="scratch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ReadOnlySpan<T> Load<TIn>(ReadOnlySpan<TIn> source, Span<T> scratch, T temperature)
        where TIn : unmanaged
    {
        ReadOnlySpan<T> values;
        if (typeof(TIn) == typeof(T))
        {
            values = MemoryMarshal.Cast<TIn, T>(source);
        }
        else
        {
            Span<T> target = scratch[..source.Length];
            LogitConvert.ToCompute(source, target);
            values = target;
        }

        if (temperature != T.One)
        {
            Span<T> target = scratch[..source.Length];
            TensorPrimitives.Divide(values, temperature, target);
            values = target;
        }

        return values;
    }

    /// <summary>
    /// Folds one chunk into the running (max, Σ exp(x − max)). Returns false, leaving the state unchanged, when the
    /// chunk holds a NaN or +∞ (the caller reports where).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Accumulate(ReadOnlySpan<T> chunk, ref T max, ref double sumExp)
    {
        T chunkMax = Max(chunk);
        if (T.IsNaN(chunkMax) || T.IsPositiveInfinity(chunkMax))
        {
            return false;
        }

        if (chunkMax > max)
        {
            sumExp *= Math.Exp(double.CreateTruncating(max - chunkMax));
            max = chunkMax;
        }

        if (T.IsNegativeInfinity(max))
        {
            return true;
        }

        sumExp += typeof(T) == typeof(float)
            ? ShiftedExpSum(MemoryMarshal.Cast<T, float>(chunk), float.CreateTruncating(max))
            : ShiftedExpSum(MemoryMarshal.Cast<T, double>(chunk), double.CreateTruncating(max));
        return true;
    }

    /// <summary>
    /// The largest value of a non-empty chunk, NaN when it holds a NaN (TensorPrimitives.Max's answer), compiled
    /// optimised from its first call: the library's Max starts in tier 0 and stays there for the first hundred
    /// milliseconds of calls, which made the loss's calls 2–8 1.8× slower than its steady state.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static T Max(ReadOnlySpan<T> chunk)
    {
        int i = 0;
        T max = T.NegativeInfinity;
        if (Vector.IsHardwareAccelerated && chunk.Length >= Vector<T>.Count)
        {
            var lanes = MemoryMarshal.Cast<T, Vector<T>>(chunk);
            var best = new Vector<T>(T.NegativeInfinity);
            var nan = Vector<T>.Zero;
            foreach (var v in lanes)
            {
                best = Vector.MaxNative(best, v);
                nan |= ~Vector.Equals(v, v);
            }

            if (nan != Vector<T>.Zero)
            {
                return T.NaN;
            }

            for (int lane = 0; lane < Vector<T>.Count; lane++)
            {
                max = best[lane] > max ? best[lane] : max;
            }

            i = lanes.Length * Vector<T>.Count;
        }

        for (; i < chunk.Length; i++)
        {
            T value = chunk[i];
            if (T.IsNaN(value))
            {
                return value;
            }

            max = value > max ? value : max;
        }

        return max;
    }

    /// <summary>
    /// Writes a·e^((zᵢ − m) − log s), the scaled softmax, for every zᵢ of the chunk into <paramref name="destination"/>
    /// in one pass; subtracting m first keeps the float rounding of the two shifts apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ScaledSoftmax(ReadOnlySpan<T> chunk, T max, T logSum, T scale, Span<T> destination)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && chunk.Length >= Vector256<T>.Count)
        {
            ref T start = ref MemoryMarshal.GetReference(chunk);
            ref T target = ref MemoryMarshal.GetReference(destination);
            var shift = Vector256.Create(max);
            var normaliser = Vector256.Create(logSum);
            var factor = Vector256.Create(scale);
            for (; i <= chunk.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                (Exp(Vector256.LoadUnsafe(ref start, (nuint)i) - shift - normaliser) * factor).StoreUnsafe(ref target, (nuint)i);
            }
        }
        else if (Vector128.IsHardwareAccelerated && chunk.Length >= Vector128<T>.Count)
        {
            ref T start = ref MemoryMarshal.GetReference(chunk);
            ref T target = ref MemoryMarshal.GetReference(destination);
            var shift = Vector128.Create(max);
            var normaliser = Vector128.Create(logSum);
            var factor = Vector128.Create(scale);
            for (; i <= chunk.Length - Vector128<T>.Count; i += Vector128<T>.Count)
            {
                (Exp(Vector128.LoadUnsafe(ref start, (nuint)i) - shift - normaliser) * factor).StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < chunk.Length; i++)
        {
            destination[i] = scale * T.Exp(chunk[i] - max - logSum);
        }
    }

    /// <summary>e^x on 128-bit vectors: the float exponential of <see cref="SingleExp"/>, the runtime's for doubles.</summary>
    private static Vector128<T> Exp(Vector128<T> x) => typeof(T) == typeof(double)
        ? Vector128.Exp(x.AsDouble()).As<double, T>()
        : SingleExp.Exp(x.AsSingle()).As<float, T>();

    private static Vector256<T> Exp(Vector256<T> x)
    {
        if (typeof(T) == typeof(double))
        {
            return Vector256.Exp(x.AsDouble()).As<double, T>();
        }

        return (SingleExp.IsAccelerated ? SingleExp.Exp(x.AsSingle()) : Vector256.Exp(x.AsSingle())).As<float, T>();
    }

    /// <summary>
    /// Σ e^(zᵢ − m) over a chunk in one pass, with the float exponential of <see cref="SingleExp"/>: two vectors of
    /// exponentials are added in float (one rounding, within the exponentials' own error), then widened and added in
    /// double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe double ShiftedExpSum(ReadOnlySpan<float> chunk, float max)
    {
        const int Step = 2 * 8;
        int i = 0;
        double total = 0.0;
        if (SingleExp.IsAccelerated && chunk.Length >= Step)
        {
            ref float start = ref MemoryMarshal.GetReference(chunk);
            byte* ahead = (byte*)Unsafe.AsPointer(ref start) + (ChunkLength * sizeof(float));
            var shift = Vector256.Create(max);
            var low = Vector256<double>.Zero;
            var high = Vector256<double>.Zero;
            for (; i <= chunk.Length - Step; i += Step)
            {
                Sse.Prefetch0(ahead + (i * sizeof(float)));
                var pair = SingleExp.ExpOfSumTerm(Vector256.LoadUnsafe(ref start, (nuint)i) - shift)
                    + SingleExp.ExpOfSumTerm(Vector256.LoadUnsafe(ref start, (nuint)(i + 8)) - shift);
                var (lower, upper) = Vector256.Widen(pair);
                low += lower;
                high += upper;
            }

            total = Vector256.Sum(low + high);
        }
        else if (Vector128.IsHardwareAccelerated && chunk.Length >= Step)
        {
            // 128-bit vectors (ARM64 NEON, x64 without AVX2): four pairs of four exponentials per step.
            ref float start = ref MemoryMarshal.GetReference(chunk);
            var shift = Vector128.Create(max);
            var low = Vector128<double>.Zero;
            var high = Vector128<double>.Zero;
            for (; i <= chunk.Length - Step; i += Step)
            {
                for (int j = 0; j < Step; j += 8)
                {
                    var pair = SingleExp.ExpOfSumTerm(Vector128.LoadUnsafe(ref start, (nuint)(i + j)) - shift)
                        + SingleExp.ExpOfSumTerm(Vector128.LoadUnsafe(ref start, (nuint)(i + j + 4)) - shift);
                    var (lower, upper) = Vector128.Widen(pair);
                    low += lower;
                    high += upper;
                }
            }

            total = Vector128.Sum(low + high);
        }

        for (; i < chunk.Length; i++)
        {
            total += MathF.Exp(chunk[i] - max);
        }

        return total;
    }

    /// <summary>Σ e^(zᵢ − m) over a chunk of doubles in one pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ShiftedExpSum(ReadOnlySpan<double> chunk, double max)
    {
        int i = 0;
        double total = 0.0;
        if (Vector256.IsHardwareAccelerated && chunk.Length >= Vector256<double>.Count)
        {
            ref double start = ref MemoryMarshal.GetReference(chunk);
            var shift = Vector256.Create(max);
            var sum = Vector256<double>.Zero;
            for (; i <= chunk.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                sum += Vector256.Exp(Vector256.LoadUnsafe(ref start, (nuint)i) - shift);
            }

            total = Vector256.Sum(sum);
        }
        else if (Vector128.IsHardwareAccelerated && chunk.Length >= Vector128<double>.Count)
        {
            ref double start = ref MemoryMarshal.GetReference(chunk);
            var shift = Vector128.Create(max);
            var sum = Vector128<double>.Zero;
            for (; i <= chunk.Length - Vector128<double>.Count; i += Vector128<double>.Count)
            {
                sum += Vector128.Exp(Vector128.LoadUnsafe(ref start, (nuint)i) - shift);
            }

            total = Vector128.Sum(sum);
        }

        for (; i < chunk.Length; i++)
        {
            total += Math.Exp(chunk[i] - max);
        }

        return total;
    }

    /// <summary>
    /// The softmax normaliser of a whole row of xᵢ / T: the maximum m and s = Σ exp(xᵢ / T − m), so that
    /// log Σ exp(xᵢ / T) = m + log s. Returns false when the row holds a NaN or +∞. An all −∞ row gives m = −∞, s = 0.
    /// </summary>
    internal static bool Normaliser<TIn>(ReadOnlySpan<TIn> row, T temperature, out T max, out double sumExp)
        where TIn : unmanaged
    {
        Span<T> loaded = stackalloc T[ChunkLength];
        max = T.NegativeInfinity;
        sumExp = 0.0;
        for (int start = 0; start < row.Length; start += ChunkLength)
        {
            var chunk = Load(row.Slice(start, Math.Min(ChunkLength, row.Length - start)), loaded, temperature);
            if (!Accumulate(chunk, ref max, ref sumExp))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Σ xᵢ accumulated in double (widening float lanes before adding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double SumAsDouble(ReadOnlySpan<T> values)
    {
        if (typeof(T) == typeof(double))
        {
            return double.CreateTruncating(TensorPrimitives.Sum(values));
        }

        return SumWidened(MemoryMarshal.Cast<T, float>(values));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumWidened(ReadOnlySpan<float> values)
    {
        int i = 0;
        double total = 0.0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<float>.Count)
        {
            ref float start = ref MemoryMarshal.GetReference(values);
            var low = Vector256<double>.Zero;
            var high = Vector256<double>.Zero;
            for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)i));
                low += lower;
                high += upper;
            }

            total = Vector256.Sum(low + high);
        }
        else if (Vector128.IsHardwareAccelerated && values.Length >= Vector128<float>.Count)
        {
            ref float start = ref MemoryMarshal.GetReference(values);
            var low = Vector128<double>.Zero;
            var high = Vector128<double>.Zero;
            for (; i <= values.Length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                var (lower, upper) = Vector128.Widen(Vector128.LoadUnsafe(ref start, (nuint)i));
                low += lower;
                high += upper;
            }

            total = Vector128.Sum(low + high);
        }

        for (; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }
}
