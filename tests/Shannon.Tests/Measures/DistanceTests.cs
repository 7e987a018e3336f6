using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class DistanceTests
{
    [Fact]
    public void Closed_forms()
    {
        double[] p = [0.5, 0.5, 0.0], q = [0.25, 0.25, 0.5];
        Assert.Equal(0.5, Divergence.TotalVariation(p, q), 15);
        Assert.Equal(Math.Sqrt(1 - Math.Sqrt(0.5)), Divergence.Hellinger(p, q), 15);
        Assert.Equal(1.0, Divergence.ChiSquared(p, q), 15);                  // Σ p²/q − 1 = 2 − 1
        Assert.Equal(double.PositiveInfinity, Divergence.ChiSquared(q, p));
        Assert.Equal(1.0, Divergence.Hellinger([1.0, 0.0], [0.0, 1.0]), 15);
        Assert.Equal(1.0, Divergence.TotalVariation([1.0, 0.0], [0.0, 1.0]), 15);
    }

    [Fact]
    public void Pinsker_hellinger_and_chi_squared_bounds() =>
        Gen.Select(TestDistributions.Distribution, Gen.Int).Sample((p, seed) =>
        {
            double[] q = TestDistributions.Seeded(p.Length, seed);
            double tv = Divergence.TotalVariation(p, q), h = Divergence.Hellinger(p, q), kl = Divergence.KullbackLeibler(p, q);
            return tv <= Math.Sqrt(kl / 2) + 1e-12
                && (h * h) <= tv + 1e-12 && tv <= (Math.Sqrt(2) * h) + 1e-12
                && kl <= Math.Log(1 + Divergence.ChiSquared(p, q)) + 1e-12
                && Math.Abs(tv - Divergence.TotalVariation(q, p)) <= 1e-15 && Math.Abs(h - Divergence.Hellinger(q, p)) <= 1e-15;
        });

    [Fact]
    public void Large_inputs_match_small_block_sums()
    {
        double[] p = TestDistributions.Seeded(1_100_000, seed: 21), q = TestDistributions.Seeded(1_100_000, seed: 22);
        double tv = 0, chi = 0;
        for (int i = 0; i < p.Length; i++)
        {
            tv += Math.Abs(p[i] - q[i]);
            chi += (p[i] - q[i]) * (p[i] - q[i]) / q[i];
        }

        Assert.Equal(0.5 * tv, Divergence.TotalVariation(p, q), 1e-10);
        Assert.Equal(chi, Divergence.ChiSquared(p, q), 1e-9);
    }
}
