using System.Text;
using CsCheck;
using Shannon.Data.Files;

namespace Shannon.Data.Tests.Files;

public sealed class BoundedReaderTests
{
    private static BoundedReader Over(byte[] bytes) => new(new MemoryStream(bytes), "input.bin");

    [Fact]
    public void Reads_little_endian_integers_and_writer_strings()
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)7);
            writer.Write((ushort)0xBEEF);
            writer.Write(-5);
            writer.Write(0xDEADBEEFu);
            writer.Write(long.MinValue);
            writer.Write("héllo <s>");
            writer.Write(new string('x', 300));
        }

        using var reader = Over(stream.ToArray());
        Assert.Equal(7, reader.ReadByte("b"));
        Assert.Equal(0xBEEF, reader.ReadUInt16("u16"));
        Assert.Equal(-5, reader.ReadInt32("i32"));
        Assert.Equal(0xDEADBEEFu, reader.ReadUInt32("u32"));
        Assert.Equal(long.MinValue, reader.ReadInt64("i64"));
        Assert.Equal("héllo <s>", reader.ReadString("s"));
        Assert.Equal(new string('x', 300), reader.ReadString("long s"));
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void A_declared_count_beyond_the_bytes_left_fails_before_allocating()
    {
        using var reader = Over(new byte[56]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => reader.Count(1L << 29, 16, "order 1 entries"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
        Assert.Contains("input.bin", error.Message);
        Assert.Contains("536870912 order 1 entries", error.Message);
        Assert.Contains("only 56 bytes remain", error.Message);
        Assert.Equal(3, reader.Count(3, 16, "entries"));
        Assert.Throws<InvalidDataException>(() => reader.Count(-1, 1, "entries"));
        Assert.Throws<InvalidDataException>(() => reader.ReadBytes(57, "block"));
        Assert.Equal("bytesPerItem", Assert.Throws<ArgumentOutOfRangeException>(() => reader.Count(1, 0, "x")).ParamName);
    }

    [Fact]
    public void Counts_whose_byte_size_overflows_are_errors_not_wrapped_numbers()
    {
        using var reader = Over(new byte[64]);
        Assert.Contains("overflows", Assert.Throws<InvalidDataException>(() => reader.Count(long.MaxValue / 2, 16, "entries")).Message);
        Assert.Contains("overflows", Assert.Throws<InvalidDataException>(() => reader.Product([1L << 32, 1L << 32], "shape")).Message);
        Assert.Contains("negative", Assert.Throws<InvalidDataException>(() => reader.Product([3, -1], "shape")).Message);
        Assert.Equal(0, reader.Product([0, long.MaxValue], "shape"));
        Assert.Equal(1, reader.Product([], "shape"));
    }

    [Fact]
    public void VerifyTrailer_checks_the_end_marker_and_the_crc_32_without_moving_the_position()
    {
        // "junk" (not covered), then the content "HEAD body END!" and the CRC-32 of it, little-endian.
        byte[] content = "HEAD body END!"u8.ToArray();
        byte[] file = [.. "junk"u8, .. content, .. BitConverter.GetBytes(Shannon.Coding.Crc32.Of(content))];
        using (var reader = Over(file))
        {
            reader.ReadExactly(stackalloc byte[8], "junk and magic");
            Assert.Equal(Shannon.Coding.Crc32.Of(content), reader.VerifyTrailer(4, "END!"u8));
            Assert.Equal(8, reader.Position);
            Assert.Equal("body", Encoding.ASCII.GetString(reader.ReadBytes(5, "body")).Trim());
            Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => reader.VerifyTrailer(reader.Position + 1, "END!"u8)).ParamName);
            Assert.Equal("endMarker", Assert.Throws<ArgumentOutOfRangeException>(() => reader.VerifyTrailer(0, default)).ParamName);
        }

        for (int bit = 4 * 8; bit < file.Length * 8; bit++)
        {
            byte[] flipped = (byte[])file.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            using var reader = Over(flipped);
            reader.ReadBytes(4, "junk");
            var error = Assert.Throws<InvalidDataException>(() => reader.VerifyTrailer(4, "END!"u8));
            Assert.StartsWith("input.bin is not a valid file: ", error.Message);
            Assert.Contains(bit / 8 is >= 14 and < 18 ? "end marker END!" : "CRC-32", error.Message);
        }

        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => Over(file[..^1]).VerifyTrailer(0, "END!"u8)).Message);
        Assert.Contains("has bytes appended", Assert.Throws<InvalidDataException>(() => Over([.. file, 0]).VerifyTrailer(0, "END!"u8)).Message);
        Assert.Contains("too short", Assert.Throws<InvalidDataException>(() => Over(file[..6]).VerifyTrailer(0, "END!"u8)).Message);
    }

    [Fact]
    public void Truncated_fields_and_strings_name_the_field_and_never_quote_the_bytes()
    {
        using var reader = Over([0x93, 0xFF, 0x00]);
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadInt32("the order"));
        Assert.Contains("the order", error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.DoesNotContain('\uFFFD', error.Message);

        // A 200-byte string declared in a 3-byte file, then a string that is not UTF-8.
        Assert.Throws<InvalidDataException>(() => Over([0xC8, 0x01, 0x41]).ReadString("token"));
        Assert.Contains("not valid UTF-8", Assert.Throws<InvalidDataException>(() => Over([0x02, 0xC3, 0x28]).ReadString("token")).Message);
        Assert.Contains("malformed", Assert.Throws<InvalidDataException>(() => Over([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]).ReadString("token")).Message);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_bounded_by_what_it_holds()
    {
        using var reader = new BoundedReader(new ForwardOnly(new byte[12]), "pipe");
        Assert.Equal(12, reader.Remaining);
        Assert.Throws<InvalidDataException>(() => reader.Count(4, 4, "entries"));
    }

    [Fact]
    public void Random_bytes_read_as_counts_and_strings_never_allocate_beyond_the_input()
    {
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            using var reader = Over(bytes);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                while (reader.Remaining > 0)
                {
                    int declared = reader.Remaining >= 4 ? reader.ReadInt32("count") : reader.ReadByte("count");
                    int n = reader.Count(declared, 1, "items");
                    _ = reader.ReadBytes(n, "items");
                    _ = reader.ReadString("text");
                }
            }
            catch (InvalidDataException)
            {
            }

            return GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024;
        });
    }

    private sealed class ForwardOnly(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
