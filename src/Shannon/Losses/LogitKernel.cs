using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
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
/// The loops over a chunk's values carry <see cref="MethodImplOptions.AggressiveOptimization"/> and
/// <see cref="MethodImplOptions.AggressiveInlining"/>: the JIT compiles them fully optimised at their first call from
/// unoptimised code, and ReadyToRun, which compiles no <see cref="MethodImplOptions.AggressiveOptimization"/> method on
/// its own, inlines them into the precompiled callers (the cross-entropy loss's rows). <typeparamref name="T"/> has no
/// generic-math constraint so that those callers' float and double instantiations can be precompiled at all
/// (<see cref="ComputeType{T}"/>), and the vector code is written on <see cref="Vector256{T}"/> and
/// <see cref="Vector128{T}"/>, whose operations crossgen2 expands (it leaves <see cref="System.Numerics.Vector{T}"/>
/// code to the JIT).
/// Reference: Milakov, M. &amp; Gimelshein, N. (2018), Online normalizer calculation for softmax, arXiv:1805.02867.
/// </remarks>
internal static unsafe class LogitKernel<T>
{
    /// <summary>Values per chunk: two chunks of scratch fit in L1 together with the row's cursor.</summary>
    internal const int ChunkLength = 1024;

    /// <summary>
    /// <see cref="ChunkLength"/> values of scratch in <paramref name="buffer"/>, stack memory of
    /// <see cref="ChunkLength"/> doubles (<c>stackalloc T[…]</c> needs <c>T : unmanaged</c>, which keeps ReadyToRun from
    /// precompiling the instantiations; see <see cref="ComputeType{T}"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Span<T> Scratch(double* buffer) => new(buffer, ChunkLength);

    /// <summary>
    /// Returns <paramref name="source"/> as compute-type values divided by the temperature (a true division, rounded
    /// as PyTorch's z / T): the source itself when no conversion or scaling is needed, else <paramref name="scratch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<T> Load<TIn>(ReadOnlySpan<TIn> source, Span<T> scratch, T temperature)
    {
        ReadOnlySpan<T> values;
        if (typeof(TIn) == typeof(T))
        {
            values = ComputeType<T>.Same(source);
        }
        else
        {
            Span<T> target = scratch[..source.Length];
            LogitConvert.ToCompute(source, target);
            values = target;
        }

        if (ComputeType<T>.ToDouble(temperature) != 1.0)
        {
            Span<T> target = scratch[..source.Length];
            ComputeType<T>.Divide(values, temperature, target);
            values = target;
        }

        return values;
    }

    /// <summary>
    /// Folds one chunk into the running (max, Σ exp(x − max)). Returns false, leaving the state unchanged, when the
    /// chunk holds a NaN or +∞ (the caller reports where).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Accumulate(ReadOnlySpan<T> chunk, ref T max, ref double sumExp)
    {
        T chunkMax = Max(chunk);
        double chunkMaxValue = ComputeType<T>.ToDouble(chunkMax);
        if (double.IsNaN(chunkMaxValue) || double.IsPositiveInfinity(chunkMaxValue))
        {
            return false;
        }

        if (chunkMaxValue > ComputeType<T>.ToDouble(max))
        {
            sumExp *= Math.Exp(ComputeType<T>.ToDouble(ComputeType<T>.Subtract(max, chunkMax)));
            max = chunkMax;
        }

        if (double.IsNegativeInfinity(ComputeType<T>.ToDouble(max)))
        {
            return true;
        }

        sumExp += ComputeType<T>.IsSingle
            ? ShiftedExpSum(ComputeType<T>.Singles(chunk), (float)(object)max!)
            : ShiftedExpSum(ComputeType<T>.Doubles(chunk), (double)(object)max!);
        return true;
    }

    /// <summary>
    /// The largest value of a non-empty chunk, NaN when it holds a NaN (TensorPrimitives.Max's answer), compiled
    /// optimised from its first call: the library's Max starts in tier 0 and stays there for the first hundred
    /// milliseconds of calls, which made the loss's calls 2–8 1.8× slower than its steady state. The lanes' maximum is
    /// the hardware's instruction (maxps/maxpd, NEON fmax), which a NaN lane cannot hide because NaNs are tested apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    internal static T Max(ReadOnlySpan<T> chunk)
    {
        int i = 0;
        T max = ComputeType<T>.NegativeInfinity;
        if (Vector256.IsHardwareAccelerated && chunk.Length >= Vector256<T>.Count)
        {
            ref T start = ref Unsafe.AsRef(in chunk[0]);
            var best = Vector256.Create(max);
            var nan = Vector256<T>.Zero;
            for (; i <= chunk.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                best = MaxLanes(best, v);
                nan |= ~Vector256.Equals(v, v);
            }

            if (nan != Vector256<T>.Zero)
            {
                return ComputeType<T>.From(double.NaN);
            }

            for (int lane = 0; lane < Vector256<T>.Count; lane++)
            {
                max = ComputeType<T>.ToDouble(best.GetElement(lane)) > ComputeType<T>.ToDouble(max) ? best.GetElement(lane) : max;
            }
        }
        else if (Vector128.IsHardwareAccelerated && chunk.Length >= Vector128<T>.Count)
        {
            ref T start = ref Unsafe.AsRef(in chunk[0]);
            var best = Vector128.Create(max);
            var nan = Vector128<T>.Zero;
            for (; i <= chunk.Length - Vector128<T>.Count; i += Vector128<T>.Count)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)i);
                best = MaxLanes(best, v);
                nan |= ~Vector128.Equals(v, v);
            }

            if (nan != Vector128<T>.Zero)
            {
                return ComputeType<T>.From(double.NaN);
            }

            for (int lane = 0; lane < Vector128<T>.Count; lane++)
            {
                max = ComputeType<T>.ToDouble(best.GetElement(lane)) > ComputeType<T>.ToDouble(max) ? best.GetElement(lane) : max;
            }
        }

        for (; i < chunk.Length; i++)
        {
            T value = chunk[i];
            if (double.IsNaN(ComputeType<T>.ToDouble(value)))
            {
                return value;
            }

            max = ComputeType<T>.ToDouble(value) > ComputeType<T>.ToDouble(max) ? value : max;
        }

        return max;
    }

    /// <summary>
    /// The lane-wise maximum as the hardware's instruction computes it (<c>Vector256.MaxNative</c>), spelled with the
    /// instruction so that ReadyToRun can precompile the callers: crossgen2 does not expand the portable helper.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MaxLanes(Vector256<T> a, Vector256<T> b)
    {
        if (!Avx.IsSupported)
        {
            return Vector256.MaxNative(a, b);
        }

        return ComputeType<T>.IsSingle
            ? Avx.Max(a.AsSingle(), b.AsSingle()).As<float, T>()
            : Avx.Max(a.AsDouble(), b.AsDouble()).As<double, T>();
    }

    /// <summary>The two-lane form of <see cref="MaxLanes(Vector256{T}, Vector256{T})"/> (maxps/maxpd, NEON fmax).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> MaxLanes(Vector128<T> a, Vector128<T> b)
    {
        if (Sse2.IsSupported)
        {
            return ComputeType<T>.IsSingle
                ? Sse.Max(a.AsSingle(), b.AsSingle()).As<float, T>()
                : Sse2.Max(a.AsDouble(), b.AsDouble()).As<double, T>();
        }

        if (AdvSimd.Arm64.IsSupported)
        {
            return ComputeType<T>.IsSingle
                ? AdvSimd.Max(a.AsSingle(), b.AsSingle()).As<float, T>()
                : AdvSimd.Arm64.Max(a.AsDouble(), b.AsDouble()).As<double, T>();
        }

        return Vector128.MaxNative(a, b);
    }

    /// <summary>
    /// Writes a·e^((zᵢ − m) − log s), the scaled softmax, for every zᵢ of the chunk into <paramref name="destination"/>
    /// in one pass; subtracting m first keeps the float rounding of the two shifts apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    internal static void ScaledSoftmax(ReadOnlySpan<T> chunk, T max, T logSum, T scale, Span<T> destination)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && chunk.Length >= Vector256<T>.Count)
        {
            ref T start = ref Unsafe.AsRef(in chunk[0]);
            ref T target = ref destination[0];
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
            ref T start = ref Unsafe.AsRef(in chunk[0]);
            ref T target = ref destination[0];
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
            destination[i] = ComputeType<T>.ScaledExp(scale, ComputeType<T>.Subtract(ComputeType<T>.Subtract(chunk[i], max), logSum));
        }
    }

    /// <summary>e^x on 128-bit vectors: the float exponential of <see cref="SingleExp"/>, the runtime's for doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> Exp(Vector128<T> x) => typeof(T) == typeof(double)
        ? Vector128.Exp(x.AsDouble()).As<double, T>()
        : SingleExp.Exp(x.AsSingle()).As<float, T>();

    /// <summary>e^x on 256-bit vectors: the float exponential of <see cref="SingleExp"/>, the runtime's for doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    private static unsafe double ShiftedExpSum(ReadOnlySpan<float> chunk, float max)
    {
        const int Step = 2 * 8;
        int i = 0;
        double total = 0.0;
        if (SingleExp.IsAccelerated && chunk.Length >= Step)
        {
            ref float start = ref Unsafe.AsRef(in chunk[0]);
            byte* ahead = (byte*)Unsafe.AsPointer(ref start) + (ChunkLength * sizeof(float));
            var shift = Vector256.Create(max);
            var low = Vector256<double>.Zero;
            var high = Vector256<double>.Zero;
            for (; i <= chunk.Length - Step; i += Step)
            {
                Sse.Prefetch0(ahead + (i * sizeof(float)));
                var pair = SingleExp.ExpOfSumTerm(Vector256.LoadUnsafe(ref start, (nuint)i) - shift)
                    + SingleExp.ExpOfSumTerm(Vector256.LoadUnsafe(ref start, (nuint)(i + 8)) - shift);
                low += Vector256.WidenLower(pair);
                high += Vector256.WidenUpper(pair);
            }

            total = Vector256.Sum(low + high);
        }
        else if (Vector128.IsHardwareAccelerated && chunk.Length >= Step)
        {
            // 128-bit vectors (ARM64 NEON, x64 without AVX2): four pairs of four exponentials per step.
            ref float start = ref Unsafe.AsRef(in chunk[0]);
            var shift = Vector128.Create(max);
            var low = Vector128<double>.Zero;
            var high = Vector128<double>.Zero;
            for (; i <= chunk.Length - Step; i += Step)
            {
                for (int j = 0; j < Step; j += 8)
                {
                    var pair = SingleExp.ExpOfSumTerm(Vector128.LoadUnsafe(ref start, (nuint)(i + j)) - shift)
                        + SingleExp.ExpOfSumTerm(Vector128.LoadUnsafe(ref start, (nuint)(i + j + 4)) - shift);
                    low += Vector128.WidenLower(pair);
                    high += Vector128.WidenUpper(pair);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    private static double ShiftedExpSum(ReadOnlySpan<double> chunk, double max)
    {
        int i = 0;
        double total = 0.0;
        if (Vector256.IsHardwareAccelerated && chunk.Length >= Vector256<double>.Count)
        {
            ref double start = ref Unsafe.AsRef(in chunk[0]);
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
            ref double start = ref Unsafe.AsRef(in chunk[0]);
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
    {
        double* buffer = stackalloc double[ChunkLength];
        var loaded = Scratch(buffer);
        max = ComputeType<T>.NegativeInfinity;
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
        if (!ComputeType<T>.IsSingle)
        {
            return TensorPrimitives.Sum(ComputeType<T>.Doubles(values));
        }

        return SumWidened(ComputeType<T>.Singles(values));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    private static double SumWidened(ReadOnlySpan<float> values)
    {
        int i = 0;
        double total = 0.0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<float>.Count)
        {
            ref float start = ref Unsafe.AsRef(in values[0]);
            var low = Vector256<double>.Zero;
            var high = Vector256<double>.Zero;
            for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var values8 = Vector256.LoadUnsafe(ref start, (nuint)i);
                low += Vector256.WidenLower(values8);
                high += Vector256.WidenUpper(values8);
            }

            total = Vector256.Sum(low + high);
        }
        else if (Vector128.IsHardwareAccelerated && values.Length >= Vector128<float>.Count)
        {
            ref float start = ref Unsafe.AsRef(in values[0]);
            var low = Vector128<double>.Zero;
            var high = Vector128<double>.Zero;
            for (; i <= values.Length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                var values4 = Vector128.LoadUnsafe(ref start, (nuint)i);
                low += Vector128.WidenLower(values4);
                high += Vector128.WidenUpper(values4);
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
