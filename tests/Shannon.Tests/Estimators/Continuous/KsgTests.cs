using CsCheck;
using Shannon.Estimators.Continuous;
using Shannon.Numerics;

namespace Shannon.Tests.Estimators.Continuous;

public class KsgTests
{
    // Bivariate Gaussian, n = 10⁴, seeded. KSG's standard deviation at this n is about 0.005 nats
    // (Kraskov et al. 2004, Fig. 4) and its bias for Gaussians with k = 3 is below 0.005 up to ρ = 0.9,
    // so 0.02 nats is 3 sd plus the bias.
    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.3, 1)]
    [InlineData(0.6, 1)]
    [InlineData(0.9, 1)]
    [InlineData(0.0, 2)]
    [InlineData(0.3, 2)]
    [InlineData(0.6, 2)]
    [InlineData(0.9, 2)]
    public void Bivariate_gaussian_matches_closed_form(double rho, int algorithm)
    {
        var (x, y) = GaussianSamples.Correlated(10_000, rho, seed: 7);
        var estimate = new Ksg(K: 3, Algorithm: algorithm).MutualInformation(x, y);
        Assert.Equal(-0.5 * Math.Log(1 - (rho * rho)), estimate.RawValue, 0.02);
        Assert.Equal(10_000, estimate.N);
    }

    [Fact]
    public void Multivariate_gaussian_matches_log_det_form()
    {
        // X = (x1, x2) independent standard normals, Y = 0.6 x1 + 0.5 x2 + 0.6 e (Var Y = 0.97):
        // I(X;Y) = ½ ln(Var Y / Var(Y|X)) = ½ ln(0.97 / 0.36). Tolerance 0.03: 3-d joint space, n = 5000.
        var random = new Random(3);
        int n = 5000;
        double[] x1 = GaussianSamples.Standard(n, random);
        double[] x2 = GaussianSamples.Standard(n, random);
        double[] e = GaussianSamples.Standard(n, random);
        var x = new double[2 * n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[2 * i] = x1[i];
            x[(2 * i) + 1] = x2[i];
            y[i] = (0.6 * x1[i]) + (0.5 * x2[i]) + (0.6 * e[i]);
        }

        var estimate = new Ksg().MutualInformation(x, 2, y, 1);
        Assert.Equal(0.5 * Math.Log(0.97 / 0.36), estimate.Value, 0.03);
    }

    [Fact]
    public void Symmetric_exactly() =>
        Gen.Int[0, 1000].Sample(seed =>
        {
            var (x, y) = GaussianSamples.Correlated(200, 0.5, seed);
            var ksg = new Ksg();
            return ksg.MutualInformation(x, y).RawValue == ksg.MutualInformation(y, x).RawValue;
        }, iter: 30);

    [Fact]
    public void Independent_rounded_columns_get_independent_jitter()
    {
        // Independent standard normals rounded to 0.1: every value is tied with dozens of others. With one noise vector
        // for both (the jitter stream picked by the seed alone) the tied cells' jittered points lay on a line and KSG
        // read about 0.09 nats of dependence on every such pair; scikit-learn's mutual_info_regression gives 0–0.014
        // (raw values of either sign on ties: −0.038 to 0.020 over six data sets here). The mean over four pairs stays
        // near 0, and I(X;Y) = I(Y;X) to the bit.
        var random = new Random(5);
        var ksg = new Ksg();
        double sum = 0, conditional = 0;
        for (int pair = 0; pair < 4; pair++)
        {
            double[] x = Rounded(2000, random), y = Rounded(2000, random), z = Rounded(2000, random);
            double forward = ksg.MutualInformation(x, y).RawValue;
            Assert.Equal(forward, ksg.MutualInformation(y, x).RawValue);
            sum += forward;
            conditional += new FrenzelPompe().ConditionalMutualInformation(x, 1, y, 1, z, 1).RawValue;
        }

        Assert.True(sum / 4 < 0.03, $"mean I = {sum / 4}");
        Assert.True(conditional / 4 < 0.03, $"mean I(X;Y|Z) = {conditional / 4}");

        static double[] Rounded(int n, Random random) => [.. GaussianSamples.Standard(n, random).Select(v => Math.Round(v, 1))];
    }

    [Fact]
    public void A_rounded_column_paired_with_itself_keeps_its_dependence()
    {
        // The same values get the same noise, so a tied column against its own copy stays a line: I(X;X) is large.
        double[] x = [.. GaussianSamples.Standard(1000, new Random(6)).Select(v => Math.Round(v, 1))];
        Assert.True(new Ksg().MutualInformation(x, x.ToArray()).RawValue > 3.0);
    }

    [Fact]
    public void Integer_and_float_copies_give_the_same_estimate()
    {
        var random = new Random(5);
        int[] xi = Enumerable.Range(0, 300).Select(_ => random.Next(0, 1000)).ToArray();
        float[] yf = xi.Select(v => (float)((v * 0.5) + random.Next(0, 200))).ToArray();
        double[] x = xi.Select(v => (double)v).ToArray();
        double[] y = yf.Select(v => (double)v).ToArray();
        double[] xAsFloat = xi.Select(v => (double)(float)v).ToArray();
        Assert.Equal(new Ksg().MutualInformation(x, y).RawValue, new Ksg().MutualInformation(xAsFloat, y).RawValue);
    }

    [Fact]
    public void Raw_value_can_be_negative_and_value_is_clipped()
    {
        var random = new Random(11);
        double[] x = GaussianSamples.Standard(100, random);
        double[] y = GaussianSamples.Standard(100, random);
        var estimates = Enumerable.Range(0, 20).Select(s => new Ksg(JitterSeed: s).MutualInformation(x, y)).ToArray();
        Assert.All(estimates, e => Assert.Equal(Math.Max(0, e.RawValue), e.Value));
        var independent = new Ksg().MutualInformation(x, y);
        Assert.True(independent.RawValue < 0.1);
    }

    [Fact]
    public void Invariant_under_row_permutation() =>
        Gen.Int[0, 1000].Sample(seed =>
        {
            var (x, y) = GaussianSamples.Correlated(150, 0.7, seed);
            int[] order = Enumerable.Range(0, 150).OrderBy(i => (i * 7919) % 151).ToArray();
            double a = new Ksg().MutualInformation(x, y).RawValue;
            double b = new Ksg().MutualInformation(order.Select(i => x[i]).ToArray(), order.Select(i => y[i]).ToArray()).RawValue;
            return Math.Abs(a - b) < 1e-12;
        }, iter: 20);

    [Fact]
    public void Duplicated_points_follow_the_documented_tie_rule()
    {
        // Every point appears 4 times: the k = 3 nearest neighbours are the copies at distance 0, so
        // ε = 0 and the marginal counts are the copies (nₓ = n_y = 3): Î = ψ(3) + ψ(N) − 2ψ(4).
        double[] x = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3];
        double[] y = [5, 5, 5, 5, 1, 1, 1, 1, 9, 9, 9, 9];
        double expected = SpecialFunctions.Digamma(3) + SpecialFunctions.Digamma(12) - (2 * SpecialFunctions.Digamma(4));
        Assert.Equal(expected, new Ksg(JitterSeed: null).MutualInformation(x, y).RawValue, 14); // without the jitter, which would break the ties
    }

    [Fact]
    public void Bits_are_nats_over_ln2()
    {
        var (x, y) = GaussianSamples.Correlated(500, 0.8, 1);
        var ksg = new Ksg();
        Assert.Equal(ksg.MutualInformation(x, y).Value / Math.Log(2), ksg.MutualInformation(x, y, LogBase.Bits).Value, 14);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new Ksg().MutualInformation([1.0, 2, 3, 4, 5], [1.0, 2])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Ksg().MutualInformation([1.0, double.NaN, 3, 4, 5], [1.0, 2, 3, 4, 5])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Ksg().MutualInformation([1.0, 2, 3], [1.0, 2, 3])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Ksg().MutualInformation([], [])).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new Ksg(K: 0).MutualInformation([1.0, 2, 3], [1.0, 2, 3])).ParamName);
        Assert.Equal("Algorithm", Assert.Throws<ArgumentOutOfRangeException>(() => new Ksg(Algorithm: 3).MutualInformation([1.0, 2, 3, 4, 5], [1.0, 2, 3, 4, 5])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Ksg().MutualInformation([1.0, 2, 3, 4, 5], 2, [1.0, 2], 1)).ParamName);
        Assert.Equal("xColumns", Assert.Throws<ArgumentOutOfRangeException>(() => new Ksg().MutualInformation([1.0, 2, 3, 4], 0, [1.0, 2], 1)).ParamName);
    }
}
