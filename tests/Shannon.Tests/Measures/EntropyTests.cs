using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class EntropyTests
{
    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, 1.0)]
    [InlineData(new[] { 0.25, 0.25, 0.25, 0.25 }, 2.0)]
    [InlineData(new[] { 1.0, 0.0 }, 0.0)]
    [InlineData(new[] { 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125 }, 3.0)]
    public void Closed_forms_in_bits(double[] p, double expected) =>
        Assert.Equal(expected, Entropy.Of(p, LogBase.Bits), 14);

    [Fact]
    public void Lesson_biased_coin_is_0_0808_bits() =>
        Assert.Equal(0.08079313589591118, Entropy.Of([0.99, 0.01], LogBase.Bits), 15);

    [Fact]
    public void Lesson_fair_die_is_2_585_bits() =>
        Assert.Equal(Math.Log2(6), Entropy.Of(Enumerable.Repeat(1.0 / 6, 6).ToArray(), LogBase.Bits), 14);

    [Fact]
    public void Uniform_is_log_n_and_bounds_every_distribution() =>
        Gen.Double[0.0, 1.0].Array[1, 50].Where(w => w.Sum() > 0).Sample(w =>
        {
            var p = new double[w.Length];
            Distributions.Normalize(w, p);
            double h = Entropy.Of(p);
            return h >= 0 && h <= Math.Log(p.Length) + 1e-12;
        });

    [Fact]
    public void Permutation_invariant() =>
        Gen.Double[0.01, 1.0].Array[2, 30].Sample(w =>
        {
            var p = new double[w.Length];
            Distributions.Normalize(w, p);
            var reversed = p.Reverse().ToArray();
            return Math.Abs(Entropy.Of(p) - Entropy.Of(reversed)) < 1e-14;
        });

    [Theory]
    [InlineData(new double[0], "is empty")]
    [InlineData(new[] { 0.5, double.NaN, 0.5 }, "NaN entry at index 1")]
    [InlineData(new[] { 0.7, 0.4, -0.1 }, "negative entry -0.1 at index 2")]
    [InlineData(new[] { 0.5, 0.4 }, "sums to 0.9")]
    public void Bad_input_names_parameter_index_and_value(double[] p, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => Entropy.Of(p));
        Assert.Equal("p", ex.ParamName);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Lesson_biased_0_9_coin_is_0_469_bits() =>
        Assert.Equal(0.46899559358928117, Entropy.Of([0.9, 0.1], LogBase.Bits), 15);

    [Fact]
    public void Lesson_uniform_256_is_8_bits_and_gpt2_vocabulary_is_15_617_bits()
    {
        Assert.Equal(8.0, Entropy.Of(TestDistributions.Uniform(256), LogBase.Bits), 12);
        Assert.Equal(Math.Log2(50257), Entropy.Of(TestDistributions.Uniform(50257), LogBase.Bits), 11);
    }

    [Fact]
    public void Ten_million_elements_match_a_scalar_compensated_sum()
    {
        // 10^7 elements take the parallel, blocked path; the scalar loop is the definition. Terms are all ≥ 0,
        // so both sums have relative error ~1e-15; 1e-12 leaves room for the vectorised logarithm's ulp.
        double[] p = TestDistributions.Seeded(10_000_000, seed: 7);
        double expected = 0, compensation = 0;
        foreach (double x in p)
        {
            double term = -x * Math.Log(x);
            double t = expected + term;
            compensation += Math.Abs(expected) >= Math.Abs(term) ? (expected - t) + term : (term - t) + expected;
            expected = t;
        }

        expected += compensation;
        Assert.Equal(expected, Entropy.Of(p), expected * 1e-12);
    }

    [Fact]
    public void Block_boundaries_and_zeros_do_not_change_the_value() =>
        Gen.Int[1, 5000].Sample(n =>
        {
            double[] p = TestDistributions.Seeded(n, seed: n);
            double[] padded = [.. p, 0.0, 0.0];
            double h = Entropy.Of(p);
            return Math.Abs(h - Entropy.Of(padded)) <= 1e-13 * (1 + h) && h <= Math.Log(n) + 1e-12;
        }, iter: 50);

    [Fact]
    public void Entropy_is_additive_for_independent_variables() =>
        Gen.Select(TestDistributions.Distribution, TestDistributions.Distribution).Sample((a, b) =>
        {
            double[] product = a.SelectMany(x => b.Select(y => x * y)).ToArray();
            return Math.Abs(Entropy.Of(product) - Entropy.Of(a) - Entropy.Of(b)) <= 1e-12;
        });

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(7.5)]
    [InlineData(double.PositiveInfinity)]
    public void Renyi_of_uniform_is_log_n_for_every_order(double alpha) =>
        Assert.Equal(Math.Log2(12), Entropy.Renyi(TestDistributions.Uniform(12), alpha, LogBase.Bits), 13);

    [Fact]
    public void Renyi_closed_forms_and_limits()
    {
        double[] p = [0.5, 0.25, 0.25, 0.0];
        Assert.Equal(Math.Log(3), Entropy.Renyi(p, 0.0), 15);                   // Hartley: log |support|
        Assert.Equal(Entropy.Of(p), Entropy.Renyi(p, 1.0), 15);            // Shannon
        Assert.Equal(-Math.Log(0.375), Entropy.Renyi(p, 2.0), 15);              // collision: −log Σp²
        Assert.Equal(Math.Log(2), Entropy.Renyi(p, double.PositiveInfinity), 15); // min-entropy: −log max p
        Assert.Equal(Entropy.Of(p), Entropy.Renyi(p, 1 + 1e-9), 8);        // continuous at α = 1
        Assert.Equal(Math.Log(2), Entropy.Renyi(p, 1e6), 5);                    // → min-entropy, no underflow
    }

    [Fact]
    public void Renyi_is_non_increasing_in_alpha() =>
        Gen.Select(TestDistributions.Distribution, Gen.Double[0.0, 20.0], Gen.Double[0.0, 20.0]).Sample((p, a, b) =>
        {
            var (low, high) = a <= b ? (a, b) : (b, a);
            return Entropy.Renyi(p, high) <= Entropy.Renyi(p, low) + 1e-12;
        });

    [Fact]
    public void Tsallis_closed_forms_and_limits()
    {
        double[] p = [0.5, 0.25, 0.25, 0.0];
        Assert.Equal(2.0, Entropy.Tsallis(p, 0.0), 15);                 // |support| − 1
        Assert.Equal(Entropy.Of(p), Entropy.Tsallis(p, 1.0), 15);  // Shannon in nats
        Assert.Equal(1 - 0.375, Entropy.Tsallis(p, 2.0), 15);           // 1 − Σp² (Gini–Simpson)
        Assert.Equal(Entropy.Of(p), Entropy.Tsallis(p, 1 + 1e-12), 11);
    }

    [Fact]
    public void Tsallis_is_pseudo_additive() =>
        Gen.Select(TestDistributions.Distribution, TestDistributions.Distribution, Gen.Double[0.1, 4.0]).Sample((a, b, q) =>
        {
            double[] product = a.SelectMany(x => b.Select(y => x * y)).ToArray();
            double sa = Entropy.Tsallis(a, q), sb = Entropy.Tsallis(b, q);
            return Math.Abs(Entropy.Tsallis(product, q) - (sa + sb + ((1 - q) * sa * sb))) <= 1e-10 * (1 + sa + sb);
        });

    [Fact]
    public void Orders_are_validated()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Entropy.Renyi([1.0], -1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Entropy.Renyi([1.0], double.NaN)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => Entropy.Tsallis([1.0], double.PositiveInfinity)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => Entropy.Renyi([0.5, 0.6], 2)).ParamName);
    }

    [Fact]
    public void Invalid_entries_are_found_in_large_inputs()
    {
        double[] p = TestDistributions.Seeded(1_100_000, seed: 3);
        p[1_099_000] = -p[1_099_000];
        var ex = Assert.Throws<ArgumentException>(() => Entropy.Of(p));
        Assert.Equal("p", ex.ParamName);
        Assert.Contains("at index 1099000", ex.Message);
    }
}
