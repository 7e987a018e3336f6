using System.Text.Json;

namespace Shannon.Cli.Tests;

public class DivergenceCommandTests
{
    [Theory] // Golden outputs: the lesson's true / good model and the KL example of lesson 003.
    [InlineData("D_KL(P || Q) = 0.3680642072 nats", "kl", "0.9,0.1", "0.5,0.5")]
    [InlineData("D_KL(P || Q) = 0.5310044064 bits", "kl", "0.9,0.1", "0.5,0.5", "--base", "bits")]
    [InlineData("H(P, Q) = 1.189572475 bits", "cross-entropy", "0.7,0.2,0.1", "0.6,0.25,0.15", "--base", "2")]
    [InlineData("JS(P, Q) = 1 bits", "js", "1,0", "0,1", "--base", "2")]
    [InlineData("JS distance(P, Q) = 0.3831358799 bits", "js", "0.5,0.5", "0.9,0.1", "--base", "2", "--distance")]
    [InlineData("D_KL(P || Q) = 0.1308120359 nats", "kl", "3,1", "1,1", "--counts")]
    [InlineData("D_KL(P || Q) = Infinity nats", "kl", "0.5,0.5", "1,0")]
    public void Human_line_golden_outputs(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Equal(expected, output.Trim());
    }

    [Theory]
    [InlineData("kl", "kullback-leibler", 0.5310044064107188)]
    [InlineData("cross-entropy", "cross-entropy", 1.0)]
    [InlineData("js", "jensen-shannon", 0.14679310243605201)]
    public void Json_has_value_unit_and_measure(string command, string measure, double expected)
    {
        var (code, output, _) = CliRunner.Run(command, "0.9,0.1", "0.5,0.5", "--base", "2", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(expected, doc.RootElement.GetProperty("value").GetDouble(), 14);
        Assert.Equal("bits", doc.RootElement.GetProperty("unit").GetString());
        Assert.Equal(measure, doc.RootElement.GetProperty("measure").GetString());
    }

    [Fact]
    public void Infinite_kl_is_the_string_infinity_in_json()
    {
        var (code, output, _) = CliRunner.Run("kl", "0.5,0.5", "1,0", "--json");
        Assert.Equal(0, code);
        Assert.Equal("{\"value\":\"Infinity\",\"unit\":\"nats\",\"measure\":\"kullback-leibler\"}", output.Trim());
    }

    [Fact]
    public void Reads_p_from_stdin_and_q_from_a_file()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "0.5\n0.5\n");
            var (code, output, _) = CliRunner.RunWithStdin("0.9 0.1", "kl", "-", file, "--base", "e", "--json");
            Assert.Equal(0, code);
            Assert.Equal(0.3680642071684971, JsonDocument.Parse(output).RootElement.GetProperty("value").GetDouble(), 15);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("error: p has a negative entry -0.1 at index 2.", "kl", "0.7,0.4,-0.1", "0.2,0.3,0.5")]
    [InlineData("error: p has 2 entries but q has 3", "js", "0.5,0.5", "0.2,0.3,0.5")]
    [InlineData("error: Q sums to 0.9", "cross-entropy", "0.5,0.5", "0.5,0.4")]
    [InlineData("error: Q has 'x' at index 1, which is not a number.", "kl", "0.5,0.5", "0.5,x")]
    [InlineData("error: weights sum to 0", "kl", "1,1", "0,0", "--counts")]
    [InlineData("error: 'one' is not a logarithm base", "kl", "0.5,0.5", "0.5,0.5", "--base", "one")]
    public void Bad_input_exits_2_with_one_line(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Missing_q_and_unknown_option_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("kl", "0.5,0.5").Code);
        Assert.Equal(2, CliRunner.Run("js", "0.5,0.5", "0.5,0.5", "--frobnicate").Code);
    }
}
