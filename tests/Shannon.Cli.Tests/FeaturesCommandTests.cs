using System.Text.Json;

namespace Shannon.Cli.Tests;

public sealed class FeaturesCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("shannon-features-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void RanksIrisFeaturesAsJsonInNats()
    {
        var result = CliRunner.Run("features", Data("iris.csv"), "--target", "target", "--json");
        Assert.Equal(0, result.Code);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("nats", json.RootElement.GetProperty("unit").GetString());
        Assert.Equal("mi", json.RootElement.GetProperty("method").GetString());
        var features = json.RootElement.GetProperty("features");
        Assert.Equal(4, features.GetArrayLength());
        Assert.StartsWith("petal", features[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, features[0].GetProperty("rank").GetInt32());
    }

    [Fact]
    public void HalfSamplingIntervalsContainEachScoreInJsonAndText()
    {
        var result = CliRunner.Run("features", Data("iris.csv"), "--target", "target", "--ci", "0.9", "--json");
        Assert.Equal(0, result.Code);
        using var json = JsonDocument.Parse(result.Out);
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var ci = feature.GetProperty("ci");
            Assert.InRange(feature.GetProperty("mi").GetDouble(), ci[0].GetDouble(), ci[1].GetDouble());
        }

        var text = CliRunner.Run("features", Data("iris.csv"), "--target", "target", "--ci", "0.95");
        Assert.Contains("CI(0.95) [", text.Out, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("features", Data("iris.csv"), "--target", "target", "--ci", "1.5").Code);
    }

    [Fact]
    public void GreedyMethodsPickKFeatures()
    {
        var result = CliRunner.Run("features", Data("wine.csv"), "--target", "target", "--method", "mrmr", "--top", "3", "--json");
        Assert.Equal(0, result.Code);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("mrmr", json.RootElement.GetProperty("method").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void EmittedSqlAndTheCountsTableGiveTheSameRankingAsTheData()
    {
        string data = Path.Combine(directory, "d.csv");
        File.WriteAllText(data, "a,b,y\nu,p,0\nu,q,0\nv,q,1\nv,p,1\nu,p,0\n");
        var sql = CliRunner.Run("features", data, "--target", "y", "--emit-sql");
        Assert.Equal(0, sql.Code);
        Assert.Contains("GROUP BY", sql.Out, StringComparison.Ordinal);

        string counts = Path.Combine(directory, "counts.csv");
        File.WriteAllText(counts, "feature,value,y,count\na,u,0,3\na,v,1,2\nb,p,0,2\nb,p,1,1\nb,q,0,1\nb,q,1,1\n");
        var fromCounts = CliRunner.Run("features", "--counts", counts, "--target", "y", "--json");
        var fromData = CliRunner.Run("features", data, "--target", "y", "--json");
        Assert.Equal(0, fromCounts.Code);
        Assert.Equal(0, fromData.Code);
        using var counted = JsonDocument.Parse(fromCounts.Out);
        using var direct = JsonDocument.Parse(fromData.Out);
        var a = counted.RootElement.GetProperty("features").EnumerateArray().ToArray();
        var b = direct.RootElement.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(b.Select(f => f.GetProperty("name").GetString()), a.Select(f => f.GetProperty("name").GetString()));
        for (int i = 0; i < a.Length; i++)
        {
            // Two routes to the same plug-in value (SQL counts vs label codes) differ only by rounding.
            Assert.Equal(b[i].GetProperty("score").GetDouble(), a[i].GetProperty("score").GetDouble(), 1e-14);
        }
    }

    [Fact]
    public void BadInputsExitWithCode2AndOneLine()
    {
        string oneClass = Path.Combine(directory, "one.csv");
        File.WriteAllText(oneClass, "x,y\n1,a\n2,a\n3,a\n4,a\n5,a\n");
        string malformed = Path.Combine(directory, "bad.parquet");
        File.WriteAllText(malformed, "not parquet");
        foreach (var args in new[]
        {
            new[] { "features", Data("iris.csv"), "--target", "nope" },
            ["features", oneClass, "--target", "y"],
            ["features", malformed, "--target", "y"],
            ["features", Path.Combine(directory, "absent.csv"), "--target", "y"],
            ["features", Data("iris.csv"), "--target", "target", "--estimator", "magic"],
            ["features", "--target", "target"],
        })
        {
            var result = CliRunner.Run(args);
            Assert.Equal(2, result.Code);
            Assert.StartsWith("error: ", result.Err, StringComparison.Ordinal);
            Assert.Empty(result.Out);
        }
    }

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);
}
