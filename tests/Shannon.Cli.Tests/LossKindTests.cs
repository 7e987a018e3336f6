using System.Text.Json;
using Shannon.Data.Npy;
using Shannon.Losses;

namespace Shannon.Cli.Tests;

/// <summary>
/// <c>shannon loss --kind …</c> round trips: .npy inputs written here, the command run in-process, its value and gradient
/// files compared with the library's own answer on the same arrays (the same code path, so bit for bit).
/// </summary>
public sealed class LossKindTests() : ScratchDirectoryTests("shannon-loss-kinds-")
{
    private readonly Random _random = new(21);

    private double[] Normal(int count) =>
        Enumerable.Range(0, count).Select(_ => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble())).ToArray();

    private double[] Uniform(int count) => Enumerable.Range(0, count).Select(_ => _random.NextDouble()).ToArray();

    private static float[] Single(double[] values) => values.Select(v => (float)v).ToArray();

    /// <summary>Runs the command with --json; returns the parsed object (exit code 0 asserted, stderr empty).</summary>
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, error);
        Assert.Equal(string.Empty, error);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private static void Expect(JsonElement json, string kind, string reduction, int n, CrossEntropyResult result, double[] values)
    {
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.Equal(reduction, json.GetProperty("reduction").GetString());
        Assert.Equal("nats", json.GetProperty("unit").GetString());
        Assert.Equal(n, json.GetProperty("n").GetInt32());
        Assert.Equal(result.Value, json.GetProperty("value").GetDouble());
        if (reduction == "none")
        {
            Assert.Equal(values, json.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        }
        else
        {
            Assert.False(json.TryGetProperty("values", out _));
        }
    }

    private static void SameGradient(string path, float[] expected, params int[] shape)
    {
        var array = NpyFile.Read(path);
        Assert.Equal(NpyType.Float32, array.Type);
        Assert.Equal(shape, array.Shape);
        Assert.Equal(expected, array.ToSingle());
    }

    private static void SameGradient(string path, double[] expected, params int[] shape)
    {
        var array = NpyFile.Read(path);
        Assert.Equal(NpyType.Float64, array.Type);
        Assert.Equal(shape, array.Shape);
        Assert.Equal(expected, array.ToDouble());
    }

    private static LossReduction Reduction(string name) => name switch
    {
        "sum" => LossReduction.Sum,
        "none" => LossReduction.None,
        _ => LossReduction.Mean,
    };

    [Theory]
    [InlineData("mean")]
    [InlineData("sum")]
    [InlineData("none")]
    public void Nll_round_trip_with_weights_and_ignored_rows(string reduction)
    {
        var logp = new double[6 * 4];
        Softmax.LogRows(Normal(24), 4, logp);
        int[] targets = [0, 3, -100, 2, 1, -100];
        double[] weights = [0.5, 1.5, 1.0, 2.0];
        string grad = PathOf("g.npy");
        var json = Json("loss", "--kind", "nll", "--input", Npy("x.npy", logp, 6, 4), "--targets", File("y.txt", string.Join('\n', targets)),
            "--weights", Npy("w.npy", weights, 4), "--reduction", reduction, "--grad", grad);
        var losses = new double[6];
        var gradient = new double[24];
        var result = NllLoss.FromLogProbabilities(logp, 4, targets, weights, -100, Reduction(reduction), losses, gradient);
        Expect(json, "nll", reduction, 6, result, losses);
        Assert.Equal(4, json.GetProperty("count").GetInt64());
        SameGradient(grad, gradient, 6, 4);
    }

    [Theory]
    [InlineData("mean", false)]
    [InlineData("sum", true)]
    [InlineData("none", false)]
    public void Bce_on_probabilities_round_trip_including_the_clamped_edges(string reduction, bool perColumn)
    {
        var p = Single(Uniform(12));
        p[0] = 0f;
        p[5] = 1f;
        var y = Single(Uniform(12).Select(v => v < 0.5 ? 0.0 : 1.0).ToArray());
        y[0] = 1f;
        y[5] = 0f;
        double[] weights = perColumn ? [1.0, 2.0, 0.5] : Uniform(12);
        string grad = PathOf("g.npy");
        var json = Json("loss", "--kind", "bce", "--input", Npy("p.npy", p, 4, 3), "--targets", Npy("y.npy", y, 4, 3),
            "--weights", string.Join(',', weights.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))), "--reduction", reduction, "--grad", grad);
        var losses = new double[12];
        var gradient = new float[12];
        var result = BinaryCrossEntropy.FromProbabilities(p, y, weights, Reduction(reduction), losses, gradient);
        Expect(json, "bce", reduction, 12, result, losses);
        SameGradient(grad, gradient, 4, 3);
        Assert.Equal(-1 / 1e-12f * (float)(weights[0] * (reduction == "mean" ? 1.0 / 12 : 1.0)), gradient[0], 1e-3f * 1e12f);
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("none")]
    public void Bce_with_logits_round_trip_with_pos_weight_on_a_vector(string reduction)
    {
        var x = Normal(10).Select(v => v * 5).ToArray();
        var y = Uniform(10);
        string grad = PathOf("g.npy");
        var json = Json("loss", "--kind", "bce-logits", "--logits", Npy("x.npy", x, 10), "--targets", Npy("y.npy", y, 10),
            "--pos-weight", "2.5", "--reduction", reduction, "--grad", grad);
        var losses = new double[10];
        var gradient = new double[10];
        var result = BinaryCrossEntropy.FromLogits(x, y, default, [2.5], Reduction(reduction), losses, gradient);
        Expect(json, "bce-logits", reduction, 10, result, losses);
        SameGradient(grad, gradient, 10);
    }

    [Theory]
    [InlineData("batchmean", false)]
    [InlineData("mean", true)]
    [InlineData("sum", false)]
    [InlineData("none", true)]
    public void Kl_div_round_trip_with_log_target_both_ways(string reduction, bool logTarget)
    {
        var x = new double[15];
        Softmax.LogRows(Normal(15), 5, x);
        var q = new double[15];
        Softmax.OfRows(Normal(15), 5, q);
        var t = logTarget ? q.Select(v => Math.Log(v)).ToArray() : q;
        string grad = PathOf("g.npy");
        string[] args = ["loss", "--kind", "kl-div", "--input", Npy("x.npy", x, 3, 5), "--targets", Npy("t.npy", t, 3, 5), "--grad", grad];
        var json = Json([.. args, .. (string[])(reduction == "batchmean" ? [] : ["--reduction", reduction]), .. (string[])(logTarget ? ["--log-target"] : [])]);
        var kl = reduction switch { "batchmean" => KlDivReduction.BatchMean, "mean" => KlDivReduction.Mean, "sum" => KlDivReduction.Sum, _ => KlDivReduction.None };
        var terms = new double[15];
        var gradient = new double[15];
        var result = KlDivLoss.FromLogProbabilities(x, t, 5, kl, logTarget, terms, gradient);
        Expect(json, "kl-div", reduction, 15, result, terms);
        SameGradient(grad, gradient, 3, 5);
    }

    [Theory]
    [InlineData("mean", 0.25)]
    [InlineData("sum", -1.0)]
    public void Focal_round_trip_with_and_without_alpha(string reduction, double alpha)
    {
        var x = Single(Normal(8).Select(v => v * 3).ToArray());
        var y = Single(Uniform(8).Select(v => v < 0.3 ? 1.0 : 0.0).ToArray());
        string grad = PathOf("g.npy");
        var json = Json("loss", "--kind", "focal", "--logits", Npy("x.npy", x, 2, 4), "--targets", Npy("y.npy", y, 2, 4),
            "--alpha", alpha.ToString(System.Globalization.CultureInfo.InvariantCulture), "--gamma", "1.5", "--reduction", reduction, "--grad", grad);
        var losses = new double[8];
        var gradient = new float[8];
        var result = FocalLoss.FromLogits(x, y, 1.5, alpha < 0 ? null : alpha, Reduction(reduction), losses, gradient);
        Expect(json, "focal", reduction, 8, result, losses);
        SameGradient(grad, gradient, 2, 4);
    }

    [Theory]
    [InlineData("mean", false)]
    [InlineData("sum", true)]
    [InlineData("none", true)]
    public void InfoNce_round_trip_with_both_gradients(string reduction, bool cosine)
    {
        var q = Single(Normal(5 * 3));
        var k = Single(Normal(5 * 3));
        string grad = PathOf("gq.npy");
        string grad2 = PathOf("gk.npy");
        string[] args = ["loss", "--kind", "infonce", "--query", Npy("q.npy", q, 5, 3), "--keys", Npy("k.npy", k, 5, 3),
            "--temperature", "0.3", "--reduction", reduction, "--grad", grad, "--grad2", grad2];
        var json = Json(cosine ? [.. args, "--cosine"] : args);
        var losses = new double[5];
        var queryGradient = new float[15];
        var keyGradient = new float[15];
        var result = InfoNce.FromEmbeddings(q, k, 3, new InfoNceOptions { Temperature = 0.3, Cosine = cosine, Reduction = Reduction(reduction) }, losses, queryGradient, keyGradient);
        Expect(json, "infonce", reduction, 5, result, losses);
        SameGradient(grad, queryGradient, 5, 3);
        SameGradient(grad2, keyGradient, 5, 3);
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("none")]
    public void Nt_xent_round_trip_on_two_n_rows(string reduction)
    {
        var z = Normal(8 * 4);
        string grad = PathOf("g.npy");
        var json = Json("loss", "--kind", "nt-xent", "--z", Npy("z.npy", z, 8, 4), "--reduction", reduction, "--grad", grad);
        var losses = new double[8];
        var gradient = new double[32];
        var result = InfoNce.NtXent(z, 4, 0.5, Reduction(reduction), losses, gradient);
        Expect(json, "nt-xent", reduction, 8, result, losses);
        SameGradient(grad, gradient, 8, 4);
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("sum")]
    [InlineData("none")]
    public void Gaussian_kl_round_trip_with_both_gradients(string reduction)
    {
        var mu = Single(Normal(4 * 3));
        var logVar = Single(Normal(4 * 3));
        string grad = PathOf("gm.npy");
        string grad2 = PathOf("gv.npy");
        var json = Json("loss", "--kind", "gaussian-kl", "--mu", Npy("m.npy", mu, 4, 3), "--logvar", Npy("v.npy", logVar, 4, 3),
            "--reduction", reduction, "--grad", grad, "--grad2", grad2);
        var rows = new double[4];
        var meanGradient = new float[12];
        var varianceGradient = new float[12];
        var result = GaussianClosedForm.VaeKullbackLeibler(mu, logVar, 3, Reduction(reduction), rows, meanGradient, varianceGradient);
        Expect(json, "gaussian-kl", reduction, 4, result, rows);
        SameGradient(grad, meanGradient, 4, 3);
        SameGradient(grad2, varianceGradient, 4, 3);
    }

    [Fact]
    public void Cross_entropy_stays_the_default_and_reports_its_kind()
    {
        var json = Json("loss", "--logits", File("z.csv", "2.0,1.0,0.1\n"), "--targets", File("y.txt", "0\n"));
        Assert.Equal("ce", json.GetProperty("kind").GetString());
        Assert.Equal("mean", json.GetProperty("reduction").GetString());
        Assert.Equal(1, json.GetProperty("n").GetInt32());
        Assert.Equal(0.417030016277833483, json.GetProperty("value").GetDouble(), 14);
    }

    [Fact]
    public void Csv_inputs_and_human_output()
    {
        var (code, output, error) = CliRunner.Run("loss", "--kind", "gaussian-kl", "--mu", File("m.csv", "0,0\n1,0\n"), "--logvar", File("v.csv", "0,0\n0,0\n"));
        Assert.True(code == 0, error);
        Assert.Equal("Gaussian KL (mean) = 0.25 nats over 2 rows\n", output.ReplaceLineEndings("\n"));
        (code, output, error) = CliRunner.Run("loss", "--kind", "bce", "--input", File("p.csv", "0.5\n0.5\n"), "--targets", File("y.csv", "1\n0\n"), "--reduction", "none");
        Assert.True(code == 0, error);
        Assert.StartsWith("binary cross-entropy (total) = 1.386294361 nats over 2 elements\n0.69314718055994", output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("bce", "--input", "0.5,1.5\n", "1,0\n", "probability 1.5 greater than 1")]
    [InlineData("bce", "--input", "0.5,0.5\n", "1,0,1\n", "--targets is 1×3 but --input is 1×2")]
    [InlineData("bce-logits", "--logits", "0.5,NaN\n", "1,0\n", "non-finite entry NaN at index 1")]
    [InlineData("kl-div", "--input", "-1,-1\n-1,-1\n", "0.5,0.5\n", "--targets is 1×2 but --input is 2×2")]
    [InlineData("focal", "--logits", "0.5,0.1\n", "1,2\n", "targets")]
    public void Bad_tables_exit_2_with_one_line(string kind, string inputName, string input, string targets, string expected)
    {
        var (code, output, error) = CliRunner.Run("loss", "--kind", kind, inputName, File("x.csv", input), "--targets", File("y.csv", targets));
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Usage_errors_exit_2_with_one_line()
    {
        string x = Npy("x.npy", new float[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        string y = Npy("y.npy", new float[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        Directory.CreateSymbolicLink(PathOf("dl"), Scratch); // the same files through a linked directory
        (string[] Args, string Expected)[] cases =
        [
            (["--kind", "hinge"], "--kind 'hinge' is not one of"),
            (["--kind", "infonce", "--query", x, "--keys", y, "--temperature", "0"], "--temperature must be in"),
            (["--kind", "infonce", "--query", x, "--keys", y, "--temperature", "-1"], "--temperature must be in"),
            (["--kind", "infonce", "--query", x], "--kind infonce needs --keys"),
            (["--kind", "infonce", "--query", x, "--keys", Npy("k.npy", new float[] { 1, 2, 3, 4 }, 2, 2)], "--keys is 2×2 but --query is 3×2"),
            (["--kind", "nt-xent", "--z", x], "even number"),
            (["--kind", "nt-xent", "--z", x, "--alpha", "0.5"], "--alpha does not apply to --kind nt-xent"),
            (["--kind", "nt-xent", "--z", x, "--input", x], "--input does not apply to --kind nt-xent"),
            (["--kind", "nll", "--targets", y], "--kind nll needs --input"),
            (["--kind", "bce", "--input", x, "--targets", y, "--grad2", PathOf("g2.npy")], "--grad2 does not apply to --kind bce"),
            (["--kind", "bce", "--input", x, "--targets", y, "--reduction", "batchmean"], "--reduction 'batchmean' is not mean, sum or none"),
            (["--kind", "gaussian-kl", "--mu", x, "--logvar", y, "--grad", PathOf("g.npy"), "--grad2", PathOf("g.npy")], "name the same file"),
            (["--kind", "gaussian-kl", "--mu", x, "--logvar", y, "--grad", PathOf("dl/g.npy"), "--grad2", PathOf("g.npy")], "name the same file"),
            (["--kind", "gaussian-kl", "--mu", x, "--logvar", y, "--grad", y], "is one of the input files"),
            (["--kind", "gaussian-kl", "--mu", x, "--logvar", y, "--grad", PathOf("dl/y.npy")], "is one of the input files"),
            (["--kind", "gaussian-kl", "--mu", x, "--logvar", y, "--grad", Scratch], "it is a directory"),
            (["--kind", "focal", "--logits", x, "--targets", y, "--gamma", "-1"], "--gamma must be in"),
            (["--kind", "nll", "--input", x, "--targets", File("t.txt", "-100\n-100\n-100\n")], "every row is ignored"),
        ];
        foreach (var (args, expected) in cases)
        {
            var (code, output, error) = CliRunner.Run(["loss", .. args]);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}, {error}");
            Assert.Equal(string.Empty, output);
            Assert.Contains(expected, error);
            Assert.Single(error.Trim().Split('\n'));
        }

        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, NpyFile.Read(y).ToSingle());
    }
}
