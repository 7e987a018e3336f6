using System.Text.Json;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Measures;

namespace Shannon.Cli.Tests;

/// <summary>
/// Hostile review round 3: one question gets one answer, and an output that could mislead says so. Each test states what
/// the user saw before.
/// </summary>
public sealed class ReviewRound3Tests() : ScratchDirectoryTests("shannon-review3-")
{
    private const string Sparse = "too sparse: n = ";

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement.Clone();

    [Fact]
    public void A_constant_column_has_entropy_zero()
    {
        // Before: H(a) = 0.3689751341 nats (grassberger, n = 3) for three equal rows, whose plug-in entropy is 0.
        string data = File("constant.csv", "a,b\n1,x\n1,y\n1,x\n");
        var (code, output, error) = CliRunner.Run("entropy", "--samples", data, "--column", "a");
        Assert.Equal(0, code);
        Assert.Equal("H(a) = 0 nats (grassberger, n = 3)", output.Trim());
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void A_too_sparse_table_is_noted_without_ci_in_text_and_json()
    {
        // Before: I(a;b) = 1.963510026 nats for two rows (above ln 2, the most two rows carry), with no word unless --ci.
        string data = File("two.csv", "a,b\n1,x\n2,y\n");
        var (code, output, error) = CliRunner.Run("mi", data, "--x", "a", "--y", "b");
        Assert.Equal(0, code);
        Assert.StartsWith("I(a;b) = 1.963510026 nats (grassberger, n = 2)", output, StringComparison.Ordinal);
        Assert.Equal("note: too sparse: n = 2 rows for 2 × 2 = 4 cells (fewer than 2 rows per cell), so the estimate's bias is comparable to its spread: the value can be far off, and no interval would cover at its level.", error.Trim());

        (code, output, _) = CliRunner.Run("mi", data, "--x", "a", "--y", "b", "--json");
        Assert.Equal(0, code);
        var json = Json(output);
        Assert.StartsWith(Sparse + "2 rows for 2 × 2 = 4 cells", json.GetProperty("ci_withheld").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ci").ValueKind);
        Assert.Equal(Math.Log(2), json.GetProperty("plug_in").GetDouble(), 1e-15);

        // Entropy of a column and I(X;Y|Z) say it too; a table with enough rows per cell does not.
        (code, _, error) = CliRunner.Run("entropy", "--samples", data, "--column", "b");
        Assert.Equal(0, code);
        Assert.StartsWith("note: " + Sparse + "2 rows for 2 values", error, StringComparison.Ordinal);
        string three = File("three.csv", "a,b,c\n1,x,p\n2,y,q\n1,y,p\n2,x,q\n");
        (code, _, error) = CliRunner.Run("mi", three, "--x", "a", "--y", "b", "--z", "c");
        Assert.Equal(0, code);
        Assert.StartsWith("note: " + Sparse + "4 rows for 2 × 2 × 2 = 8 cells", error, StringComparison.Ordinal);
        string dense = File("dense.csv", "a,b\n" + string.Concat(Enumerable.Repeat("1,x\n2,y\n1,y\n2,x\n", 2)));
        (code, output, error) = CliRunner.Run("mi", dense, "--x", "a", "--y", "b", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.False(Json(output).TryGetProperty("ci_withheld", out _));
    }

    [Fact]
    public void Features_note_a_too_sparse_pair_without_ci()
    {
        // Before: the note came only with --ci.
        string data = File("tiny.csv", "x,y\n1,a\n2,b\n3,a\n");
        var (code, output, _) = CliRunner.Run("features", data, "--target", "y");
        Assert.Equal(0, code);
        Assert.Contains("(" + Sparse + "3 rows for 3 × 2 = 6 cells (fewer than 2 rows per cell)", output, StringComparison.Ordinal);
        (code, output, _) = CliRunner.Run("features", data, "--target", "y", "--json");
        Assert.Equal(0, code);
        Assert.StartsWith(Sparse + "3 rows", Json(output).GetProperty("features")[0].GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mi_labels_goes_through_the_automatic_rule_and_names_its_estimator()
    {
        // Before: I(A;B) = 0.291103166 nats (n = 5, 2 × 2 clusters): the plug-in, unnamed, while mi DATA on the same labels gave Grassberger's value.
        string[] a = ["a", "b", "a", "b", "a", "b", "a", "a", "b", "b"];
        string[] b = ["x", "y", "x", "y", "y", "y", "x", "x", "y", "x"];
        string fileA = File("a.txt", string.Join('\n', a) + "\n");
        string fileB = File("b.txt", string.Join('\n', b) + "\n");
        string data = File("ab.csv", "A,B\n" + string.Concat(a.Zip(b, (p, q) => $"{p},{q}\n")));
        double grassberger = new Grassberger().MutualInformation<string, string>(a, b).Value;

        var (code, output, _) = CliRunner.Run("mi", "--labels", fileA, fileB, "--json");
        Assert.Equal(0, code);
        var json = Json(output);
        Assert.Equal(grassberger, json.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal("grassberger", json.GetProperty("estimator").GetString());
        Assert.Equal(new PlugIn().MutualInformation<string, string>(a, b).Value, json.GetProperty("plug_in").GetDouble(), 1e-15);
        Assert.Equal(2, json.GetProperty("clusters_a").GetInt32());
        var (_, samples, _) = CliRunner.Run("mi", data, "--x", "A", "--y", "B", "--json");
        Assert.Equal(Json(samples).GetProperty("value").GetDouble(), json.GetProperty("value").GetDouble());

        (code, output, _) = CliRunner.Run("mi", "--labels", fileA, fileB, "--estimator", "plugin");
        Assert.Equal(0, code);
        Assert.StartsWith("I(A;B) = 0.", output, StringComparison.Ordinal);
        Assert.Contains("(plugin, n = 10)", output, StringComparison.Ordinal);

        // The sample form's uncertainty applies: a permutation p-value.
        (code, output, _) = CliRunner.Run("mi", "--labels", fileA, fileB, "--permutations", "99", "--json");
        Assert.Equal(0, code);
        Assert.True(Json(output).TryGetProperty("p_value", out _));

        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", "--labels", fileA, fileB, "--estimator", "ksg1"),
            "--estimator ksg1 estimates from continuous samples, and labels are discrete: use auto (the default, grassberger) or one of plugin|miller-madow|grassberger|chao-shen|james-stein|jackknife|nsb|jeffreys|laplace|perks|minimax|dirichlet:A.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", "--labels", fileA, fileB, "--adjusted", "--estimator", "plugin"),
            "--estimator does not apply to mi --labels with --normalized or --adjusted: NMI and AMI are defined on the plug-in counts (scikit-learn's normalized_mutual_info_score and adjusted_mutual_info_score), with no estimator, interval or p-value.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", "--labels", fileA, fileB, "--k", "5"), "--k does not apply to mi --labels.");
    }

    [Fact]
    public void Count_tables_take_the_estimator_choice_of_data()
    {
        // Before: mi --joint --counts printed the plug-in unnamed and refused --estimator; entropy --counts printed the
        // plug-in unnamed, took --estimator plugin, and refused --estimator auto ("does not estimate an entropy from counts").
        long[] counts = [40, 10, 10, 40];
        var table = ContingencyTable.FromCounts(counts, 2, 2);
        var (code, output, error) = CliRunner.RunWithStdin("40,10\n10,40\n", "mi", "--joint", "-", "--counts", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var json = Json(output);
        Assert.Equal(new Grassberger().MutualInformation(table).Value, json.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal("grassberger", json.GetProperty("estimator").GetString());
        Assert.Equal(100, json.GetProperty("n").GetInt32());
        Assert.Equal(new PlugIn().MutualInformation(table).Value, json.GetProperty("plug_in").GetDouble(), 1e-15);
        (code, output, _) = CliRunner.RunWithStdin("40,10\n10,40\n", "mi", "--joint", "-", "--counts", "--estimator", "plugin", "--base", "2");
        Assert.Equal(0, code);
        Assert.Equal($"I(X;Y) = {new PlugIn().MutualInformation(table, LogBase.Bits).Value.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)} bits (plugin, n = 100)", output.Trim());
        CliRunner.AssertOneErrorLine(CliRunner.RunWithStdin("0.4,0.1\n0.1,0.4\n", "mi", "--joint", "-", "--estimator", "plugin"),
            "--estimator does not apply to mi --joint without --counts: the I(X;Y) of a table of probabilities is exact; an estimator needs counts (--counts) or DATA with --x and --y.");
        Assert.Equal(2, CliRunner.RunWithStdin("40,10\n10,40\n", "mi", "--joint", "-", "--counts", "--estimator", "ross").Code);

        foreach (string name in new[] { "auto", "grassberger" })
        {
            (code, output, _) = CliRunner.Run("entropy", "5,5", "--counts", "--estimator", name);
            Assert.Equal(0, code);
            Assert.Equal("H(P) = 0.9062812718 nats (grassberger, n = 10)", output.Trim());
        }

        (code, output, _) = CliRunner.Run("entropy", "5,5", "--counts");
        Assert.Equal("H(P) = 0.9062812718 nats (grassberger, n = 10)", output.Trim());
        (code, output, _) = CliRunner.Run("entropy", "5,5", "--counts", "--estimator", "auto:miller-madow");
        Assert.Equal(0, code);
        Assert.Equal("H(P) = 0.7431471806 nats (miller-madow, n = 10)", output.Trim());
        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", "5,5", "--counts", "--estimator", "ksg1"),
            "--estimator ksg1 estimates from continuous samples, and counts are discrete: use auto (the default, grassberger) or one of plugin|miller-madow|grassberger|chao-shen|james-stein|jackknife|nsb|jeffreys|laplace|perks|minimax|dirichlet:A.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", "2.5,1", "--counts"),
            "--counts entry 1 is 2.5; an estimator needs whole, non-negative counts (weights that are not counts: divide them by their sum and give the distribution without --counts).");
    }

    [Fact]
    public void Features_header_says_what_each_number_is_and_json_names_the_estimator_and_the_plug_in()
    {
        // Before: "ranked by the chance-corrected score mi_adjusted = I - E0[I]", while the score was the plug-in's and mi Grassberger's.
        var random = new Random(3);
        string data = File("ranked.csv", "a,b,y\n" + string.Concat(Enumerable.Range(0, 120).Select(i =>
        {
            int y = i % 3;
            return $"{(random.NextDouble() < 0.8 ? y : random.Next(3))},{random.Next(4)},{y}\n";
        })));
        var (code, output, _) = CliRunner.Run("features", data, "--target", "y");
        Assert.Equal(0, code);
        Assert.Contains("two discrete columns: the plug-in I less its mean under independence, I_plugin - E0[I_plugin]", output, StringComparison.Ordinal);
        Assert.Contains("mi = the pair's estimate, the number shannon mi prints (grassberger", output, StringComparison.Ordinal);
        Assert.DoesNotContain("mi_adjusted = I - E0[I]", output, StringComparison.Ordinal);

        (code, output, _) = CliRunner.Run("features", data, "--target", "y", "--json");
        Assert.Equal(0, code);
        var a = Json(output).GetProperty("features").EnumerateArray().First(f => f.GetProperty("name").GetString() == "a");
        var (_, pair, _) = CliRunner.Run("mi", data, "--x", "a", "--y", "y", "--json");
        Assert.Equal("grassberger", a.GetProperty("estimator").GetString());
        Assert.Equal(Json(pair).GetProperty("value").GetDouble(), a.GetProperty("mi").GetDouble());
        Assert.Equal(Json(pair).GetProperty("plug_in").GetDouble(), a.GetProperty("plug_in").GetDouble());
        Assert.True(a.GetProperty("mi_adjusted").GetDouble() < a.GetProperty("plug_in").GetDouble()); // plug-in less a positive null mean

        // The report carries the same key for the same pair.
        string directory = PathOf("report");
        (code, output, _) = CliRunner.Run("report", data, "--target", "y", "-o", directory, "--permutations", "0", "--replicates", "0", "--json");
        Assert.Equal(0, code);
        var reported = Json(output).GetProperty("features").EnumerateArray().First(f => f.GetProperty("name").GetString() == "a");
        Assert.Equal(a.GetProperty("plug_in").GetDouble(), reported.GetProperty("plug_in").GetDouble());
    }

    [Fact]
    public void Features_from_counts_use_the_estimator_asked_for_and_name_it()
    {
        // Before: --estimator plugin was accepted with --counts, and the scores were Grassberger's anyway.
        string counts = File("counts.csv", "feature,value,y,count\na,u,0,30\na,v,1,20\na,u,1,5\na,v,0,5\n");
        var table = ContingencyTable.FromCounts([30L, 5, 5, 20], 2, 2);
        foreach (var (name, expected) in new[] { ((string?)null, "grassberger"), ("plugin", "plugin"), ("miller-madow", "miller-madow") })
        {
            string[] args = ["features", "--counts", counts, "--target", "y", "--json", .. name is null ? Array.Empty<string>() : ["--estimator", name!]];
            var (code, output, _) = CliRunner.Run(args);
            Assert.Equal(0, code);
            var a = Json(output).GetProperty("features")[0];
            Assert.Equal(expected, a.GetProperty("estimator").GetString());
            var estimator = (DiscreteEntropyEstimator)(expected switch { "grassberger" => new Grassberger(), "plugin" => new PlugIn(), _ => new MillerMadow() });
            Assert.Equal(estimator.MutualInformation(table).Value, a.GetProperty("mi").GetDouble(), 1e-14);
            Assert.Equal(expected != "plugin", a.TryGetProperty("plug_in", out _));
        }

        Assert.Equal(2, CliRunner.Run("features", "--counts", counts, "--target", "y", "--estimator", "ksg1").Code);
    }

    [Fact]
    public void Ib_prints_zero_where_the_bottleneck_forgets_everything_not_a_rounding_residue()
    {
        // Before: "0.01 5.861773438E-17 0 …" and "2.511886432 2.304194256E-16 1.192021464E-16 …".
        var (code, output, _) = CliRunner.RunWithStdin("0.4,0.1\n0.1,0.4\n", "ib", "--joint", "-", "--sweep", "0.01:10:6");
        Assert.Equal(0, code);
        string[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[2..];
        Assert.Equal(6, rows.Length);
        foreach (string row in rows[..5])
        {
            string[] cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(new[] { "0", "0" }, cells[1..3]);
        }

        Assert.DoesNotContain("E-", output, StringComparison.Ordinal);
    }

    [Fact]
    public void More_bins_than_rows_get_a_note()
    {
        // Before: I(x;y) = 5.291385895 nats (binned, n = 200) with --bins 1000000, and H(x) = -6.88, without a word.
        var random = new Random(1);
        string data = File("continuous.csv", "x,y\n" + string.Concat(Enumerable.Range(0, 200).Select(_ =>
        {
            double x = random.NextDouble();
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x:F6},{x + random.NextDouble():F6}\n");
        })));
        var (code, _, error) = CliRunner.Run("mi", data, "--x", "x", "--y", "y", "--estimator", "binned", "--bins", "1000000");
        Assert.Equal(0, code);
        Assert.Contains("note: x is cut into 1000000 bins for 200 rows: with more bins than rows most bins hold one row or none, so the binned estimate measures the bin count, not the data (a binned I(X;Y) then approaches ln n = 5.298 nats whatever the dependence); use fewer bins.", error, StringComparison.Ordinal);
        Assert.Contains("note: y is cut into 1000000 bins", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("entropy", "--samples", data, "--column", "x", "--estimator", "binned", "--bins", "201");
        Assert.Equal(0, code);
        Assert.StartsWith("note: x is cut into 201 bins for 200 rows", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("entropy", "--samples", data, "--column", "x", "--estimator", "binned", "--bins", "200");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData(1.2e-05, "0.000012")]
    [InlineData(-3.456789012345e-07, "-0.0000003456789012")]
    [InlineData(12345678901.0, "12345678900")]
    [InlineData(0.25, "0.25")]
    [InlineData(-0.0, "0")]
    [InlineData(1e-10, "1E-10")]
    [InlineData(2.5e15, "2.5E+15")]
    public void Numbers_for_people_are_positional_between_1e_minus_9_and_1e15(double value, string expected) =>
        Assert.Equal(expected, CliOutput.Number(value));
}
