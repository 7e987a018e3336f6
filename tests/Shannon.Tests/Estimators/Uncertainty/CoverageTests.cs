using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;

namespace Shannon.Tests.Estimators.Uncertainty;

/// <summary>
/// An interval is a claim: these simulations check that the one uncertainty policy's 95 % intervals (half-sampling,
/// <see cref="HalfSampling"/>, with the default 200 half-samples) cover the true value in at least 90 % of 200 seeded
/// trials, for the default estimators, and that every interval contains its own estimate. The measured coverages are
/// written in the assertion messages and in the README; the 90 % floor leaves room for the Monte Carlo error of 200
/// trials (±3 % at 95 %) and the estimators' small finite-sample bias.
/// </summary>
public class CoverageTests
{
    private const int Trials = 200;
    private const double Floor = 0.90;

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void Ksg_intervals_cover_the_mutual_information_of_bivariate_gaussians(double rho)
    {
        double truth = -0.5 * Math.Log(1 - (rho * rho));
        var options = new UncertaintyOptions { Level = 0.95 };
        int covered = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            var (x, y) = GaussianSamples.Correlated(500, rho, seed: 1000 + trial);
            var estimate = WithUncertainty.MutualInformation(new Automatic(), Variable.Continuous("x", x), Variable.Continuous("y", y), options with { Seed = trial });
            var interval = estimate.ConfidenceInterval!.Value;
            Assert.InRange(estimate.Value, interval.Low, interval.High);
            covered += interval.Low <= truth && truth <= interval.High ? 1 : 0;
        }

        double coverage = (double)covered / Trials;
        Assert.True(coverage >= Floor, $"ρ = {rho}: the 95 % interval covered I = {truth:F4} nats in {coverage:P1} of {Trials} trials");
    }

    [Fact]
    public void Plug_in_intervals_cover_the_entropy_of_an_eight_symbol_distribution()
    {
        double[] p = [0.3, 0.2, 0.15, 0.1, 0.1, 0.05, 0.05, 0.05];
        double truth = Shannon.Measures.Entropy.Of(p);
        var options = new UncertaintyOptions { Level = 0.95 };
        int covered = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            var random = new Random(2000 + trial);
            int[] labels = [.. Enumerable.Range(0, 200).Select(_ => Draw(p, random.NextDouble()))];
            var estimate = WithUncertainty.Entropy(new Automatic(), Variable.Discrete("x", labels), options with { Seed = trial });
            var interval = estimate.ConfidenceInterval!.Value;
            Assert.InRange(estimate.Value, interval.Low, interval.High);
            covered += interval.Low <= truth && truth <= interval.High ? 1 : 0;
        }

        double coverage = (double)covered / Trials;
        Assert.True(coverage >= Floor, $"the 95 % interval covered H = {truth:F4} nats in {coverage:P1} of {Trials} trials");
    }

    private static int Draw(double[] p, double u)
    {
        double cumulative = 0;
        for (int i = 0; i < p.Length - 1; i++)
        {
            cumulative += p[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return p.Length - 1;
    }
}
