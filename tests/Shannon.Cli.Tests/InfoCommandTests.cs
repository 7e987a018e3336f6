using System.Text.Json;

namespace Shannon.Cli.Tests;

public class InfoCommandTests
{
    private const string Xor = "0.25,0,0,0.25,0,0.25,0.25,0"; // axes X, Y, Z = X ⊕ Y

    [Theory]
    [InlineData("coinformation", "co-information = -1 bits")]
    [InlineData("tc", "TC = 1 bits")]
    [InlineData("dtc", "DTC = 2 bits")]
    [InlineData("entropy", "H(X) = 2 bits")]
    public void Xor_golden_lines(string measure, string expected)
    {
        var (code, output, error) = CliRunner.Run("info", "--joint", Xor, "--shape", "2,2,2", "--measure", measure, "--base", "2");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Equal(expected, output.Trim());
    }

    [Theory]
    [InlineData("I(X;Y|Z) = 1 bits (plugin, n = 4)", "--measure", "cmi", "--x", "0", "--y", "1", "--z", "2")]
    [InlineData("I(X;Y) = 0 bits (plugin, n = 4)", "--measure", "cmi", "--x", "0", "--y", "1")]
    [InlineData("I(X;Y) = 1 bits (plugin, n = 4)", "--measure", "cmi", "--x", "0,1", "--y", "2")]
    [InlineData("H(X|Z) = 0 bits (plugin, n = 4)", "--measure", "entropy", "--x", "2", "--z", "0,1")]
    [InlineData("I(X;Y) = 2 bits (plugin, n = 4)", "--measure", "cmi", "--x", "0,1", "--y", "1,2")] // dit: overlapping sets compute, I(0;2|1) + H(1)
    [InlineData("H(X|Z) = 0 bits (plugin, n = 4)", "--measure", "entropy", "--x", "0", "--z", "0")]  // dit: H(X0|X0) = 0
    [InlineData("H(X|Z) = 1 bits (plugin, n = 4)", "--measure", "entropy", "--z", "2")]
    public void Axis_sets_from_stdin(string expected, params string[] options)
    {
        var (code, output, error) = CliRunner.RunWithStdin("1 0 0 1\n0 1 1 0\n", ["info", "--joint", "-", "--shape", "2,2,2", "--counts", "--base", "bits", .. options]);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void Counts_name_the_plug_in_and_n_in_json_and_a_distribution_names_none()
    {
        // Review 4: --counts gave an unnamed plug-in value while mi --joint --counts names its estimator.
        var (code, output, _) = CliRunner.Run("info", "--joint", "1 0 0 1 0 1 1 0", "--shape", "2,2,2", "--counts", "--measure", "tc", "--json");
        Assert.Equal(0, code);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.Equal(Math.Log(2), doc.RootElement.GetProperty("value").GetDouble(), 15);
            Assert.Equal("plugin", doc.RootElement.GetProperty("estimator").GetString());
            Assert.Equal(4, doc.RootElement.GetProperty("n").GetInt64());
        }

        (code, output, _) = CliRunner.Run("info", "--joint", Xor, "--shape", "2,2,2", "--measure", "tc", "--json");
        Assert.Equal(0, code);
        Assert.DoesNotContain("estimator", output, StringComparison.Ordinal);
        (code, output, _) = CliRunner.Run("info", "--joint", Xor, "--shape", "2,2,2", "--measure", "tc");
        Assert.Equal(0, code);
        Assert.Equal("TC = 0.6931471806 nats", output.Trim());
    }

    [Fact]
    public void Json_has_value_unit_measure_and_shape()
    {
        var (code, output, _) = CliRunner.Run("info", "--joint", Xor, "--shape", "2,2,2", "--measure", "coinformation", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(-Math.Log(2), doc.RootElement.GetProperty("value").GetDouble(), 15);
        Assert.Equal("nats", doc.RootElement.GetProperty("unit").GetString());
        Assert.Equal("coinformation", doc.RootElement.GetProperty("measure").GetString());
        Assert.Equal([2, 2, 2], doc.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Theory]
    [InlineData("error: probabilities has 8 entries but shape [2, 2] needs 4.", "--shape", "2,2", "--measure", "tc")]
    [InlineData("error: --shape has 'x', which is not a non-negative integer.", "--shape", "2,x,2", "--measure", "tc")]
    [InlineData("error: --measure tc uses every axis", "--shape", "2,2,2", "--measure", "tc", "--x", "0")]
    [InlineData("error: --measure cmi needs --x and --y", "--shape", "2,2,2", "--measure", "cmi", "--x", "0")]
    [InlineData("error: z repeats the axis 2 at index 1", "--shape", "2,2,2", "--measure", "cmi", "--x", "0", "--y", "1", "--z", "2,2")]
    [InlineData("error: y has the axis 3 at index 0, outside [0, 3).", "--shape", "2,2,2", "--measure", "cmi", "--x", "0", "--y", "3")]
    [InlineData("error: Argument 'mi' not recognized.", "--shape", "2,2,2", "--measure", "mi")]
    public void Bad_input_exits_2_with_one_line(string expected, params string[] options)
    {
        var (code, output, error) = CliRunner.Run(["info", "--joint", Xor, .. options]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_table_not_summing_to_one_exits_2()
    {
        var (code, _, error) = CliRunner.Run("info", "--joint", "0.5,0.4", "--shape", "2", "--measure", "entropy");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --joint sums to 0.9", error);
    }
}
