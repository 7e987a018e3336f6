using CsCheck;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Tests.Estimators;

/// <summary>
/// I(X;Y|Z) for a discrete Z as the average of the within-value estimates: values of Z too small to estimate within are
/// left out and counted in N, never averaged in as 0 (which once gave I = 0 with the interval [0, 0] for X = Y + noise).
/// </summary>
public class ConditionedOnLabelsTests
{
    private static (Variable X, Variable Y) Noisy(int n, int seed)
    {
        var random = new Random(seed);
        double[] x = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4)];
        double[] y = [.. x.Select(v => v + (0.1 * random.NextDouble()))];
        return (Variable.Continuous("x", x), Variable.Continuous("y", y));
    }

    [Fact]
    public void Values_of_z_all_too_small_are_refused_not_reported_as_zero()
    {
        // The reviewer's case: 150 rows, 50 values of Z with 3 rows each, k = 3 needs 4 rows per value.
        var (x, y) = Noisy(150, 1);
        var z = Variable.Discrete("group", [.. Enumerable.Range(0, 150).Select(i => i / 3)]);
        var error = Assert.Throws<ArgumentException>(() => new ConditionedOnLabels(new Ksg(), 4).ConditionalMutualInformation(x, y, z));
        Assert.Equal("z", error.ParamName);
        Assert.Contains("at least 4 rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_too_small_is_left_out_and_the_rest_are_weighted_by_their_rows()
    {
        // Values 0 and 1 with 60 and 40 rows, value 2 with 2 rows (below k + 1 = 4): the estimate is the 60:40 average
        // of the two within-value KSG estimates, on N = 100 rows.
        var (x, y) = Noisy(102, 2);
        int[] labels = [.. Enumerable.Range(0, 102).Select(i => i < 60 ? 0 : i < 100 ? 1 : 2)];
        var z = Variable.Discrete("z", labels);
        var ksg = new Ksg();
        double first = ksg.MutualInformation(x.Subset([.. Enumerable.Range(0, 60)]), y.Subset([.. Enumerable.Range(0, 60)])).RawValue;
        double second = ksg.MutualInformation(x.Subset([.. Enumerable.Range(60, 40)]), y.Subset([.. Enumerable.Range(60, 40)])).RawValue;
        var estimate = new ConditionedOnLabels(ksg, 4).ConditionalMutualInformation(x, y, z);
        Assert.Equal(((60 * first) + (40 * second)) / 100, estimate.RawValue, 1e-14);
        Assert.Equal(100, estimate.N);
        Assert.Equal(2, estimate.SupportSize);
        Assert.True(estimate.Value > 1.0, $"X = Y + small noise shares much information; got {estimate.Value}");
    }

    [Fact]
    public void With_every_value_large_enough_it_is_the_p_z_weighted_average() =>
        Gen.Int[2, 5].Select(Gen.Int[0, 1000]).Sample((values, seed) =>
        {
            var (x, y) = Noisy(120, seed);
            int[] labels = [.. Enumerable.Range(0, 120).Select(i => i % values)];
            var estimate = new ConditionedOnLabels(new Ksg(), 4).ConditionalMutualInformation(x, y, Variable.Discrete("z", labels));
            double expected = 0;
            for (int v = 0; v < values; v++)
            {
                int[] rows = [.. Enumerable.Range(0, 120).Where(i => labels[i] == v)];
                expected += (double)rows.Length / 120 * new Ksg().MutualInformation(x.Subset(rows), y.Subset(rows)).RawValue;
            }

            return Math.Abs(estimate.RawValue - expected) <= 1e-12 * Math.Abs(expected) && estimate.N == 120;
        }, iter: 20);

    [Fact]
    public void A_value_the_inner_estimator_cannot_form_is_left_out()
    {
        // Ross within a value of Z where every label of X occurs once: no same-class neighbour, so that value is left out.
        var random = new Random(3);
        int[] labels = [.. Enumerable.Range(0, 40).Select(i => i < 30 ? i % 3 : i)];
        var x = Variable.Discrete("x", labels);
        var y = Variable.Continuous("y", [.. labels.Select(l => l + random.NextDouble())]);
        var z = Variable.Discrete("z", [.. Enumerable.Range(0, 40).Select(i => i < 30 ? 0 : 1)]);
        var estimate = new ConditionedOnLabels(new Ross(), 4).ConditionalMutualInformation(x, y, z);
        Assert.Equal(30, estimate.N);
    }

    [Fact]
    public void An_interval_whose_half_samples_are_too_small_says_so()
    {
        // Ten values of Z with 5 rows each: the whole sample can be estimated, but some half-sample has no value with 4 rows.
        var (x, y) = Noisy(50, 4);
        var z = Variable.Discrete("z", [.. Enumerable.Range(0, 50).Select(i => i / 5)]);
        var error = Assert.Throws<ArgumentException>(() => WithUncertainty.ConditionalMutualInformation(
            new ConditionedOnLabels(new Ksg(), 4), x, y, z, new UncertaintyOptions { Level = 0.95 }));
        Assert.Equal("z", error.ParamName);
        Assert.StartsWith("no interval: a half-sample of 25 rows cannot be estimated (z: no value of z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        var (x, y) = Noisy(10, 5);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => new ConditionedOnLabels(new PlugIn(), 1).ConditionalMutualInformation(x, y, Variable.Discrete("z", new int[9]))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionedOnLabels(new Ksg(), 0).ConditionalMutualInformation(x, y, Variable.Discrete("z", new int[10])));
    }
}
