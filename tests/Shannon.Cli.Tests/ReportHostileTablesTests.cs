using System.Globalization;
using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>
/// The main job never dies on a real table: each hostile table gets a useful report (exit 0, every feature accounted
/// for, no NaN) or exit 2 with one line saying what the table lacks.
/// </summary>
public sealed class ReportHostileTablesTests() : ScratchDirectoryTests("shannon-hostile-report-")
{
    // Five rows get the report features gives them (the same least number of rows on both commands; nothing passes the
    // false discovery rate there), not a refusal that depended on k.
    public static TheoryData<string> Useful() => ["mixed", "empty-target-cells", "rare-class", "many-classes", "unicode", "row-id", "booleans", "five-rows"];

    public static TheoryData<string, string> Refused() => new()
    {
        { "one-row", "1 row(s) with a value of the target" },
        { "constant-target", "one value in every row" },
    };

    [Theory]
    [MemberData(nameof(Useful))]
    public void A_hostile_table_gets_a_report_with_its_caveats(string name)
    {
        string path = Write(name);
        var (code, output, error) = CliRunner.Run("report", path, "--target", "y", "--json", "-o", PathOf(name), "--replicates", "20");
        Assert.True(code == 0, $"{name}: exit {code}: {error}");
        Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
        Assert.True(error.Length == 0 || error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1, error);
        var json = JsonDocument.Parse(output).RootElement;
        foreach (string key in new[] { "unit", "rows", "rows_dropped", "target", "target_entropy", "insights", "features" })
        {
            Assert.True(json.TryGetProperty(key, out _), $"{name}: no '{key}'");
        }

        foreach (var feature in json.GetProperty("features").EnumerateArray())
        {
            foreach (string key in new[] { "name", "kind", "missing", "distinct", "flags", "mi", "mi_adjusted", "ci", "p_value", "q_value" })
            {
                Assert.True(feature.TryGetProperty(key, out _), $"{name}: feature without '{key}'");
            }
        }

        Assert.True(System.IO.File.Exists(Path.Combine(Scratch, name, "report.html")));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_table_without_enough_to_report_is_exit_2_with_one_line(string name, string reason)
    {
        var (code, _, error) = CliRunner.Run("report", Write(name), "--target", "y", "-o", PathOf(name));
        Assert.Equal(2, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_times_ids_free_text_and_an_empty_column_are_read_and_flagged_and_missing_cells_cost_only_their_pairs()
    {
        string path = Write("mixed");
        var (code, output, error) = CliRunner.Run("report", path, "--target", "y", "--json", "-o", PathOf("m"), "--replicates", "0", "--permutations", "0");
        Assert.True(code == 0, error);
        var features = JsonDocument.Parse(output).RootElement.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal("date", features["date"].GetProperty("read_as").GetString());
        Assert.Equal("continuous", features["date"].GetProperty("kind").GetString());
        Assert.Equal("time", features["time"].GetProperty("read_as").GetString());
        Assert.Contains("id_like", features["id"].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("id_like", features["comment"].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("empty", features["empty"].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Null, features["empty"].GetProperty("mi").ValueKind);
        Assert.Equal(29, features["signal"].GetProperty("missing").GetInt32());
        Assert.Equal("signal", JsonDocument.Parse(output).RootElement.GetProperty("features")[0].GetProperty("name").GetString());

        // The signal's missing cells do not cost the other features their rows: each is scored as mi scores the pair.
        var date = CliRunner.Run("mi", path, "--x", "date", "--y", "y", "--json");
        Assert.Equal(0, date.Code);
        Assert.Equal(JsonDocument.Parse(date.Out).RootElement.GetProperty("value").GetDouble(), features["date"].GetProperty("mi").GetDouble());
    }

    private string Write(string name)
    {
        var random = new Random(name.Length);
        var lines = new List<string>();
        switch (name)
        {
            case "mixed":
                lines.Add("id,date,time,flag,comment,signal,empty,y");
                for (int i = 0; i < 200; i++)
                {
                    int y = random.Next(3);
                    string signal = i % 7 == 0 ? string.Empty : (y + random.NextDouble()).ToString("F3", CultureInfo.InvariantCulture);
                    lines.Add($"C{i:000000},2020-01-{(i % 28) + 1:00},{i % 24:00}:{i % 60:00}:00,{(random.Next(2) == 0 ? "yes" : "no")},\"free text, {random.Next()}\",{signal},,{"abc"[y]}");
                }

                break;
            case "empty-target-cells":
                lines.Add("x,y");
                lines.AddRange(Enumerable.Range(0, 60).Select(i => Invariant($"{random.NextDouble():F4},{(i % 5 == 0 ? string.Empty : (i % 2).ToString(CultureInfo.InvariantCulture))}")));
                break;
            case "rare-class":
                lines.Add("x,y");
                lines.AddRange(Enumerable.Range(0, 100).Select(i => Invariant($"{random.NextDouble():F4},{(i == 0 ? "rare" : random.Next(2) == 0 ? "a" : "b")}")));
                break;
            case "many-classes":
                lines.Add("x,z,y");
                lines.AddRange(Enumerable.Range(0, 400).Select(_ => Invariant($"{random.NextDouble():F4},{random.Next(4)},k{random.Next(300)}")));
                break;
            case "unicode":
                lines.Add("\"naïve \"\"x\"\"\",\"日本, col\",y");
                lines.AddRange(Enumerable.Range(0, 60).Select(i => Invariant($"{random.NextDouble():F4},{(random.Next(2) == 0 ? "é" : "ü")},{i % 2}")));
                break;
            case "row-id":
                lines.Add("rowid,x,y");
                lines.AddRange(Enumerable.Range(0, 100).Select(i => Invariant($"{i},{random.NextDouble():F4},{i % 2}")));
                break;
            case "booleans":
                lines.Add("smoker,flag,y");
                lines.AddRange(Enumerable.Range(0, 80).Select(i => $"{(i % 3 == 0 ? "true" : "false")},{(i % 2 == 0 ? "t" : "f")},{(i % 3 == 0 ? "yes" : "no")}"));
                break;
            case "one-row":
                lines.AddRange(["x,y", "1,0"]);
                break;
            case "five-rows":
                lines.Add("x,y");
                lines.AddRange(Enumerable.Range(0, 5).Select(i => Invariant($"{i},{i % 2}")));
                break;
            default:
                lines.Add("x,y");
                lines.AddRange(Enumerable.Range(0, 50).Select(_ => Invariant($"{random.NextDouble():F4},1")));
                break;
        }

        string path = PathOf(name + ".csv");
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
