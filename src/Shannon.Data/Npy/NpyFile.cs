using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

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
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a .npy file.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>Its element type, shape and data.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a .npy file, has an unsupported type, byte order, order or rank, or its data length disagrees with its header.</exception>
    public static NpyArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a .npy array from a stream that holds exactly one array (the rest of the stream is its data).</summary>
    /// <param name="stream">A readable stream positioned at the magic string; its length must be known.</param>
    /// <param name="name">The name used in error messages.</param>
    /// <returns>Its element type, shape and data.</returns>
    /// <exception cref="InvalidDataException">As for <see cref="Read(string)"/>.</exception>
    public static NpyArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (type, shape, _, expected) = ReadHeader(stream, name);
        if (expected > Array.MaxLength)
        {
            throw new InvalidDataException($"{name} holds {expected} bytes of data; arrays above {Array.MaxLength} bytes are not supported (memory-map it with NpyFile.Map).");
        }

        var data = new byte[expected];
        stream.ReadExactly(data);
        return new NpyArray(type, shape, data);
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
        string name = Path.GetFileName(path);
        long offset;
        NpyType type;
        int[] shape;
        long bytes;
        using (var stream = File.OpenRead(path))
        {
            (type, shape, offset, bytes) = ReadHeader(stream, name);
        }

        long count = bytes / ItemSize(type);
        if (count > int.MaxValue)
        {
            throw new InvalidDataException($"{name} holds {count} elements; at most {int.MaxValue} can be mapped as one array.");
        }

        return new NpyMap(path, type, shape, offset, (int)count);
    }

    /// <summary>
    /// Reads and checks a .npy header: returns the element type, the shape, the offset of the data and its length in
    /// bytes, after checking that the stream holds exactly that many bytes after the header.
    /// </summary>
    private static (NpyType Type, int[] Shape, long Offset, long Bytes) ReadHeader(Stream stream, string name)
    {
        var prefix = new byte[10];
        if (stream.ReadAtLeast(prefix, 10, throwOnEndOfStream: false) < 10 || !prefix.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name} is not a .npy file (no \\x93NUMPY magic string).");
        }

        byte major = prefix[6];
        int headerLength;
        int headerStart;
        if (major == 1)
        {
            headerLength = BitConverter.ToUInt16(prefix, 8);
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            var extra = new byte[2];
            stream.ReadExactly(extra);
            uint length = BitConverter.ToUInt32([prefix[8], prefix[9], extra[0], extra[1]]);
            if (length > 1 << 20)
            {
                throw new InvalidDataException($"{name} declares a {length}-byte header; that is not a .npy header.");
            }

            headerLength = (int)length;
            headerStart = 12;
        }
        else
        {
            throw new InvalidDataException($"{name} is .npy format version {major}.{prefix[7]}; versions 1, 2 and 3 are supported.");
        }

        var headerBytes = new byte[headerLength];
        if (stream.ReadAtLeast(headerBytes, headerLength, throwOnEndOfStream: false) < headerLength)
        {
            throw new InvalidDataException($"{name} ends inside its .npy header.");
        }

        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (type, shape) = ParseHeader(header, name);
        long count = 1;
        foreach (int d in shape)
        {
            count *= d;
        }

        long expected = count * ItemSize(type);
        long actual = stream.Length - headerStart - headerLength;
        if (actual != expected)
        {
            throw new InvalidDataException(
                $"{name} says shape ({string.Join(", ", shape)}) of {Descr(type)} = {expected} data bytes, but it holds {actual}; the file is truncated or its header is wrong.");
        }

        return (type, shape, headerStart + headerLength, expected);
    }

    /// <summary>Writes float32 values as a .npy file (version 1.0, C order), replacing the file atomically.</summary>
    /// <param name="path">The file to write; written to a temporary file in the same folder first, then moved over it.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">One or two dimensions whose product is the number of values.</param>
    /// <exception cref="ArgumentException"><paramref name="shape"/> does not match <paramref name="values"/> or has more than two dimensions.</exception>
    public static void Write(string path, ReadOnlySpan<float> values, ReadOnlySpan<int> shape) =>
        WriteBytes(path, MemoryMarshal.AsBytes(values), values.Length, shape, NpyType.Float32);

    /// <summary>Writes float64 values as a .npy file (version 1.0, C order), replacing the file atomically.</summary>
    /// <param name="path">The file to write; written to a temporary file in the same folder first, then moved over it.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">One or two dimensions whose product is the number of values.</param>
    /// <exception cref="ArgumentException"><paramref name="shape"/> does not match <paramref name="values"/> or has more than two dimensions.</exception>
    public static void Write(string path, ReadOnlySpan<double> values, ReadOnlySpan<int> shape) =>
        WriteBytes(path, MemoryMarshal.AsBytes(values), values.Length, shape, NpyType.Float64);

    private static void WriteBytes(string path, ReadOnlySpan<byte> data, int count, ReadOnlySpan<int> shape, NpyType type)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (shape.Length is < 1 or > 2)
        {
            throw new ArgumentException($"shape has {shape.Length} dimensions; .npy files are written with one or two.", nameof(shape));
        }

        Shannon.Numerics.Guard.Shape(count, shape, "values", nameof(shape));
        string dims = shape.Length == 1 ? $"{shape[0]}," : $"{shape[0]}, {shape[1]}";
        string dict = $"{{'descr': '{Descr(type)}', 'fortran_order': False, 'shape': ({dims}), }}";
        int padded = (dict.Length + 11 + 63) / 64 * 64; // magic(6) + version(2) + length(2) + dict + '\n', to a multiple of 64
        string header = dict.PadRight(padded - 11) + "\n";
        byte[] headerBytes = Encoding.Latin1.GetBytes(header);
        byte[] payload = data.ToArray();
        Files.AtomicFile.Write(path, stream =>
        {
            stream.Write(Magic);
            stream.Write([1, 0]);
            stream.Write(BitConverter.GetBytes((ushort)header.Length));
            stream.Write(headerBytes);
            stream.Write(payload);
        });
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
            .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= 0
                ? v
                : throw new InvalidDataException($"{name} has a shape entry '{d}' that is not a dimension."))
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

    private static int ItemSize(NpyType type) => type switch
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
