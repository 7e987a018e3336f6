using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Shannon.Data.Files;

namespace Shannon.Data.Npy;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files: little-endian float16/float32/float64/int32/int64, C order,
/// one or two dimensions — the logits, targets and gradients of the losses.
/// </summary>
/// <remarks>
/// Format versions 1.0, 2.0 and 3.0 are read (the header is a Python dict literal with <c>descr</c>,
/// <c>fortran_order</c> and <c>shape</c>). The header is checked against the file: a file whose data is shorter or
/// longer than its shape says is rejected, never truncated or padded. Reference: NumPy Enhancement Proposal 1,
/// "A simple file format for NumPy arrays" (Kern, R., 2007), https://numpy.org/neps/nep-0001-npy-format.html.
/// </remarks>
public static partial class NpyFile
{
    /// <summary>The longest header accepted (NumPy itself writes a few hundred bytes).</summary>
    private const long MaxHeaderLength = 1 << 20;

    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a .npy file.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>Its element type, shape and data.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a .npy file, has an unsupported type, byte order, order or rank, or its data length disagrees with its header.</exception>
    public static NpyArray Read(string path)
    {
        using var reader = BoundedReader.Open(path);
        return Read(reader);
    }

    /// <summary>Reads a .npy array from a stream that holds exactly one array (the rest of the stream is its data).</summary>
    /// <param name="stream">A readable stream positioned at the magic string (one that cannot seek is read into memory first).</param>
    /// <param name="name">The name used in error messages.</param>
    /// <returns>Its element type, shape and data.</returns>
    /// <exception cref="InvalidDataException">As for <see cref="Read(string)"/>.</exception>
    public static NpyArray Read(Stream stream, string name)
    {
        using var reader = new BoundedReader(stream, name, leaveOpen: true);
        return Read(reader);
    }

    /// <summary>Reads a .npy array from a bounded reader positioned at the magic string; the rest of the input is its data.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Its element type, shape and data.</returns>
    /// <exception cref="InvalidDataException">As for <see cref="Read(string)"/>.</exception>
    public static NpyArray Read(BoundedReader reader)
    {
        var header = ReadHeader(reader);
        if (header.DataLength > Array.MaxLength)
        {
            throw new InvalidDataException($"{reader.Name} holds {header.DataLength} bytes of data; arrays above {Array.MaxLength} bytes are not supported (memory-map it with NpyFile.Map).");
        }

        byte[] data = reader.ReadBytes(header.DataLength, "the array data");
        return new NpyArray(header.Type, header.Shape, data);
    }

    /// <summary>
    /// Maps a .npy file into memory without reading it: the data stays in the file (and the operating system's page
    /// cache) and is read as it is touched, so an array larger than memory can be streamed through.
    /// </summary>
    /// <param name="path">The file to map.</param>
    /// <returns>The mapped array; dispose it to unmap the file.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not a .npy file, has an unsupported type, byte order, order or rank, its data length disagrees with
    /// its header, or it holds more than 2³¹ − 1 elements.
    /// </exception>
    /// <remarks>The header is checked against the file's length before anything is mapped; nothing is allocated for the data.</remarks>
    public static NpyMap Map(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        NpyHeader header;
        long offset;
        using (var reader = BoundedReader.Open(path))
        {
            header = ReadHeader(reader);
            offset = reader.Position;
        }

        long count = header.DataLength / header.ItemSize;
        if (count > int.MaxValue)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} holds {count} elements; at most {int.MaxValue} can be mapped as one array.");
        }

        return new NpyMap(path, header.Type, header.Shape, offset, (int)count);
    }

    /// <summary>
    /// Reads and checks a .npy header, leaving <paramref name="reader"/> at the first data byte, so that a large
    /// array can be read in pieces (a logit dump row block by row block).
    /// </summary>
    /// <param name="reader">A reader positioned at the magic string; the rest of the input must be exactly the data.</param>
    /// <returns>The element type, the shape, and the data's length in bytes (equal to the bytes that remain).</returns>
    /// <exception cref="InvalidDataException">The input is not a .npy file, has an unsupported type, byte order, order or rank, its shape overflows, or its data length disagrees with its header.</exception>
    /// <remarks>
    /// Every declared size is checked before anything is allocated: the header length against the bytes that remain,
    /// the element count (the product of the shape) and its byte length with overflow-checked arithmetic, and the byte
    /// length against the bytes that remain. A shape whose product overflows 64 bits is an error, never a wrapped
    /// number that might match the file.
    /// </remarks>
    public static NpyHeader ReadHeader(BoundedReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string name = reader.Name;
        Span<byte> magic = stackalloc byte[6];
        if (reader.Remaining < 10)
        {
            throw new InvalidDataException($"{name} is not a .npy file (no \\x93NUMPY magic string).");
        }

        reader.ReadExactly(magic, "the magic string");
        if (!magic.SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name} is not a .npy file (no \\x93NUMPY magic string).");
        }

        byte major = reader.ReadByte("the format version");
        byte minor = reader.ReadByte("the format version");
        long headerLength = major switch
        {
            1 => reader.ReadUInt16("the header length"),
            2 or 3 => reader.ReadUInt32("the header length"),
            _ => throw new InvalidDataException($"{name} is .npy format version {major}.{minor}; versions 1, 2 and 3 are supported."),
        };
        if (headerLength > MaxHeaderLength)
        {
            throw new InvalidDataException($"{name} declares a {headerLength}-byte header; that is not a .npy header.");
        }

        if (headerLength > reader.Remaining)
        {
            throw new InvalidDataException($"{name} ends inside its .npy header.");
        }

        byte[] headerBytes = reader.ReadBytes(headerLength, "the header");
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (type, shape) = ParseHeader(header, name);
        long count = reader.Product([.. shape.Select(d => (long)d)], $"the shape ({string.Join(", ", shape)})");
        long expected;
        try
        {
            expected = checked(count * ItemSize(type));
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"{name} says shape ({string.Join(", ", shape)}) of {Descr(type)}, more bytes than 64 bits can count.");
        }

        long actual = reader.Remaining;
        if (actual != expected)
        {
            throw new InvalidDataException(
                $"{name} says shape ({string.Join(", ", shape)}) of {Descr(type)} = {expected} data bytes, but it holds {actual}; the file is truncated or its header is wrong.");
        }

        return new NpyHeader(type, shape, expected);
    }

    /// <summary>Writes float32 values as a .npy file (version 1.0, C order), replacing the file atomically.</summary>
    /// <param name="path">The file to write; written to a temporary file in the same folder first, then moved over it.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">One or two dimensions whose product is the number of values.</param>
    /// <param name="inputs">Files the caller read; the output must not replace one of them.</param>
    /// <exception cref="ArgumentException"><paramref name="shape"/> does not match <paramref name="values"/> or has more than two dimensions.</exception>
    /// <exception cref="IOException"><paramref name="path"/> is a directory, device or FIFO, or one of <paramref name="inputs"/>.</exception>
    public static void Write(string path, ReadOnlySpan<float> values, ReadOnlySpan<int> shape, IEnumerable<string>? inputs = null) =>
        WriteBytes(path, MemoryMarshal.AsBytes(values), values.Length, shape, NpyType.Float32, inputs);

    /// <summary>Writes float64 values as a .npy file (version 1.0, C order), replacing the file atomically.</summary>
    /// <param name="path">The file to write; written to a temporary file in the same folder first, then moved over it.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">One or two dimensions whose product is the number of values.</param>
    /// <param name="inputs">Files the caller read; the output must not replace one of them.</param>
    /// <exception cref="ArgumentException"><paramref name="shape"/> does not match <paramref name="values"/> or has more than two dimensions.</exception>
    /// <exception cref="IOException"><paramref name="path"/> is a directory, device or FIFO, or one of <paramref name="inputs"/>.</exception>
    public static void Write(string path, ReadOnlySpan<double> values, ReadOnlySpan<int> shape, IEnumerable<string>? inputs = null) =>
        WriteBytes(path, MemoryMarshal.AsBytes(values), values.Length, shape, NpyType.Float64, inputs);

    /// <summary>Writes float32 values as .npy data (version 1.0, C order) to a stream, such as standard output.</summary>
    /// <param name="stream">A writable stream; left open. Written front to back, so it need not be seekable.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">One or two dimensions whose product is the number of values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="shape"/> does not match <paramref name="values"/> or has more than two dimensions.</exception>
    public static void Write(Stream stream, ReadOnlySpan<float> values, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] header = Header(values.Length, shape, NpyType.Float32);
        stream.Write(header);
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Writes float64 values as .npy data (version 1.0, C order) to a stream, such as standard output.</summary>
    /// <param name="stream">A writable stream; left open. Written front to back, so it need not be seekable.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">One or two dimensions whose product is the number of values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="shape"/> does not match <paramref name="values"/> or has more than two dimensions.</exception>
    public static void Write(Stream stream, ReadOnlySpan<double> values, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] header = Header(values.Length, shape, NpyType.Float64);
        stream.Write(header);
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    private static void WriteBytes(string path, ReadOnlySpan<byte> data, int count, ReadOnlySpan<int> shape, NpyType type, IEnumerable<string>? inputs)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] header = Header(count, shape, type);
        byte[] payload = data.ToArray();
        Files.AtomicFile.Write(path, stream =>
        {
            stream.Write(header);
            stream.Write(payload);
        }, inputs);
    }

    // The magic, version, header length and the padded header dictionary: everything before the data.
    private static byte[] Header(int count, ReadOnlySpan<int> shape, NpyType type)
    {
        if (shape.Length is < 1 or > 2)
        {
            throw new ArgumentException($"shape has {shape.Length} dimensions; .npy files are written with one or two.", nameof(shape));
        }

        Shannon.Numerics.Guard.Shape(count, shape, "values", nameof(shape));
        string dims = shape.Length == 1 ? $"{shape[0]}," : $"{shape[0]}, {shape[1]}";
        string dict = $"{{'descr': '{Descr(type)}', 'fortran_order': False, 'shape': ({dims}), }}";
        int padded = (dict.Length + 11 + 63) / 64 * 64; // magic(6) + version(2) + length(2) + dict + '\n', to a multiple of 64
        string header = dict.PadRight(padded - 11) + "\n";
        var bytes = new List<byte>(padded);
        bytes.AddRange(Magic);
        bytes.AddRange([1, 0]);
        bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        return [.. bytes];
    }

    private static (NpyType Type, int[] Shape) ParseHeader(string header, string name)
    {
        string text = header.Trim();
        if (!text.StartsWith('{') || !text.EndsWith('}'))
        {
            throw new InvalidDataException($"{name} has a .npy header that is not a dictionary.");
        }

        var descr = DescrPattern().Match(text);
        var fortran = FortranPattern().Match(text);
        var shapeMatch = ShapePattern().Match(text);
        if (!descr.Success || !fortran.Success || !shapeMatch.Success)
        {
            throw new InvalidDataException($"{name} has a .npy header without 'descr', 'fortran_order' and 'shape'.");
        }

        var type = descr.Groups[1].Value switch
        {
            "<f2" => NpyType.Float16,
            "<f4" => NpyType.Float32,
            "<f8" => NpyType.Float64,
            "<i4" => NpyType.Int32,
            "<i8" => NpyType.Int64,
            var other when other.StartsWith('>') => throw new InvalidDataException($"{name} is big-endian ('{other}'); save it little-endian (numpy: a.astype(a.dtype.newbyteorder('<'))) first."),
            var other => throw new InvalidDataException($"{name} holds dtype '{other}'; float16, float32, float64, int32 and int64 (little-endian) are supported."),
        };

        var shape = shapeMatch.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Dimension(d, name))
            .ToArray();
        if (shape.Length is < 1 or > 2)
        {
            throw new InvalidDataException($"{name} has {shape.Length} dimensions; one (a vector) or two (rows × columns) are supported.");
        }

        if (fortran.Groups[1].Value == "True" && shape.Length == 2)
        {
            throw new InvalidDataException($"{name} is stored in Fortran (column-major) order; save it in C order (numpy: np.ascontiguousarray).");
        }

        return (type, shape);
    }

    /// <summary>One shape entry: digits only (no sign), at most <see cref="int.MaxValue"/>, since shapes are 32-bit here.</summary>
    private static int Dimension(string entry, string name)
    {
        if (int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out int dimension))
        {
            return dimension;
        }

        // Header text comes from the file: quote at most 40 characters of it.
        string shown = entry.Length <= 40 ? entry : entry[..40] + "…";
        throw new InvalidDataException(entry.Length > 0 && entry.All(char.IsAsciiDigit)
            ? $"{name} declares a dimension of {shown} in its shape, more than the largest supported, {int.MaxValue} (2³¹ − 1)."
            : $"{name} has a shape entry '{shown}' that is not a dimension (a non-negative integer).");
    }

    internal static int ItemSize(NpyType type) => type switch
    {
        NpyType.Float16 => 2,
        NpyType.Float32 or NpyType.Int32 => 4,
        _ => 8,
    };

    private static string Descr(NpyType type) => type switch
    {
        NpyType.Float16 => "<f2",
        NpyType.Float32 => "<f4",
        NpyType.Float64 => "<f8",
        NpyType.Int32 => "<i4",
        _ => "<i8",
    };

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]*)['""]")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
