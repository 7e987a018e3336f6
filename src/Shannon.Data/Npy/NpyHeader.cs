namespace Shannon.Data.Npy;

/// <summary>What a .npy header declares, checked against the file: the element type, the shape and the data's length.</summary>
/// <param name="Type">The element type stored in the file.</param>
/// <param name="Shape">The dimensions: one for a vector, two (rows, columns) for a table.</param>
/// <param name="DataLength">The data's length in bytes: the product of the shape times the element size.</param>
public sealed record NpyHeader(NpyType Type, int[] Shape, long DataLength)
{
    /// <summary>The number of rows: the first dimension (the length of a vector).</summary>
    public int Rows => Shape[0];

    /// <summary>The number of columns: the second dimension, or 1 for a vector.</summary>
    public int Columns => Shape.Length == 2 ? Shape[1] : 1;

    /// <summary>The bytes of one element.</summary>
    public int ItemSize => NpyFile.ItemSize(Type);

    /// <summary>Is the element type a floating-point type?</summary>
    public bool IsFloatingPoint => Type is NpyType.Float16 or NpyType.Float32 or NpyType.Float64;
}
