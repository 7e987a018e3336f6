using System.Globalization;
using System.Text;
using System.Text.Json;
using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Cli.Tests;

public sealed class TeCommandTests() : ScratchDirectoryTests("shannon-te-")
{
    [Fact]
    public void Json_keys_and_the_library_value()
    {
        var (x, y) = Coupled(2_000, seed: 1);
        string path = Write("coupled.csv", "x,y", x.Zip(y, (a, b) => $"{a.ToString("R", CultureInfo.InvariantCulture)},{b.ToString("R", CultureInfo.InvariantCulture)}"));
        var (code, output, error) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--estimator", "gaussian", "--history", "2", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        double expected = TransferEntropy.Of(new Gaussian(), Variable.Continuous("x", x), Variable.Continuous("y", y), new TransferEntropyOptions { TargetHistory = 2 }).Value;
        Assert.Equal(expected, root.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal("nats", root.GetProperty("unit").GetString());
        Assert.Equal("gaussian", root.GetProperty("estimator").GetString());
        Assert.Equal(1_998, root.GetProperty("n").GetInt64());
        Assert.Equal(2, root.GetProperty("history").GetInt32());
        Assert.Equal(1, root.GetProperty("source_history").GetInt32());
        Assert.Equal(1, root.GetProperty("delay").GetInt32());
        Assert.False(root.TryGetProperty("p_value", out _));
    }

    [Fact]
    public void Ksg_with_surrogates_prints_a_p_value_and_the_human_line()
    {
        var (x, y) = Coupled(600, seed: 2);
        string path = Write("ksg.csv", "x,y", x.Zip(y, (a, b) => $"{a.ToString("R", CultureInfo.InvariantCulture)},{b.ToString("R", CultureInfo.InvariantCulture)}"));
        var (code, output, _) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--estimator", "ksg", "--k", "4", "--permutations", "19", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0.05, doc.RootElement.GetProperty("p_value").GetDouble(), 12); // 1/(19 + 1): no surrogate reaches a strong coupling
        Assert.True(doc.RootElement.GetProperty("p_value_is_bound").GetBoolean()); // so it is a bound, as on mi
        Assert.Equal(4, doc.RootElement.GetProperty("neighbours").GetInt32());
        Assert.Equal("frenzel-pompe", doc.RootElement.GetProperty("estimator").GetString());
        double expected = TransferEntropy.Of(new FrenzelPompe(4), Variable.Continuous("x", x), Variable.Continuous("y", y)).Value;
        Assert.Equal(expected, doc.RootElement.GetProperty("value").GetDouble(), 1e-15);
        var (humanCode, human, _) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--estimator", "ksg", "--k", "4");
        Assert.Equal(0, humanCode);
        Assert.StartsWith("TE(x->y) = ", human, StringComparison.Ordinal);
        Assert.EndsWith("nats (frenzel-pompe, neighbours = 4, n = 599, history k = 1, l = 1, d = 1)", human.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plug_in_with_trials_and_a_condition_matches_the_library()
    {
        var random = new Random(3);
        int n = 900;
        int[] x = [.. Enumerable.Range(0, n).Select(_ => random.Next(3))];
        int[] z = [.. Enumerable.Range(0, n).Select(_ => random.Next(2))];
        int[] y = new int[n];
        for (int t = 1; t < n; t++)
        {
            y[t] = (x[t - 1] + z[t - 1] + (random.NextDouble() < 0.2 ? 1 : 0)) % 2;
        }

        string[] trial = [.. Enumerable.Range(0, n).Select(t => t < 400 ? "a" : t < 700 ? "b" : "c")];
        string path = Write("discrete.csv", "x,y,z,trial", Enumerable.Range(0, n).Select(t => $"{x[t]},{y[t]},{z[t]},{trial[t]}"));
        var (code, output, error) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--condition", "z", "--trial", "trial", "--estimator", "plugin", "--base", "2", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var options = new TransferEntropyOptions { Trials = Trials.FromLabels(Variable.Discrete<string>("trial", trial)) };
        var expected = TransferEntropy.Conditional(new PlugIn(), Variable.Discrete<int>("x", x), Variable.Discrete<int>("y", y), [Variable.Discrete<int>("z", z)], options, logBase: LogBase.Bits);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(expected.Value, doc.RootElement.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal(n - 3, doc.RootElement.GetProperty("n").GetInt64());
        Assert.Equal("bits", doc.RootElement.GetProperty("unit").GetString());
    }

    [Fact]
    public void Ais_json_keys()
    {
        int[] y = [.. Enumerable.Range(0, 101).Select(t => t % 2)];
        string path = Write("period.csv", "y", y.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var (code, output, error) = CliRunner.Run("ais", path, "--column", "y", "--history", "2", "--estimator", "plugin", "--base", "2", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1.0, doc.RootElement.GetProperty("value").GetDouble(), 1e-2); // 99 samples: 50/49 split
        Assert.Equal("bits", doc.RootElement.GetProperty("unit").GetString());
        Assert.Equal(99, doc.RootElement.GetProperty("n").GetInt64());
        Assert.Equal(2, doc.RootElement.GetProperty("history").GetInt32());
    }

    [Theory]
    [InlineData("has 6 rows in 1 trial(s); lags up to 9 leave 0 sample(s)", "te", "--source", "x", "--target", "y", "--history", "9")]
    [InlineData("'c' is constant", "te", "--source", "c", "--target", "y")]
    [InlineData("--estimator plugin needs discrete columns (integers or text), but 'r' holds the real number 0.5", "te", "--source", "r", "--target", "y", "--estimator", "plugin")]
    [InlineData("k = 5 neighbours need at least 6", "te", "--source", "x", "--target", "y", "--estimator", "ksg", "--k", "5")]
    [InlineData("--history must be in 1–1000; got 0.", "te", "--source", "x", "--target", "y", "--history", "0")]
    [InlineData("returns to a trial that ended", "te", "--source", "x", "--target", "y", "--trial", "t")]
    [InlineData("--estimator spacing does not estimate transfer entropy", "te", "--source", "x", "--target", "y", "--estimator", "spacing")]
    [InlineData("has 6 rows in 1 trial(s); lags up to 6 leave 0 sample(s)", "ais", "--column", "y", "--history", "6")]
    [InlineData("'c' is constant", "ais", "--column", "c")]
    [InlineData("--estimator plugin needs discrete columns (integers or text), but 'r' holds the real number 0.5", "ais", "--column", "r", "--estimator", "plugin")]
    [InlineData("k = 5 neighbours need at least 6", "ais", "--column", "r", "--estimator", "ksg", "--k", "5")]
    [InlineData("--condition-history applies to --condition columns", "te", "--source", "x", "--target", "y", "--condition-history", "2")]
    [InlineData("--condition-delay applies to --condition columns", "te", "--source", "x", "--target", "y", "--condition-delay", "2")]
    [InlineData("--condition-delay must be in 1–1000; got 0.", "te", "--source", "x", "--target", "y", "--condition", "r", "--condition-delay", "0")]
    [InlineData("--surrogates chooses how the --permutations surrogates are drawn", "te", "--source", "x", "--target", "y", "--surrogates", "pooled")]
    [InlineData("swapping trials needs every trial to give the same number of samples; they give 1, 3", "te", "--source", "x", "--target", "y", "--trial", "u", "--estimator", "gaussian", "--permutations", "9", "--surrogates", "swap-trials")]
    [InlineData("swapping trials needs at least 2 trials longer than the largest lag 1; there are 1.", "te", "--source", "x", "--target", "y", "--estimator", "gaussian", "--permutations", "9", "--surrogates", "swap-trials")]
    [InlineData("Argument 'shuffle' not recognized", "te", "--source", "x", "--target", "y", "--permutations", "9", "--surrogates", "shuffle")]
    public void Bad_input_exits_2_with_one_line(string expected, params string[] arguments)
    {
        string path = Write("bad.csv", "x,y,c,r,t,u", ["1,2,3,0.5,a,a", "2,1,3,1.5,a,a", "1,1,3,2.5,b,a", "2,2,3,0.25,b,a", "1,2,3,1.25,a,b", "2,1,3,3.5,a,b"]);
        var (code, output, error) = CliRunner.Run([arguments[0], path, .. arguments[1..]]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Too_sparse_discrete_tables_are_noted_in_text_and_json_as_mi_does()
    {
        // Review 4: te and ais printed a Grassberger estimate on 29 samples of 216 cells with no word; mi says why.
        string path = Write("sparse.csv", "x,y", Enumerable.Range(0, 30).Select(t => $"{t % 6},{t / 5 % 6}"));
        const string reason = "too sparse: n = 29 rows for 6 × 6 × 6 = 216 cells (fewer than 2 rows per cell), so the estimate's bias is comparable to its spread: the value can be far off, and no interval would cover at its level";
        var (code, output, error) = CliRunner.Run("te", path, "--source", "x", "--target", "y");
        Assert.Equal(0, code);
        Assert.StartsWith("TE(x->y) = ", output, StringComparison.Ordinal);
        Assert.Equal("note: " + reason + ".", error.Trim());
        (code, output, _) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--json");
        Assert.Equal(0, code);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.Equal(reason, doc.RootElement.GetProperty("ci_withheld").GetString());
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("ci").ValueKind);
        }

        (code, output, error) = CliRunner.Run("ais", path, "--column", "y", "--history", "2", "--json");
        Assert.Equal(0, code);
        Assert.StartsWith("note: too sparse: n = 28 rows for 6 × 11 = 66 cells", error, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.StartsWith("too sparse: n = 28 rows for 6 × 11 = 66 cells", doc.RootElement.GetProperty("ci_withheld").GetString(), StringComparison.Ordinal);
        }

        // A continuous estimate is not judged by cells.
        (code, output, error) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--estimator", "gaussian", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.DoesNotContain("ci_withheld", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_too_short_for_the_histories_is_named_with_what_to_change()
    {
        // Review 3: "z has a singular sample covariance" named the estimator's parameter, not anything given.
        string path = Write("short.csv", "x,y", ["0.3,1.1", "-1.2,0.2", "0.8,-0.7", "1.9,0.5", "-0.4,1.6", "0.1,-1.3"]);
        var (code, output, error) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--estimator", "gaussian", "--history", "3", "--source-history", "2");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            "error: TE(x -> y) with history k = 3, source history l = 2, delay d = 1: the 3 embedded samples do not suffice for the gaussian estimator: 'y[t]', 'x[t-1..t-2]' and 'y[t-1..t-3]': 3 samples for 6 columns; a Gaussian estimate needs more samples than columns (at least 7), or every sample covariance is singular. Use a longer series, shorter histories or delays, or another estimator.",
            error.Trim());
        (code, _, error) = CliRunner.Run("ais", path, "--column", "y", "--estimator", "gaussian", "--history", "4");
        Assert.Equal(2, code);
        Assert.StartsWith("error: AIS(y) with history k = 4: the 2 embedded samples do not suffice for the gaussian estimator: 'y[t]' and 'y[t-1..t-4]': 2 samples for 5 columns;", error, StringComparison.Ordinal);
        Assert.EndsWith("Use a longer series, a shorter history, or another estimator.", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_history_and_delay_reach_the_library_and_the_json()
    {
        var (x, y) = Coupled(800, seed: 4);
        var (z, _) = Coupled(800, seed: 5);
        string path = Write("conditioned.csv", "x,y,z", Enumerable.Range(0, x.Length).Select(t => string.Join(",", new[] { x[t], y[t], z[t] }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        var (code, output, error) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--condition", "z", "--condition-history", "2", "--condition-delay", "3", "--estimator", "gaussian", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var options = new TransferEntropyOptions { ConditionHistory = 2, ConditionDelay = 3 };
        var expected = TransferEntropy.Conditional(new Gaussian(), Variable.Continuous("x", x), Variable.Continuous("y", y), [Variable.Continuous("z", z)], options);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(expected.Value, root.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal(800 - 4, root.GetProperty("n").GetInt64()); // the largest lag is Z[t-4]
        Assert.Equal(2, root.GetProperty("condition_history").GetInt32());
        Assert.Equal(3, root.GetProperty("condition_delay").GetInt32());
        Assert.Equal("z", Assert.Single(root.GetProperty("conditions").EnumerateArray()).GetString());
        var (_, plain, _) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--condition", "z", "--estimator", "gaussian", "--json");
        using var defaults = JsonDocument.Parse(plain);
        Assert.Equal(1, defaults.RootElement.GetProperty("condition_history").GetInt32());
        Assert.Equal(1, defaults.RootElement.GetProperty("condition_delay").GetInt32());
        Assert.Equal(800 - 1, defaults.RootElement.GetProperty("n").GetInt64());
        var (_, human, _) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--condition", "z", "--condition-history", "2", "--condition-delay", "3", "--estimator", "gaussian");
        Assert.EndsWith("(gaussian, n = 796, history k = 1, l = 1, d = 1, condition history 2, delay 3)", human.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Trials_get_swapped_trial_surrogates_by_default()
    {
        // 12 trials of 100 steps; w is an independent series of the same kind. 12 trials have far more than 19
        // derangements, so auto swaps whole trials of the source.
        var rows = new List<string>();
        for (int trial = 0; trial < 12; trial++)
        {
            var (x, y) = Coupled(100, seed: 100 + trial);
            var (w, _) = Coupled(100, seed: 200 + trial);
            rows.AddRange(Enumerable.Range(0, 100).Select(t => string.Join(",", new[] { x[t], y[t], w[t] }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + $",trial{trial}"));
        }

        string path = Write("trials.csv", "x,y,w,trial", rows);
        string[] common = ["--target", "y", "--trial", "trial", "--estimator", "gaussian", "--permutations", "19", "--json"];
        var (code, output, error) = CliRunner.Run(["te", path, "--source", "x", .. common]);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var coupled = JsonDocument.Parse(output);
        Assert.Equal(0.05, coupled.RootElement.GetProperty("p_value").GetDouble(), 12);
        Assert.Equal("swap-trials", coupled.RootElement.GetProperty("surrogates").GetString());
        Assert.Equal(19, coupled.RootElement.GetProperty("permutations").GetInt32());
        var (_, independentOutput, _) = CliRunner.Run(["te", path, "--source", "w", .. common]);
        using var independent = JsonDocument.Parse(independentOutput);
        Assert.True(independent.RootElement.GetProperty("p_value").GetDouble() > 0.1, independentOutput);
        var (_, withinOutput, _) = CliRunner.Run(["te", path, "--source", "x", .. common, "--surrogates", "within-trials"]);
        using var within = JsonDocument.Parse(withinOutput);
        Assert.Equal("within-trials", within.RootElement.GetProperty("surrogates").GetString());
        Assert.Equal(0.05, within.RootElement.GetProperty("p_value").GetDouble(), 12);
        var (_, human, _) = CliRunner.Run("te", path, "--source", "x", "--target", "y", "--trial", "trial", "--estimator", "gaussian", "--permutations", "19");
        Assert.EndsWith("p < 0.05, swap-trials surrogates)", human.Trim(), StringComparison.Ordinal); // 1/(19 + 1): a bound
    }

    [Fact]
    public void A_dropped_row_is_refused()
    {
        string path = Write("gap.csv", "x,y", ["1,2", "2,1", ",1", "2,2", "1,2", "2,1"]);
        var (code, _, error) = CliRunner.Run("te", path, "--source", "x", "--target", "y");
        Assert.Equal(2, code);
        Assert.Contains("a time series needs every row", error, StringComparison.Ordinal);
    }

    private static (double[] X, double[] Y) Coupled(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = Normal(random);
            y[t] = t == 0 ? Normal(random) : (0.3 * y[t - 1]) + (0.8 * x[t - 1]) + (0.5 * Normal(random));
        }

        return (x, y);
    }

    private static double Normal(Random random) => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private string Write(string name, string header, IEnumerable<string> rows)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (string row in rows)
        {
            text.Append(row).Append('\n');
        }

        return File(name, text.ToString());
    }
}
