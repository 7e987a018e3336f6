using System.Text.Json;

namespace Shannon.Cli.Tests;

public sealed class MiLabelsTests() : ScratchDirectoryTests("shannon-mi-labels-")
{
    // scikit-learn: mutual_info_score(['x','x','y','y'], ['p','p','q','r']) = ln 2; NMI and AMI per averaging below.
    private (string A, string B) Example() => (File("a.txt", "x\nx\ny\ny\n"), File("b.txt", "p\r\np \nq\nr"));

    [Fact]
    public void Mutual_information_human_line_and_bits_json()
    {
        // --estimator plugin is scikit-learn's mutual_info_score; 4 rows for 2 × 3 values are too sparse, and a note says so.
        var (a, b) = Example();
        var (code, output, error) = CliRunner.Run("mi", "--labels", a, b, "--estimator", "plugin");
        Assert.Equal(0, code);
        Assert.StartsWith("note: too sparse: n = 4 rows for 2 × 3 = 6 cells", error, StringComparison.Ordinal);
        Assert.Equal("I(A;B) = 0.6931471806 nats (plugin, n = 4)", output.Trim());

        (code, output, _) = CliRunner.Run("mi", "--labels", a, b, "--estimator", "plugin", "--base", "2", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1.0, root.GetProperty("value").GetDouble(), 15);
        Assert.Equal("bits", root.GetProperty("unit").GetString());
        Assert.Equal("plugin", root.GetProperty("estimator").GetString());
        Assert.Equal("mutual_information", root.GetProperty("measure").GetString());
        Assert.Equal(4, root.GetProperty("n").GetInt32());
        Assert.Equal(2, root.GetProperty("clusters_a").GetInt32());
        Assert.Equal(3, root.GetProperty("clusters_b").GetInt32());
    }

    [Theory]
    [InlineData("arithmetic", 0.7999999999999999, 0.5714285714285715)]
    [InlineData("geometric", 0.8164965809277259, 0.5972878541236597)]
    [InlineData("min", 0.9999999999999999, 0.9999999999999996)]
    [InlineData("max", 0.6666666666666666, 0.4000000000000001)]
    public void Normalized_and_adjusted_match_scikit_learn(string average, double nmi, double ami)
    {
        var (a, b) = Example();
        var (code, output, _) = CliRunner.Run("mi", "--labels", a, b, "--normalized", average, "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(nmi, root.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal("unitless", root.GetProperty("unit").GetString());
        Assert.Equal("normalized_mutual_information", root.GetProperty("measure").GetString());
        Assert.Equal(average, root.GetProperty("average").GetString());

        (code, output, _) = CliRunner.Run("mi", "--labels", a, b, "--normalized", average, "--adjusted", "--json");
        Assert.Equal(0, code);
        root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(ami, root.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal("adjusted_mutual_information", root.GetProperty("measure").GetString());
    }

    [Fact]
    public void Adjusted_human_line_and_stdin()
    {
        var (a, _) = Example();
        var (code, output, _) = CliRunner.RunWithStdin("p\np\nq\nr\n", "mi", "--labels", a, "-", "--adjusted");
        Assert.Equal(0, code);
        Assert.Equal("AMI(A;B) = 0.5714285714 (arithmetic average; n = 4, 2 × 3 clusters)", output.Trim());
    }

    [Fact]
    public void Length_mismatch_names_the_unpaired_line()
    {
        string a = File("a.txt", "1\n2\n3\n");
        string b = File("b.txt", "1\n2\n");
        var (code, output, error) = CliRunner.Run("mi", "--labels", a, b);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: FILE_A has 3 labels but FILE_B has 2; they must pair up line by line (line 3 of FILE_A", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Bad_input_exits_2_with_one_line()
    {
        string a = File("a.txt", "1\n2\n");
        string blank = File("blank.txt", "1\n\n");
        string empty = File("empty.txt", "");
        AssertBad(["mi", "--labels", a, blank], "error: FILE_B '");
        AssertBad(["mi", "--labels", a, blank], "has an empty label on line 2.");
        AssertBad(["mi", "--labels", empty, a], "has no labels.");
        AssertBad(["mi", "--labels", a, PathOf("missing.txt")], "error: FILE_B file '");
        AssertBad(["mi", "--labels", a, a, "--counts"], "error: --counts does not apply to mi --labels.");
        AssertBad(["mi", "--labels", "-", "-"], "error: only one of FILE_A and FILE_B can be -");
        AssertBad(["mi", "--labels", a], "error:");
    }

    [Fact]
    public void Unknown_averaging_is_a_usage_error()
    {
        // System.CommandLine rejects it while parsing (its message lists the allowed values on further lines).
        var (code, output, error) = CliRunner.Run("mi", "--labels", "a.txt", "b.txt", "--normalized", "median");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: Argument 'median' not recognized", error);
    }

    private static void AssertBad(string[] args, string expected)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }
}
