using System.IO.MemoryMappedFiles;

namespace Shannon.Data.Npy;

/// <summary>
/// A .npy array mapped into memory (<see cref="NpyFile.Map"/>): its type, its shape and a read-only view of its
/// elements that the operating system pages in from the file as they are read. Nothing of the data is copied.
/// </summary>
/// <remarks>
/// The spans handed out stay valid until the map is disposed; do not keep them beyond that. Reading a mapped file that
/// another process truncates meanwhile faults like any memory-mapped read.
/// </remarks>
public sealed unsafe class NpyMap : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _data;
    private bool _disposed;

    internal NpyMap(string path, NpyType type, int[] shape, long offset, int length)
    {
        Type = type;
        Shape = shape;
        Length = length;
        if (length == 0)
        {
            return;
        }

        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* start = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _data = start + _view.PointerOffset + offset;
    }

    /// <summary>The element type stored in the file.</summary>
    public NpyType Type { get; }

    /// <summary>The dimensions: one for a vector, two (rows, columns) for a table.</summary>
    public int[] Shape { get; }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The number of rows: the first dimension.</summary>
    public int Rows => Shape[0];

    /// <summary>The number of columns: the second dimension, or 1 for a vector.</summary>
    public int Columns => Shape.Length == 2 ? Shape[1] : 1;

    /// <summary>The elements of a float32 array, row-major, read from the mapping.</summary>
    /// <returns>A view of <see cref="Length"/> values; valid until the map is disposed.</returns>
    /// <exception cref="InvalidDataException">The array is not float32.</exception>
    /// <exception cref="ObjectDisposedException">The map was disposed.</exception>
    public ReadOnlySpan<float> Singles => View<float>(NpyType.Float32);

    /// <summary>The elements of a float64 array, row-major, read from the mapping.</summary>
    /// <returns>A view of <see cref="Length"/> values; valid until the map is disposed.</returns>
    /// <exception cref="InvalidDataException">The array is not float64.</exception>
    /// <exception cref="ObjectDisposedException">The map was disposed.</exception>
    public ReadOnlySpan<double> Doubles => View<double>(NpyType.Float64);

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
    }

    private ReadOnlySpan<T> View<T>(NpyType type)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Type != type)
        {
            throw new InvalidDataException($"The mapped array holds {Type}, not {type}.");
        }

        return Length == 0 ? ReadOnlySpan<T>.Empty : new ReadOnlySpan<T>(_data, Length);
    }
}
