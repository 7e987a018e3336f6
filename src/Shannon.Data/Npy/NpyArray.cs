using System.Runtime.InteropServices;

namespace Shannon.Data.Npy;

/// <summary>The element types Shannon reads from and writes to .npy files (little-endian).</summary>
public enum NpyType
{
    /// <summary>IEEE 754 binary16 (<c>&lt;f2</c>).</summary>
    Float16,

    /// <summary>IEEE 754 binary32 (<c>&lt;f4</c>).</summary>
    Float32,

    /// <summary>IEEE 754 binary64 (<c>&lt;f8</c>).</summary>
    Float64,

    /// <summary>Signed 32-bit integer (<c>&lt;i4</c>).</summary>
    Int32,

    /// <summary>Signed 64-bit integer (<c>&lt;i8</c>).</summary>
    Int64,
}

/// <summary>An array read from a .npy file: its element type, its shape, and its values in C (row-major) order.</summary>
/// <param name="Type">The element type stored in the file.</param>
/// <param name="Shape">The dimensions: one for a vector, two (rows, columns) for a table.</param>
/// <param name="Data">The raw little-endian element bytes, row-major.</param>
public sealed record NpyArray(NpyType Type, int[] Shape, byte[] Data)
{
    /// <summary>The number of elements: the product of the shape.</summary>
    /// <exception cref="OverflowException">The shape's product does not fit in an <see cref="int"/> (never for an array read from a file, whose data fits in one array).</exception>
    public int Length => Shape.Aggregate(1, (a, b) => checked(a * b));

    /// <summary>The number of rows: the first dimension (the length of a vector).</summary>
    public int Rows => Shape[0];

    /// <summary>The number of columns: the second dimension, or 1 for a vector.</summary>
    public int Columns => Shape.Length == 2 ? Shape[1] : 1;

    /// <summary>Is the element type a floating-point type?</summary>
    public bool IsFloatingPoint => Type is NpyType.Float16 or NpyType.Float32 or NpyType.Float64;

    /// <summary>The values as float: float16 widened exactly, float32 as stored.</summary>
    /// <returns>A new array of <see cref="Length"/> values, row-major.</returns>
    /// <exception cref="InvalidDataException">The array holds float64 or integers (convert with <see cref="ToDouble"/> or <see cref="ToInt32"/>).</exception>
    public float[] ToSingle() => Type switch
    {
        NpyType.Float32 => MemoryMarshal.Cast<byte, float>(Data).ToArray(),
        NpyType.Float16 => Array.ConvertAll(MemoryMarshal.Cast<byte, Half>(Data).ToArray(), h => (float)h),
        _ => throw new InvalidDataException($"The array holds {Type}, not float16 or float32."),
    };

    /// <summary>The values as double: any floating-point type widened exactly.</summary>
    /// <returns>A new array of <see cref="Length"/> values, row-major.</returns>
    /// <exception cref="InvalidDataException">The array holds integers.</exception>
    public double[] ToDouble() => Type switch
    {
        NpyType.Float64 => MemoryMarshal.Cast<byte, double>(Data).ToArray(),
        NpyType.Float32 or NpyType.Float16 => Array.ConvertAll(ToSingle(), v => (double)v),
        _ => throw new InvalidDataException($"The array holds {Type}, not floating-point values."),
    };

    /// <summary>The values as 32-bit integers: int32 as stored, int64 narrowed with a range check.</summary>
    /// <returns>A new array of <see cref="Length"/> values, row-major.</returns>
    /// <exception cref="InvalidDataException">The array holds floating-point values, or an int64 entry outside the int32 range (named with its index).</exception>
    public int[] ToInt32()
    {
        switch (Type)
        {
            case NpyType.Int32:
                return MemoryMarshal.Cast<byte, int>(Data).ToArray();
            case NpyType.Int64:
                var wide = MemoryMarshal.Cast<byte, long>(Data);
                var narrow = new int[wide.Length];
                for (int i = 0; i < wide.Length; i++)
                {
                    if (wide[i] is < int.MinValue or > int.MaxValue)
                    {
                        throw new InvalidDataException($"The int64 array has {wide[i]} at index {i}, outside the int32 range.");
                    }

                    narrow[i] = (int)wide[i];
                }

                return narrow;
            default:
                throw new InvalidDataException($"The array holds {Type}, not integers.");
        }
    }
}
