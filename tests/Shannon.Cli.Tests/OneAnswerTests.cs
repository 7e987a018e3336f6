using System.Globalization;
using System.Text.Json;
using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Cli.Tests;

/// <summary>
/// One question, one answer: the same pair with the same options and seed gives the same bits from <c>mi</c>,
/// <c>features</c>, <c>report</c> and the library's default estimator — the estimate, its interval and its p-value.
/// </summary>
public sealed class OneAnswerTests() : ScratchDirectoryTests("shannon-one-answer-")
{
    public static TheoryData<string, string> Files() => new()
    {
        { "iris.csv", "target" },      // continuous features, integer classes: Ross
        { "diabetes.csv", "target" },  // continuous target: KSG, and a 0/1 feature (sex): Ross
        { "mixed", "y" },              // text, small-integer and continuous features: plug-in, Ross
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Mi_features_report_and_the_library_agree_to_the_bit(string file, string target)
    {
        string path = file == "mixed" ? Mixed() : Path.Combine(RepositoryRoot(), "data", file);
        string[] uncertainty = ["--ci", "0.9", "--permutations", "30", "--seed", "4"];
        var features = Json(Run(["features", path, "--target", target, "--json", .. uncertainty]));
        var report = Json(Run(["report", path, "--target", target, "--json", "-o", PathOf("report"), "--max-rows", "100000", .. uncertainty]));
        Assert.Equal("nats", features.GetProperty("unit").GetString());
        Assert.Equal("nats", report.GetProperty("unit").GetString());

        var table = TableReader.Read(path);
        var y = table[target].ToVariable();
        var reported = report.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        foreach (var feature in features.GetProperty("features").EnumerateArray())
        {
            string name = feature.GetProperty("name").GetString()!;
            var mi = Json(Run(["mi", path, "--x", name, "--y", target, "--json", .. uncertainty]));
            var x = table[name].ToVariable();
            var library = WithUncertainty.MutualInformation(new Automatic(JitterSeed: 4), x, y, new UncertaintyOptions { Level = 0.9, Permutations = 30, Seed = 4 });

            double value = mi.GetProperty("value").GetDouble();
            Assert.Equal(library.Value, value);
            Assert.Equal(value, feature.GetProperty("mi").GetDouble());
            Assert.Equal(value, reported[name].GetProperty("mi").GetDouble());
            Assert.Equal(feature.GetProperty("mi_adjusted").GetDouble(), reported[name].GetProperty("mi_adjusted").GetDouble());
            Assert.Equal(feature.GetProperty("mi_adjusted").GetDouble(), feature.GetProperty("score").GetDouble());
            Assert.Equal(mi.GetProperty("estimator").GetString(), reported[name].GetProperty("estimator").GetString());
            Assert.Equal(x.IsContinuous ? "continuous" : "discrete", feature.GetProperty("kind").GetString());

            var interval = library.ConfidenceInterval!.Value;
            foreach (var printed in new[] { mi, feature, reported[name] })
            {
                Assert.Equal(interval.Low, printed.GetProperty("ci")[0].GetDouble());
                Assert.Equal(interval.High, printed.GetProperty("ci")[1].GetDouble());
            }

            Assert.InRange(value, interval.Low, interval.High);

            double p = mi.GetProperty("p_value").GetDouble();
            Assert.Equal(library.PValue, p);
            Assert.Equal(p, feature.GetProperty("p_value").GetDouble());
            Assert.Equal(p, reported[name].GetProperty("p_value").GetDouble());
            Assert.Equal(p == 1.0 / 31, mi.GetProperty("p_value_is_bound").GetBoolean());
            Assert.Equal(p == 1.0 / 31, feature.GetProperty("p_value_is_bound").GetBoolean());
            Assert.Equal(p == 1.0 / 31, reported[name].GetProperty("p_value_is_bound").GetBoolean());
        }
    }

    [Fact]
    public void Features_and_report_rank_by_the_same_chance_corrected_score_and_an_id_column_scores_zero()
    {
        string path = PathOf("ids.csv");
        var random = new Random(3);
        var lines = new List<string> { "customer,signal,colour,y" };
        for (int i = 0; i < 150; i++)
        {
            int y = random.Next(3);
            lines.Add(FormattableString.Invariant($"C{i:000000},{y + random.NextDouble():F4},{(y == 0 ? "red" : random.Next(2) == 0 ? "blue" : "green")},{y}"));
        }

        System.IO.File.WriteAllLines(path, lines);
        var features = Json(Run("features", path, "--target", "y", "--json"));
        var report = Json(Run("report", path, "--target", "y", "--json", "-o", PathOf("ids"), "--permutations", "0", "--replicates", "0"));
        string[] ranked = [.. features.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
        string[] reportRanked = [.. report.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
        Assert.Equal(["signal", "colour", "customer"], ranked);
        Assert.Equal(ranked, reportRanked);
        var customer = features.GetProperty("features")[2];
        Assert.Equal(Math.Log(3), customer.GetProperty("mi").GetDouble(), 0.01);
        Assert.Equal(0.0, customer.GetProperty("mi_adjusted").GetDouble(), 1e-9);
        Assert.Equal("id_like", customer.GetProperty("flags")[0].GetString());
        var colour = report.GetProperty("features")[1];
        Assert.True(colour.GetProperty("mi_adjusted").GetDouble() < colour.GetProperty("mi").GetDouble());
    }

    /// <summary>
    /// A constant column has I = 0 on every command and in the library, by the estimator model's one constant-pair rule:
    /// <c>mi</c> used to print 0.7155 nats (KSG's jitter against a tied column) where <c>features</c> said 0.
    /// </summary>
    [Fact]
    public void A_constant_column_has_zero_information_everywhere()
    {
        string path = PathOf("const.csv");
        var lines = new List<string> { "a,b,y" };
        for (int i = 0; i < 200; i++)
        {
            lines.Add(FormattableString.Invariant($"1.5,{(i % 20) * 0.37:R},{i % 3}"));
        }

        System.IO.File.WriteAllLines(path, lines);
        string[] uncertainty = ["--ci", "0.9", "--permutations", "30", "--seed", "4"];
        var mi = Json(Run(["mi", path, "--x", "a", "--y", "b", "--json", .. uncertainty]));
        Assert.Equal(0.0, mi.GetProperty("value").GetDouble());
        Assert.Equal(0.0, mi.GetProperty("raw_value").GetDouble());
        Assert.Equal(200, mi.GetProperty("n").GetInt32());
        Assert.Equal("ksg1", mi.GetProperty("estimator").GetString());
        Assert.Equal([0.0, 0.0], mi.GetProperty("ci").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(1.0, mi.GetProperty("p_value").GetDouble());
        Assert.Equal(0.0, Json(Run("mi", path, "--x", "b", "--y", "a", "--estimator", "ksg2", "--json")).GetProperty("value").GetDouble());
        Assert.Equal(0.0, Json(Run("mi", path, "--x", "y", "--y", "a", "--json")).GetProperty("value").GetDouble());
        Assert.StartsWith("I(a;b) = 0 nats (ksg1, n = 200)", Run("mi", path, "--x", "a", "--y", "b"));

        var features = Json(Run(["features", path, "--target", "b", "--json", .. uncertainty]));
        var report = Json(Run(["report", path, "--target", "b", "--json", "-o", PathOf("const"), "--replicates", "200", .. uncertainty]));
        foreach (var listing in new[] { features, report })
        {
            var a = listing.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "a");
            Assert.Equal(0.0, a.GetProperty("mi").GetDouble());
            Assert.Equal(0.0, a.GetProperty("mi_adjusted").GetDouble());
            Assert.Contains("constant", a.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
            if (a.TryGetProperty("estimator", out var estimator))
            {
                Assert.Equal(mi.GetProperty("estimator").GetString(), estimator.GetString());
            }

            Assert.Equal([0.0, 0.0], a.GetProperty("ci").EnumerateArray().Select(v => v.GetDouble()));
            Assert.Equal(1.0, a.GetProperty("p_value").GetDouble());
        }

        var table = TableReader.Read(path);
        Assert.Equal(0.0, new Automatic().MutualInformation(table["a"].ToVariable(), table["b"].ToVariable()).RawValue);
    }

    [Fact]
    public void Bits_on_one_command_are_nats_on_another_converted_once()
    {
        string path = Path.Combine(RepositoryRoot(), "data", "iris.csv");
        double nats = Json(Run("mi", path, "--x", "petal_width_cm", "--y", "target", "--json")).GetProperty("value").GetDouble();
        var features = Json(Run("features", path, "--target", "target", "--base", "2", "--json"));
        var report = Json(Run("report", path, "--target", "target", "--base", "2", "--json", "-o", PathOf("bits"), "--permutations", "0", "--replicates", "0"));
        Assert.Equal("bits", features.GetProperty("unit").GetString());
        Assert.Equal("bits", report.GetProperty("unit").GetString());
        double bits = LogBase.Bits.FromNats(nats);
        Assert.Equal(bits, features.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "petal_width_cm").GetProperty("mi").GetDouble());
        Assert.Equal(bits, report.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "petal_width_cm").GetProperty("mi").GetDouble());
    }

    /// <summary>
    /// A k larger than the data is one rule on every command: the estimator's. Ross uses a class's size − 1 neighbours
    /// (iris's classes have 50 rows), so <c>mi</c>, <c>features</c> and <c>report</c> print the same number at --k 1000
    /// (the report used to refuse the table for needing 2(k + 1) rows); KSG refuses k ≥ n, and <c>mi</c>'s refusal is the
    /// note of the unscored feature in <c>features</c> and <c>report</c>.
    /// </summary>
    [Fact]
    public void A_large_k_gives_the_same_answer_from_mi_features_and_report()
    {
        string path = Path.Combine(RepositoryRoot(), "data", "iris.csv");
        string[] options = ["--k", "1000", "--seed", "2"];
        var features = Json(Run(["features", path, "--target", "target", "--json", .. options]));
        var report = Json(Run(["report", path, "--target", "target", "--json", "-o", PathOf("k"), "--permutations", "0", "--replicates", "0", .. options]));
        var reported = report.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(4, features.GetProperty("features").GetArrayLength());
        foreach (var feature in features.GetProperty("features").EnumerateArray())
        {
            string name = feature.GetProperty("name").GetString()!;
            var (code, output, error) = CliRunner.Run(["mi", path, "--x", name, "--y", "target", "--json", .. options]);
            Assert.Equal(0, code);
            Assert.Contains("class size − 1 neighbours", error, StringComparison.Ordinal);
            double value = Json(output).GetProperty("value").GetDouble();
            Assert.Equal(value, feature.GetProperty("mi").GetDouble());
            Assert.Equal(value, reported[name].GetProperty("mi").GetDouble());
            Assert.Equal("ross", reported[name].GetProperty("estimator").GetString());
        }

        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("at most k = 1000 rows", StringComparison.Ordinal));

        var (ksgCode, _, ksgError) = CliRunner.Run(["mi", path, "--x", "petal_width_cm", "--y", "sepal_width_cm", .. options]);
        Assert.Equal(2, ksgCode);
        // mi names --k and the columns; the reason itself is the one features and report note.
        Assert.StartsWith("error: --k 1000: 'petal_width_cm' and 'sepal_width_cm' have 150 rows with values in ", ksgError, StringComparison.Ordinal);
        const string reason = "k = 1000 neighbours need at least 1001";
        Assert.Contains(reason, ksgError, StringComparison.Ordinal);
        var regression = Json(Run(["features", path, "--target", "sepal_width_cm", "--json", .. options]));
        var regressionReport = Json(Run(["report", path, "--target", "sepal_width_cm", "--json", "-o", PathOf("k2"), "--permutations", "0", "--replicates", "0", .. options]));
        foreach (var listing in new[] { regression, regressionReport })
        {
            var petal = listing.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "petal_width_cm");
            Assert.Equal(JsonValueKind.Null, petal.TryGetProperty("mi", out var mi) ? mi.ValueKind : JsonValueKind.Null);
            Assert.Contains(reason, petal.GetProperty("note").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Review 5, finding 5: with missing cells the greedy methods scored on the rows where every candidate had a value,
    /// so <c>features --method mrmr</c> printed mi 0.30091 for a pair <c>mi</c> and method mi put at 0.30489 (n = 174) and
    /// dropped 35 rows. Now every method's terms are on their own rows: each pick's <c>mi</c> and <c>rows</c> are the value
    /// and n that <c>mi</c> prints for the pair, the report's mRMR agrees, and only the rows without a target value are dropped.
    /// </summary>
    [Theory]
    [InlineData("mrmr")]
    [InlineData("mrmr-quotient")]
    [InlineData("jmi")]
    [InlineData("cmim")]
    [InlineData("disr")]
    public void Every_greedy_method_gives_each_feature_the_mi_and_rows_that_mi_prints_on_data_with_missing_cells(string method)
    {
        string path = WithGaps(discreteOnly: method == "disr");
        string[] seed = ["--seed", "3"];
        var greedy = Json(Run(["features", path, "--target", "c", "--method", method, "--json", .. seed]));
        var ranking = Json(Run(["features", path, "--target", "c", "--json", .. seed]));
        var ranked = ranking.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        var picks = greedy.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(ranked.Count, picks.Length);
        Assert.Contains("term on the rows where the target and that term's features have values", greedy.GetProperty("term_rows").GetString(), StringComparison.Ordinal);
        foreach (var pick in picks)
        {
            string name = pick.GetProperty("name").GetString()!;
            var mi = Json(Run(["mi", path, "--x", name, "--y", "c", "--json", .. seed]));
            Assert.Equal(mi.GetProperty("value").GetDouble(), pick.GetProperty("mi").GetDouble());
            Assert.Equal(mi.GetProperty("n").GetInt64(), pick.GetProperty("rows").GetInt64());
            Assert.Equal(mi.GetProperty("estimator").GetString(), pick.GetProperty("estimator").GetString());
            Assert.Equal(ranked[name].GetProperty("mi").GetDouble(), pick.GetProperty("mi").GetDouble());
            Assert.Equal(ranked[name].GetProperty("rows").GetInt64(), pick.GetProperty("rows").GetInt64());
            Assert.Equal(ranked[name].GetProperty("mi_adjusted").GetDouble(), pick.GetProperty("mi_adjusted").GetDouble());
            Assert.Equal(ranked[name].GetProperty("kind").GetString(), pick.GetProperty("kind").GetString());
        }

        // The first pick's score is its relevance; the rows left out of every term are the target's 7 NA, as for method mi.
        Assert.Equal(picks[0].GetProperty("mi_adjusted").GetDouble(), picks[0].GetProperty("score").GetDouble());
        Assert.Equal(7, greedy.GetProperty("rows_dropped").GetProperty("count").GetInt64());
        Assert.Equal(7, ranking.GetProperty("rows_dropped").GetProperty("count").GetInt64());
        Assert.Equal(["c"], greedy.GetProperty("rows_dropped").GetProperty("columns").EnumerateObject().Select(p => p.Name));

        // With every incomplete row deleted first, mi and the picks' mi are the listwise numbers again: the gaps, not the
        // method, made the difference.
        string complete = PathOf("complete.csv");
        System.IO.File.WriteAllLines(complete, System.IO.File.ReadAllLines(path).Where(l => !l.Split(',').Any(c => c is "" or "NA" or "NaN" or "inf")));
        var listwise = Json(Run(["features", complete, "--target", "c", "--method", method, "--json", .. seed]));
        foreach (var pick in listwise.GetProperty("features").EnumerateArray())
        {
            var mi = Json(Run(["mi", complete, "--x", pick.GetProperty("name").GetString()!, "--y", "c", "--json", .. seed]));
            Assert.Equal(mi.GetProperty("value").GetDouble(), pick.GetProperty("mi").GetDouble());
        }

        if (method == "mrmr")
        {
            var report = Json(Run(["report", path, "--target", "c", "--json", "-o", PathOf("gaps"), "--permutations", "0", "--replicates", "0", .. seed]));
            Assert.Equal(picks.Select(p => p.GetProperty("name").GetString()), report.GetProperty("mrmr").EnumerateArray().Select(n => n.GetString()));
            var reported = report.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
            Assert.All(picks, p => Assert.Equal(p.GetProperty("mi").GetDouble(), reported[p.GetProperty("name").GetString()!].GetProperty("mi").GetDouble()));
            Assert.Equal(200, report.GetProperty("rows").GetInt32());
            Assert.Equal(193, report.GetProperty("rows_used").GetInt32());
            Assert.Equal(7, report.GetProperty("rows_dropped").GetProperty("count").GetInt64());
            Assert.Contains("200 rows (193 used), 4 columns", Run("report", path, "--target", "c", "-o", PathOf("gaps"), "--permutations", "0", "--replicates", "0"), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The review's table: x normal, y = x + noise, c = (x &gt; 0) + (u &lt; 0.3), d uniform on 0–3, n = 200; x empty where
    /// i % 17 = 3 and inf where i % 31 = 2, y NaN where i % 23 = 5, c NA where i % 29 = 7 (7 rows). For DISR, which needs
    /// discrete features: d, e = (c + noise) mod 3 empty where i % 13 = 4, and f uniform on 0–2 NA where i % 19 = 1.
    /// </summary>
    [Fact]
    public void Reports_column_entropies_are_the_numbers_entropy_prints_in_text_and_json()
    {
        string path = Path.Combine(RepositoryRoot(), "data", "iris.csv");
        var report = Json(Run("report", path, "--target", "target", "--json", "-o", PathOf("report"), "--permutations", "0", "--replicates", "0"));
        var columns = report.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);

        var length = Json(Run("entropy", "--samples", path, "--column", "sepal_length_cm", "--json"));
        Assert.Equal(length.GetProperty("value").GetDouble(), columns["sepal_length_cm"].GetProperty("entropy").GetDouble());
        Assert.Equal(length.GetProperty("estimator").GetString(), columns["sepal_length_cm"].GetProperty("entropy_estimator").GetString());
        var target = Json(Run("entropy", "--samples", path, "--column", "target", "--json"));
        Assert.Equal(target.GetProperty("value").GetDouble(), columns["target"].GetProperty("entropy").GetDouble());

        // Ties make the spacing estimate -inf: entropy prints exit 2, the report has no number and says why.
        Assert.Equal(JsonValueKind.Null, columns["sepal_width_cm"].GetProperty("entropy").ValueKind);
        Assert.Equal(JsonValueKind.Null, columns["sepal_width_cm"].GetProperty("entropy_estimator").ValueKind);
        Assert.False(string.IsNullOrEmpty(columns["sepal_width_cm"].GetProperty("entropy_note").GetString()));
        Assert.Equal(2, CliRunner.Run("entropy", "--samples", path, "--column", "sepal_width_cm").Code);
    }

    private string WithGaps(bool discreteOnly)
    {
        var random = new Random(1);
        var lines = new List<string> { discreteOnly ? "d,e,f,c" : "x,y,c,d" };
        for (int i = 0; i < 200; i++)
        {
            double x = Normal(random), y = x + Normal(random);
            int c = (x > 0 ? 1 : 0) + (random.NextDouble() < 0.3 ? 1 : 0), d = random.Next(4);
            string cs = i % 29 == 7 ? "NA" : c.ToString(CultureInfo.InvariantCulture);
            if (discreteOnly)
            {
                string e = i % 13 == 4 ? string.Empty : ((c + (random.NextDouble() < 0.4 ? random.Next(3) : 0)) % 3).ToString(CultureInfo.InvariantCulture);
                string f = i % 19 == 1 ? "NA" : random.Next(3).ToString(CultureInfo.InvariantCulture);
                lines.Add(FormattableString.Invariant($"{d},{e},{f},{cs}"));
                continue;
            }

            string xs = i % 17 == 3 ? string.Empty : i % 31 == 2 ? "inf" : x.ToString("R", CultureInfo.InvariantCulture);
            string ys = i % 23 == 5 ? "NaN" : y.ToString("R", CultureInfo.InvariantCulture);
            lines.Add($"{xs},{ys},{cs},{d}");
        }

        string path = PathOf(discreteOnly ? "gaps_discrete.csv" : "gaps.csv");
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private string Mixed()
    {
        var random = new Random(9);
        var lines = new List<string> { "colour,rating,size,y" };
        for (int i = 0; i < 240; i++)
        {
            int y = random.Next(3);
            string colour = ((y + random.Next(2)) % 3) switch { 0 => "red", 1 => "green", _ => "blue" };
            int rating = Math.Clamp(y + random.Next(-1, 3), 1, 5);
            double size = Math.Round(y + (random.NextDouble() * 2.5), 3);
            lines.Add(FormattableString.Invariant($"{colour},{rating},{size},{y}"));
        }

        string path = PathOf("mixed.csv");
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private static string Run(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, $"shannon {string.Join(' ', args)} exited {code}: {error}");
        return output;
    }

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement.Clone();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "Shannon.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Shannon.slnx not found above the test directory.");
    }
}
