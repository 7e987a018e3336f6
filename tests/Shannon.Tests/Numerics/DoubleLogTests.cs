using System.Runtime.Intrinsics;
using CsCheck;
using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

public class DoubleLogTests
{
    private static double Lane(double x) => DoubleLog.Log(Vector256.Create(x)).GetElement(0);

    /// <summary>|got − ln x| in ulps of the larger of the two (so a result across a power of two is not over-counted).</summary>
    private static double UlpError(double x)
    {
        double got = Lane(x);
        double exact = Math.Log(x);
        if (got == exact)
        {
            return 0.0;
        }

        double magnitude = Math.Max(Math.Abs(got), Math.Abs(exact));
        return Math.Abs(got - exact) / (Math.BitIncrement(magnitude) - magnitude);
    }

    [Fact]
    public void Within_one_ulp_across_the_whole_normal_range() =>
        Gen.Double[-1021.99, 1023.99].Select(e => Math.Pow(2.0, e)).Sample(x => UlpError(x) <= 1.0, iter: 200_000);

    [Fact]
    public void Keeps_relative_accuracy_next_to_one()
    {
        // ln(1 ± δ) ≈ ±δ: any error in log c would swamp these; c = 1 on both sides of 1 keeps them exact.
        for (int e = 1; e <= 52; e++)
        {
            double delta = Math.Pow(2.0, -e);
            Assert.True(UlpError(1.0 + delta) <= 1.0, $"1 + 2^-{e}");
            Assert.True(UlpError(1.0 - (delta / 2)) <= 1.0, $"1 - 2^-{e + 1}");
        }

        Gen.Double[0.99, 1.01].Sample(x => UlpError(x) <= 1.0, iter: 100_000);
    }

    [Fact]
    public void Exact_at_one_and_within_one_ulp_at_the_ends_and_at_powers_of_two()
    {
        Assert.Equal(0.0, Lane(1.0));
        Assert.True(UlpError(SpecialFunctions.SmallestNormal) <= 1.0);
        Assert.True(UlpError(double.MaxValue) <= 1.0);
        for (int k = -1022; k <= 1023; k++)
        {
            Assert.True(UlpError(Math.ScaleB(1.0, k)) <= 1.0, $"2^{k}");
        }
    }

    [Fact]
    public void Finite_outside_the_domain_so_that_zero_times_it_is_zero()
    {
        double[] outside = [0.0, -0.0, double.Epsilon, 1e-310, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -1.0, -1e300, 0.0 / 0.0];
        foreach (double x in outside)
        {
            Assert.True(double.IsFinite(Lane(x)), $"{x}");
        }

        Gen.Long.Select(BitConverter.Int64BitsToDouble).Sample(x => double.IsFinite(Lane(x)), iter: 100_000);
    }

    [Fact]
    public void Lanes_are_independent()
    {
        var x = Vector256.Create(0.3, 1.0, 7.5e-300, 1e300);
        var got = DoubleLog.Log(x);
        for (int i = 0; i < Vector256<double>.Count; i++)
        {
            Assert.Equal(Lane(x.GetElement(i)), got.GetElement(i));
        }
    }

    [Fact]
    public void Rows_picked_from_memory_give_the_same_bits() =>
        Gen.Double[-1021.99, 1023.99].Select(e => Math.Pow(2.0, e)).Array[4].Sample(values =>
        {
            var x = Vector256.Create(values);
            return DoubleLog.Log(x, in values[0]) == DoubleLog.Log(x);
        });
}
