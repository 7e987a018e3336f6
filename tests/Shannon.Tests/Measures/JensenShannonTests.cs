using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class JensenShannonTests
{
    [Fact]
    public void Disjoint_supports_give_one_bit_and_equal_inputs_zero()
    {
        Assert.Equal(1.0, Divergence.JensenShannon([1.0, 0.0], [0.0, 1.0], LogBase.Bits), 15);
        Assert.Equal(1.0, Divergence.JensenShannonDistance([1.0, 0.0], [0.0, 1.0], LogBase.Bits), 15);
        Assert.Equal(0.0, Divergence.JensenShannon([0.3, 0.7], [0.3, 0.7]));
    }

    [Fact]
    public void Is_the_mean_kl_to_the_mixture_and_bounded_by_log_2() =>
        Gen.Select(TestDistributions.Distribution, Gen.Int).Sample((p, seed) =>
        {
            double[] q = TestDistributions.Seeded(p.Length, seed);
            double[] m = p.Zip(q, (a, b) => 0.5 * (a + b)).ToArray();
            double js = Divergence.JensenShannon(p, q);
            double viaKl = 0.5 * (Divergence.KullbackLeibler(p, m) + Divergence.KullbackLeibler(q, m));
            return Math.Abs(js - viaKl) <= 1e-13 && js <= Math.Log(2) && Math.Abs(js - Divergence.JensenShannon(q, p)) <= 1e-15;
        });

    [Fact]
    public void Nearly_identical_inputs_are_never_negative_or_nan() =>
        Gen.Select(TestDistributions.Distribution, Gen.Double[-1e-14, 1e-14]).Sample((p, eps) =>
        {
            double[] q = (double[])p.Clone();
            int i = Array.IndexOf(q, q.Max());
            int j = (i + 1) % q.Length;
            if (q[j] + eps >= 0 && q[i] - eps >= 0)
            {
                q[j] += eps;
                q[i] -= eps;
            }

            double js = Divergence.JensenShannon(p, q);
            double d = Divergence.JensenShannonDistance(p, q);
            double tv = 0.5 * p.Zip(q, (a, b) => Math.Abs(a - b)).Sum(); // the perturbation actually made, after rounding
            return js >= 0 && !double.IsNaN(d) && d >= 0 && js <= (tv * Math.Log(2)) + 1e-15; // JS ≤ TV·ln 2, plus a few ulps of rounding
        });

    [Fact]
    public void Tiny_divergence_keeps_full_relative_accuracy() =>
        Gen.Select(Gen.Int[2, 30], Gen.Int, Gen.Double[1e-12, 1e-6]).Sample((n, seed, scale) =>
        {
            double[] p = TestDistributions.Seeded(n, seed);
            double[] q = TestDistributions.Normalized(p.Select((x, i) => x * (1 + (i % 2 == 0 ? scale : -scale))).ToArray());
            // Leading term of ½ m f(t): (p − q)² / (4(p + q)); the next term is t²/6 ≈ 1e-12 relative smaller.
            double expected = p.Zip(q, (a, b) => (a - b) * (a - b) / (4 * (a + b))).Sum();
            return Math.Abs(Divergence.JensenShannon(p, q) - expected) <= 1e-6 * expected;
        });

    [Fact]
    public void Distance_satisfies_the_triangle_inequality() =>
        Gen.Int.Array[3].Sample(seeds =>
        {
            int n = 2 + ((seeds[0] & int.MaxValue) % 19);
            double[] a = TestDistributions.Seeded(n, seeds[0]), b = TestDistributions.Seeded(n, seeds[1]), c = TestDistributions.Seeded(n, seeds[2]);
            return Divergence.JensenShannonDistance(a, c) <= Divergence.JensenShannonDistance(a, b) + Divergence.JensenShannonDistance(b, c) + 1e-12;
        });

    [Fact]
    public void Generalized_with_equal_weights_equals_the_pair_form() =>
        Gen.Select(TestDistributions.Distribution, Gen.Int).Sample((p, seed) =>
        {
            double[] q = TestDistributions.Seeded(p.Length, seed);
            double general = Divergence.GeneralizedJensenShannon([.. p, .. q], [0.5, 0.5], LogBase.Bits);
            return Math.Abs(general - Divergence.JensenShannon(p, q, LogBase.Bits)) <= 1e-13;
        });

    [Fact]
    public void Generalized_is_entropy_of_mixture_minus_mean_entropy_and_at_most_entropy_of_weights() =>
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 12], Gen.Int).Sample((n, k, seed) =>
        {
            double[] weights = TestDistributions.Seeded(n, seed);
            double[] rows = Enumerable.Range(0, n).SelectMany(j => TestDistributions.Seeded(k, seed + j + 1)).ToArray();
            double[] mixture = new double[k];
            for (int j = 0; j < n; j++)
            {
                for (int i = 0; i < k; i++)
                {
                    mixture[i] += weights[j] * rows[(j * k) + i];
                }
            }

            double expected = Entropy.Of(TestDistributions.Normalized(mixture))
                - Enumerable.Range(0, n).Sum(j => weights[j] * Entropy.Of(rows.AsSpan(j * k, k)));
            double js = Divergence.GeneralizedJensenShannon(rows, weights);
            return Math.Abs(js - expected) <= 1e-12 && js <= Entropy.Of(weights) + 1e-12;
        });

    [Fact]
    public void Generalized_names_the_bad_row()
    {
        var ex = Assert.Throws<ArgumentException>(() => Divergence.GeneralizedJensenShannon([0.5, 0.5, 0.7, -0.3], [0.5, 0.5]));
        Assert.Equal("distributions", ex.ParamName);
        Assert.Contains("negative entry -0.3 at row 1, column 1", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Divergence.GeneralizedJensenShannon([0.5, 0.5, 0.5], [0.5, 0.5]));
        Assert.Contains("not a multiple of the 2 weights", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Divergence.GeneralizedJensenShannon([0.5, 0.5, 0.5, 0.4], [0.5, 0.5]));
        Assert.Contains("row 1 sums to 0.9", ex.Message);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => Divergence.GeneralizedJensenShannon([1.0], [0.5])).ParamName);
    }
}
