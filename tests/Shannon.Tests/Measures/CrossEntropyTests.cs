using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class CrossEntropyTests
{
    private static readonly double[] TrueDistribution = [0.7, 0.2, 0.1];

    [Fact] // Lesson 000: true [0.7, 0.2, 0.1]; good model [0.6, 0.25, 0.15]; bad model [0.1, 0.1, 0.8] (bits).
    public void Lesson_true_good_and_bad_models_in_bits()
    {
        Assert.Equal(1.1567796494470395, Entropy.Of(TrueDistribution, LogBase.Bits), 14);
        Assert.Equal(1.189572475332965, CrossEntropy.Of(TrueDistribution, [0.6, 0.25, 0.15], LogBase.Bits), 14);
        Assert.Equal(3.021928094887363, CrossEntropy.Of(TrueDistribution, [0.1, 0.1, 0.8], LogBase.Bits), 14);
    }

    [Fact] // Lesson 000 "Use It": the same in nats: H 0.8018, CE 0.8245, KL 0.0227.
    public void Lesson_numpy_example_in_nats()
    {
        Assert.Equal(0.8018185525433373, Entropy.Of(TrueDistribution), 14);
        Assert.Equal(0.8245488073487599, CrossEntropy.Of(TrueDistribution, [0.6, 0.25, 0.15]), 14);
    }

    [Theory] // Lesson 001: one-hot "cat" against good / bad / uncertain predictions, in nats.
    [InlineData(0.8, 0.1, 0.1, 0.2231435513142097)]
    [InlineData(0.1, 0.8, 0.1, 2.302585092994046)]
    [InlineData(0.4, 0.3, 0.3, 0.916290731874155)]
    public void Lesson_one_hot_cross_entropy_is_minus_log_q_of_the_class(double q0, double q1, double q2, double expected) =>
        Assert.Equal(expected, CrossEntropy.Of([1.0, 0.0, 0.0], [q0, q1, q2]), 14);

    [Fact]
    public void Is_entropy_plus_kullback_leibler() =>
        Gen.Select(TestDistributions.Distribution, Gen.Int).Sample((p, seed) =>
        {
            double[] q = TestDistributions.Seeded(p.Length, seed);
            double ce = CrossEntropy.Of(p, q);
            return Math.Abs(ce - (Entropy.Of(p) + Divergence.KullbackLeibler(p, q))) <= 1e-12 * (1 + ce);
        });

    [Fact]
    public void Zero_q_under_positive_p_is_infinite_and_zero_p_terms_vanish()
    {
        Assert.Equal(double.PositiveInfinity, CrossEntropy.Of([0.5, 0.5], [1.0, 0.0]));
        Assert.Equal(0.0, CrossEntropy.Of([1.0, 0.0], [1.0, 0.0]));
    }

    [Fact]
    public void Large_inputs_match_the_identity_with_kl()
    {
        double[] p = TestDistributions.Seeded(1_100_000, seed: 1), q = TestDistributions.Seeded(1_100_000, seed: 2);
        double ce = CrossEntropy.Of(p, q, LogBase.Bits);
        Assert.Equal(Entropy.Of(p, LogBase.Bits) + Divergence.KullbackLeibler(p, q, LogBase.Bits), ce, ce * 1e-12);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 0.5, 0.6 }, "q", "sums to 1.1")]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 1.0 }, "q", "p has 2 entries but q has 1")]
    [InlineData(new[] { 1.5, -0.5 }, new[] { 0.5, 0.5 }, "p", "negative entry -0.5 at index 1")]
    [InlineData(new double[0], new[] { 1.0 }, "p", "is empty")]
    public void Bad_input_names_parameter_index_and_value(double[] p, double[] q, string param, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => CrossEntropy.Of(p, q));
        Assert.Equal(param, ex.ParamName);
        Assert.Contains(expected, ex.Message);
    }
}
