using System.Text.Json;
using Shannon.Cli.Commands;

namespace Shannon.Cli.Tests;

public class IbCommandTests
{
    private const string Joint = "0.20,0.04,0.01\n0.05,0.15,0.05\n0.02,0.08,0.15\n0.10,0.05,0.10\n";

    /// <summary>Iris: round(2 × petal length) against species, counts of 150 (see InformationBottleneckTests).</summary>
    private const string IrisPetals = "0,6,17\n0,0,16\n0,0,10\n0,0,5\n0,0,1\n4,0,0\n44,0,0\n2,0,0\n0,1,0\n0,6,0\n0,16,0\n0,21,1\n";

    [Fact]
    public void Single_beta_keeps_the_best_of_several_starts_and_says_how_many()
    {
        string joint = string.Join('\n', IrisPetals.Trim().Split('\n').Select(row => string.Join(',', row.Split(',').Select(c => (double.Parse(c, System.Globalization.CultureInfo.InvariantCulture) / 150).ToString("R", System.Globalization.CultureInfo.InvariantCulture))))) + "\n";
        var (code, output, error) = CliRunner.RunWithStdin(joint, "ib", "--joint", "-", "--beta", "5", "--clusters", "2", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.True(root.GetProperty("relevant").GetDouble() > 0.63, output); // one start (seed 0) stopped at 0.456
        Assert.Equal(8, root.GetProperty("restarts").GetInt32());
        Assert.True(root.GetProperty("converged").GetBoolean());
        var one = CliRunner.RunWithStdin(joint, "ib", "--joint", "-", "--beta", "5", "--clusters", "2", "--restarts", "1", "--json");
        Assert.Equal(0.456, JsonDocument.Parse(one.Out).RootElement.GetProperty("relevant").GetDouble(), 3);
        var text = CliRunner.RunWithStdin(joint, "ib", "--joint", "-", "--beta", "5", "--clusters", "2");
        Assert.Contains("best of 8 starts by I(X;T) − β I(T;Y)", text.Out);
    }

    [Theory]
    [InlineData("--sweep", "0.1:10:5", "--restarts 3 applies to the iterative IB at one --beta; a sweep anneals from one start.")]
    [InlineData("--deterministic", "--beta=5", "--restarts 3 applies to the iterative IB at one --beta; --deterministic solves from one start.")]
    public void Restarts_where_they_do_nothing_exit_2(string option, string value, string expected)
    {
        var (code, output, error) = CliRunner.RunWithStdin(Joint, "ib", "--joint", "-", option, value, "--restarts", "3");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: {expected}", error.Trim());
    }

    [Fact]
    public void Single_beta_json_has_informations_and_encoder()
    {
        var (code, output, error) = CliRunner.RunWithStdin(Joint, "ib", "--joint", "-", "--beta", "5", "--clusters", "3", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(5.0, root.GetProperty("beta").GetDouble());
        Assert.Equal(4, root.GetProperty("encoder").GetArrayLength());
        Assert.Equal(3, root.GetProperty("encoder")[0].GetArrayLength());
        double relevant = root.GetProperty("relevant").GetDouble();
        Assert.InRange(relevant, 0.0, root.GetProperty("mutual_information").GetDouble());
        Assert.True(relevant <= root.GetProperty("compression").GetDouble());
    }

    [Fact]
    public void Sweep_traces_a_rising_curve_and_large_beta_keeps_all_information()
    {
        var (code, output, _) = CliRunner.RunWithStdin(Joint, "ib", "--joint", "-", "--sweep", "0.5:500:30", "--json", "--base", "2");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        var points = root.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(30, points.Length);
        Assert.Equal(root.GetProperty("mutual_information").GetDouble(), points[^1].GetProperty("relevant").GetDouble(), 6);
        for (int i = 1; i < points.Length; i++)
        {
            Assert.True(points[i].GetProperty("relevant").GetDouble() >= points[i - 1].GetProperty("relevant").GetDouble() - 1e-7);
        }
    }

    [Fact]
    public void Deterministic_sweep_gives_hard_clusters_and_plot()
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-ib-{Guid.NewGuid():N}.png");
        try
        {
            var (code, output, _) = CliRunner.RunWithStdin(Joint, "ib", "--joint", "-", "--sweep", "0.1:100:6", "--deterministic", "--plot", path);
            Assert.Equal(0, code);
            Assert.StartsWith("I(X;Y) = 0.2258474731 nats", output, StringComparison.Ordinal);
            Assert.True(new FileInfo(path).Length > 1000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--sweep", "1:x", "is not B0:B1:N")]
    [InlineData("--sweep", "0:10:5", "0 < B0")]
    [InlineData("--beta", "-1", "--beta must be in [0, ∞); got -1.")]
    [InlineData("--clusters", "0", "--clusters must be in 1–10000; got 0.")]
    [InlineData("--sweep", "0.1:100:2000000000", "--sweep's N must be in 2–10000; got 2000000000.")]
    [InlineData("--sweep", "100:0.1:3", "0 < B0 ≤ B1")]
    public void Bad_input_is_exit_2_with_one_line(string option, string value, string expected)
    {
        var (code, output, error) = CliRunner.RunWithStdin(Joint, "ib", "--joint", "-", option, value);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_whose_ratio_exceeds_the_largest_double_runs_from_b0_to_b1()
    {
        // Review 5: 1e-300:1e308 computed B0 · (B1/B0)^t with B1/B0 = ∞ and failed with "betas has an infinite entry".
        Assert.Equal([1e-300, 1e4, 1e308], IbCommand.ParseSweep("1e-300:1e308:3"), (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Abs(b));
        var (code, output, error) = CliRunner.RunWithStdin(Joint, "ib", "--joint", "-", "--sweep", "1e-320:1e308:3", "--json");
        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(3, document.RootElement.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public void Joint_not_summing_to_one_and_both_beta_forms_are_rejected()
    {
        var (code, _, error) = CliRunner.RunWithStdin("0.5 0.4\n", "ib", "--joint", "-", "--beta", "1");
        Assert.Equal(2, code);
        Assert.StartsWith("error: joint sums to 0.9", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.RunWithStdin(Joint, "ib", "--joint", "-", "--beta", "1", "--sweep", "1:2:3");
        Assert.Equal(2, code);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }
}
