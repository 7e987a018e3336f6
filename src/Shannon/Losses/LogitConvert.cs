using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Shannon.Losses;

/// <summary>
/// Conversions between the logit storage types (Half, BFloat16) and the compute type float. The spans are reinterpreted
/// with <see cref="Unsafe.As{TFrom, TTo}(ref TFrom)"/> once the types are known, so that the type parameters need no
/// constraint (see <see cref="ComputeType{T}"/>).
/// </summary>
internal static class LogitConvert
{
    /// <summary>Widens Half or BFloat16 values to float (exactly: both are subsets of float).</summary>
    internal static void ToCompute<TIn, T>(ReadOnlySpan<TIn> source, Span<T> destination)
    {
        var target = Unsafe.As<Span<T>, Span<float>>(ref destination);
        if (typeof(TIn) == typeof(Half))
        {
            TensorPrimitives.ConvertToSingle(Unsafe.As<ReadOnlySpan<TIn>, ReadOnlySpan<Half>>(ref source), target);
        }
        else if (typeof(TIn) == typeof(BFloat16))
        {
            BFloat16.Widen(Unsafe.As<ReadOnlySpan<TIn>, ReadOnlySpan<BFloat16>>(ref source), target);
        }
        else
        {
            throw new NotSupportedException($"Logits of type {typeof(TIn).Name} are computed in {typeof(T).Name} only by the overloads that take them.");
        }
    }

    /// <summary>Narrows float values to Half or BFloat16 (round to nearest even).</summary>
    internal static void FromCompute<T, TOut>(ReadOnlySpan<T> source, Span<TOut> destination)
    {
        var values = Unsafe.As<ReadOnlySpan<T>, ReadOnlySpan<float>>(ref source);
        if (typeof(TOut) == typeof(Half))
        {
            TensorPrimitives.ConvertToHalf(values, Unsafe.As<Span<TOut>, Span<Half>>(ref destination));
        }
        else if (typeof(TOut) == typeof(BFloat16))
        {
            var target = Unsafe.As<Span<TOut>, Span<BFloat16>>(ref destination);
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
