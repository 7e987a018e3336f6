using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class DivergenceTests
{
    [Fact] // Lesson 000: KL of the good and bad models from [0.7, 0.2, 0.1], in bits.
    public void Lesson_good_and_bad_model_in_bits()
    {
        Assert.Equal(0.03279282588592559, Divergence.KullbackLeibler([0.7, 0.2, 0.1], [0.6, 0.25, 0.15], LogBase.Bits), 14);
        Assert.Equal(1.865148445440323, Divergence.KullbackLeibler([0.7, 0.2, 0.1], [0.1, 0.1, 0.8], LogBase.Bits), 14);
        Assert.Equal(0.022730254805422414, Divergence.KullbackLeibler([0.7, 0.2, 0.1], [0.6, 0.25, 0.15]), 15); // mpmath, 40 digits
    }

    [Fact] // Lesson 001: p = [0.6, 0.3, 0.1], q = [0.3, 0.5, 0.2] in nats; KL(p_true‖q_good) = −ln 0.8.
    public void Lesson_asymmetry_example_in_nats()
    {
        Assert.Equal(0.19332590315017562, Divergence.KullbackLeibler([0.6, 0.3, 0.1], [0.3, 0.5, 0.2]), 14);
        Assert.Equal(0.1860980938270007, Divergence.KullbackLeibler([0.3, 0.5, 0.2], [0.6, 0.3, 0.1]), 14);
        Assert.Equal(-Math.Log(0.8), Divergence.KullbackLeibler([1.0, 0.0, 0.0], [0.8, 0.1, 0.1]), 15);
    }

    [Fact] // Lesson 003 prints KL(P‖Q) = 0.5108, KL(Q‖P) = 0.4185 nats for P = [0.9, 0.1], Q = [0.5, 0.5]: wrong.
    public void Lesson_peaked_versus_flat_has_the_correct_values()
    {
        // D(P‖Q) = 0.9 ln 1.8 + 0.1 ln 0.2 = 0.3681 nats; D(Q‖P) = ½ ln(0.5/0.9) + ½ ln 5 = ln(5/3) = 0.5108 nats.
        Assert.Equal(0.3680642071684971, Divergence.KullbackLeibler([0.9, 0.1], [0.5, 0.5]), 15);
        Assert.Equal(0.5108256237659907, Divergence.KullbackLeibler([0.5, 0.5], [0.9, 0.1]), 15);
        Assert.Equal(0.0, Divergence.KullbackLeibler([0.9, 0.1], [0.9, 0.1]));
    }

    [Fact]
    public void Gibbs_inequality() =>
        Gen.Select(TestDistributions.Distribution, Gen.Int).Sample((p, seed) =>
        {
            double[] q = TestDistributions.Seeded(p.Length, seed);
            return Divergence.KullbackLeibler(p, q) >= 0 && Divergence.KullbackLeibler(p, p) == 0;
        });

    [Fact]
    public void Tiny_q_stays_finite()
    {
        // q ≈ 1e-308 (normal) and 1e-320 (subnormal): p/q overflows for the latter, the log difference does not.
        double[] p = [0.5, 0.5];
        Assert.Equal((0.5 * Math.Log(0.5 / 1e-308)) + (0.5 * Math.Log(0.5 / (1 - 1e-308))), Divergence.KullbackLeibler(p, [1e-308, 1 - 1e-308]), 12);
        double expected = 0.5 * (Math.Log(0.5) - Math.Log(1e-320)) + 0.5 * Math.Log(0.5);
        Assert.Equal(expected, Divergence.KullbackLeibler(p, [1e-320, 1.0]), 12);
        Assert.True(double.IsFinite(Divergence.KullbackLeibler(p, [double.Epsilon, 1.0])));
    }

    [Fact]
    public void Zero_q_under_positive_p_is_infinite_and_zero_zero_terms_vanish()
    {
        Assert.Equal(double.PositiveInfinity, Divergence.KullbackLeibler([0.5, 0.5], [1.0, 0.0]));
        Assert.Equal(0.0, Divergence.KullbackLeibler([1.0, 0.0], [1.0, 0.0]));
        double[] big = TestDistributions.Seeded(1_100_000, seed: 5), other = (double[])big.Clone();
        (other[10], other[1_050_000]) = (other[10] + other[1_050_000], 0.0);
        Assert.Equal(double.PositiveInfinity, Divergence.KullbackLeibler(big, other));
        Assert.True(double.IsFinite(Divergence.KullbackLeibler(other, big)));
    }

    [Fact]
    public void Ten_million_elements_equal_the_scalar_definition()
    {
        double[] p = TestDistributions.Seeded(10_000_000, seed: 11), q = TestDistributions.Seeded(10_000_000, seed: 12);
        double expected = 0, compensation = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double term = p[i] * Math.Log(p[i] / q[i]);
            double t = expected + term;
            compensation += Math.Abs(expected) >= Math.Abs(term) ? (expected - t) + term : (term - t) + expected;
            expected = t;
        }

        expected += compensation;
        // Terms have both signs (the value ≈ 0.19 nats against terms summing to ~1 in magnitude), so 1e-11 relative.
        Assert.Equal(expected, Divergence.KullbackLeibler(p, q), expected * 1e-11);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(1.0)]
    [InlineData(1.7)]
    [InlineData(3.0)]
    [InlineData(double.PositiveInfinity)]
    public void Renyi_divergence_of_equal_distributions_is_zero(double alpha) =>
        Assert.Equal(0.0, Divergence.Renyi([0.2, 0.3, 0.5], [0.2, 0.3, 0.5], alpha), 14);

    [Fact]
    public void Renyi_divergence_closed_forms_and_limits()
    {
        double[] p = [0.5, 0.5, 0.0], q = [0.25, 0.25, 0.5];
        Assert.Equal(-Math.Log(0.5), Divergence.Renyi(p, q, 0.0), 15);                     // −log q(supp p)
        Assert.Equal(Math.Log(2), Divergence.Renyi(p, q, double.PositiveInfinity), 15);   // log max p/q
        Assert.Equal(Math.Log(2), Divergence.Renyi(p, q, 2.0), 15);                       // log Σ p²/q
        Assert.Equal(Divergence.KullbackLeibler(p, q), Divergence.Renyi(p, q, 1.0), 15);
        Assert.Equal(Divergence.KullbackLeibler(p, q), Divergence.Renyi(p, q, 1 - 1e-9), 8);
        double bhattacharyya = Math.Sqrt(0.125) * 2;
        Assert.Equal(-2 * Math.Log(bhattacharyya), Divergence.Renyi(p, q, 0.5), 15);
        Assert.Equal(double.PositiveInfinity, Divergence.Renyi(q, p, 2.0));               // q has mass where p is 0
        Assert.True(double.IsFinite(Divergence.Renyi(q, p, 0.5)));
        Assert.Equal(double.PositiveInfinity, Divergence.Renyi([1.0, 0.0], [0.0, 1.0], 0.5)); // disjoint supports
    }

    [Fact]
    public void Renyi_divergence_is_non_decreasing_in_alpha() =>
        Gen.Select(TestDistributions.PositivePair, Gen.Double[0.0, 10.0], Gen.Double[0.0, 10.0]).Sample((pair, a, b) =>
        {
            var (low, high) = a <= b ? (a, b) : (b, a);
            return Divergence.Renyi(pair.P, pair.Q, low) <= Divergence.Renyi(pair.P, pair.Q, high) + 1e-12;
        });

    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 0.5, 0.6 }, "q", "sums to 1.1")]
    [InlineData(new[] { 0.5, double.NaN }, new[] { 0.5, 0.5 }, "p", "NaN entry at index 1")]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 0.2, 0.3, 0.5 }, "q", "p has 2 entries but q has 3")]
    public void Bad_input_names_parameter_index_and_value(double[] p, double[] q, string param, string expected)
    {
        foreach (Func<double> call in new Func<double>[]
        {
            () => Divergence.KullbackLeibler(p, q), () => Divergence.Renyi(p, q, 2.0), () => Divergence.JensenShannon(p, q),
            () => Divergence.Hellinger(p, q), () => Divergence.TotalVariation(p, q), () => Divergence.ChiSquared(p, q),
        })
        {
            var ex = Assert.Throws<ArgumentException>(() => call());
            Assert.Equal(param, ex.ParamName);
            Assert.Contains(expected, ex.Message);
        }
    }
}
