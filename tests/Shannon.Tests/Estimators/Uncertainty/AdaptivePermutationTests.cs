using CsCheck;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Numerics;

namespace Shannon.Tests.Estimators.Uncertainty;

public class AdaptivePermutationTests
{
    // Worked example, as R's p.adjust(p, "BH"): sorted p 0.01, 0.03, 0.04, 0.04, 0.2, 0.5 give m p/rank 0.06, 0.09, 0.08,
    // 0.06, 0.24, 0.5, and the running minimum from the top 0.06, 0.06, 0.06, 0.06, 0.24, 0.5.
    [Fact]
    public void Benjamini_Hochberg_worked_example()
    {
        double[] q = BenjaminiHochberg.QValues([0.01, 0.04, 0.03, 0.2, 0.5, 0.04]);
        Assert.Equal([0.06, 0.06, 0.06, 0.24, 0.5, 0.06], q.Select(v => Math.Round(v, 12)));
        Assert.Equal([0.3], BenjaminiHochberg.QValues([0.3]));
        Assert.Equal([1.0, 1.0], BenjaminiHochberg.QValues([0.9, 1.0]));
    }

    [Fact]
    public void Benjamini_Hochberg_properties_q_at_least_p_at_most_1_and_monotone_in_p()
    {
        Gen.Double[0, 1].Array[1, 40].Sample(p =>
        {
            double[] q = BenjaminiHochberg.QValues(p);
            for (int i = 0; i < p.Length; i++)
            {
                Assert.InRange(q[i], p[i], 1.0);
                for (int j = 0; j < p.Length; j++)
                {
                    Assert.True(p[i] > p[j] || q[i] <= q[j], "a smaller p-value never gets a larger q-value");
                }
            }
        });
    }

    [Fact]
    public void Benjamini_Hochberg_rejects_bad_input_naming_the_parameter()
    {
        Assert.Equal("pValues", Assert.Throws<ArgumentException>(() => BenjaminiHochberg.QValues([])).ParamName);
        Assert.Equal("pValues", Assert.Throws<ArgumentException>(() => BenjaminiHochberg.QValues([0.5, double.NaN])).ParamName);
        Assert.Equal("pValues", Assert.Throws<ArgumentException>(() => BenjaminiHochberg.QValues([1.5])).ParamName);
    }

    [Fact]
    public void Independent_labels_stop_early_with_the_counted_p_value_of_the_same_shuffles()
    {
        var random = new Random(5);
        int[] x = Enumerable.Range(0, 300).Select(_ => random.Next(3)).ToArray();
        int[] y = Enumerable.Range(0, 300).Select(_ => random.Next(2)).ToArray();
        var plugIn = new PlugIn();
        var estimate = plugIn.MutualInformation(x, y);
        double Statistic(int[] order) => plugIn.MutualInformation(x, order.Select(i => y[i]).ToArray()).RawValue;
        var outcome = PermutationTest.Adaptive(estimate, x.Length, Statistic, new AdaptivePermutations(), seed: 3);
        Assert.Equal("permutation", outcome.Method);
        Assert.False(outcome.IsBound);
        Assert.True(outcome.Exceedances >= 10 || outcome.Permutations == 1000);
        Assert.True(outcome.Permutations < 1000, $"spent {outcome.Permutations} permutations on independent labels");

        // The same shuffles as the fixed-count loop: B permutations with the same seed give the same p-value.
        var fixedCount = PermutationTest.PValue(estimate, x.Length, Statistic, outcome.Permutations, seed: 3);
        Assert.Equal(fixedCount.PValue, outcome.PValue);
    }

    // The defect a hostile review found: a score beyond every permutation got the tail of a Gaussian fitted to ~160
    // permuted values (p = 6.4e-144 on the breast-cancer demo). Now it gets the counted bound 1/(B + 1) and says so.
    [Fact]
    public void A_strong_dependence_gets_the_counted_bound_never_an_extrapolated_tail()
    {
        var random = new Random(6);
        int[] y = Enumerable.Range(0, 400).Select(_ => random.Next(2)).ToArray();
        double[] x = y.Select(v => v + (0.5 * random.NextDouble())).ToArray();
        var ksgX = Variable.Continuous("x", x);
        var labels = Variable.Discrete("y", (ReadOnlySpan<int>)y);
        var auto = new Automatic();
        var estimate = auto.MutualInformation(ksgX, labels);
        var schedule = new AdaptivePermutations { Initial = 10, Exceedances = 3, Maximum = 300 };
        var outcome = PermutationTest.Adaptive(estimate, y.Length, order => auto.MutualInformation(ksgX, labels.Subset(order)).RawValue, schedule, seed: 0);
        Assert.Equal(0, outcome.Exceedances);
        Assert.True(outcome.IsBound);
        Assert.Equal("permutation", outcome.Method);
        Assert.Equal(300, outcome.Permutations);
        Assert.Equal(1.0 / 301, outcome.PValue);
        Assert.InRange(outcome.NullMean, -0.05, 0.05);
    }

    // The exact size of the adaptive test under independence, for a continuous statistic (no ties; ties only make the
    // counted p-value larger). Given U = P(T_b ≥ T) the exceedances are Bernoulli(U), and under the null U is uniform
    // (T is exchangeable with the permuted values), so the count after a checkpoint is beta-binomial: the law of the
    // reported p-value is a finite sum, computed here for the schedules the report uses. P(p ≤ α) ≤ α must hold at every
    // attainable α (between attainable values P(p ≤ α) is flat, so these are the only places it can fail).
    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(64)]
    [InlineData(200)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void The_adaptive_p_value_is_valid_exactly_at_every_level(int tests)
    {
        var report = AdaptivePermutations.Decisive(tests, 0.05) with { Initial = 10, Exceedances = 3 };
        foreach (var schedule in new[] { report, new AdaptivePermutations() })
        {
            var law = AdaptivePermutationNullLaw.Of(schedule, (b, m) => (b + 1.0) / (m + 1.0));
            Assert.Equal(1.0, law.Values.Sum(), 9);
            double cumulative = 0;
            foreach (var (p, probability) in law.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)))
            {
                cumulative += probability;
                Assert.True(cumulative <= p * (1 + 1e-9), $"{schedule}: P(p ≤ {p}) = {cumulative}");
            }

            Assert.Equal(1.0 / (schedule.Maximum + 1), law.Keys.Min(), 15);
        }
    }

    // The exact computation can fail: without the +1 correction (b / m, Besag–Clifford's form applied at the batch ends
    // instead of at the h-th exceedance) the same schedule is anti-conservative.
    [Fact]
    public void The_exact_size_computation_catches_an_invalid_p_value()
    {
        var schedule = new AdaptivePermutations { Initial = 10, Exceedances = 3 };
        var law = AdaptivePermutationNullLaw.Of(schedule, (b, m) => Math.Max(b, 1.0) / m);
        double cumulative = 0;
        bool violated = false;
        foreach (var (p, probability) in law.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)))
        {
            cumulative += probability;
            violated |= cumulative > p * (1 + 1e-9);
        }

        Assert.True(violated);
    }

    // The implementation follows the rule whose size is computed above: a statistic that is uniform and independent
    // across permutations (a hash of the shuffle) and an observed value drawn from the same law, 10,000 times.
    // Exact size at the report's schedule for 30 tests: P(p ≤ 0.01) = 0.0079, 0.05 → 0.0458, 0.1 → 0.0910; the bounds
    // below are α + 3.5 Monte Carlo standard errors of 10,000 replicates.
    [Fact]
    public void Simulated_null_p_values_of_the_implementation_are_valid()
    {
        const int replicates = 10_000;
        var schedule = AdaptivePermutations.Decisive(30, 0.05) with { Initial = 10, Exceedances = 3 };
        double[] levels = [0.01, 0.05, 0.1];
        int[] below = new int[levels.Length];
        int bounds = 0;
        for (int r = 0; r < replicates; r++)
        {
            double observed = new Random(r).NextDouble();
            var outcome = PermutationTest.Adaptive(new Estimate(observed, observed, LogBase.Nats, 12), 12, Uniform, schedule, seed: r);
            Assert.Equal((1.0 + outcome.Exceedances) / (1.0 + outcome.Permutations), outcome.PValue);
            bounds += outcome.IsBound ? 1 : 0;
            for (int i = 0; i < levels.Length; i++)
            {
                below[i] += outcome.PValue <= levels[i] ? 1 : 0;
            }
        }

        for (int i = 0; i < levels.Length; i++)
        {
            double rate = (double)below[i] / replicates;
            double error = Math.Sqrt(levels[i] * (1 - levels[i]) / replicates);
            Assert.True(rate <= levels[i] + (3.5 * error), $"P(p ≤ {levels[i]}) = {rate} over {replicates} null replicates");
        }

        Assert.InRange(bounds, 0, 10 + (3.5 * Math.Sqrt(10))); // P(bound) = 1/1001 under the null: about 10 of 10,000
    }

    [Fact]
    public void Decisive_schedules_make_a_bound_pass_benjamini_hochberg_whatever_the_others()
    {
        Assert.Equal(1000, AdaptivePermutations.Decisive(1, 0.05).Maximum);
        Assert.Equal(1279, AdaptivePermutations.Decisive(64, 0.05).Maximum);
        Assert.Equal(20_000, AdaptivePermutations.Decisive(5000, 0.05).Maximum);
        Gen.Int[1, 1000].Select(Gen.Double[0.001, 0.2]).Sample((tests, q) =>
        {
            var schedule = AdaptivePermutations.Decisive(tests, q, ceiling: 1_000_000);
            double bound = 1.0 / (schedule.Maximum + 1);
            double[] p = [bound, .. Enumerable.Repeat(1.0, tests - 1)];
            Assert.True(BenjaminiHochberg.QValues(p)[0] <= q * (1 + 1e-12), $"m = {tests}, q = {q}: B = {schedule.Maximum}");
        });
    }

    [Fact]
    public void Checkpoints_double_from_the_first_batch_up_to_the_maximum()
    {
        var schedule = new AdaptivePermutations { Initial = 10, Maximum = 1000 };
        var points = new List<int>();
        for (int done = 0; done < schedule.Maximum; done = schedule.NextCheckpoint(done))
        {
            points.Add(schedule.NextCheckpoint(done));
        }

        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 1000], points);
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.NextCheckpoint(1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.NextCheckpoint(-1));
    }

    [Fact]
    public void Bad_schedules_are_refused_naming_the_parameter()
    {
        var estimate = Estimate.NonNegative(0.1, LogBase.Nats, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Adaptive(estimate, 10, _ => 0, new AdaptivePermutations { Initial = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Adaptive(estimate, 10, _ => 0, new AdaptivePermutations { Maximum = 5, Initial = 10 }));
        Assert.Equal("Exceedances", Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Adaptive(estimate, 10, _ => 0, new AdaptivePermutations { Exceedances = 0 })).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Adaptive(estimate, 1, _ => 0, new AdaptivePermutations())).ParamName);
        Assert.Throws<ArgumentNullException>(() => PermutationTest.Adaptive(estimate, 10, null!, new AdaptivePermutations()));
        Assert.Equal("tests", Assert.Throws<ArgumentOutOfRangeException>(() => AdaptivePermutations.Decisive(0, 0.05)).ParamName);
        Assert.Equal("falseDiscoveryRate", Assert.Throws<ArgumentOutOfRangeException>(() => AdaptivePermutations.Decisive(10, 1.0)).ParamName);
        Assert.Equal("falseDiscoveryRate", Assert.Throws<ArgumentOutOfRangeException>(() => AdaptivePermutations.Decisive(10, double.NaN)).ParamName);
        Assert.Equal("ceiling", Assert.Throws<ArgumentOutOfRangeException>(() => AdaptivePermutations.Decisive(10, 0.05, ceiling: 999)).ParamName);
        Assert.Equal("done", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptivePermutations().NextCheckpoint(-1)).ParamName);
    }

    /// <summary>A statistic uniform on [0, 1) and independent across shuffles: a mixed hash of the order.</summary>
    private static double Uniform(int[] order)
    {
        ulong h = 0x9E3779B97F4A7C15;
        foreach (int v in order)
        {
            h = (h ^ (ulong)v) * 0xBF58476D1CE4E5B9;
            h ^= h >> 31;
        }

        h ^= h >> 29;
        h *= 0x94D049BB133111EB;
        h ^= h >> 32;
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
