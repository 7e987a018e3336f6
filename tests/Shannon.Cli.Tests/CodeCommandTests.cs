using System.Text.Json;

namespace Shannon.Cli.Tests;

public class CodeCommandTests
{
    [Fact]
    public void Huffman_code_of_a_dyadic_distribution_as_json()
    {
        var (code, output, error) = CliRunner.Run("code", "0.5,0.25,0.125,0.125", "--base", "2", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("huffman", root.GetProperty("code").GetString());
        Assert.Equal([1, 2, 3, 3], root.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(["0", "10", "110", "111"], root.GetProperty("codewords").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1.75, root.GetProperty("expected_length").GetDouble(), 14);
        Assert.Equal(1.75, root.GetProperty("entropy").GetDouble(), 14);
        Assert.Equal(0.0, root.GetProperty("redundancy").GetDouble(), 14);
        Assert.Equal(1.0, root.GetProperty("kraft_sum").GetDouble());
        Assert.Equal("bits", root.GetProperty("unit").GetString());
        Assert.False(root.TryGetProperty("expected_length_true", out _));
    }

    [Fact]
    public void True_distribution_shows_cross_entropy_and_KL_as_measured_bits()
    {
        var (code, output, _) = CliRunner.Run("code", "0.5,0.25,0.125,0.125", "--true", "0.25,0.25,0.25,0.25", "--base", "2", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2.25, root.GetProperty("expected_length_true").GetDouble(), 14);
        Assert.Equal(2.0, root.GetProperty("entropy_true").GetDouble(), 14);
        Assert.Equal(2.25, root.GetProperty("cross_entropy").GetDouble(), 14);
        Assert.Equal(0.25, root.GetProperty("kl_divergence").GetDouble(), 14);
    }

    [Fact]
    public void Arithmetic_gives_Shannon_Fano_Elias_lengths_and_says_so()
    {
        var (code, output, _) = CliRunner.Run("code", "0.25,0.5,0.125,0.125", "--arithmetic", "--base", "2");
        Assert.Equal(0, code);
        Assert.Contains("Shannon–Fano–Elias", output);
        Assert.Contains("⌈−log₂ p⌉ + 1", output);
        Assert.Contains("1       0.5           2     10", output);
        Assert.Contains("L = 2.75 bits   H(P) = 1.75 bits   L - H = 1 bits   Kraft sum = 0.5", output);
        var json = JsonDocument.Parse(CliRunner.Run("code", "0.25,0.5,0.125,0.125", "--arithmetic", "--json").Out).RootElement;
        Assert.Equal("shannon-fano-elias", json.GetProperty("code").GetString());
        Assert.Equal("nats", json.GetProperty("unit").GetString());
        Assert.Equal(2.75 * Math.Log(2), json.GetProperty("expected_length").GetDouble(), 14);
    }

    [Fact]
    public void Shannon_Fano_and_length_limited_Huffman_are_selectable()
    {
        var fano = JsonDocument.Parse(CliRunner.Run("code", "0.35,0.17,0.17,0.16,0.15", "--shannon-fano", "--base", "2", "--json").Out).RootElement;
        Assert.Equal("shannon-fano", fano.GetProperty("code").GetString());
        Assert.Equal(2.31, fano.GetProperty("expected_length").GetDouble(), 14);
        var limited = JsonDocument.Parse(CliRunner.Run("code", "64,32,16,8,4,2,1,1", "--counts", "--max-length", "4", "--json").Out).RootElement;
        Assert.Equal("length-limited-huffman", limited.GetProperty("code").GetString());
        Assert.Equal(4, limited.GetProperty("lengths").EnumerateArray().Max(e => e.GetInt32()));
    }

    [Fact]
    public void Zero_probability_symbols_have_no_codeword_and_make_Q_cost_infinity()
    {
        var (code, output, _) = CliRunner.Run("code", "5,0,3", "--counts", "--true", "1,1,1", "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("lengths")[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("codewords")[1].ValueKind);
        Assert.Equal("Infinity", root.GetProperty("expected_length_true").GetString());
        Assert.Equal("Infinity", root.GetProperty("kl_divergence").GetString());
        Assert.Contains("(none: p = 0)", CliRunner.Run("code", "0.5,0,0.5").Out);
    }

    [Fact]
    public void Reads_P_from_stdin()
    {
        var (code, output, _) = CliRunner.RunWithStdin("1 1 1 1\n", "code", "-", "--counts", "--base", "bits", "--json");
        Assert.Equal(0, code);
        Assert.Equal(2.0, JsonDocument.Parse(output).RootElement.GetProperty("expected_length").GetDouble(), 14);
    }

    [Theory]
    [InlineData(new[] { "code", "0.5,0.4" }, "error: P sums to 0.9")]
    [InlineData(new[] { "code", "0.5,0.5", "--huffman", "--arithmetic" }, "error: choose one of")]
    [InlineData(new[] { "code", "0.5,0.5", "--arithmetic", "--max-length", "3" }, "error: --max-length applies to Huffman codes only.")]
    [InlineData(new[] { "code", "0.5,0.5", "--max-length", "0" }, "error: --max-length must be in 1–64; got 0.")]
    [InlineData(new[] { "code", "0.2,0.2,0.2,0.2,0.2", "--max-length", "2" }, "error: 5 symbols need codewords of at least 3 bits")]
    [InlineData(new[] { "code", "0.5,0.5", "--true", "0.2,0.3,0.5" }, "error: Q has 3 entries but P has 2")]
    [InlineData(new[] { "code", "0.5,0.5", "--true", "0.2,0.2" }, "error: Q sums to 0.4")] // review 5: it said "p sums to 0.4", naming P for a bad Q
    [InlineData(new[] { "code", "0.5,x" }, "error: P has 'x' at index 1, which is not a number.")]
    public void Bad_input_exits_2_with_one_line(string[] args, string expected)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }
}
