using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Uncertainty;
using Xunit.Abstractions;

namespace Shannon.Tests.Dynamics;

/// <summary>
/// The interval of a discrete transfer entropy (Grassberger by the automatic rule, with the bias-aware half-sampling
/// interval of <see cref="HalfSampling.Interval"/>) against the exact TE of coupled Markov chains: X i.i.d. uniform on m
/// values, Y_t drawn from P(y_t | y_{t−1}, x_{t−1}), Y started from its stationary law. Then X_{t−1} is independent of
/// Y_{t−1}, so p(y', x, y) = π(y')·(1/m)·P(y | y', x) and TE(k = l = d = 1) = I(Y_t ; X_{t−1} | Y_{t−1}) is exact. The
/// embedded samples are consecutive times of one chain, not independent rows, which the half-samples assume: this
/// checks whether that matters. Measured coverages and widths: docs/areas/estimators.md ("Discrete transfer entropy").
/// </summary>
public class TransferEntropyCoverageTests(ITestOutputHelper output)
{
    private const int Trials = 100;

    [Theory]
    [InlineData(2, 0.2, 500)]
    [InlineData(2, 0.2, 2000)]
    [InlineData(3, 0.3, 1000)]
    [InlineData(3, 0.3, 5000)]
    [InlineData(2, 1.0, 1000)]
    public void Discrete_te_intervals_cover_the_exact_te_of_coupled_markov_chains(int m, double noise, int n)
    {
        var chain = new CoupledChain(m, noise);
        double truth = chain.TransferEntropy();
        int covered = 0;
        double width = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            var (x, y) = chain.Sample(n, new Random(7000 + trial));
            var estimate = TransferEntropy.Of(new Automatic(), x, y, uncertainty: new UncertaintyOptions { Level = 0.95, Replicates = 100, Seed = trial });
            var interval = estimate.ConfidenceInterval!.Value;
            Assert.InRange(estimate.Value, interval.Low, interval.High);
            covered += interval.Low <= truth && truth <= interval.High ? 1 : 0;
            width += interval.High - interval.Low;
        }

        output.WriteLine($"m = {m}, noise = {noise}, n = {n}: TE = {truth:F4} nats, coverage {covered} of {Trials}, mean width {width / Trials:F4} nats");
        Assert.True(covered >= 90, $"m = {m}, noise = {noise}, n = {n}: the 95 % interval covered TE = {truth:F4} nats in {covered} of {Trials} trials");
    }

    /// <summary>
    /// X uniform on m values; Y_t = (Y_{t−1} + X_{t−1}) mod m with probability 1 − noise, else uniform on m values
    /// (noise = 1: Y independent of X, TE = 0).
    /// </summary>
    private sealed class CoupledChain(int m, double noise)
    {
        /// <summary>P(y | y', x).</summary>
        private double Kernel(int y, int previous, int x) => (noise / m) + ((y == (previous + x) % m) ? 1 - noise : 0);

        /// <summary>The stationary law of Y: its kernel Σ_x P(y | y', x)/m is doubly stochastic, so π is uniform.</summary>
        private double Stationary(int y) => 1.0 / m;

        /// <summary>TE = Σ π(y')(1/m) P(y | y', x) ln(P(y | y', x) / M(y | y')), M(y | y') = Σ_x P(y | y', x)/m.</summary>
        public double TransferEntropy()
        {
            double te = 0;
            for (int previous = 0; previous < m; previous++)
            {
                for (int y = 0; y < m; y++)
                {
                    double marginal = Enumerable.Range(0, m).Sum(x => Kernel(y, previous, x)) / m;
                    for (int x = 0; x < m; x++)
                    {
                        double p = Kernel(y, previous, x);
                        te += p > 0 ? Stationary(previous) / m * p * Math.Log(p / marginal) : 0;
                    }
                }
            }

            return te;
        }

        public (Variable X, Variable Y) Sample(int n, Random random)
        {
            int[] x = new int[n], y = new int[n];
            y[0] = random.Next(m); // the stationary law
            x[0] = random.Next(m);
            for (int t = 1; t < n; t++)
            {
                x[t] = random.Next(m);
                y[t] = random.NextDouble() < noise ? random.Next(m) : (y[t - 1] + x[t - 1]) % m;
            }

            return (Variable.Discrete<int>("x", x), Variable.Discrete<int>("y", y));
        }
    }
}
