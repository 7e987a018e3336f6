using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

public class SpecialFunctionsTests
{
    // Reference values: scipy.special.gammaln / digamma (float64), printed with repr.
    [Theory]
    [InlineData(0.5, 0.5723649429247)]
    [InlineData(3.0, 0.6931471805599453)]
    [InlineData(10.5, 13.940625219403763)]
    [InlineData(100.0, 359.1342053695754)]
    [InlineData(1e-5, 11.512919692895826)]
    [InlineData(-2.5, -0.05624371649767401)]
    public void LogGamma_matches_scipy(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), Math.Max(Math.Abs(expected), 1) * 1e-13);

    [Theory]
    [InlineData(1.0, -0.5772156649015329)]
    [InlineData(0.5, -1.9635100260214235)]
    [InlineData(3.7, 1.1671535393615113)]
    [InlineData(1000.0, 6.907255195648812)]
    [InlineData(-0.5, 0.03648997397857651)]
    public void Digamma_matches_scipy(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.Digamma(x), Math.Max(Math.Abs(expected), 1) * 1e-13);

    [Fact]
    public void XLogY_is_zero_when_x_is_zero() => Assert.Equal(0.0, SpecialFunctions.XLogY(0.0, 0.0));

    [Fact]
    public void CompensatedSum_recovers_small_terms()
    {
        double[] values = [1e16, 1.0, -1e16, 1.0];
        Assert.Equal(2.0, CompensatedSum.Of(values));
    }
}
