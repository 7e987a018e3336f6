using System.Runtime.Intrinsics;
using CsCheck;
using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

/// <summary>
/// The table-driven log in both widths: the four-lane form (AVX2 with FMA) and the two-lane form (ARM64 NEON, x64
/// without AVX2). Each test runs per width; where AVX2 is off (CI's DOTNET_EnableAVX2=0 run) the four-lane cases test
/// the two-lane form, the one the kernels then use, and with AVX off (no FMA) that form without fused multiply-adds.
/// </summary>
public class DoubleLogTests
{
    public static TheoryData<int> Widths() => new() { 2, 4 };

    /// <summary>
    /// 1 ulp with fused multiply-adds (AVX2 + FMA, NEON); 2 ulp for the two-lane form without them (x64 with AVX2 or
    /// AVX disabled: .NET 10 turns FMA off with AVX2), where the reduction rounds once more and the table's ln c and
    /// the polynomial's sum each add up to half an ulp.
    /// </summary>
    private static double Bound(int width) =>
        (width == 4 && Vector256.IsHardwareAccelerated) || System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? 1.0 : 2.0;

    private static double Lane(int width, double x) => width == 4 && Vector256.IsHardwareAccelerated
        ? DoubleLog.Log(Vector256.Create(x)).GetElement(0)
        : DoubleLog.Log(Vector128.Create(x)).GetElement(0);

    /// <summary>|got − ln x| in ulps of the larger of the two (so a result across a power of two is not over-counted).</summary>
    private static double UlpError(int width, double x)
    {
        double got = Lane(width, x);
        double exact = Math.Log(x);
        if (got == exact)
        {
            return 0.0;
        }

        double magnitude = Math.Max(Math.Abs(got), Math.Abs(exact));
        return Math.Abs(got - exact) / (Math.BitIncrement(magnitude) - magnitude);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Within_one_ulp_across_the_whole_normal_range(int width) =>
        Gen.Double[-1021.99, 1023.99].Select(e => Math.Pow(2.0, e)).Sample(x => UlpError(width, x) <= Bound(width), iter: 200_000);

    [Theory]
    [MemberData(nameof(Widths))]
    public void Keeps_relative_accuracy_next_to_one(int width)
    {
        // ln(1 ± δ) ≈ ±δ: any error in log c would swamp these; c = 1 on both sides of 1 keeps them exact.
        for (int e = 1; e <= 52; e++)
        {
            double delta = Math.Pow(2.0, -e);
            Assert.True(UlpError(width, 1.0 + delta) <= Bound(width), $"1 + 2^-{e}");
            Assert.True(UlpError(width, 1.0 - (delta / 2)) <= Bound(width), $"1 - 2^-{e + 1}");
        }

        Gen.Double[0.99, 1.01].Sample(x => UlpError(width, x) <= Bound(width), iter: 100_000);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Exact_at_one_and_within_one_ulp_at_the_ends_and_at_powers_of_two(int width)
    {
        Assert.Equal(0.0, Lane(width, 1.0));
        Assert.True(UlpError(width, SpecialFunctions.SmallestNormal) <= Bound(width));
        Assert.True(UlpError(width, double.MaxValue) <= Bound(width));
        for (int k = -1022; k <= 1023; k++)
        {
            Assert.True(UlpError(width, Math.ScaleB(1.0, k)) <= Bound(width), $"2^{k}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Finite_outside_the_domain_so_that_zero_times_it_is_zero(int width)
    {
        double[] outside = [0.0, -0.0, double.Epsilon, 1e-310, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -1.0, -1e300, 0.0 / 0.0];
        foreach (double x in outside)
        {
            Assert.True(double.IsFinite(Lane(width, x)), $"{x}");
        }

        Gen.Long.Select(BitConverter.Int64BitsToDouble).Sample(x => double.IsFinite(Lane(width, x)), iter: 100_000);
    }

    [Fact]
    public void Lanes_are_independent()
    {
        var x = Vector256.Create(0.3, 1.0, 7.5e-300, 1e300);
        var got = DoubleLog.Log(x);
        for (int i = 0; i < Vector256<double>.Count; i++)
        {
            Assert.Equal(DoubleLog.Log(Vector256.Create(x.GetElement(i))).GetElement(0), got.GetElement(i));
        }

        var pair = Vector128.Create(7.5e-300, 0.3);
        var gotPair = DoubleLog.Log(pair);
        Assert.Equal(Lane(2, 7.5e-300), gotPair.GetElement(0));
        Assert.Equal(Lane(2, 0.3), gotPair.GetElement(1));
    }

    [Fact]
    public void Rows_picked_from_memory_give_the_same_bits() =>
        Gen.Double[-1021.99, 1023.99].Select(e => Math.Pow(2.0, e)).Array[4].Sample(values =>
        {
            var x = Vector256.Create(values);
            var pair = Vector128.Create(values[0], values[1]);
            return DoubleLog.Log(x, in values[0]) == DoubleLog.Log(x) && DoubleLog.Log(pair, in values[0]) == DoubleLog.Log(pair);
        });
}
