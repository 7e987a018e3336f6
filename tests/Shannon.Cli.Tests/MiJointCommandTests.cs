using System.Text.Json;

namespace Shannon.Cli.Tests;

public class MiJointCommandTests
{
    [Theory] // Lesson 000: dependent table 0.5310 bits; lesson 003's correlated table is 0.3636 nats (it prints 0.5004).
    [InlineData("0.45,0.05\n0.05,0.45\n", "I(X;Y) = 0.5310044064 bits", "--base", "2")]
    [InlineData("0.25,0.25\n0.25,0.25\n", "I(X;Y) = 0 nats")]
    [InlineData("0.4, 0.05\n\n0.05, 0.50\n", "I(X;Y) = 0.363614517 nats")]
    [InlineData("9 1\n1 9\n", "I(X;Y) = 0.5310044064 bits (plugin, n = 20)", "--counts", "--estimator", "plugin", "--base", "bits")]
    public void Golden_outputs_from_stdin(string stdin, string expected, params string[] options)
    {
        var (code, output, error) = CliRunner.RunWithStdin(stdin, ["mi", "--joint", "-", .. options]);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void Json_from_a_file()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "0.5,0\n0,0.5\n");
            var (code, output, _) = CliRunner.Run("mi", "--joint", file, "--base", "2", "--json");
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal(1.0, doc.RootElement.GetProperty("value").GetDouble(), 15);
            Assert.Equal("bits", doc.RootElement.GetProperty("unit").GetString());
            Assert.Equal(2, doc.RootElement.GetProperty("rows").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("0.5,0.5\n0.5\n", "error: --joint line 2 has 1 columns but the first row has 2.")]
    [InlineData("0.5,x\n", "error: --joint line 1 column 2 has 'x', which is not a number.")]
    [InlineData("0.5,0.4\n", "error: --joint sums to 0.9")]
    [InlineData("0.5,-0.1\n0.3,0.3\n", "error: joint has a negative entry -0.1 at index 1.")]
    [InlineData("\n", "error: --joint has no numbers.")]
    public void Bad_tables_exit_2_with_one_line(string stdin, string expected)
    {
        var (code, output, error) = CliRunner.RunWithStdin(stdin, "mi", "--joint", "-");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory] // A table has no samples: an interval, a permutation test or an estimator cannot apply, and is refused rather than ignored.
    [InlineData("error: --ci does not apply to mi --joint: a table holds no rows to resample or permute", "--ci", "0.95")]
    [InlineData("error: --permutations does not apply to mi --joint", "--permutations", "99")]
    [InlineData("error: --seed does not apply to mi --joint", "--seed", "3")]
    [InlineData("error: --estimator does not apply to mi --joint", "--estimator", "ksg1")]
    [InlineData("error: --x does not apply to mi --joint", "--x", "a")]
    [InlineData("error: --normalized does not apply to mi --joint; it goes with --labels.", "--normalized", "max")]
    [InlineData("error: --adjusted does not apply to mi --joint; it goes with --labels.", "--adjusted")]
    public void Sample_options_are_refused_with_a_table(string expected, params string[] options)
    {
        var (code, output, error) = CliRunner.RunWithStdin("0.45,0.05\n0.05,0.45\n", ["mi", "--joint", "-", .. options]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Missing_file_exits_2() => Assert.Equal(2, CliRunner.Run("mi", "--joint", "/no/such/joint.csv").Code);
}
