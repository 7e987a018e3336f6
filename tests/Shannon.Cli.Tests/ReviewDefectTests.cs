namespace Shannon.Cli.Tests;

/// <summary>
/// Defects a hostile review found on main: each exited with a message about the wrong thing (a column named after a
/// ragged CSV's header line, an option the user never typed) or printed a silently wrong number.
/// </summary>
public sealed class ReviewDefectTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("shannon-review-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string File(string name, string text)
    {
        string path = Path.Combine(directory, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static void AssertOneErrorLine((int Code, string Out, string Err) run, string expected)
    {
        Assert.Equal(2, run.Code);
        Assert.Equal(string.Empty, run.Out);
        Assert.Single(run.Err.TrimEnd('\n').Split('\n'));
        Assert.Equal("error: " + expected, run.Err.TrimEnd('\n'));
    }

    [Fact]
    public void A_ragged_csv_names_its_line_on_every_reader_and_on_stdin()
    {
        // Before: "--x 'a' is not a column of rag2.csv; it has: a,b,c." (DuckDB's sniffer fell back to one column).
        const string Ragged = "a,b,c\n1,2,3\n4,5\n6,7,8\n";
        string path = File("rag2.csv", Ragged);
        AssertOneErrorLine(CliRunner.Run("mi", path, "--x", "a", "--y", "b"), $"'{path}' line 3 has 2 fields; the header has 3.");
        AssertOneErrorLine(CliRunner.Run("features", path, "--target", "c"), $"'{path}' line 3 has 2 fields; the header has 3.");
        AssertOneErrorLine(CliRunner.RunWithStdin(Ragged, "features", "-", "--target", "c"), "'stdin' line 3 has 2 fields; the header has 3.");
        string tsv = File("rag.tsv", "a\tb\tc\n1,5\t2\t3\n4\t5\n6\t7\t8\n");
        AssertOneErrorLine(CliRunner.Run("mi", tsv, "--x", "a", "--y", "b"), $"'{tsv}' line 3 has 2 fields; the header has 3.");
    }

    [Fact]
    public void A_duplicated_header_is_refused_not_renamed_x_1()
    {
        // Before: `mi dup.csv --x x_1 --y y` printed an estimate for a column the user never wrote.
        string path = File("dup.csv", "x,x,y\n1,2,3\n4,5,6\n");
        AssertOneErrorLine(CliRunner.Run("mi", path, "--x", "x_1", "--y", "y"), $"'{path}' names column 'x' twice (columns 1 and 2); column names must be unique.");
    }
}
