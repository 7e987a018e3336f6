using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Numerics;

namespace Shannon.Tests.Estimators.Uncertainty;

public class UncertaintyTests
{
    private static readonly System.Text.Json.JsonElement Reference = EstimatorsReference.Object("significance");

    // scipy.stats.chi2_contingency(lambda_="log-likelihood", correction=False): same statistic, 1e-12 relative.
    [Fact]
    public void G_test_matches_scipy()
    {
        int[] x = Reference.Ints("x");
        int[] y = Reference.Ints("y");
        var estimate = GTest.MutualInformation(x, y);
        Assert.Equal(Reference.GetProperty("g").GetDouble(), 2 * x.Length * estimate.Value, 1e-12 * Reference.GetProperty("g").GetDouble());
        Assert.Equal(Reference.GetProperty("p_value").GetDouble(), estimate.PValue!.Value, 1e-12);
        Assert.Equal(new PlugIn().MutualInformation(x, y, LogBase.Bits).Value, GTest.MutualInformation(x, y, LogBase.Bits).Value, 1e-15);
    }

    [Fact]
    public void Chi_square_survival_and_normal_quantile_match_scipy()
    {
        foreach (var c in Reference.GetProperty("chi2_sf").EnumerateArray())
        {
            double expected = c.GetProperty("sf").GetDouble();
            Assert.Equal(expected, IncompleteGamma.ChiSquareSurvival(c.GetProperty("x").GetDouble(), c.GetProperty("k").GetDouble()), Math.Max(expected * 1e-12, 1e-300));
        }

        foreach (var c in Reference.GetProperty("normal_ppf").EnumerateArray())
        {
            double expected = c.GetProperty("ppf").GetDouble();
            Assert.Equal(expected, IncompleteGamma.NormalQuantile(c.GetProperty("p").GetDouble()), 1e-12);
        }
    }

    [Fact]
    public void Permutation_p_value_is_small_for_dependence_and_never_zero()
    {
        var (x, y) = GaussianSamples.Correlated(300, 0.6, seed: 3);
        var ksg = new Ksg();
        var estimate = ksg.MutualInformation(x, y);
        var tested = Resampling.Permutation(estimate, order => ksg.MutualInformation(x, order.Select(i => y[i]).ToArray()).RawValue, permutations: 99, seed: 1);
        Assert.Equal(0.01, tested.PValue!.Value, 1e-15);
        Assert.Equal(tested.PValue, Resampling.Permutation(estimate, order => ksg.MutualInformation(x, order.Select(i => y[i]).ToArray()).RawValue, permutations: 99, seed: 1).PValue);
    }

    [Fact]
    public void Permutation_p_value_is_uniformish_under_independence()
    {
        // Independent labels: the plug-in MI's permutation p-value is large; seeded, 199 permutations.
        var random = new Random(8);
        int[] x = Enumerable.Range(0, 200).Select(_ => random.Next(3)).ToArray();
        int[] y = Enumerable.Range(0, 200).Select(_ => random.Next(3)).ToArray();
        var plugIn = new PlugIn();
        var tested = Resampling.Permutation(plugIn.MutualInformation(x, y), order => plugIn.MutualInformation(x, order.Select(i => y[i]).ToArray()).RawValue, 199, seed: 2);
        Assert.InRange(tested.PValue!.Value, 0.05, 1.0);
    }

    [Fact]
    public void Bootstrap_interval_covers_the_estimate_and_jackknife_matches_the_closed_form()
    {
        var random = new Random(5);
        double[] x = GaussianSamples.Standard(200, random);
        var mean = Estimate.Signed(x.Average(), LogBase.Nats, x.Length);
        var boot = Resampling.Bootstrap(mean, rows => rows.Average(i => x[i]), replicates: 400, seed: 3);
        Assert.InRange(mean.Value, boot.ConfidenceInterval!.Value.Low, boot.ConfidenceInterval.Value.High);

        // The jackknife standard error of a mean is exactly s/√n.
        double s = Math.Sqrt(x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Length - 1));
        var jack = Resampling.Jackknife(mean, rows => rows.Average(i => x[i]));
        Assert.Equal(s / Math.Sqrt(x.Length), jack.StandardError!.Value, 1e-12);

        // Bootstrap SE of the mean ≈ s/√n within its own Monte Carlo error (B = 400: ≈ 4%): 15%.
        Assert.Equal(s / Math.Sqrt(x.Length), boot.StandardError!.Value, 0.15 * s / Math.Sqrt(x.Length));
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        var e = Estimate.Signed(1, LogBase.Nats, 10);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => Resampling.Bootstrap(e, _ => 0, level: 1.5)).ParamName);
        Assert.Equal("replicates", Assert.Throws<ArgumentOutOfRangeException>(() => Resampling.Bootstrap(e, _ => 0, replicates: 1)).ParamName);
        Assert.Equal("permutations", Assert.Throws<ArgumentOutOfRangeException>(() => Resampling.Permutation(e, _ => 0, permutations: 0)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => GTest.MutualInformation<int, int>([1, 2], [1])).ParamName);
    }
}
