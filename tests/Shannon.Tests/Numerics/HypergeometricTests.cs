using Shannon.Numerics;

namespace Shannon.Tests.Numerics;

public class HypergeometricTests
{
    // Exact values: Python's math.comb ratios as Fractions, rounded once to double.
    [Theory]
    [InlineData(3, 50, 10, 12, 0.2702863253945546)]
    [InlineData(0, 20, 5, 3, 0.3991228070175439)]
    [InlineData(5, 5, 5, 5, 1.0)]
    [InlineData(120, 1_000_000, 3000, 40_000, 0.037199247018389725)]
    [InlineData(0, 1_000_000, 1000, 10, 0.9900448356128504)]
    [InlineData(7, 10_000_000, 500, 200, 1.6943962029117966e-18)]
    public void Matches_exact_integer_ratios_to_1e_13(long k, long population, long marked, long draws, double expected) =>
        Assert.Equal(expected, Hypergeometric.Probability(k, population, marked, draws), expected * 1e-13);

    [Theory]
    [InlineData(40, 12, 7)]
    [InlineData(1000, 600, 700)]
    [InlineData(100_000, 20, 90_000)]
    public void Sums_to_one_over_the_support(long population, long marked, long draws)
    {
        double sum = 0;
        for (long k = 0; k <= Math.Min(marked, draws); k++)
        {
            sum += Hypergeometric.Probability(k, population, marked, draws);
        }

        Assert.Equal(1.0, sum, 1e-12);
    }

    [Fact]
    public void Outside_the_support_is_zero()
    {
        Assert.Equal(0.0, Hypergeometric.Probability(6, 50, 5, 10));
        Assert.Equal(0.0, Hypergeometric.Probability(0, 10, 8, 5));
    }

    [Fact]
    public void Deviance_series_agrees_with_the_direct_form_away_from_cancellation()
    {
        // At x/μ = 1.2 both branches are accurate; the series is used for |x − μ| < 0.1 (x + μ).
        double x = 109.0;
        double mu = 100.0;
        Assert.Equal((x * Math.Log(x / mu)) + mu - x, Hypergeometric.Deviance(x, mu), 1e-13);
        Assert.Equal(0.0, Hypergeometric.Deviance(7.0, 7.0));
    }
}
