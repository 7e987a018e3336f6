using System.Text.Json;

namespace Shannon.Cli.Tests;

public sealed class TreeCommandTests
{
    [Fact]
    public void IrisRootSplitSeparatesSetosaWithTheFullEntropyAsGain()
    {
        var result = CliRunner.Run("tree", Data("iris.csv"), "--target", "target", "--max-depth", "2", "--json");
        Assert.Equal(0, result.Code);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement.GetProperty("nodes")[0];
        Assert.Equal("petal_length_cm", root.GetProperty("feature").GetString());
        Assert.Equal(2.45, root.GetProperty("threshold").GetDouble(), 1e-12);
        // Setosa (1/3) splits off exactly: gain = H(1/3, 1/3, 1/3) − (2/3)·H(1/2, 1/2) = log 3 − (2/3) log 2.
        Assert.Equal(Math.Log(3) - (2.0 / 3 * Math.Log(2)), root.GetProperty("gain").GetDouble(), 1e-12);
        Assert.All(json.RootElement.GetProperty("nodes").EnumerateArray(), n => Assert.True(n.GetProperty("depth").GetInt32() <= 2));
    }

    [Fact]
    public void HumanOutputIndentsTheSplits()
    {
        var result = CliRunner.Run("tree", Data("iris.csv"), "--target", "target", "--max-depth", "1");
        Assert.Equal(0, result.Code);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("petal_length_cm <= 2.45", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  leaf: setosa", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void MaxDepthCountsLevelsAsScikitLearnDoes()
    {
        // max_depth 0 is the root alone, a leaf; 1 is one split whose children are leaves at depth 1.
        using var leaf = JsonDocument.Parse(CliRunner.Run("tree", Data("iris.csv"), "--target", "target", "--max-depth", "0", "--json").Out);
        var only = Assert.Single(leaf.RootElement.GetProperty("nodes").EnumerateArray());
        Assert.Equal(0, only.GetProperty("depth").GetInt32());
        Assert.False(only.TryGetProperty("feature", out _));
        Assert.Equal([50, 50, 50], only.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));

        using var stump = JsonDocument.Parse(CliRunner.Run("tree", Data("iris.csv"), "--target", "target", "--max-depth", "1", "--json").Out);
        var nodes = stump.RootElement.GetProperty("nodes").EnumerateArray().ToArray();
        Assert.Equal(3, nodes.Length);
        Assert.Equal([0, 1, 1], nodes.Select(n => n.GetProperty("depth").GetInt32()).Order());
    }

    [Fact]
    public void Base_converts_gains_and_entropies_once_and_labels_the_unit()
    {
        using var nats = JsonDocument.Parse(CliRunner.Run("tree", Data("iris.csv"), "--target", "target", "--max-depth", "2", "--json").Out);
        var bitsRun = CliRunner.Run("tree", Data("iris.csv"), "--target", "target", "--max-depth", "2", "--base", "2", "--json");
        Assert.Equal(0, bitsRun.Code);
        using var bits = JsonDocument.Parse(bitsRun.Out);
        Assert.Equal("nats", nats.RootElement.GetProperty("unit").GetString());
        Assert.Equal("bits", bits.RootElement.GetProperty("unit").GetString());
        var root = bits.RootElement.GetProperty("nodes")[0];
        Assert.Equal(Math.Log2(3), root.GetProperty("entropy").GetDouble(), 1e-12); // three equal classes: log2 3 bits
        Assert.Equal(Math.Log2(3) - (2.0 / 3), root.GetProperty("gain").GetDouble(), 1e-12);
        var inNats = nats.RootElement.GetProperty("nodes").EnumerateArray().ToArray();
        var inBits = bits.RootElement.GetProperty("nodes").EnumerateArray().ToArray();
        Assert.Equal(inNats.Length, inBits.Length);
        for (int i = 0; i < inNats.Length; i++)
        {
            Assert.Equal(inNats[i].GetProperty("entropy").GetDouble() / Math.Log(2), inBits[i].GetProperty("entropy").GetDouble(), 1e-12);
            if (inNats[i].TryGetProperty("gain_ratio", out var ratio))
            {
                Assert.Equal(ratio.GetDouble(), inBits[i].GetProperty("gain_ratio").GetDouble()); // unitless
                Assert.Equal(inNats[i].GetProperty("gain").GetDouble() / Math.Log(2), inBits[i].GetProperty("gain").GetDouble(), 1e-12);
            }
        }

        var text = CliRunner.Run("tree", Data("iris.csv"), "--target", "target", "--max-depth", "1", "--base", "bits");
        Assert.Contains("gain 0.9182958341 bits (n = 150)", text.Out, StringComparison.Ordinal);
        Assert.Contains(" bits)", text.Out.Split('\n')[1], StringComparison.Ordinal);
        Assert.DoesNotContain("nats", text.Out, StringComparison.Ordinal);
        var bad = CliRunner.Run("tree", Data("iris.csv"), "--target", "target", "--base", "1");
        Assert.Equal(2, bad.Code);
        Assert.Single(bad.Err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void UnknownTargetExitsWith2()
    {
        var result = CliRunner.Run("tree", Data("iris.csv"), "--target", "nope");
        Assert.Equal(2, result.Code);
        Assert.Contains("nope", result.Err, StringComparison.Ordinal);
    }

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);
}
