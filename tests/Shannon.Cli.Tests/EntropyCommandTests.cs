using System.Text.Json;

namespace Shannon.Cli.Tests;

public class EntropyCommandTests
{
    [Fact]
    public void Fair_coin_is_one_bit_as_json()
    {
        var (code, output, error) = CliRunner.Run("entropy", "0.5,0.5", "--base", "2", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1.0, doc.RootElement.GetProperty("value").GetDouble());
        Assert.Equal("bits", doc.RootElement.GetProperty("unit").GetString());
    }

    [Fact]
    public void Human_line_carries_the_unit()
    {
        var (code, output, _) = CliRunner.Run("entropy", "0.5,0.5");
        Assert.Equal(0, code);
        Assert.Equal("H(P) = 0.6931471806 nats", output.Trim());
    }

    [Fact]
    public void Reads_stdin_and_counts()
    {
        var (code, output, _) = CliRunner.RunWithStdin("3 1\n", "entropy", "-", "--counts", "--estimator", "plugin", "--base", "bits", "--json");
        Assert.Equal(0, code);
        Assert.Equal(0.8112781244591328, JsonDocument.Parse(output).RootElement.GetProperty("value").GetDouble(), 15);
    }

    /// <summary>Every estimator is honoured on inline counts as on a file of samples (it used to be ignored silently).</summary>
    [Theory]
    [InlineData("miller-madow", 0.80318083496147952)] // ln 3 − (2/3) ln 2 + 1/6
    [InlineData("plugin", 0.63651416829481278)]
    [InlineData("dirichlet:0", 0.63651416829481278)]
    public void An_estimator_on_inline_counts_is_used(string estimator, double expected)
    {
        var (code, output, error) = CliRunner.Run("entropy", "2,1", "--counts", "--estimator", estimator, "--json");
        Assert.Equal(0, code);
        Assert.StartsWith("note: too sparse: n = 3 rows for 2 values", error, StringComparison.Ordinal); // 3 counts of 2 values: fewer than 2 per value
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(expected, doc.RootElement.GetProperty("value").GetDouble(), 15);
        Assert.Equal(estimator, doc.RootElement.GetProperty("estimator").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("n").GetInt32());
    }

    [Theory]
    [InlineData("0.5,0.5", "--estimator", "miller-madow", "error: --estimator miller-madow estimates from observations")]
    [InlineData("2.5,1", "--counts", "--estimator", "plugin", "error: --counts entry 1 is 2.5")]
    [InlineData("2,1", "--counts", "--estimator", "ksg1", "error: --estimator ksg1 estimates from continuous samples, and counts are discrete")]
    [InlineData("20,10,5", "--counts", "--estimator", "miller-madow", "--ci", "0.95", "error: --ci does not apply to entropy P (a distribution or --counts): a half-sampling interval needs samples given with --samples DATA.")]
    [InlineData("0.5,0.5", "--ci", "0.95", "error: --ci does not apply to entropy P")]
    [InlineData("0.5,0.5", "--column", "x", "error: --column does not apply to entropy P")]
    public void An_estimator_needs_whole_counts(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(["entropy", .. args[..^1]]);
        Assert.Equal(2, code);
        Assert.StartsWith(args[^1], error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("0.7,0.4,-0.1", "error: p has a negative entry -0.1 at index 2.")]
    [InlineData("0.5,abc", "error: P has 'abc' at index 1, which is not a number.")]
    [InlineData("0.5,0.4", "error: P sums to 0.9")]
    public void Bad_input_exits_2_with_one_line(string p, string expected)
    {
        var (code, output, error) = CliRunner.Run("entropy", p);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_option_and_bad_base_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("entropy", "0.5,0.5", "--frobnicate").Code);
        Assert.Equal(2, CliRunner.Run("entropy", "0.5,0.5", "--base", "1").Code);
    }

    /// <summary>
    /// A base in (0, 1] is refused on every command: its logarithm is ≤ 0, so it used to flip every sign
    /// (KL = +∞ printed as −Infinity, H(fair coin) = −1, a clamped MI beside a positive interval, NaN in JS distance).
    /// </summary>
    [Theory]
    [InlineData("entropy", "0.5,0.5", "--base", "0.5")]
    [InlineData("kl", "1,0", "0,1", "--base", "0.5")]
    [InlineData("js", "0.9,0.1", "0.5,0.5", "--distance", "--base", "0.5")]
    [InlineData("cross-entropy", "0.9,0.1", "0.5,0.5", "--base", "0.1")]
    [InlineData("entropy", "0.5,0.5", "--base", "1")]
    [InlineData("entropy", "0.5,0.5", "--base", "1.0")]
    [InlineData("entropy", "0.5,0.5", "--base", "0")]
    [InlineData("entropy", "0.5,0.5", "--base", "-2")]
    [InlineData("entropy", "0.5,0.5", "--base", "Infinity")]
    [InlineData("mi", "--labels", "a.txt", "b.txt", "--base", "0.5")]
    public void A_base_not_above_one_exits_2_with_one_line(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"error: '{args[^1]}' is not a logarithm base: a base must be a finite number greater than 1", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_base_above_one_keeps_the_sign()
    {
        var (code, output, _) = CliRunner.Run("entropy", "0.5,0.5", "--base", "4", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0.5, doc.RootElement.GetProperty("value").GetDouble(), 15);
        Assert.Equal("log_4", doc.RootElement.GetProperty("unit").GetString());
    }

    [Fact]
    public void A_rejected_choice_is_reported_on_one_line()
    {
        var (code, _, error) = CliRunner.Run("mi", "--labels", "a.txt", "b.txt", "--normalized", "median");
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("'median'", error);
        Assert.Contains("'arithmetic'", error);
    }
}
