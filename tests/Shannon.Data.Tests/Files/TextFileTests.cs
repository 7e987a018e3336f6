using System.Text;
using Shannon.Data.Files;

namespace Shannon.Data.Tests.Files;

public sealed class TextFileTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Reads_utf8_with_or_without_a_byte_order_mark_and_utf16_with_one()
    {
        Assert.Equal("héllo\n", TextFile.Decode("héllo\n"u8, "x"));
        Assert.Equal("héllo", TextFile.Decode([0xEF, 0xBB, 0xBF, .. "héllo"u8], "x"));
        Assert.Equal("héllo", TextFile.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("héllo")], "x"));
        Assert.Equal("héllo", TextFile.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("héllo")], "x"));
        Assert.Equal(string.Empty, TextFile.Decode([], "x"));
        string path = _files.Write("t.txt", "0.5,0.5\n");
        Assert.Equal("0.5,0.5\n", TextFile.ReadAllText(path, "P"));
    }

    [Fact]
    public void Binary_input_is_refused_with_the_first_offending_offset_and_no_raw_bytes()
    {
        var error = Assert.Throws<InvalidDataException>(() => TextFile.Decode([(byte)'a', (byte)'b', 0x93, (byte)'N', 0x00], "--weights 'w.npy'"));
        Assert.Equal("--weights 'w.npy' is not text: byte 0x93 at offset 2 is not UTF-8 (is it a binary file?).", error.Message);
        Assert.Contains("byte 0x00 at offset 1", Assert.Throws<InvalidDataException>(() => TextFile.Decode([(byte)'a', 0, (byte)'b'], "x")).Message);
        Assert.Contains("at offset 1", Assert.Throws<InvalidDataException>(() => TextFile.Decode([(byte)'a', 0xC3], "x")).Message);
        Assert.Throws<InvalidDataException>(() => TextFile.Decode([0xFF, 0xFE, 0x00, 0xD8], "x"));
        Assert.Throws<FileNotFoundException>(() => TextFile.ReadAllText(_files.Path("missing.txt"), "x"));
    }

    [Fact]
    public void A_text_file_over_the_limit_is_refused_by_its_size_before_it_is_read()
    {
        string path = _files.Path("huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(3L << 30); // sparse: 3 GiB declared, no data written
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InvalidDataException>(() => TextFile.ReadAllText(path, "P"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "refused before allocating the file's size");
        Assert.Equal($"P '{path}' is 3221225472 bytes (3.0 GiB), more than the 1073741824 bytes (1 GiB) a text input may hold: it is read whole into memory.", ex.Message);
    }
}
