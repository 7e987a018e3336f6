using System.IO.Compression;
using System.Text;
using Shannon.Data.Files;
using Shannon.Data.Tables;

namespace Shannon.Data.Tests.Tables;

/// <summary>
/// A gzipped table must be whole: DuckDB's gzip reader analyses a cut stream as if it were complete (a 100,000-byte
/// head of a 200,000-row .csv.gz was read as 83,958 rows with nothing reported dropped).
/// </summary>
public sealed class GzipTableTests : IDisposable
{
    private const int Rows = 20_000;
    private readonly TempFiles temp = new();

    public void Dispose() => temp.Dispose();

    private static byte[] Csv()
    {
        var text = new StringBuilder("a,b\n");
        var random = new Random(5);
        for (int i = 0; i < Rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{random.NextDouble():R},{i % 7}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = temp.Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_whole_gzip_file_reads_every_row()
    {
        byte[] csv = Csv();
        string path = WriteBytes("whole.csv.gz", Gzip(csv));
        Assert.Equal(Rows, TableReader.Read(path).RowCount);
        Assert.Equal(csv.Length, GzipCheck.VerifyComplete(path, "whole.csv.gz"));
    }

    /// <summary>Two gzip members one after the other (as <c>cat a.gz b.gz</c> makes) are one valid stream.</summary>
    [Fact]
    public void Concatenated_members_are_whole()
    {
        byte[] csv = Csv();
        byte[] body = Encoding.UTF8.GetBytes("0.5,3\n0.25,4\n");
        string path = WriteBytes("two.csv.gz", [.. Gzip(csv), .. Gzip(body)]);
        Assert.Equal(Rows + 2, TableReader.Read(path).RowCount);
    }

    [Theory]
    [InlineData(0.5)]   // cut inside the deflate data
    [InlineData(0.99)]
    [InlineData(-4)]    // the CRC and half the trailer present, ISIZE cut
    [InlineData(-1)]    // one trailer byte missing
    public void A_truncated_gzip_file_is_refused_naming_it(double cut)
    {
        byte[] whole = Gzip(Csv());
        int length = cut > 0 ? (int)(whole.Length * cut) : whole.Length + (int)cut;
        string path = WriteBytes("cut.csv.gz", whole[..length]);
        var error = Assert.Throws<InvalidDataException>(() => TableReader.Read(path));
        Assert.StartsWith($"truncated gzip: '{path}'", error.Message);
    }

    [Fact]
    public void A_truncated_gzip_file_is_refused_by_the_schema_and_the_counting_query_too()
    {
        byte[] whole = Gzip(Csv());
        string path = WriteBytes("cut.csv.gz", whole[..(whole.Length / 2)]);
        Assert.StartsWith("truncated gzip", Assert.Throws<InvalidDataException>(() => TableReader.ColumnKinds(path)).Message);
        Assert.StartsWith("truncated gzip", Assert.Throws<InvalidDataException>(() => Shannon.Data.Counts.ContingencyQuery.Count(path, "b")).Message);
    }

    [Fact]
    public void A_wrong_crc_is_refused_as_corrupt()
    {
        byte[] whole = Gzip(Csv());
        whole[^8] ^= 0xff; // first byte of the CRC-32 in the trailer
        string path = WriteBytes("crc.csv.gz", whole);
        Assert.StartsWith("corrupt gzip", Assert.Throws<InvalidDataException>(() => TableReader.Read(path)).Message);
    }

    [Fact]
    public void An_empty_or_non_gzip_file_named_gz_is_refused()
    {
        string empty = WriteBytes("empty.csv.gz", []);
        Assert.StartsWith("truncated gzip", Assert.Throws<InvalidDataException>(() => TableReader.Read(empty)).Message);
        string plain = WriteBytes("plain.csv.gz", Csv());
        Assert.StartsWith("corrupt gzip", Assert.Throws<InvalidDataException>(() => TableReader.Read(plain)).Message);
    }
}
