using System.Runtime.Intrinsics;
using CsCheck;
using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

public class SingleExpTests
{
    /// <summary>The kernel exists only on AVX2 with FMA (every x64 CI machine here); elsewhere its callers never reach it.</summary>
    private static readonly bool Hardware = SingleExp.IsAccelerated;

    /// <summary>|got − e^x| in units of the float spacing at the correctly rounded e^x (subnormal spacing below 2⁻¹²⁶).</summary>
    private static double UlpError(float got, float x)
    {
        double exact = Math.Exp(x);
        float rounded = (float)exact;
        double spacing = rounded == 0f ? float.Epsilon : MathF.BitIncrement(rounded) - rounded;
        return Math.Abs(got - exact) / spacing;
    }

    private static float Lane(Func<Vector256<float>, Vector256<float>> exp, float x) => exp(Vector256.Create(x)).GetElement(0);

    [Fact]
    public void Within_one_ulp_on_a_dense_grid_down_to_the_subnormals()
    {
        if (!Hardware)
        {
            return;
        }

        for (float x = -104f; x <= 88f; x += 0.001953125f)
        {
            Assert.True(UlpError(Lane(SingleExp.Exp, x), x) <= 1.0, $"e^{x}");
        }
    }

    [Fact]
    public void Within_one_ulp_at_random_arguments() =>
        Gen.Float[-110f, 88f].Sample(x =>
        {
            return !Hardware || UlpError(Lane(SingleExp.Exp, x), x) <= 1.0;
        });

    [Theory]
    [InlineData(0f, 1f)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(-104.5f, 0f)]
    [InlineData(-1000f, 0f)]
    [InlineData(-103.27893f, 1.401298464e-45f)] // e^x rounds to the smallest subnormal
    public void Edge_values_are_exact(float x, float expected)
    {
        if (Hardware)
        {
            Assert.Equal(expected, Lane(SingleExp.Exp, x));
        }
    }

    [Fact]
    public void Sum_terms_equal_the_full_exponential_above_the_floor_and_stay_tiny_below() =>
        Gen.Float[-120f, 0f].Sample(x =>
        {
            if (!Hardware)
            {
                return true;
            }

            float term = Lane(SingleExp.ExpOfSumTerm, x);
            return x >= -86f ? term == Lane(SingleExp.Exp, x) : term is > 0f and < 4.5e-38f;
        });

    [Fact]
    public void Lanes_are_independent()
    {
        if (!Hardware)
        {
            return;
        }

        var x = Vector256.Create(-0.5f, -200f, 3f, float.NegativeInfinity, -87.5f, -20f, 0f, -103f);
        var got = SingleExp.Exp(x);
        for (int i = 0; i < Vector256<float>.Count; i++)
        {
            Assert.Equal(Lane(SingleExp.Exp, x.GetElement(i)), got.GetElement(i));
        }
    }
}
