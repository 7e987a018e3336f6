using System.Text.Json;

namespace Shannon.Cli.Tests;

public sealed class FeaturesCommandTests() : ScratchDirectoryTests("shannon-features-")
{
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
        string data = PathOf("d.csv");
        System.IO.File.WriteAllText(data, "a,b,y\nu,p,0\nu,q,0\nv,q,1\nv,p,1\nu,p,0\n");
        var sql = CliRunner.Run("features", data, "--target", "y", "--emit-sql");
        Assert.Equal(0, sql.Code);
        Assert.Contains("GROUP BY", sql.Out, StringComparison.Ordinal);

        string counts = PathOf("counts.csv");
        System.IO.File.WriteAllText(counts, "feature,value,y,count\na,u,0,3\na,v,1,2\nb,p,0,2\nb,p,1,1\nb,q,0,1\nb,q,1,1\n");
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
            Assert.Equal(b[i].GetProperty("plug_in").GetDouble(), a[i].GetProperty("plug_in").GetDouble(), 1e-14);

            // 5 rows for 2 × 2 cells: both routes say the table is too sparse, in the same words.
            Assert.StartsWith("too sparse: n = 5 rows for 2 × 2 = 4 cells", a[i].GetProperty("note").GetString(), StringComparison.Ordinal);
            Assert.Equal(b[i].GetProperty("note").GetString(), a[i].GetProperty("note").GetString());
        }
    }

    [Fact]
    public void The_emitted_sql_run_through_duckdb_gives_the_numbers_features_prints_with_missing_cells_in_different_rows()
    {
        // a, b, c are discrete (plug-in pairs); their missing cells (empty, NA, nan) and the target's sit in different
        // rows, so a listwise filter would count every feature on fewer rows than features DATA scores it on.
        var random = new Random(3);
        var text = new System.Text.StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 60; i++)
        {
            int y = random.Next(3);
            string a = i % 11 == 1 ? string.Empty : ((y + random.Next(2)) % 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string b = i % 7 == 2 ? "NA" : (random.Next(4) + y).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string c = i % 9 == 3 ? string.Empty : random.Next(2) == 0 ? "lo" : "hi";
            string target = i % 13 == 5 ? string.Empty : ((char)('p' + y)).ToString();
            text.Append($"{a},{b},{c},{target}\n");
        }

        string data = PathOf("gaps.csv");
        System.IO.File.WriteAllText(data, text.ToString());
        var sql = CliRunner.Run("features", data, "--target", "y", "--emit-sql");
        Assert.Equal(0, sql.Code);
        string counts = PathOf("gap-counts.csv");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({sql.Out.Trim()}) TO '{counts}' (HEADER, DELIMITER ',')";
            command.ExecuteNonQuery();
        }

        var fromSql = CliRunner.Run("features", "--counts", counts, "--target", "y", "--json");
        var direct = CliRunner.Run("features", data, "--target", "y", "--json");
        Assert.True(fromSql.Code == 0, fromSql.Err);
        Assert.True(direct.Code == 0, direct.Err);
        var viaSql = Scores(fromSql.Out);
        var scored = Scores(direct.Out);
        Assert.Equal(["a", "b", "c"], scored.Keys.Order());
        Assert.Equal(scored.Keys.Order(), viaSql.Keys.Order());
        foreach (string name in scored.Keys)
        {
            Assert.Equal(scored[name].GetProperty("rows").GetInt32(), viaSql[name].GetProperty("rows").GetInt32());
            Assert.Equal(scored[name].GetProperty("mi").GetDouble(), viaSql[name].GetProperty("mi").GetDouble(), 1e-14);
            Assert.Equal(scored[name].GetProperty("mi_adjusted").GetDouble(), viaSql[name].GetProperty("mi_adjusted").GetDouble(), 1e-12);
        }

        Assert.NotEqual(scored["a"].GetProperty("rows").GetInt32(), scored["b"].GetProperty("rows").GetInt32());
    }

    private static Dictionary<string, JsonElement> Scores(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());

    [Fact]
    public void BadInputsExitWithCode2AndOneLine()
    {
        string oneClass = PathOf("one.csv");
        System.IO.File.WriteAllText(oneClass, "x,y\n1,a\n2,a\n3,a\n4,a\n5,a\n");
        string malformed = PathOf("bad.parquet");
        System.IO.File.WriteAllText(malformed, "not parquet");
        foreach (var args in new[]
        {
            new[] { "features", Data("iris.csv"), "--target", "nope" },
            ["features", oneClass, "--target", "y"],
            ["features", malformed, "--target", "y"],
            ["features", PathOf("absent.csv"), "--target", "y"],
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

    [Theory]
    [InlineData("mi")]
    [InlineData("mrmr")]
    [InlineData("mrmr-quotient")]
    [InlineData("jmi")]
    [InlineData("cmim")]
    public void ACustomerNumberOfNoiseIsNeverTheFirstFeature(string method)
    {
        // The hostile review's cust.csv: a customer number of 100 values, 3 rows each, unrelated to the target, read
        // as 0.2 nats by the plug-in estimate; the greedy methods ranked it first on that bias, the default ranking last.
        string path = CustomerFile();
        using var json = JsonDocument.Parse(Ok("features", path, "--target", "target", "--method", method, "--json").Out);
        var features = json.RootElement.GetProperty("features");
        Assert.Equal("signal", features[0].GetProperty("name").GetString());
        Assert.Equal("customer_id", features[1].GetProperty("name").GetString());
        // Under independence 2N·I is about chi-square with 99 degrees of freedom: I ≈ 0.165 ± 0.023 nats, and the
        // corrected score is within 3 standard deviations of 0.
        Assert.True(features[1].GetProperty("mi").GetDouble() > 0.1);
        Assert.InRange(features[1].GetProperty("mi_adjusted").GetDouble(), -0.07, 0.07);
    }

    [Theory]
    [InlineData("mrmr")]
    [InlineData("mrmr-quotient")]
    [InlineData("jmi")]
    [InlineData("cmim")]
    public void IdColumnsAreLeftOutOfEveryGreedyMethodWithANoteNotACrash(string method)
    {
        // iris with a row number and a text column of one value per row, rows shuffled: Ross refused the text ids
        // ("labels has no label that occurs at least twice") without naming a column, and mrmr picked the numbers second.
        string path = PathOf("iris_ids.csv");
        var iris = System.IO.File.ReadAllLines(Data("iris.csv"));
        var rows = iris.Skip(1).ToArray();
        new Random(4).Shuffle(rows);
        System.IO.File.WriteAllLines(path, [$"id,uuid,{iris[0]}", .. rows.Select((r, i) => FormattableString.Invariant($"{i},u{i:00000}-{(i * 7919) % 10007:x4},{r}"))]);
        var result = Ok("features", path, "--target", "target", "--method", method, "--json");
        using var json = JsonDocument.Parse(result.Out);
        string[] picked = [.. json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
        Assert.Equal(4, picked.Length);
        Assert.DoesNotContain("id", picked);
        Assert.DoesNotContain("uuid", picked);
        string[] apart = [.. json.RootElement.GetProperty("not_candidates").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
        Assert.Equal(["id", "uuid"], apart.Order());
        Assert.Contains("'uuid' is not a candidate", result.Err, StringComparison.Ordinal);
        Assert.Contains("id_like", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void FeaturesAndReportAgreeOnTheMrmrOrder()
    {
        string path = PathOf("mixed.csv");
        var random = new Random(8);
        var lines = new List<string> { "customer_id,strong,copy,weak,noise,target" };
        for (int i = 0; i < 240; i++)
        {
            int y = random.Next(3);
            double strong = y + (0.6 * random.NextDouble());
            string weak = random.NextDouble() < 0.6 ? $"w{y}" : $"w{random.Next(3)}";
            lines.Add(FormattableString.Invariant($"C{random.Next(80):000},{strong:F4},{(2 * strong) + (0.01 * random.NextDouble()):F4},{weak},{random.NextDouble():F4},{y}"));
        }

        System.IO.File.WriteAllLines(path, lines);
        using var features = JsonDocument.Parse(Ok("features", path, "--target", "target", "--method", "mrmr", "--json").Out);
        using var report = JsonDocument.Parse(Ok("report", path, "--target", "target", "--json", "-o", PathOf("r"), "--permutations", "0", "--replicates", "0").Out);
        string[] greedy = [.. features.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
        string[] reported = [.. report.RootElement.GetProperty("mrmr").EnumerateArray().Select(f => f.GetString()!)];
        Assert.Equal(greedy, reported);
        Assert.Equal("strong", greedy[0]);
        Assert.NotEqual("customer_id", greedy[1]);
    }

    [Fact]
    public void ARowNumberThatFollowsTheClassesIsALeakageSuspectOnEveryRoute()
    {
        // iris in file order (50 setosa, 50 versicolor, 50 virginica) with its row number: I(row; target) is 98 % of
        // H(target), but the column was only flagged id_like, printed 5th with a score above the 1st, and the report
        // said "not ranked: row" without a word about leakage.
        string path = PathOf("iris_row.csv");
        var iris = System.IO.File.ReadAllLines(Data("iris.csv"));
        System.IO.File.WriteAllLines(path, [$"row,{iris[0]}", .. iris.Skip(1).Select((r, i) => $"{i},{r}")]);

        var result = Ok("features", path, "--target", "target", "--json");
        using var json = JsonDocument.Parse(result.Out);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToArray();
        var row = features.Single(f => f.GetProperty("name").GetString() == "row");
        string[] flags = [.. row.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!)];
        Assert.Equal(["id_like", "leakage_suspect"], flags);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("rank").ValueKind);
        Assert.Contains("warning: Feature 'row'", result.Err, StringComparison.Ordinal);
        Assert.Contains("leakage?", result.Err, StringComparison.Ordinal);

        // The numbered list is in score order; the flagged column is listed apart after it.
        var ranked = features.Where(f => f.GetProperty("rank").ValueKind == JsonValueKind.Number).ToArray();
        Assert.Equal(Enumerable.Range(1, ranked.Length), ranked.Select(f => f.GetProperty("rank").GetInt32()));
        double[] scores = [.. ranked.Select(f => f.GetProperty("score").GetDouble())];
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal("row", features[^1].GetProperty("name").GetString());
        var text = Ok("features", path, "--target", "target").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("not ranked", text[^2], StringComparison.Ordinal);
        Assert.StartsWith("   —", text[^1], StringComparison.Ordinal);

        var greedy = Ok("features", path, "--target", "target", "--method", "mrmr", "--json");
        Assert.Contains("warning: Feature 'row'", greedy.Err, StringComparison.Ordinal);
        Assert.Contains("'row' is not a candidate for mrmr (id_like, leakage_suspect)", greedy.Err, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(Ok("report", path, "--target", "target", "--json", "-o", PathOf("row"), "--permutations", "0", "--replicates", "0").Out);
        string[] warnings = [.. report.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];
        Assert.Contains(warnings, w => w.StartsWith("Feature 'row'", StringComparison.Ordinal) && w.Contains("leakage?", StringComparison.Ordinal));
        string[] insights = [.. report.RootElement.GetProperty("insights").EnumerateArray().Select(w => w.GetString()!)];
        Assert.Contains(insights, i => i.StartsWith("Suspected leakage: row", StringComparison.Ordinal));
    }

    [Fact]
    public void FeaturesStatesTheRowsAndNotesThatMiStatesForTheSamePair()
    {
        // setosa and versicolor with one virginica row: Ross leaves that row out, mi said "n = 100 of 101 … left out"
        // while features said rows 101 without a note; --k 1000 capped k silently in features but not in mi.
        string path = PathOf("iris_rare.csv");
        var iris = System.IO.File.ReadAllLines(Data("iris.csv"));
        System.IO.File.WriteAllLines(path, [.. iris.Take(101), iris[^1]]);
        foreach (string[] options in new[] { Array.Empty<string>(), ["--k", "1000"] })
        {
            var features = Ok(["features", path, "--target", "target", "--json", .. options]);
            var mi = Ok(["mi", path, "--x", "petal_length_cm", "--y", "target", "--json", .. options]);
            using var json = JsonDocument.Parse(features.Out);
            using var pair = JsonDocument.Parse(mi.Out);
            long n = pair.RootElement.GetProperty("n").GetInt64();
            Assert.Equal(100, n);
            foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
            {
                Assert.Equal(n, feature.GetProperty("rows").GetInt64());
            }

            string[] miNotes = [.. mi.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("note: ", StringComparison.Ordinal))];
            Assert.NotEmpty(miNotes);
            Assert.Equal(options.Length == 0 ? 1 : 2, miNotes.Length);
            foreach (string note in miNotes)
            {
                // The same sentence, once, naming the four features it applies to.
                string line = Assert.Single(features.Err.Split('\n'), l => l.EndsWith(": " + note["note: ".Length..], StringComparison.Ordinal));
                Assert.All(iris[0].Split(',')[..4], name => Assert.Contains($"'{name}'", line, StringComparison.Ordinal));
            }
        }
    }

    private string CustomerFile()
    {
        string path = PathOf("cust.csv");
        var random = new Random(5);
        int[] customer = [.. Enumerable.Range(0, 300).Select(i => i % 100)];
        random.Shuffle(customer);
        var lines = new List<string> { "customer_id,signal,target" };
        foreach (int c in customer)
        {
            int y = random.Next(2);
            lines.Add(FormattableString.Invariant($"C{c:0000},{y + (2.5 * (random.NextDouble() - 0.5)):R},{y}"));
        }

        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private static (int Code, string Out, string Err) Ok(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.True(result.Code == 0, $"shannon {string.Join(' ', args)} exited {result.Code}: {result.Err}");
        return result;
    }

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);
}
