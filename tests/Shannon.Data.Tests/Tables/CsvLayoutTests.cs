using System.IO.Compression;
using System.Text;
using Shannon.Data.Tables;

namespace Shannon.Data.Tests.Tables;

/// <summary>
/// A ragged CSV or TSV names the line at fault (DuckDB's sniffer fell back to one column named after the header line,
/// and the error was about a column), and a header that names a column twice is refused rather than renamed x_1.
/// </summary>
public sealed class CsvLayoutTests : IDisposable
{
    private readonly TempFiles temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("rag.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n", 3, 2, 3)]
    [InlineData("long.csv", "a,b,c\n1,2,3\n4,5,6,7\n6,7,8\n", 3, 4, 3)]
    [InlineData("short.csv", "x,y\n1,2,3\n4\n", 2, 3, 2)]
    [InlineData("rag.tsv", "a\tb\tc\n1,5\t2\t3\n4\t5\n6\t7\t8\n", 3, 2, 3)]
    [InlineData("quoted.csv", "a,b,c\n\"1,\n5\",2,3\n4,5\n", 4, 2, 3)]
    [InlineData("blank.csv", "a,b,c\n\n1,2,3\r\n\r\n4,5\n", 5, 2, 3)]
    public void A_ragged_file_names_its_line_and_both_field_counts(string name, string text, long line, int fields, int header)
    {
        string path = temp.Write(name, text);
        var ex = Assert.Throws<InvalidDataException>(() => TableReader.Read(path));
        Assert.Equal($"'{path}' line {line} has {fields} field{(fields == 1 ? "" : "s")}; the header has {header}.", ex.Message);
        Assert.Equal(ex.Message, Assert.Throws<InvalidDataException>(() => TableReader.ColumnKinds(path)).Message);
    }

    [Fact]
    public void A_ragged_line_past_the_sniffers_sample_is_named_too_and_gzip_is_read_through()
    {
        var text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 30_000; i++)
        {
            text.Append(i % 7).Append(',').Append(i % 5).Append(',').Append(i % 3).Append('\n');
        }

        text.Append("1,2\n1,2,3\n");
        string path = temp.Write("late.csv", text.ToString());
        Assert.Equal($"'{path}' line 30002 has 2 fields; the header has 3.", Assert.Throws<InvalidDataException>(() => TableReader.Read(path)).Message);

        string gz = temp.Path("rag.csv.gz");
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            zip.Write("a,b,c\n1,2,3\n4,5\n6,7,8\n"u8);
        }

        Assert.Equal($"'{gz}' line 3 has 2 fields; the header has 3.", Assert.Throws<InvalidDataException>(() => TableReader.Read(gz)).Message);
    }

    [Fact]
    public void A_tsv_that_is_comma_separated_is_refused_by_its_first_line()
    {
        string path = temp.Write("t.tsv", "x,y\n1,a\n2,b\n");
        Assert.Equal(
            $"'{path}' line 1 has no tab but has commas: a .tsv file separates its fields by tabs, and this one looks comma-separated (name it .csv).",
            Assert.Throws<InvalidDataException>(() => TableReader.Read(path)).Message);
        Assert.Equal(["x", "y"], TableReader.Read(temp.Write("t.csv", "x,y\n1,a\n2,b\n")).Columns.Select(c => c.Name));
    }

    [Fact]
    public void A_column_named_twice_is_refused_naming_it_not_renamed()
    {
        string path = temp.Write("dup.csv", "x,y,x\n1,2,3\n4,5,6\n");
        Assert.Equal($"'{path}' names column 'x' twice (columns 1 and 3); column names must be unique.",
            Assert.Throws<InvalidDataException>(() => TableReader.Read(path)).Message);
        string control = temp.Write("dup2.csv", "\"a\nb\",\"a\nb\"\n1,2\n");
        Assert.Equal($"'{control}' names column 'a\\u000ab' twice (columns 1 and 2); column names must be unique.",
            Assert.Throws<InvalidDataException>(() => TableReader.ColumnKinds(control)).Message);
    }

    [Fact]
    public void Even_files_with_quotes_semicolons_and_blank_lines_still_read()
    {
        var quoted = TableReader.Read(temp.Write("q.csv", "\"a,1\",b\n\"x,\"\"y\",2\n\"z\nw\",3\n"));
        Assert.Equal(["a,1", "b"], quoted.Columns.Select(c => c.Name));
        Assert.Equal(2, quoted.RowCount);
        var semicolons = TableReader.Read(temp.Write("s.csv", "a;b;c\n1;2;3\n4;5;6\n"));
        Assert.Equal(["a", "b", "c"], semicolons.Columns.Select(c => c.Name));
    }
}
