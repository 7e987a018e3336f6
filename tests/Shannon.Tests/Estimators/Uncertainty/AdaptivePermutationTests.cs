using CsCheck;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;

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
        var outcome = PermutationTest.Adaptive(estimate, x.Length, Statistic, new AdaptivePermutations(), seed: 3, chiSquareDegrees: 2);
        Assert.Equal("permutation", outcome.Method);
        Assert.True(outcome.Exceedances >= 10 || outcome.Permutations == 1000);
        Assert.True(outcome.Permutations < 1000, $"spent {outcome.Permutations} permutations on independent labels");

        // The same shuffles as the fixed-count loop: B permutations with the same seed give the same p-value.
        var fixedCount = PermutationTest.PValue(estimate, x.Length, Statistic, outcome.Permutations, seed: 3);
        Assert.Equal(fixedCount.PValue, outcome.PValue);
    }

    [Fact]
    public void A_strong_dependence_is_decided_by_the_tail_below_the_counting_floor()
    {
        var random = new Random(6);
        int[] y = Enumerable.Range(0, 400).Select(_ => random.Next(2)).ToArray();
        double[] x = y.Select(v => v + (0.5 * random.NextDouble())).ToArray();
        var ksgX = Variable.Continuous("x", x);
        var labels = Variable.Discrete("y", (ReadOnlySpan<int>)y);
        var auto = new Automatic();
        var estimate = auto.MutualInformation(ksgX, labels);
        var outcome = PermutationTest.Adaptive(estimate, y.Length, order => auto.MutualInformation(ksgX, labels.Subset(order)).RawValue, new AdaptivePermutations(), seed: 0);
        Assert.Equal(0, outcome.Exceedances);
        Assert.Equal("permutation + gaussian tail", outcome.Method);
        Assert.True(outcome.PValue < 1.0 / (outcome.Permutations + 1));
        Assert.True(outcome.Permutations <= 200, $"spent {outcome.Permutations} permutations on a decided test");
        Assert.InRange(outcome.NullMean, -0.05, 0.05);
    }

    [Fact]
    public void Bad_schedules_are_refused_naming_the_parameter()
    {
        var estimate = Estimate.NonNegative(0.1, LogBase.Nats, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Adaptive(estimate, 10, _ => 0, new AdaptivePermutations { Initial = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Adaptive(estimate, 10, _ => 0, new AdaptivePermutations { Maximum = 5, Initial = 10 }));
        Assert.Equal("DecisiveTail", Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Adaptive(estimate, 10, _ => 0, new AdaptivePermutations { DecisiveTail = 1 })).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.Adaptive(estimate, 1, _ => 0, new AdaptivePermutations())).ParamName);
        Assert.Throws<ArgumentNullException>(() => PermutationTest.Adaptive(estimate, 10, null!, new AdaptivePermutations()));
    }
}
