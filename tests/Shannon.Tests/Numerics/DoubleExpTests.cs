using System.Numerics;
using System.Runtime.Intrinsics;
using CsCheck;
using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

/// <summary>
/// The inlined double exponential in both of its forms: eight lanes (<see cref="Vector512{T}"/>, emulated where the
/// hardware has no 512-bit vectors, so the same code is checked everywhere) and the machine's <see cref="Vector{T}"/>
/// (four lanes with AVX2, two with SSE or NEON: CI's DOTNET_EnableAVX2=0 and DOTNET_EnableAVX=0 runs test the two-lane
/// form, without fused multiply-adds).
/// </summary>
public class DoubleExpTests
{
    public static TheoryData<int> Forms() => new() { 8, 0 };

    private static double Lane(int form, double x) => form == 8
        ? DoubleExp.Exp(Vector512.Create(x)).GetElement(0)
        : DoubleExp.Exp(new Vector<double>(x))[0];

    /// <summary>|got − e^x| in ulps of <see cref="Math.Exp(double)"/>'s result.</summary>
    private static double UlpError(int form, double x)
    {
        double got = Lane(form, x);
        double exact = Math.Exp(x);
        return got == exact ? 0.0 : Math.Abs(got - exact) / (Math.BitIncrement(exact) - exact);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Within_two_ulp_on_a_dense_grid_over_the_whole_domain(int form)
    {
        double worst = 0.0;
        for (double x = DoubleExp.Lowest; x <= DoubleExp.Highest; x += 0.00390625)
        {
            worst = Math.Max(worst, UlpError(form, x));
        }

        Assert.True(worst <= 2.0, $"worst {worst} ulp");
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Within_two_ulp_at_random_arguments(int form) =>
        Gen.Double[DoubleExp.Lowest, DoubleExp.Highest].Sample(x => UlpError(form, x) <= 2.0);

    [Theory]
    [MemberData(nameof(Forms))]
    public void Within_two_ulp_near_zero_and_at_the_ends(int form)
    {
        foreach (double x in new[] { -1e-300, -1e-17, -1e-9, -0.5 * Math.Log(2), 0.5 * Math.Log(2), -707.0, -707.9999999, DoubleExp.Lowest, DoubleExp.Highest, 1e-17 })
        {
            Assert.True(UlpError(form, x) <= 2.0, $"e^{x}: {Lane(form, x):R} against {Math.Exp(x):R}");
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Zero_gives_exactly_one_and_the_least_argument_a_normal_double(int form)
    {
        Assert.Equal(1.0, Lane(form, 0.0));
        Assert.Equal(1.0, Lane(form, -0.0));
        double least = Lane(form, DoubleExp.Lowest);
        Assert.True(double.IsNormal(least) && least > 0.0, $"{least:R}");
    }

    [Fact]
    public void Lanes_are_independent()
    {
        var x = Vector512.Create(-0.5, -700.0, 3.0, -1e-12, -87.5, -20.0, 0.0, 708.5);
        var got = DoubleExp.Exp(x);
        for (int i = 0; i < Vector512<double>.Count; i++)
        {
            Assert.Equal(Lane(8, x.GetElement(i)), got.GetElement(i));
        }

        var values = new double[Vector<double>.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = -3.25 * i - 0.1;
        }

        var narrow = DoubleExp.Exp(new Vector<double>(values));
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(Lane(0, values[i]), narrow[i]);
        }
    }

    [Fact]
    public void Both_forms_agree_within_one_ulp() =>
        Gen.Double[DoubleExp.Lowest, DoubleExp.Highest].Sample(x =>
        {
            double wide = Lane(8, x);
            double narrow = Lane(0, x);
            return wide == narrow || Math.Abs(wide - narrow) <= Math.BitIncrement(Math.Max(wide, narrow)) - Math.Max(wide, narrow);
        });
}
