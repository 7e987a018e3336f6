using System.Text.Json;

namespace Shannon.Cli.Tests;

public class PidCommandTests
{
    private const string Xor = "0.25,0,0,0.25,0,0.25,0.25,0";
    private const string And = "0.25,0,0.25,0,0.25,0,0,0.25";

    [Theory]
    [InlineData(Xor, "imin", 0, 0, 0, 1, 1)]
    [InlineData(And, "imin", 0.31127812445913283, 0, 0, 0.5, 0.8112781244591328)]
    [InlineData(And, "mmi", 0.31127812445913283, 0, 0, 0.5, 0.8112781244591328)]
    [InlineData("0.5,0,0,0,0,0,0,0.5", "imin", 1, 0, 0, 0, 1)]
    public void Canonical_gates_in_json(string table, string measure, double r, double u1, double u2, double s, double mi)
    {
        var (code, output, error) = CliRunner.Run("pid", "--joint", table, "--shape", "2,2,2", "--measure", measure, "--base", "2", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(r, root.GetProperty("redundancy").GetDouble(), 1e-12);
        Assert.Equal(u1, root.GetProperty("unique_1").GetDouble(), 1e-12);
        Assert.Equal(u2, root.GetProperty("unique_2").GetDouble(), 1e-12);
        Assert.Equal(s, root.GetProperty("synergy").GetDouble(), 1e-12);
        Assert.Equal(mi, root.GetProperty("mutual_information").GetDouble(), 1e-12);
        Assert.Equal("bits", root.GetProperty("unit").GetString());
        Assert.Equal(measure, root.GetProperty("measure").GetString());
    }

    [Fact]
    public void Human_lines_from_counts()
    {
        var (code, output, _) = CliRunner.Run("pid", "--joint", "1 0 0 1 0 1 1 0", "--shape", "2,2,2", "--counts", "--base", "2");
        Assert.Equal(0, code);
        Assert.Equal(["redundancy = 0 bits", "unique_1 = 0 bits", "unique_2 = 0 bits", "synergy = 1 bits", "I(S1,S2;T) = 1 bits (imin, plugin, n = 4)"], output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));

        // Review 4: counts were decomposed by an unnamed plug-in while mi --joint --counts names its estimator. The JSON
        // names it too, with n; a distribution is exact and names none.
        (code, output, _) = CliRunner.Run("pid", "--joint", "1 0 0 1 0 1 1 0", "--shape", "2,2,2", "--counts", "--json");
        Assert.Equal(0, code);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.Equal("plugin", doc.RootElement.GetProperty("estimator").GetString());
            Assert.Equal(4, doc.RootElement.GetProperty("n").GetInt64());
        }

        (code, output, _) = CliRunner.Run("pid", "--joint", Xor, "--shape", "2,2,2", "--json");
        Assert.Equal(0, code);
        Assert.DoesNotContain("estimator", output, StringComparison.Ordinal);
        (code, _, var error) = CliRunner.Run("pid", "--joint", "1 0 0 1 0 1 1 0.5", "--shape", "2,2,2", "--counts");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --counts entry 8 is 0.5; an estimator needs whole, non-negative counts", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("pid", "--joint", "0 0 0 0 0 0 0 0", "--shape", "2,2,2", "--counts");
        Assert.Equal(2, code);
        Assert.Equal("error: --counts: the counts of --joint are all 0; there is nothing to estimate from.", error.Trim());
    }

    [Theory]
    [InlineData("--shape has 2 axes; pid needs three", "--joint", "0.25,0.25,0.25,0.25", "--shape", "2,2")]
    [InlineData("probabilities has 8 entries but shape [2, 2, 3] needs 12.", "--joint", Xor, "--shape", "2,2,3")]
    [InlineData("--shape has 'a', which is not a non-negative integer.", "--joint", Xor, "--shape", "2,a,2")]
    [InlineData("Argument 'wb' not recognized.", "--joint", Xor, "--shape", "2,2,2", "--measure", "wb")]
    [InlineData("sum", "--joint", "0.5,0.5,0.5,0,0,0,0,0", "--shape", "2,2,2")]
    public void Bad_input_exits_2_with_one_line(string expected, params string[] options)
    {
        var (code, output, error) = CliRunner.Run(["pid", .. options]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
