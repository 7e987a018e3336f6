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
    public void UnknownTargetExitsWith2()
    {
        var result = CliRunner.Run("tree", Data("iris.csv"), "--target", "nope");
        Assert.Equal(2, result.Code);
        Assert.Contains("nope", result.Err, StringComparison.Ordinal);
    }

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);
}
