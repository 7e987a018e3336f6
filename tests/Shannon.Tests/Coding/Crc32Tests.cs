using System.Text;
using CsCheck;
using Shannon.Coding;

namespace Shannon.Tests.Coding;

public class Crc32Tests
{
    /// <summary>Check values of zlib's crc32 (Python: <c>zlib.crc32(b"...")</c>).</summary>
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("abc", 0x352441C2u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Matches_zlib_check_values(string text, uint expected) =>
        Assert.Equal(expected, Crc32.Of(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Slicing_by_8_equals_the_bitwise_definition() =>
        Gen.Byte.Array[0, 300].Sample(data => Crc32.Of(data) == Bitwise(data));

    [Fact]
    public void Appending_equals_checksumming_the_concatenation() =>
        Gen.Select(Gen.Byte.Array[0, 100], Gen.Byte.Array[0, 100]).Sample((a, b) =>
            Crc32.Append(Crc32.Of(a), b) == Crc32.Of([.. a, .. b]));

    [Fact]
    public void Every_single_bit_flip_changes_the_checksum()
    {
        byte[] data = Encoding.ASCII.GetBytes("In the beginning God created the heaven and the earth.");
        uint crc = Crc32.Of(data);
        for (int bit = 0; bit < data.Length * 8; bit++)
        {
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(crc, Crc32.Of(data));
            data[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }

    private static uint Bitwise(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }
        }

        return ~c;
    }
}
