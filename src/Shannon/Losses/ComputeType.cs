using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Shannon.Losses;

/// <summary>
/// Arithmetic on the loss kernels' compute type <typeparamref name="T"/> (<see cref="float"/> or <see cref="double"/>)
/// without generic math. ReadyToRun precompiles a Shannon generic instantiated over float or double only when its type
/// parameter carries no interface constraint (crossgen2 leaves such instantiations to the JIT unless the runtime library
/// is in the same version bubble), so the cross-entropy loss and <see cref="LogitKernel{T}"/> take
/// no constraint at all (<c>struct</c> and <c>unmanaged</c> are <c>ValueType</c> constraints, which count too) and come here,
/// where each branch on the type folds away when an instantiation is compiled.
/// Every operation rounds as the generic-math one it replaces (<c>T.CreateTruncating</c>, <c>T − T</c>,
/// <c>TensorPrimitives</c> on spans of T).
/// </summary>
/// <typeparam name="T">The compute type: float or double.</typeparam>
internal static class ComputeType<T>
{
    /// <summary>True when the compute type is float (else double).</summary>
    internal static bool IsSingle
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(float);
    }

    /// <summary>−∞ in the compute type.</summary>
    internal static T NegativeInfinity
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => From(double.NegativeInfinity);
    }

    /// <summary>The value rounded to the compute type (<c>T.CreateTruncating(value)</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T From(double value)
    {
        return IsSingle ? (T)(object)(float)value : (T)(object)value;
    }

    /// <summary>The value as a double (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ToDouble(T value) => IsSingle ? (float)(object)value! : (double)(object)value!;

    /// <summary>a − b, rounded in the compute type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Subtract(T a, T b)
    {
        return IsSingle
            ? (T)(object)((float)(object)a! - (float)(object)b!)
            : (T)(object)((double)(object)a! - (double)(object)b!);
    }

    /// <summary>a · e^x, rounded in the compute type (the scalar tail of the vector exponentials).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T ScaledExp(T a, T x)
    {
        return IsSingle
            ? (T)(object)((float)(object)a! * MathF.Exp((float)(object)x!))
            : (T)(object)((double)(object)a! * Math.Exp((double)(object)x!));
    }

    /// <summary><c>TensorPrimitives.Divide(x, y, destination)</c>.</summary>
    internal static void Divide(ReadOnlySpan<T> x, T y, Span<T> destination)
    {
        if (IsSingle)
        {
            TensorPrimitives.Divide(Singles(x), (float)(object)y!, Singles(destination));
        }
        else
        {
            TensorPrimitives.Divide(Doubles(x), (double)(object)y!, Doubles(destination));
        }
    }

    /// <summary><c>TensorPrimitives.Subtract(x, y, destination)</c>: x − yᵢ.</summary>
    internal static void Subtract(T x, ReadOnlySpan<T> y, Span<T> destination)
    {
        if (IsSingle)
        {
            TensorPrimitives.Subtract((float)(object)x!, Singles(y), Singles(destination));
        }
        else
        {
            TensorPrimitives.Subtract((double)(object)x!, Doubles(y), Doubles(destination));
        }
    }

    /// <summary><c>TensorPrimitives.Multiply(x, y, destination)</c>: xᵢ·yᵢ.</summary>
    internal static void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
    {
        if (IsSingle)
        {
            TensorPrimitives.Multiply(Singles(x), Singles(y), Singles(destination));
        }
        else
        {
            TensorPrimitives.Multiply(Doubles(x), Doubles(y), Doubles(destination));
        }
    }

    /// <summary><c>TensorPrimitives.Multiply(x, y, destination)</c>: xᵢ·y.</summary>
    internal static void Multiply(ReadOnlySpan<T> x, T y, Span<T> destination)
    {
        if (IsSingle)
        {
            TensorPrimitives.Multiply(Singles(x), (float)(object)y!, Singles(destination));
        }
        else
        {
            TensorPrimitives.Multiply(Doubles(x), (double)(object)y!, Doubles(destination));
        }
    }

    /// <summary><c>TensorPrimitives.Add(x, y, destination)</c>: xᵢ + y.</summary>
    internal static void Add(ReadOnlySpan<T> x, T y, Span<T> destination)
    {
        if (IsSingle)
        {
            TensorPrimitives.Add(Singles(x), (float)(object)y!, Singles(destination));
        }
        else
        {
            TensorPrimitives.Add(Doubles(x), (double)(object)y!, Doubles(destination));
        }
    }

    /// <summary><c>TensorPrimitives.MultiplyAdd(x, y, addend, destination)</c>: xᵢ·y + addendᵢ.</summary>
    internal static void MultiplyAdd(ReadOnlySpan<T> x, T y, ReadOnlySpan<T> addend, Span<T> destination)
    {
        if (IsSingle)
        {
            TensorPrimitives.MultiplyAdd(Singles(x), (float)(object)y!, Singles(addend), Singles(destination));
        }
        else
        {
            TensorPrimitives.MultiplyAdd(Doubles(x), (double)(object)y!, Doubles(addend), Doubles(destination));
        }
    }

    /// <summary>
    /// The values of a span whose element type is <typeparamref name="T"/> (callers test that), typed as such: a
    /// reinterpretation the compiler expands, where <c>MemoryMarshal.Cast</c> would be a call into the runtime
    /// library that ReadyToRun code cannot inline and whose instantiation the JIT then compiles.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<T> Same<TIn>(ReadOnlySpan<TIn> values) => Unsafe.As<ReadOnlySpan<TIn>, ReadOnlySpan<T>>(ref values);

    /// <inheritdoc cref="Same{TIn}(ReadOnlySpan{TIn})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Span<T> Same<TIn>(Span<TIn> values) => Unsafe.As<Span<TIn>, Span<T>>(ref values);

    /// <summary>The values as floats, where <see cref="IsSingle"/> (see <see cref="Same{TIn}(ReadOnlySpan{TIn})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<float> Singles(ReadOnlySpan<T> values) => Unsafe.As<ReadOnlySpan<T>, ReadOnlySpan<float>>(ref values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<float> Singles(Span<T> values) => Unsafe.As<Span<T>, Span<float>>(ref values);

    /// <summary>The values as doubles, where not <see cref="IsSingle"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<double> Doubles(ReadOnlySpan<T> values) => Unsafe.As<ReadOnlySpan<T>, ReadOnlySpan<double>>(ref values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<double> Doubles(Span<T> values) => Unsafe.As<Span<T>, Span<double>>(ref values);
}
