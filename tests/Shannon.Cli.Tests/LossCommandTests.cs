using System.Text.Json;
using Shannon.Data.Npy;

namespace Shannon.Cli.Tests;

public sealed class LossCommandTests() : ScratchDirectoryTests("shannon-loss-")
{
    [Fact]
    public void Lesson_example_from_csv_in_json()
    {
        var (code, output, error) = CliRunner.Run("loss", "--logits", File("z.csv", "2.0,1.0,0.1\n"), "--targets", File("y.txt", "0\n"), "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0.417030016277833483, json.RootElement.GetProperty("value").GetDouble(), 14);
        Assert.Equal("nats", json.RootElement.GetProperty("unit").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("count").GetInt64());
        Assert.Equal(1.51744806039407737, json.RootElement.GetProperty("perplexity").GetDouble(), 13);
    }

    [Fact]
    public void Npy_logits_with_every_option_and_a_gradient_file()
    {
        string logits = Npy("z.npy", [2f, 1f, 0.1f, -431f, 279f, 427f, 0f, 0f, 0f], 3, 3);
        string targets = File("y.txt", "0\n0\n-1\n");
        string grad = PathOf("grad.npy");
        var (code, output, error) = CliRunner.Run("loss", "--logits", logits, "--targets", targets, "--ignore-index", "-1",
            "--weights", "1,2,3", "--label-smoothing", "0.1", "--temperature", "1", "--reduction", "none", "--grad", grad, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var values = json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(3, values.Length);
        Assert.Equal(0.0, values[2]);
        Assert.Equal(2, json.RootElement.GetProperty("count").GetInt64());
        Assert.False(json.RootElement.TryGetProperty("perplexity", out _));
        var gradient = NpyFile.Read(grad);
        Assert.Equal([3, 3], gradient.Shape);
        Assert.Equal(NpyType.Float32, gradient.Type);
        Assert.All(gradient.ToSingle().Skip(6), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Probability_targets_and_human_output()
    {
        var (code, output, _) = CliRunner.Run("loss", "--logits", File("z.csv", "0,0\n0,0\n"), "--targets", File("q.csv", "0.5,0.5\n1,0\n"), "--target-probs");
        Assert.Equal(0, code);
        // Probability targets: e^loss is exp of a cross-entropy between distributions, not a perplexity of targets.
        Assert.Equal("cross-entropy (mean) = 0.6931471806 nats over 2 rows", output.Trim());
    }

    [Theory]
    [InlineData("0\n5\n", "targets has 5 at index 1")]
    [InlineData("0\n", "describes 1 rows")]
    [InlineData("0\nx\n", "line 2 is 'x'")]
    public void Bad_targets_exit_2_with_one_line(string targets, string expected)
    {
        var (code, output, error) = CliRunner.Run("loss", "--logits", File("z.csv", "1,2\n3,4\n"), "--targets", File("y.txt", targets));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Nan_logits_lying_npy_and_overwriting_an_input_exit_2()
    {
        Assert.Contains("NaN entry", CliRunner.Run("loss", "--logits", File("z.csv", "1,NaN\n"), "--targets", File("y.txt", "0\n")).Err);
        string logits = Npy("z.npy", [1f, 2f, 3f, 4f], 2, 2);
        byte[] bytes = System.IO.File.ReadAllBytes(logits);
        System.IO.File.WriteAllBytes(logits, bytes[..^4]);
        var (code, _, error) = CliRunner.Run("loss", "--logits", logits, "--targets", File("y.txt", "0\n1\n"));
        Assert.Equal(2, code);
        Assert.Contains("truncated or its header is wrong", error);
        string y = File("y2.txt", "0\n");
        (code, _, error) = CliRunner.Run("loss", "--logits", File("z2.csv", "1,2\n"), "--targets", y, "--grad", y);
        Assert.Equal(2, code);
        Assert.Contains("is one of the input files", error);
        Assert.Equal("0\n", System.IO.File.ReadAllText(y));
        Assert.Equal(2, CliRunner.Run("loss", "--logits", File("z3.csv", "1,2\n"), "--targets", y, "--reduction", "avg").Code);
        Assert.Equal(2, CliRunner.Run("loss", "--logits", PathOf("missing.npy"), "--targets", y).Code);
    }
}
