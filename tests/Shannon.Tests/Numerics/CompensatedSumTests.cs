using System.Globalization;
using CsCheck;
using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

public class CompensatedSumTests
{
    [Fact]
    public void Cancellation_that_defeats_a_plain_sum_is_exact()
    {
        // Plain summation, left to right or lane by lane, returns 0 here; the true sum is 2·(count / 4).
        double[] values = Enumerable.Range(0, 4000).Select(i => (i / 4 % 4) switch { 0 => 1e16, 1 => 1.0, 2 => -1e16, _ => 1.0 }).ToArray();
        Assert.Equal(2000.0, CompensatedSum.Of(values));
    }

    [Fact]
    public void Within_neumaiers_bound_of_the_exact_decimal_sum() =>
        Gen.Double[-1e12, 1e12].Select(x => Math.Round(x * 1024.0) / 1024.0).Array[0, 500].Sample(values =>
        {
            // Every value is a multiple of 2⁻¹⁰ below 2⁴⁰ in magnitude: ten decimals print it exactly, and decimal
            // holds it and the sum exactly (a (decimal) cast would round to 15 digits).
            decimal exact = values.Aggregate(0m, (total, x) => total + decimal.Parse(x.ToString("F10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            double magnitude = values.Sum(Math.Abs);
            double bound = (2.0 * double.Epsilon) + (2.3e-16 * Math.Abs((double)exact)) + (values.Length * 1e-32 * magnitude);
            return Math.Abs(CompensatedSum.Of(values) - (double)exact) <= bound;
        });

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void An_infinite_term_gives_that_infinity_wherever_it_falls(double infinity)
    {
        for (int at = 0; at < 11; at++)
        {
            double[] values = Enumerable.Range(1, 11).Select(i => (double)i).ToArray();
            values[at] = infinity;
            Assert.Equal(infinity, CompensatedSum.Of(values));
        }
    }

    [Fact]
    public void Nan_or_opposite_infinities_give_nan()
    {
        double[] values = Enumerable.Range(1, 12).Select(i => (double)i).ToArray();
        values[5] = double.NaN;
        Assert.True(double.IsNaN(CompensatedSum.Of(values)));
        values[5] = double.PositiveInfinity;
        values[10] = double.NegativeInfinity;
        Assert.True(double.IsNaN(CompensatedSum.Of(values)));
    }

    [Fact]
    public void Merging_a_partial_sum_that_became_infinite_keeps_the_infinity()
    {
        var part = default(CompensatedSum);
        part.Add(1.0);
        part.Add(double.PositiveInfinity);
        var total = default(CompensatedSum);
        total.Add(2.0);
        total.Add(part);
        Assert.Equal(double.PositiveInfinity, total.Value);
    }
}
