using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Shannon.Data.Files;

/// <summary>
/// Checks that a gzip file is complete before a reader that tolerates a cut stream (DuckDB's gzip reader analyses
/// whatever it could decompress) sees it.
/// </summary>
/// <remarks>
/// <para>.NET's <see cref="GZipStream"/> reports the end of a cut stream as a normal end of data, so the check is this
/// class's: one streaming pass through <see cref="GZipStream"/> (one reused 64 KB buffer, no whole-file buffer; zlib
/// verifies the CRC-32 of every member whose trailer it reaches) counts the decompressed bytes, which must equal, modulo
/// 2³², the ISIZE field that ends a gzip file (RFC 1952 §2.3.1). A cut file ends inside the compressed data or the
/// trailer, so its last four bytes match with probability 2⁻³². A file of several members (<c>cat a.gz b.gz</c>)
/// ends with its last member's ISIZE; when the totals differ the members are walked one by one (header, raw deflate fed
/// a byte at a time so that its end is known exactly, trailer), a slower pass taken only for such files and for cut
/// ones. Reference: Deutsch, P. (1996), RFC 1952, GZIP file format specification 4.3, doi:10.17487/RFC1952.</para>
/// </remarks>
internal static class GzipCheck
{
    private const int BufferSize = 1 << 16;

    /// <summary>Is the path named as gzip (<c>.gz</c>, any case)?</summary>
    public static bool IsGzipName(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the gzip file at <paramref name="path"/> to its end and returns the number of decompressed bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">The name to show in an error (the user's argument, or <c>stdin</c>).</param>
    /// <returns>The decompressed length in bytes.</returns>
    /// <exception cref="InvalidDataException">The stream is cut short ("truncated gzip: …"), or is not gzip or fails its CRC ("corrupt gzip: …").</exception>
    public static long VerifyComplete(string path, string displayName)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
            if (file.Length < 18)
            {
                // A header (10 bytes) and a trailer (8) at the least.
                throw Truncated(displayName);
            }

            long total = 0;
            using (var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true))
            {
                int read;
                while ((read = gzip.Read(buffer, 0, BufferSize)) > 0)
                {
                    total += read;
                }
            }

            file.Position = file.Length - 4;
            file.ReadExactly(buffer, 0, 4);
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer) == (uint)total)
            {
                return total;
            }

            return WalkMembers(file, buffer, displayName);
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith("truncated gzip", StringComparison.Ordinal) && !ex.Message.StartsWith("corrupt gzip", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"corrupt gzip: '{displayName}' is not a valid gzip stream ({ex.Message.TrimEnd('.')}).", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static InvalidDataException Truncated(string displayName) =>
        new($"truncated gzip: '{displayName}' ends before its compressed stream does (cut short while copying or downloading?).");

    /// <summary>Walks the members exactly: each must have a whole header, deflate data that ends, and a trailer whose ISIZE matches.</summary>
    private static long WalkMembers(FileStream file, byte[] buffer, string displayName)
    {
        long total = 0;
        long offset = 0;
        while (offset < file.Length)
        {
            file.Position = offset;
            SkipHeader(file, displayName);
            long size = 0;
            using (var deflate = new DeflateStream(new OneByteAtATime(file), CompressionMode.Decompress, leaveOpen: true))
            {
                int read;
                while ((read = deflate.Read(buffer, 0, BufferSize)) > 0)
                {
                    size += read;
                }
            }

            if (file.Length - file.Position < 8)
            {
                throw Truncated(displayName);
            }

            file.ReadExactly(buffer, 0, 8);
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(4)) != (uint)size)
            {
                throw Truncated(displayName);
            }

            total += size;
            offset = file.Position;
        }

        return total;
    }

    private static void SkipHeader(FileStream file, string displayName)
    {
        Span<byte> header = stackalloc byte[10];
        if (file.Length - file.Position < header.Length)
        {
            throw Truncated(displayName);
        }

        file.ReadExactly(header);
        if (header[0] != 0x1f || header[1] != 0x8b || header[2] != 8)
        {
            throw new InvalidDataException($"corrupt gzip: '{displayName}' has bytes that do not start a gzip member at offset {file.Position - header.Length}.");
        }

        byte flags = header[3];
        if ((flags & 4) != 0)
        {
            int low = ReadByte(file, displayName);
            int high = ReadByte(file, displayName);
            Skip(file, low | (high << 8), displayName);
        }

        for (int bit = 8; bit <= 16; bit <<= 1)
        {
            if ((flags & bit) != 0)
            {
                while (ReadByte(file, displayName) != 0)
                {
                    // a zero-terminated name (8) or comment (16)
                }
            }
        }

        if ((flags & 2) != 0)
        {
            Skip(file, 2, displayName);
        }
    }

    private static int ReadByte(FileStream file, string displayName)
    {
        int b = file.ReadByte();
        return b >= 0 ? b : throw Truncated(displayName);
    }

    private static void Skip(FileStream file, int count, string displayName)
    {
        if (file.Length - file.Position < count)
        {
            throw Truncated(displayName);
        }

        file.Position += count;
    }

    /// <summary>A read-only view that hands out one byte per read, so that a decompressor stops exactly at its stream's end.</summary>
    private sealed class OneByteAtATime(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => count == 0 ? 0 : inner.Read(buffer, offset, 1);

        public override int Read(Span<byte> buffer) => buffer.IsEmpty ? 0 : inner.Read(buffer[..1]);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
