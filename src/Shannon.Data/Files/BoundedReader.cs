using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Shannon.Coding;

namespace Shannon.Data.Files;

/// <summary>
/// Reads a binary file whose content declares its own sizes (counts, shapes, string lengths) without ever trusting
/// them: every declared size is checked against the bytes that remain, with overflow-checked arithmetic, before
/// anything is allocated from it. Shannon's binary readers (.npy arrays, .kn n-gram models, logit dumps) read through it.
/// </summary>
/// <remarks>
/// <para>A file of n bytes can therefore make a reader allocate at most a small constant times n: a 56-byte file that
/// declares 2²⁹ entries fails at once with an <see cref="InvalidDataException"/> naming the file, the field, the
/// declared size and the bytes left, instead of allocating gigabytes and failing later.</para>
/// <para>All integers are little-endian. Every failure is an <see cref="InvalidDataException"/> whose message names
/// the input and never quotes its bytes. A stream that cannot seek (a pipe) is first copied into memory, so the
/// bytes it really holds, not what it declares, bound what is read.</para>
/// </remarks>
public sealed class BoundedReader : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _scratch = new byte[8];

    // The input's length, read once: FileStream.Length may ask the system each time (an fstat per field read, which
    // made loading a large n-gram model spend as long in the kernel as in the reader).
    private readonly long _length;

    /// <summary>Wraps a stream positioned at the start of the content.</summary>
    /// <param name="stream">A readable stream; one that cannot seek is read into memory first.</param>
    /// <param name="name">How messages name the input (usually the file name).</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open when this reader is disposed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    public BoundedReader(Stream stream, string name, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        if (!stream.CanRead)
        {
            throw new ArgumentException("stream cannot be read.", nameof(stream));
        }

        Name = name;
        if (stream.CanSeek)
        {
            _stream = stream;
            _leaveOpen = leaveOpen;
        }
        else
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            _stream = copy;
            _leaveOpen = false;
            if (!leaveOpen)
            {
                stream.Dispose();
            }
        }

        _length = _stream.Length;
    }

    /// <summary>The input's name in messages.</summary>
    public string Name { get; }

    /// <summary>The total length of the input in bytes, as it was when the reader was made.</summary>
    public long Length => _length;

    /// <summary>The current offset from the start of the input.</summary>
    public long Position => _stream.Position;

    /// <summary>The bytes not yet read.</summary>
    public long Remaining => Math.Max(0, _length - _stream.Position);

    /// <summary>Opens a file for bounded reading; messages name it by its file name.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A reader positioned at the file's first byte.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened for reading.</exception>
    public static BoundedReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return new BoundedReader(stream, Path.GetFileName(path));
    }

    /// <summary>Reads one byte.</summary>
    /// <param name="what">The field, for the message when the input ends.</param>
    /// <returns>The byte.</returns>
    /// <exception cref="InvalidDataException">The input ends first.</exception>
    public byte ReadByte(string what)
    {
        Fill(1, what);
        return _scratch[0];
    }

    /// <summary>Reads a little-endian 16-bit unsigned integer.</summary>
    /// <param name="what">The field, for messages.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidDataException">The input ends first.</exception>
    public ushort ReadUInt16(string what)
    {
        Fill(2, what);
        return BinaryPrimitives.ReadUInt16LittleEndian(_scratch);
    }

    /// <summary>Reads a little-endian 32-bit unsigned integer.</summary>
    /// <param name="what">The field, for messages.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidDataException">The input ends first.</exception>
    public uint ReadUInt32(string what)
    {
        Fill(4, what);
        return BinaryPrimitives.ReadUInt32LittleEndian(_scratch);
    }

    /// <summary>Reads a little-endian 32-bit signed integer.</summary>
    /// <param name="what">The field, for messages.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidDataException">The input ends first.</exception>
    public int ReadInt32(string what)
    {
        Fill(4, what);
        return BinaryPrimitives.ReadInt32LittleEndian(_scratch);
    }

    /// <summary>Reads a little-endian 64-bit signed integer.</summary>
    /// <param name="what">The field, for messages.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidDataException">The input ends first.</exception>
    public long ReadInt64(string what)
    {
        Fill(8, what);
        return BinaryPrimitives.ReadInt64LittleEndian(_scratch);
    }

    /// <summary>Fills <paramref name="destination"/> completely from the input.</summary>
    /// <param name="destination">Where the bytes go; its length is the number read.</param>
    /// <param name="what">The field, for messages.</param>
    /// <exception cref="InvalidDataException">Fewer bytes remain than <paramref name="destination"/> holds.</exception>
    public void ReadExactly(Span<byte> destination, string what)
    {
        Require(destination.Length, what);
        _stream.ReadExactly(destination);
    }

    /// <summary>Reads a block of bytes whose length the input declared; the length is checked before the array is allocated.</summary>
    /// <param name="count">The declared length in bytes.</param>
    /// <param name="what">The field, for messages.</param>
    /// <returns>A new array of <paramref name="count"/> bytes.</returns>
    /// <exception cref="InvalidDataException"><paramref name="count"/> is negative or more than the bytes that remain.</exception>
    public byte[] ReadBytes(long count, string what)
    {
        int length = Count(count, 1, what);
        var bytes = new byte[length];
        _stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Reads a string as <see cref="BinaryWriter.Write(string)"/> writes it: a 7-bit encoded length, then that many
    /// bytes of strict UTF-8 (an invalid sequence is an error, not a replacement character).
    /// </summary>
    /// <param name="what">The field, for messages.</param>
    /// <returns>The string.</returns>
    /// <exception cref="InvalidDataException">The length is malformed or longer than the input, or the bytes are not UTF-8.</exception>
    public string ReadString(string what)
    {
        long length = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw Corrupt($"{what} has a malformed length prefix");
            }

            byte b = ReadByte(what);
            length |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        byte[] bytes = ReadBytes(length, what);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt($"{what} is not valid UTF-8 text");
        }
    }

    /// <summary>
    /// Checks a declared number of items against the bytes that remain and returns it as an array length:
    /// <paramref name="declared"/> × <paramref name="bytesPerItem"/> (overflow-checked) must fit in what is left.
    /// </summary>
    /// <param name="declared">The count the input declares.</param>
    /// <param name="bytesPerItem">The fewest bytes each item occupies in the input (≥ 1).</param>
    /// <param name="what">The items, for messages (e.g. "order 2 entries").</param>
    /// <returns><paramref name="declared"/>, safe to allocate an array of.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytesPerItem"/> is below 1.</exception>
    /// <exception cref="InvalidDataException">The count is negative, larger than an array can hold, or needs more bytes than remain.</exception>
    public int Count(long declared, long bytesPerItem, string what)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerItem, 1);
        if (declared < 0)
        {
            throw Corrupt($"it declares {declared} {what}");
        }

        long need = Bytes(declared, bytesPerItem, what);
        if (need > Remaining)
        {
            throw Corrupt($"it declares {declared} {what} ({need} bytes) but only {Remaining} bytes remain; the file is truncated or corrupt");
        }

        if (declared > Array.MaxLength)
        {
            throw Corrupt($"it declares {declared} {what}, more than one array can hold");
        }

        return (int)declared;
    }

    /// <summary>Checks that at least <paramref name="bytes"/> bytes remain.</summary>
    /// <param name="bytes">The bytes about to be read.</param>
    /// <param name="what">The field, for messages.</param>
    /// <exception cref="InvalidDataException">Fewer bytes remain.</exception>
    public void Require(long bytes, string what)
    {
        if (bytes < 0 || bytes > Remaining)
        {
            throw Corrupt($"it ends inside {what} ({bytes} bytes needed, {Remaining} remain); the file is truncated");
        }
    }

    /// <summary>
    /// The product of declared dimensions, overflow-checked: a shape whose element count does not fit in 63 bits is an
    /// error, not a wrapped number that happens to match the file's length.
    /// </summary>
    /// <param name="dimensions">The declared dimensions (each ≥ 0).</param>
    /// <param name="what">The shape, for messages.</param>
    /// <returns>The product (1 for no dimensions).</returns>
    /// <exception cref="InvalidDataException">A dimension is negative or the product overflows.</exception>
    public long Product(ReadOnlySpan<long> dimensions, string what)
    {
        long product = 1;
        foreach (long d in dimensions)
        {
            if (d < 0)
            {
                throw Corrupt($"{what} has a negative dimension {d}");
            }

            product = Bytes(product, d, what);
        }

        return product;
    }

    /// <summary>
    /// Checks the input's trailer without moving the read position: it must end with <paramref name="endMarker"/> and
    /// then a little-endian CRC-32 (<see cref="Crc32"/>) of every byte from <paramref name="start"/> through the marker.
    /// </summary>
    /// <param name="start">The offset where the checked content begins (the format's magic), at or before the current position.</param>
    /// <param name="endMarker">The bytes that precede the checksum (1 … 64 bytes, ASCII, since messages quote it).</param>
    /// <returns>The checksum, which a caller may use as the content's identity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is negative or after the current position, or <paramref name="endMarker"/> is empty or longer than 64 bytes.</exception>
    /// <exception cref="InvalidDataException">The input does not end with the marker and a checksum (it is truncated, has bytes
    /// appended, or the marker is damaged), or the checksum does not match the content.</exception>
    /// <remarks>A CRC-32 detects every error burst of up to 32 bits, so every single-bit flip between
    /// <paramref name="start"/> and the end is refused here (Peterson &amp; Brown 1961, doi:10.1109/JRPROC.1961.287814).
    /// The content is read once more in 64 KiB pieces; nothing is allocated in proportion to it.</remarks>
    public uint VerifyTrailer(long start, ReadOnlySpan<byte> endMarker)
    {
        long position = _stream.Position;
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, position);
        ArgumentOutOfRangeException.ThrowIfZero(endMarker.Length, nameof(endMarker));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endMarker.Length, 64, nameof(endMarker));
        string marker = Encoding.ASCII.GetString(endMarker);
        long checksumAt = _length - sizeof(uint);
        Span<byte> tail = stackalloc byte[endMarker.Length + sizeof(uint)];
        if (checksumAt - endMarker.Length < position)
        {
            throw Corrupt($"it is too short to end with the end marker {marker} and a checksum; the file is truncated");
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            _stream.Position = checksumAt - endMarker.Length;
            _stream.ReadExactly(tail);
            if (!tail[..endMarker.Length].SequenceEqual(endMarker))
            {
                throw Corrupt($"it does not end with the end marker {marker} and a checksum; the file is truncated, has bytes appended, or is damaged");
            }

            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(tail[endMarker.Length..]);
            uint computed = 0;
            _stream.Position = start;
            for (long left = checksumAt - start; left > 0;)
            {
                int piece = (int)Math.Min(left, buffer.Length);
                _stream.ReadExactly(buffer, 0, piece);
                computed = Crc32.Append(computed, buffer.AsSpan(0, piece));
                left -= piece;
            }

            return computed == stored
                ? stored
                : throw Corrupt($"its CRC-32 checksum is {stored:x8} but its content gives {computed:x8}; the file was damaged after it was written");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _stream.Position = position;
        }
    }

    /// <summary>An <see cref="InvalidDataException"/> naming the input and the problem (never its bytes).</summary>
    /// <param name="problem">What is wrong, without a final full stop.</param>
    /// <returns>The exception, to throw.</returns>
    public InvalidDataException Corrupt(string problem) => new($"{Name} is not a valid file: {problem}.");

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private long Bytes(long a, long b, string what)
    {
        try
        {
            return checked(a * b);
        }
        catch (OverflowException)
        {
            throw Corrupt($"{what} overflows: {a} × {b} does not fit in 64 bits");
        }
    }

    private void Fill(int count, string what)
    {
        Require(count, what);
        _stream.ReadExactly(_scratch.AsSpan(0, count));
    }
}
