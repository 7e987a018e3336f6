using System.Globalization;
using System.Text.Json;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Cli.Tests;

public sealed class SampleCommandTests : ScratchDirectoryTests
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly string[] _label;
    private readonly string _csv;

    public SampleCommandTests()
        : base("shannon-samples-")
    {
        var random = new Random(17);
        int n = 400;
        _x = new double[n];
        _y = new double[n];
        _label = new string[n];
        var lines = new List<string> { "x,y,label,constant" };
        for (int i = 0; i < n; i++)
        {
            _x[i] = Math.Round(random.NextDouble() * 10, 6);
            _y[i] = Math.Round(_x[i] + (random.NextDouble() * 3), 6);
            _label[i] = _x[i] > 5 ? "high" : "low";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{_x[i]},{_y[i]},{_label[i]},1"));
        }

        _csv = PathOf("samples.csv");
        System.IO.File.WriteAllLines(_csv, lines);
    }

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    [Fact]
    public void Mi_of_numeric_columns_is_ksg_and_matches_the_library()
    {
        var (code, output, error) = CliRunner.Run("mi", _csv, "--x", "x", "--y", "y", "--json");
        Assert.Equal(0, code);
        Assert.Empty(error);
        var json = Json(output);
        Assert.Equal(new Ksg().MutualInformation(_x, _y).Value, json.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal("ksg1", json.GetProperty("estimator").GetString());
        Assert.Equal(400, json.GetProperty("n").GetInt32());
        Assert.Equal("nats", json.GetProperty("unit").GetString());
    }

    [Fact]
    public void Mi_of_a_numeric_and_a_label_column_is_ross()
    {
        var (code, output, _) = CliRunner.Run("mi", _csv, "--x", "x", "--y", "label", "--json", "--base", "2");
        Assert.Equal(0, code);
        var json = Json(output);
        Assert.Equal("ross", json.GetProperty("estimator").GetString());
        Assert.Equal(new Ross().MutualInformation<string>(_x, _label, LogBase.Bits).Value, json.GetProperty("value").GetDouble(), 1e-12);
    }

    [Fact]
    public void Mi_with_a_discrete_estimator_treats_values_as_labels()
    {
        var (code, output, _) = CliRunner.Run("mi", _csv, "--x", "label", "--y", "label", "--estimator", "miller-madow", "--json");
        Assert.Equal(0, code);
        Assert.Equal(new MillerMadow().MutualInformation<string, string>(_label, _label).Value, Json(output).GetProperty("value").GetDouble(), 1e-12);
    }

    [Fact]
    public void Mi_reports_interval_and_p_value_when_asked()
    {
        var (code, output, _) = CliRunner.Run("mi", _csv, "--x", "x", "--y", "y", "--estimator", "binned", "--bins", "quantile:5", "--ci", "0.9", "--permutations", "49", "--seed", "3", "--json");
        Assert.Equal(0, code);
        var json = Json(output);
        double value = json.GetProperty("value").GetDouble();
        var ci = json.GetProperty("ci").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.True(ci[0] <= ci[1]);
        Assert.True(json.GetProperty("stderr").GetDouble() > 0);
        Assert.Equal(0.02, json.GetProperty("p_value").GetDouble(), 1e-12);
        Assert.True(json.GetProperty("p_value_is_bound").GetBoolean()); // 1/(49 + 1): no permutation reached it
        Assert.True(value > 0.3);
        var line = CliRunner.Run("mi", _csv, "--x", "x", "--y", "y", "--estimator", "binned", "--bins", "quantile:5", "--permutations", "49", "--seed", "3");
        Assert.EndsWith(", p < 0.02", line.Out.Trim(), StringComparison.Ordinal);
        var again = CliRunner.Run("mi", _csv, "--x", "x", "--y", "y", "--estimator", "binned", "--bins", "quantile:5", "--ci", "0.9", "--permutations", "49", "--seed", "3", "--json");
        Assert.Equal(output, again.Out);
    }

    [Fact]
    public void Mi_human_line_names_the_columns()
    {
        var (code, output, _) = CliRunner.Run("mi", _csv, "--x", "x", "--y", "y", "--z", "label", "--estimator", "binned", "--bins", "4");
        Assert.Equal(0, code);
        Assert.StartsWith("I(x;y|label) = ", output);
        Assert.Contains("binned, n = 400", output);
    }

    [Fact]
    public void Mi_given_a_discrete_z_leaves_out_values_too_small_and_says_so()
    {
        // 150 rows, y = x + noise, z with 50 values of 3 rows: k = 3 needs 4 rows per value. Once: I = 0, ci [0, 0].
        var random = new Random(7);
        var rows = Enumerable.Range(0, 150).Select(i =>
        {
            double x = random.NextDouble() * 4;
            return FormattableString.Invariant($"{x},{x + (0.1 * random.NextDouble())},g{i / 3}");
        });
        string small = PathOf("small-groups.csv");
        System.IO.File.WriteAllText(small, "x,y,z\n" + string.Join("\n", rows) + "\n");
        var (code, output, error) = CliRunner.Run("mi", small, "--x", "x", "--y", "y", "--z", "z", "--ci", "0.95", "--json");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("needs at least 4 rows per value", error, StringComparison.Ordinal);

        // One more value with 148 rows and two with one row each: those two are left out, counted and named in a note.
        string mixed = PathOf("mixed-groups.csv");
        System.IO.File.WriteAllText(mixed, "x,y,z\n" + string.Join("\n", Enumerable.Range(0, 150).Select(i =>
            FormattableString.Invariant($"{i * 0.02},{(i * 0.02) + (0.001 * (i % 7))},{(i < 148 ? "a" : "b" + i)}"))) + "\n");
        (code, output, error) = CliRunner.Run("mi", mixed, "--x", "x", "--y", "y", "--z", "z");
        Assert.Equal(0, code);
        Assert.Contains("n = 148", output, StringComparison.Ordinal);
        Assert.Contains("note: n = 148 of 150 rows: the values of z with fewer than 4 rows", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--x", "nope", "--y", "y")]
    [InlineData("--x", "label", "--y", "y", "--estimator", "ksg1")]
    [InlineData("--x", "x", "--y", "y", "--estimator", "magic")]
    [InlineData("--x", "x", "--y", "y", "--k", "0")]
    [InlineData("--x", "x", "--y", "y", "--ci", "1.5")]
    [InlineData("--x", "x", "--y", "y", "--z", "label", "--permutations", "5")]
    [InlineData("--x", "x")]
    public void Mi_bad_input_exits_2_with_one_line(params string[] options)
    {
        var (code, output, error) = CliRunner.Run(["mi", _csv, .. options]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Degenerate_samples_are_named_by_their_columns()
    {
        // Before: "labels has no label that occurs at least twice" and "x is constant or a linear function of z" named the
        // estimators' parameters; the columns given are what the user can act on.
        string path = PathOf("degenerate.csv");
        System.IO.File.WriteAllLines(path, ["a,b,c,tag", "1,2,3,p", "2,4,1,q", "3,6,5,r", "4,8,2,s", "5,10,9,t"]);
        var (code, _, error) = CliRunner.Run("mi", path, "--x", "a", "--y", "tag", "--estimator", "ross");
        Assert.Equal(2, code);
        Assert.Equal("error: 'tag' has no label that occurs at least twice (5 rows, each its own label); the Ross estimator needs a neighbour with the same label.", error.Trim());
        (code, _, error) = CliRunner.Run("mi", path, "--x", "a", "--y", "c", "--z", "b", "--estimator", "gaussian");
        Assert.Equal(2, code);
        Assert.Equal("error: 'a' is constant or a linear function of 'b' (a singular sample covariance); the Gaussian conditional mutual information is undefined.", error.Trim());
        (code, _, error) = CliRunner.Run("info", path, "--columns", "a,c,b", "--measure", "o-information", "--estimator", "gaussian");
        Assert.Equal(2, code);
        Assert.StartsWith("error: '", error, StringComparison.Ordinal);
        Assert.Contains("has a singular sample covariance (a constant column, or one that is a linear function of the others)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mi_with_too_few_samples_for_k_exits_2()
    {
        string small = PathOf("small.csv");
        System.IO.File.WriteAllLines(small, ["a,b", "1.5,2.5", "2.5,1.5", "3.5,5.5"]);
        var (code, _, error) = CliRunner.Run("mi", small, "--x", "a", "--y", "b");
        Assert.Equal(2, code);
        Assert.Contains("k = 3", error);
    }

    [Fact]
    public void Entropy_of_samples_defaults_to_scipy_auto_and_grassberger_with_the_plug_in_beside_it()
    {
        var (code, output, _) = CliRunner.Run("entropy", "--samples", _csv, "--column", "x", "--json");
        Assert.Equal(0, code);
        Assert.Equal(new Spacing().DifferentialEntropy(_x).Value, Json(output).GetProperty("value").GetDouble(), 1e-12);
        (code, output, _) = CliRunner.Run("entropy", "--samples", _csv, "--column", "label", "--json", "--base", "bits");
        Assert.Equal(0, code);
        Assert.Equal(new Grassberger().Entropy<string>(_label, LogBase.Bits).Value, Json(output).GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(new PlugIn().Entropy<string>(_label, LogBase.Bits).Value, Json(output).GetProperty("plug_in").GetDouble(), 1e-12);
    }

    [Fact]
    public void Mi_of_discrete_columns_is_grassberger_with_the_plug_in_beside_it_and_no_interval_when_too_sparse()
    {
        // The hostile review's case: 15 × 15 values, 300 rows, Y = X with probability 1/2 (I = 0.786 nats). The plug-in's
        // interval sat 0.33 nats of bias above the truth and never covered it; now the interval is withheld and says why.
        var random = new Random(8);
        int[] xs = [.. Enumerable.Range(0, 300).Select(i => i % 15)];
        int[] ys = [.. xs.Select(v => random.NextDouble() < 0.5 ? random.Next(15) : v)];
        string path = PathOf("channel.csv");
        System.IO.File.WriteAllLines(path, ["x,y", .. xs.Zip(ys, (a, b) => $"{a},{b}")]);
        var (x, y) = (Variable.Discrete<int>("x", xs), Variable.Discrete<int>("y", ys));

        var (code, output, error) = CliRunner.Run("mi", path, "--x", "x", "--y", "y", "--ci", "0.95", "--json");
        Assert.Equal(0, code);
        var json = Json(output);
        Assert.Equal(new Grassberger().MutualInformation(x, y).Value, json.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(new PlugIn().MutualInformation(x, y).Value, json.GetProperty("plug_in").GetDouble(), 1e-12);
        Assert.Equal("grassberger", json.GetProperty("estimator").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ci").ValueKind);
        Assert.StartsWith("too sparse: n = 300 rows for 15 × 15 = 225 cells", json.GetProperty("ci_withheld").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("note: too sparse: n = 300 rows", error.Trim(), StringComparison.Ordinal);

        // --estimator plugin is scikit-learn's mutual_info_score, as before, with no plug_in beside it.
        (code, output, _) = CliRunner.Run("mi", path, "--x", "x", "--y", "y", "--estimator", "plugin", "--json");
        Assert.Equal(0, code);
        Assert.Equal(new PlugIn().MutualInformation(x, y).Value, Json(output).GetProperty("value").GetDouble(), 1e-12);
        Assert.False(Json(output).TryGetProperty("plug_in", out _));

        // 1200 rows are enough: an interval around the Grassberger value, which it contains.
        System.IO.File.WriteAllLines(path, ["x,y", .. Enumerable.Repeat(xs.Zip(ys, (a, b) => $"{a},{b}"), 4).SelectMany(l => l)]);
        (code, output, _) = CliRunner.Run("mi", path, "--x", "x", "--y", "y", "--ci", "0.95", "--json");
        Assert.Equal(0, code);
        json = Json(output);
        var ci = json.GetProperty("ci");
        Assert.InRange(json.GetProperty("value").GetDouble(), ci[0].GetDouble(), ci[1].GetDouble());
        Assert.False(json.TryGetProperty("ci_withheld", out _));
    }

    [Fact]
    public void Entropy_of_samples_with_an_interval()
    {
        var (code, output, _) = CliRunner.Run("entropy", "--samples", _csv, "--column", "x", "--estimator", "kl", "--ci", "0.95", "--json");
        Assert.Equal(0, code);
        var json = Json(output);
        Assert.Equal(new KozachenkoLeonenko().DifferentialEntropy(_x).Value, json.GetProperty("value").GetDouble(), 1e-12);
        Assert.True(json.GetProperty("stderr").GetDouble() > 0);
        (code, output, _) = CliRunner.Run("entropy", "--samples", _csv, "--column", "label", "--estimator", "chao-shen", "--ci", "0.95", "--seed", "1");
        Assert.Equal(0, code);
        Assert.Contains("95% CI [", output);
    }

    [Theory] // Before, a column against itself printed about 18 nats of rounding noise, and y = 3x + 1 blamed y.
    [InlineData("x", "x")]
    [InlineData("x", "linear")]
    [InlineData("linear", "x")]
    public void Gaussian_mi_of_a_linear_relation_is_refused_as_infinite(string x, string y)
    {
        string path = PathOf("linear.csv");
        System.IO.File.WriteAllLines(path, ["x,linear", .. _x.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v},{(3 * v) + 1}"))]);
        var (code, output, error) = CliRunner.Run("mi", path, "--x", x, "--y", y, "--estimator", "gaussian");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: the gaussian estimate of I({x};{y}) is Infinity: the joint sample covariance is singular (one side is an exact linear function of the other), so no finite number describes the data.", error.Trim());
        (code, output, _) = CliRunner.Run("mi", _csv, "--x", "x", "--y", "y", "--estimator", "gaussian", "--json");
        Assert.Equal(0, code);
        Assert.Equal(new Gaussian().MutualInformation(_x, _y).Value, Json(output).GetProperty("value").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("--samples", "FILE")]
    [InlineData("--samples", "FILE", "--column", "missing")]
    [InlineData("--samples", "FILE", "--column", "label", "--estimator", "kl")]
    [InlineData("--samples", "FILE", "--column", "constant", "--estimator", "gaussian")]
    [InlineData("0.5,0.5", "--samples", "FILE", "--column", "x")]
    [InlineData("--samples", "does-not-exist.csv")]
    public void Entropy_of_samples_bad_input_exits_2(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(["entropy", .. args.Select(a => a == "FILE" ? _csv : a)]);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error);
    }

    [Fact]
    public void Ross_says_which_rows_it_left_out_and_where_k_was_capped()
    {
        // One row alone in its class has no same-class neighbour: the estimate's n is one less than the rows, and a note says why.
        string csv = PathOf("rare.csv");
        System.IO.File.WriteAllLines(csv, ["x,label", .. _x.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{v},{_label[i]}")), "4.5,alone"]);
        var (code, output, error) = CliRunner.Run("mi", csv, "--x", "x", "--y", "label", "--json");
        Assert.Equal(0, code);
        Assert.Equal(_x.Length, Json(output).GetProperty("n").GetInt32());
        Assert.Contains($"n = {_x.Length} of {_x.Length + 1} rows: 1 row(s) whose class of label occurs only once are left out", error, StringComparison.Ordinal);

        // k beyond a class's size is capped at the class size − 1, and said so; the default k on these classes needs no note.
        var capped = CliRunner.Run("mi", _csv, "--x", "x", "--y", "label", "--k", "1000", "--json");
        Assert.Equal(0, capped.Code);
        Assert.Contains("2 class(es) of label have at most k = 1000 rows; there the ross estimator uses the class size − 1 neighbours", capped.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", CliRunner.Run("mi", _csv, "--x", "x", "--y", "label").Err, StringComparison.Ordinal);
    }
}
