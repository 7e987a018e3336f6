using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class DistributionsTests
{
    [Fact]
    public void Masses_whose_sum_overflows_a_double_normalise_to_the_same_distribution()
    {
        var p = new double[3];
        Distributions.Normalize([1e308, 1e308, 0], p);
        Assert.Equal([0.5, 0.5, 0.0], p);
        Distributions.Normalize([double.MaxValue, double.MaxValue / 2], p.AsSpan(0, 2));
        Assert.Equal(2.0 / 3, p[0], 1e-15);
        Assert.Equal(1.0 / 3, p[1], 1e-15);
    }

    [Fact]
    public void Property_scaling_every_mass_up_to_the_overflow_range_leaves_the_distribution_unchanged()
    {
        Gen.Double[0.01, 1.0].Array[2, 20].Sample(w =>
        {
            var small = new double[w.Length];
            var huge = new double[w.Length];
            Distributions.Normalize(w, small);
            Distributions.Normalize([.. w.Select(x => x * 1e308)], huge);
            for (int i = 0; i < w.Length; i++)
            {
                Assert.Equal(small[i], huge[i], 1e-14);
            }
        });
    }

    [Fact]
    public void Counts_that_sum_past_a_long_are_refused_naming_the_parameter_and_the_limit()
    {
        var ex = Assert.Throws<OverflowException>(() => Distributions.FromCounts([long.MaxValue, 1]));
        Assert.Contains("counts sum past 2^63 - 1 = 9223372036854775807 at index 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1.0, Distributions.FromCounts([long.MaxValue, 0])[0]);
    }
}
