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
        Assert.Equal(expected, Entropy.Shannon(p, LogBase.Bits), 14);

    [Fact]
    public void Lesson_biased_coin_is_0_0808_bits() =>
        Assert.Equal(0.08079313589591118, Entropy.Shannon([0.99, 0.01], LogBase.Bits), 15);

    [Fact]
    public void Lesson_fair_die_is_2_585_bits() =>
        Assert.Equal(Math.Log2(6), Entropy.Shannon(Enumerable.Repeat(1.0 / 6, 6).ToArray(), LogBase.Bits), 14);

    [Fact]
    public void Uniform_is_log_n_and_bounds_every_distribution() =>
        Gen.Double[0.0, 1.0].Array[1, 50].Where(w => w.Sum() > 0).Sample(w =>
        {
            var p = new double[w.Length];
            Distributions.Normalize(w, p);
            double h = Entropy.Shannon(p);
            return h >= 0 && h <= Math.Log(p.Length) + 1e-12;
        });

    [Fact]
    public void Permutation_invariant() =>
        Gen.Double[0.01, 1.0].Array[2, 30].Sample(w =>
        {
            var p = new double[w.Length];
            Distributions.Normalize(w, p);
            var reversed = p.Reverse().ToArray();
            return Math.Abs(Entropy.Shannon(p) - Entropy.Shannon(reversed)) < 1e-14;
        });

    [Theory]
    [InlineData(new double[0], "is empty")]
    [InlineData(new[] { 0.5, double.NaN, 0.5 }, "NaN entry at index 1")]
    [InlineData(new[] { 0.7, 0.4, -0.1 }, "negative entry -0.1 at index 2")]
    [InlineData(new[] { 0.5, 0.4 }, "sums to 0.9")]
    public void Bad_input_names_parameter_index_and_value(double[] p, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => Entropy.Shannon(p));
        Assert.Equal("p", ex.ParamName);
        Assert.Contains(expected, ex.Message);
    }
}
