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
        var tested = PermutationTest.PValue(estimate, x.Length, order => ksg.MutualInformation(x, order.Select(i => y[i]).ToArray()).RawValue, permutations: 99, seed: 1);
        Assert.Equal(0.01, tested.PValue!.Value, 1e-15);
        Assert.Equal(tested.PValue, PermutationTest.PValue(estimate, x.Length, order => ksg.MutualInformation(x, order.Select(i => y[i]).ToArray()).RawValue, permutations: 99, seed: 1).PValue);
    }

    [Fact]
    public void Permutation_p_value_is_uniformish_under_independence()
    {
        // Independent labels: the plug-in MI's permutation p-value is large; seeded, 199 permutations.
        var random = new Random(8);
        int[] x = Enumerable.Range(0, 200).Select(_ => random.Next(3)).ToArray();
        int[] y = Enumerable.Range(0, 200).Select(_ => random.Next(3)).ToArray();
        var plugIn = new PlugIn();
        var tested = PermutationTest.PValue(plugIn.MutualInformation(x, y), x.Length, order => plugIn.MutualInformation(x, order.Select(i => y[i]).ToArray()).RawValue, 199, seed: 2);
        Assert.InRange(tested.PValue!.Value, 0.05, 1.0);
    }

    [Fact]
    public void Shuffles_are_permutations_fixed_by_seed_and_index_alone()
    {
        int[] first = PermutationTest.Shuffle(50, seed: 7, b: 3);
        Assert.Equal(Enumerable.Range(0, 50), first.Order());
        Assert.Equal(first, PermutationTest.Shuffle(50, seed: 7, b: 3));
        Assert.NotEqual(first, PermutationTest.Shuffle(50, seed: 7, b: 4));
        Assert.NotEqual(first, PermutationTest.Shuffle(50, seed: 8, b: 3));

        // Fixed across runs and machines (no HashCode, whose seed .NET randomises per process): pinned values.
        Assert.Equal([3, 0, 1, 4, 2], PermutationTest.Shuffle(5, seed: 0, b: 0));
    }

    [Fact]
    public void Half_sampling_standard_error_of_a_mean_matches_s_over_root_n()
    {
        var random = new Random(5);
        double[] x = GaussianSamples.Standard(400, random);
        var mean = Estimate.Signed(x.Average(), LogBase.Nats, x.Length);
        var halves = new System.Collections.Concurrent.ConcurrentBag<double>();
        var estimate = HalfSampling.Interval(mean, x.Length, rows => Recorded(halves, rows.Average(i => x[i])), replicates: 400, seed: 3, estimateBias: true);
        double s = Math.Sqrt(x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Length - 1));

        // For a mean, a half-sample's deviation has variance σ²(1/r − 1/n) = σ²/n, so (r/d)·var ≈ s²/n; B = 400
        // half-samples estimate it within about 7 % (√(2/B)); 15 % allows twice that.
        double se = estimate.StandardError!.Value;
        Assert.Equal(s / Math.Sqrt(x.Length), se, 0.15 * s / Math.Sqrt(x.Length));

        // A mean has no bias: the half-samples' mean strays from it by Monte Carlo error alone, about se/√B, so the bias
        // estimate b̂ = (θ̄_half − θ̂)/(√2 − 1) is about 0.12·se; 0.5·se allows four times that. The interval's ends are
        // θ̂ − max(b̂, 0) − k·se and θ̂ + max(−b̂, 0) + k·se with k from the bias-aware critical value of |b̂|/se.
        double bias = (halves.Average() - mean.Value) / (Math.Sqrt(2) - 1);
        Assert.InRange(Math.Abs(bias), 0.0, 0.5 * se);
        double k = BiasAwareInterval.CriticalValue(Math.Abs(bias) / se, 0.95);
        var interval = estimate.ConfidenceInterval!.Value;
        Assert.Equal(mean.Value - Math.Max(bias, 0) - (k * se), interval.Low, 1e-12);
        Assert.Equal(mean.Value + Math.Max(-bias, 0) + (k * se), interval.High, 1e-12);
        Assert.InRange(interval.High - interval.Low, 2 * IncompleteGamma.NormalQuantile(0.975) * se, (2 * IncompleteGamma.NormalQuantile(0.975) * se) + Math.Abs(bias));

        // Without the bias estimate (the continuous estimators): the same standard error, and θ̂ ± z·se exactly.
        var plain = HalfSampling.Interval(mean, x.Length, rows => rows.Average(i => x[i]), replicates: 400, seed: 3);
        Assert.Equal(estimate.StandardError, plain.StandardError);
        Assert.Equal(mean.Value - (IncompleteGamma.NormalQuantile(0.975) * se), plain.ConfidenceInterval!.Value.Low, 1e-12);
        Assert.Equal(mean.Value + (IncompleteGamma.NormalQuantile(0.975) * se), plain.ConfidenceInterval!.Value.High, 1e-12);
    }

    [Theory]
    [InlineData(11, 0.4, 0.0)]
    [InlineData(400, -0.3, 0.0)]
    [InlineData(400, 0.3, 1.2)]
    [InlineData(1001, -2.0, -0.5)]
    public void A_bias_decaying_as_one_over_root_n_is_recovered_exactly_by_the_half_samples(int n, double c, double truth)
    {
        // θ̂(m rows) = θ + c/√m: every half-sample of r = ⌊n/2⌋ rows gives θ + c/√r, so se = 0 and the bias estimate
        // (θ̄_half − θ̂)/(√(n/r) − 1) = c/√n is the bias itself: the interval is [θ̂ − c/√n, θ̂] for c > 0 (biased
        // upward) and [θ̂, θ̂ + |c|/√n] for c < 0, with the truth θ at its far end.
        double Statistic(int m) => truth + (c / Math.Sqrt(m));
        var estimate = HalfSampling.Interval(Estimate.Signed(Statistic(n), LogBase.Nats, n), n, rows => Statistic(rows.Length), replicates: 20, estimateBias: true);
        var interval = estimate.ConfidenceInterval!.Value;
        Assert.Equal(0.0, estimate.StandardError);
        Assert.Equal(c > 0 ? truth : Statistic(n), interval.Low, 1e-14);
        Assert.Equal(c > 0 ? Statistic(n) : truth, interval.High, 1e-14);
        Assert.Equal(c / Math.Sqrt(n), HalfSampling.Bias(Statistic(n), Statistic(n / 2), n, n / 2), 1e-14);
    }

    [Fact]
    public void A_bias_decaying_as_one_over_n_is_overstated_by_one_over_root_two_minus_one_and_covered()
    {
        // θ̂(m) = c/m (the plug-in's (K − 1)/(2m) order): half-samples move by c/n, and b̂ = (c/n)/(√2 − 1) ≈ 2.41·c/n, so
        // the interval reaches below the truth 0 by 1.41·c/n; a signed quantity keeps that negative end.
        const int n = 1000;
        const double c = 5.0;
        var estimate = HalfSampling.Interval(Estimate.Signed(c / n, LogBase.Nats, n), n, rows => c / rows.Length, replicates: 20, estimateBias: true);
        var interval = estimate.ConfidenceInterval!.Value;
        Assert.Equal((c / n) - (c / n / (Math.Sqrt(2) - 1)), interval.Low, 1e-14);
        Assert.Equal(c / n, interval.High, 1e-14);
        Assert.True(interval.Low < 0, "a signed estimate's interval is not clipped at 0");

        // The same for a quantity ≥ 0 stops at 0 and still contains its estimate and the truth.
        var clipped = HalfSampling.Interval(Estimate.NonNegative(c / n, LogBase.Nats, n), n, rows => c / rows.Length, replicates: 20, estimateBias: true).ConfidenceInterval!.Value;
        Assert.Equal(0.0, clipped.Low);
        Assert.Equal(c / n, clipped.High, 1e-14);
    }

    [Fact]
    public void Every_half_sampling_interval_contains_its_estimate()
    {
        // Statistics biased either way, with spread: the interval only ever adds room on the side away from the bias.
        var random = new Random(9);
        double[] x = GaussianSamples.Standard(300, random);
        foreach (double c in new[] { -3.0, -0.3, 0.0, 0.3, 3.0 })
        {
            foreach (var estimate in new[] { Estimate.Signed(x.Average() + (c / Math.Sqrt(x.Length)), LogBase.Nats, x.Length), Estimate.NonNegative(Math.Abs(x.Average()) + (c / Math.Sqrt(x.Length)), LogBase.Nats, x.Length) })
            {
                Func<int[], double> statistic = estimate.IsNonNegative
                    ? rows => Math.Abs(rows.Average(i => x[i])) + (c / Math.Sqrt(rows.Length))
                    : rows => rows.Average(i => x[i]) + (c / Math.Sqrt(rows.Length));
                var interval = HalfSampling.Interval(estimate, x.Length, statistic, replicates: 50, seed: 1, estimateBias: true).ConfidenceInterval!.Value;
                Assert.InRange(estimate.Value, interval.Low, interval.High);
                Assert.True(!estimate.IsNonNegative || interval.Low >= 0, $"c = {c}: a non-negative quantity's interval stops at 0");
            }
        }
    }

    /// <summary>Adds a half-sample's value to <paramref name="values"/> and returns it.</summary>
    private static double Recorded(System.Collections.Concurrent.ConcurrentBag<double> values, double value)
    {
        values.Add(value);
        return value;
    }

    [Fact]
    public void Half_samples_hold_half_the_rows_once_each()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<int[]>();
        HalfSampling.Interval(Estimate.Signed(0, LogBase.Nats, 11), 11, rows => { seen.Add(rows); return rows.Length; }, replicates: 30);
        Assert.Equal(30, seen.Count);
        Assert.All(seen, rows =>
        {
            Assert.Equal(5, rows.Length);
            Assert.Equal(rows.Order(), rows);
            Assert.Equal(rows.Length, rows.Distinct().Count());
            Assert.All(rows, r => Assert.InRange(r, 0, 10));
        });
    }

    [Fact]
    public void An_interval_of_a_non_negative_quantity_stops_at_zero_and_contains_its_estimate()
    {
        // Independent samples: KSG's raw estimate is near 0 and its half-sample spread reaches below 0.
        var random = new Random(11);
        double[] x = GaussianSamples.Standard(200, random);
        double[] y = GaussianSamples.Standard(200, random);
        var estimate = WithUncertainty.MutualInformation(new Ksg(), Variable.Continuous("x", x), Variable.Continuous("y", y), new UncertaintyOptions { Level = 0.95 });
        var interval = estimate.ConfidenceInterval!.Value;
        Assert.Equal(0.0, interval.Low);
        Assert.InRange(estimate.Value, interval.Low, interval.High);
        Assert.True(estimate.IsNonNegative);
    }

    [Fact]
    public void With_uncertainty_gives_the_estimator_value_and_refuses_permutations_without_a_pairing()
    {
        var (x, y) = GaussianSamples.Correlated(200, 0.5, seed: 4);
        var vx = Variable.Continuous("x", x);
        var vy = Variable.Continuous("y", y);
        var plain = new Ksg().MutualInformation(vx, vy);
        var both = WithUncertainty.MutualInformation(new Ksg(), vx, vy, new UncertaintyOptions { Level = 0.9, Permutations = 19 });
        Assert.Equal(plain.Value, both.Value);
        Assert.Equal(1.0 / 20, both.PValue);
        Assert.Equal(0.9, both.ConfidenceInterval!.Value.Level);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => WithUncertainty.Entropy(new KozachenkoLeonenko(), vx, new UncertaintyOptions { Permutations = 9 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => WithUncertainty.ConditionalMutualInformation(new FrenzelPompe(), vx, vy, vx, new UncertaintyOptions { Permutations = 9 })).ParamName);
    }

    [Fact]
    public void Too_sparse_is_fewer_than_two_rows_per_cell_of_the_product_table()
    {
        Assert.Null(HalfSampling.TooSparse(450, 15, 15));
        Assert.Equal(
            "too sparse: n = 449 rows for 15 × 15 = 225 cells (fewer than 2 rows per cell), so the estimate's bias is comparable to its spread: the value can be far off, and no interval would cover at its level",
            HalfSampling.TooSparse(449, 15, 15));
        Assert.Null(HalfSampling.TooSparse(24, 3, 2, 2));
        Assert.NotNull(HalfSampling.TooSparse(23, 3, 2, 2));
        Assert.StartsWith("too sparse: n = 9 rows for 5 values (", HalfSampling.TooSparse(9, 5), StringComparison.Ordinal);
        Assert.Null(HalfSampling.TooSparse(10, 5));
    }

    [Fact]
    public void Counts_are_marked_too_sparse_as_samples_are_and_the_estimate_is_the_estimators()
    {
        // From counts and from the rows they count: the same value and the same reason (2 rows for 2 values, 2 per cell).
        var grassberger = new Grassberger();
        var fromCounts = WithUncertainty.Entropy(grassberger, [1L, 1]);
        var fromRows = WithUncertainty.Entropy(grassberger, Variable.Discrete<int>("x", [0, 1]), UncertaintyOptions.None);
        Assert.Equal(grassberger.Entropy([1L, 1]).Value, fromCounts.Value);
        Assert.Equal(fromRows.IntervalWithheld, fromCounts.IntervalWithheld);
        Assert.StartsWith("too sparse: n = 2 rows for 2 values", fromCounts.IntervalWithheld, StringComparison.Ordinal);
        Assert.Null(WithUncertainty.Entropy(grassberger, [2L, 2, 0]).IntervalWithheld); // a zero count is no observed value
        Assert.Null(fromCounts.ConfidenceInterval);

        var table = Shannon.Measures.ContingencyTable.FromCounts([3L, 1, 1, 2, 0, 0], 3, 2); // 7 rows, 2 observed × 2 observed values
        var mi = WithUncertainty.MutualInformation(grassberger, table);
        Assert.Equal(grassberger.MutualInformation(table).Value, mi.Value);
        Assert.StartsWith("too sparse: n = 7 rows for 2 × 2 = 4 cells", mi.IntervalWithheld, StringComparison.Ordinal);
        Assert.Null(WithUncertainty.MutualInformation(grassberger, Shannon.Measures.ContingencyTable.FromCounts([3L, 1, 1, 3], 2, 2)).IntervalWithheld);

        Assert.Equal("estimator", Assert.Throws<ArgumentNullException>(() => WithUncertainty.Entropy(null!, [1L])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => WithUncertainty.Entropy(grassberger, [0L, 0])).ParamName);
        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => WithUncertainty.MutualInformation(grassberger, null!)).ParamName);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => HalfSampling.TooSparse(-1, 2)).ParamName);
        Assert.Equal("categories", Assert.Throws<ArgumentOutOfRangeException>(() => HalfSampling.TooSparse(10, 2, 0)).ParamName);
        var e = Estimate.Signed(1, LogBase.Nats, 10);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => HalfSampling.Interval(e, 10, _ => 0, level: 1.5)).ParamName);
        Assert.Equal("replicates", Assert.Throws<ArgumentOutOfRangeException>(() => HalfSampling.Interval(e, 10, _ => 0, replicates: 1)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => HalfSampling.Interval(e, 3, _ => 0)).ParamName);
        Assert.Equal("permutations", Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.PValue(e, 10, _ => 0, permutations: 0)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => GTest.MutualInformation<int, int>([1, 2], [1])).ParamName);
    }

    [Fact]
    public void A_half_sampling_interval_on_fewer_than_four_rows_says_why_in_one_line()
    {
        var estimate = Estimate.Signed(0.5, LogBase.Nats, 3);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => HalfSampling.Interval(estimate, 3, _ => 0.5));
        Assert.Equal("rows", ex.ParamName);
        Assert.StartsWith("A half-sampling confidence interval needs at least 4 rows (2 in each half); the estimate has 3.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, HalfSampling.MinimumRows);
        Assert.NotNull(HalfSampling.Interval(estimate with { N = 4 }, 4, _ => 0.5).ConfidenceInterval);
    }
}
