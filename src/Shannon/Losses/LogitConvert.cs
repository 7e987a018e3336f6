using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Shannon.Losses;

/// <summary>Conversions between the logit storage types (Half, BFloat16) and the compute type float.</summary>
internal static class LogitConvert
{
    /// <summary>Widens Half or BFloat16 values to float (exactly: both are subsets of float).</summary>
    internal static void ToCompute<TIn, T>(ReadOnlySpan<TIn> source, Span<T> destination)
        where TIn : unmanaged
        where T : unmanaged
    {
        var target = MemoryMarshal.Cast<T, float>(destination);
        if (typeof(TIn) == typeof(Half))
        {
            TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<TIn, Half>(source), target);
        }
        else if (typeof(TIn) == typeof(BFloat16))
        {
            BFloat16.Widen(MemoryMarshal.Cast<TIn, BFloat16>(source), target);
        }
        else
        {
            throw new NotSupportedException($"Logits of type {typeof(TIn).Name} are computed in {typeof(T).Name} only by the overloads that take them.");
        }
    }

    /// <summary>Narrows float values to Half or BFloat16 (round to nearest even).</summary>
    internal static void FromCompute<T, TOut>(ReadOnlySpan<T> source, Span<TOut> destination)
        where T : unmanaged
        where TOut : unmanaged
    {
        var values = MemoryMarshal.Cast<T, float>(source);
        if (typeof(TOut) == typeof(Half))
        {
            TensorPrimitives.ConvertToHalf(values, MemoryMarshal.Cast<TOut, Half>(destination));
        }
        else if (typeof(TOut) == typeof(BFloat16))
        {
            var target = MemoryMarshal.Cast<TOut, BFloat16>(destination);
            for (int i = 0; i < values.Length; i++)
            {
                target[i] = (BFloat16)values[i];
            }
        }
        else
        {
            throw new NotSupportedException($"Gradients of type {typeof(TOut).Name} are not produced from {typeof(T).Name}.");
        }
    }
}
