using Shannon.Estimators;
using Shannon.Estimators.Continuous;

namespace Shannon.Tests.Estimators.Continuous;

public class ParametricAndKnnTests
{
    private static readonly System.Text.Json.JsonElement Reference = EstimatorsReference.Object("gaussian");

    [Fact]
    public void Gaussian_matches_scipy_and_numpy()
    {
        double[] x = Reference.Doubles("x");
        double[] first = Enumerable.Range(0, x.Length / 3).Select(i => x[3 * i]).ToArray();
        double[] second = Enumerable.Range(0, x.Length / 3).Select(i => x[(3 * i) + 1]).ToArray();
        double[] firstTwo = Enumerable.Range(0, x.Length / 3).SelectMany(i => new[] { x[3 * i], x[(3 * i) + 1] }).ToArray();
        double[] third = Enumerable.Range(0, x.Length / 3).Select(i => x[(3 * i) + 2]).ToArray();
        var gaussian = new Gaussian();
        Assert.Equal(Reference.GetProperty("entropy3").GetDouble(), gaussian.DifferentialEntropy(x, 3).Value, 1e-12);
        Assert.Equal(Reference.GetProperty("entropy1").GetDouble(), gaussian.DifferentialEntropy(first).Value, 1e-12);
        Assert.Equal(Reference.GetProperty("mi_rho").GetDouble(), gaussian.MutualInformation(first, second).Value, 1e-12);
        Assert.Equal(Reference.GetProperty("mi_logdet").GetDouble(), gaussian.MutualInformation(firstTwo, 2, third, 1).Value, 1e-12);
        Assert.Equal(gaussian.MutualInformation(first, second).Value, gaussian.MutualInformation(first, 1, second, 1).Value, 1e-12);
    }

    [Fact]
    public void Gaussian_rejects_constant_columns()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new Gaussian().MutualInformation([1.0, 2, 3], [4.0, 4, 4])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Gaussian().DifferentialEntropy([1.0, 1, 1])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Gaussian().DifferentialEntropy([1.0])).ParamName);
    }

    [Fact]
    public void Gaussian_mi_of_a_deterministic_linear_relation_is_infinite()
    {
        // A column against itself, and y = 3x + 1: the joint covariance is singular at rounding level while each
        // side's is not. Before, an absolute pivot test let rounding through (about 18 nats) or blamed y.
        double[] x = GaussianSamples.Standard(500, new Random(5));
        double[] y = x.Select(v => (3 * v) + 1).ToArray();
        var gaussian = new Gaussian();
        foreach (double[] other in new[] { x, y, x.Select(v => -v * 1e-200).ToArray() })
        {
            Assert.Equal(double.PositiveInfinity, gaussian.MutualInformation(x, other).Value);
            Assert.Equal(double.PositiveInfinity, gaussian.MutualInformation(x, 1, other, 1).Value);
            Assert.Equal(double.PositiveInfinity, gaussian.MutualInformation(Variable.Continuous("x", x), Variable.Continuous("y", other)).Value);
        }

        // Two-dimensional X with Y = x₁ − 2x₂: singular joint, regular marginals.
        double[] second = GaussianSamples.Standard(500, new Random(6));
        double[] pairs = Enumerable.Range(0, 500).SelectMany(i => new[] { x[i], second[i] }).ToArray();
        double[] combination = Enumerable.Range(0, 500).Select(i => x[i] - (2 * second[i])).ToArray();
        Assert.Equal(double.PositiveInfinity, gaussian.MutualInformation(pairs, 2, combination, 1).Value);

        // Conditional: Y = X + Z is determined by X given Z.
        double[] sum = Enumerable.Range(0, 500).Select(i => x[i] + second[i]).ToArray();
        Assert.Equal(double.PositiveInfinity, gaussian.ConditionalMutualInformation(Variable.Continuous("x", x), Variable.Continuous("y", sum), Variable.Continuous("z", second)).Value);
    }

    [Theory]
    [InlineData(1e-3, 1e-7)] // 1 − ρ² ≈ 2.5e-7: ρ from the covariance loses ε/(1 − ρ²) of it to cancellation.
    [InlineData(1e-5, 1e-4)] // 1 − ρ² ≈ 2.5e-11
    public void Gaussian_mi_of_a_nearly_collinear_pair_is_finite_and_matches_the_closed_form(double noise, double tolerance)
    {
        var random = new Random(7);
        double[] x = GaussianSamples.Standard(2000, random);
        double[] e = GaussianSamples.Standard(2000, random);
        double[] y = x.Select((v, i) => (2 * v) + (noise * e[i])).ToArray();
        double mx = x.Average(), my = y.Average();
        double sxy = x.Select((v, i) => (v - mx) * (y[i] - my)).Sum(), sxx = x.Sum(v => (v - mx) * (v - mx)), syy = y.Sum(v => (v - my) * (v - my));
        double slope = sxy / sxx;
        double residual = x.Select((v, i) => (y[i] - my) - (slope * (v - mx))).Sum(r => r * r);
        double expected = -0.5 * Math.Log(residual / syy); // 1 − ρ² as the share of y's variance x leaves, free of cancellation
        var gaussian = new Gaussian();
        Assert.Equal(expected, gaussian.MutualInformation(x, y).Value, tolerance);
        Assert.Equal(expected, gaussian.MutualInformation(x, 1, y, 1).Value, tolerance);
        Assert.True(double.IsFinite(gaussian.MutualInformation(x, 1, y, 1).Value));
    }

    [Fact]
    public void Gaussian_estimates_do_not_depend_on_the_columns_units()
    {
        var random = new Random(8);
        double[] x = GaussianSamples.Standard(300, random);
        double[] y = x.Select(v => v + GaussianSamples.Standard(1, random)[0]).ToArray();
        double[] tiny = x.Select(v => v * 1e-200).ToArray(), huge = y.Select(v => v * 1e200).ToArray();
        var gaussian = new Gaussian();
        double mi = gaussian.MutualInformation(x, 1, y, 1).Value;
        Assert.Equal(mi, gaussian.MutualInformation(tiny, 1, huge, 1).Value, 1e-12);
        Assert.Equal(mi, gaussian.MutualInformation(tiny, huge).Value, 1e-12);
        Assert.Equal(gaussian.MutualInformation(x, y).Value, gaussian.MutualInformation(huge, tiny).Value, 1e-12);
        double h = gaussian.DifferentialEntropy(x).Value;
        Assert.Equal(h + Math.Log(1e-200), gaussian.DifferentialEntropy(tiny).Value, 1e-9);
        Assert.Equal(gaussian.DifferentialEntropy(y).Value + Math.Log(1e200), gaussian.DifferentialEntropy(huge).Value, 1e-9);
        double[] xy = Enumerable.Range(0, 300).SelectMany(i => new[] { tiny[i], huge[i] }).ToArray();
        double[] plain = Enumerable.Range(0, 300).SelectMany(i => new[] { x[i], y[i] }).ToArray();
        Assert.Equal(gaussian.DifferentialEntropy(plain, 2).Value + Math.Log(1e-200) + Math.Log(1e200), gaussian.DifferentialEntropy(xy, 2).Value, 1e-9);
        Assert.Equal(double.PositiveInfinity, gaussian.MutualInformation(tiny, 1, x.Select(v => (v * 1e200) + 3e200).ToArray(), 1).Value);
    }

    [Fact]
    public void Gaussian_names_the_variable_whose_own_covariance_is_singular()
    {
        double[] x = GaussianSamples.Standard(100, new Random(9));
        double[] z = GaussianSamples.Standard(100, new Random(10));
        double[] collinear = Enumerable.Range(0, 100).SelectMany(i => new[] { x[i], (2 * x[i]) - 1 }).ToArray();
        var gaussian = new Gaussian();
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => gaussian.MutualInformation(collinear, 2, z, 1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => gaussian.MutualInformation(z, 1, collinear, 2)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => gaussian.DifferentialEntropy(collinear, 2)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => gaussian.MutualInformation([5.0, 5, 5], [1.0, 2, 3])).ParamName);
        var vx = Variable.Continuous("x", x);
        var vz = Variable.Continuous("z", z);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => gaussian.ConditionalMutualInformation(vx, vz, Variable.Continuous("z", new double[100]))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => gaussian.ConditionalMutualInformation(Variable.Continuous("x", z.Select(v => (4 * v) - 2).ToArray()), vx, vz)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => gaussian.ConditionalMutualInformation(vx, Variable.Continuous("y", z.Select(v => -v).ToArray()), vz)).ParamName);
        var message = Assert.Throws<ArgumentException>(() => gaussian.ConditionalMutualInformation(Variable.Continuous("a", z.Select(v => (4 * v) - 2).ToArray()), vx, vz)).Message;
        Assert.StartsWith("'a' is constant or a linear function of 'z'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaussian_refuses_no_more_samples_than_columns()
    {
        // A sample covariance of d columns has rank at most n − 1: with n ≤ d it is singular whatever the data. Before,
        // two samples gave |ρ| = 1 and I = +∞, read as a linear relation.
        var gaussian = new Gaussian();
        var error = Assert.Throws<ArgumentException>(() => gaussian.MutualInformation([1.0, 2], [3.0, 1]));
        Assert.Equal("x", error.ParamName);
        Assert.StartsWith("x and y: 2 samples for 2 columns; a Gaussian estimate needs more samples than columns (at least 3)", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("'a' and 'b': 3 samples for 3 columns;", Assert.Throws<ArgumentException>(
            () => gaussian.MutualInformation(Variable.Continuous("a", [1.0, 2, 0, 5, 3, 1], 2), Variable.Continuous("b", [0.5, 2, 1])))
            .Message, StringComparison.Ordinal);
        Assert.StartsWith("'a', 'b' and 'c': 3 samples for 3 columns;", Assert.Throws<ArgumentException>(
            () => gaussian.ConditionalMutualInformation(Variable.Continuous("a", [1.0, 2, 0]), Variable.Continuous("b", [0.5, 2, 1]), Variable.Continuous("c", [3.0, 1, 2])))
            .Message, StringComparison.Ordinal);
        Assert.True(double.IsFinite(gaussian.MutualInformation([1.0, 2, 4], [3.0, 1, 2]).Value));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Kozachenko_leonenko_on_standard_normals(int dimension)
    {
        // h = (d/2) ln(2πe). n = 10⁴ seeded; the estimator's sd is about 0.01·d nats here and its bias for a
        // Gaussian with k = 3 about 0.01: tolerance 0.05.
        var random = new Random(12);
        double[] x = GaussianSamples.Standard(10_000 * dimension, random);
        double expected = dimension / 2.0 * Math.Log(2 * Math.PI * Math.E);
        Assert.Equal(expected, new KozachenkoLeonenko().DifferentialEntropy(x, dimension).Value, 0.05);
    }

    [Fact]
    public void Kozachenko_leonenko_on_a_uniform_and_its_scaling_law()
    {
        // Uniform(0, 2): h = ln 2; downward edge bias ≈ 0.01 at n = 10⁴: tolerance 0.03. Scaling by 3 adds ln 3 exactly.
        var random = new Random(13);
        double[] x = Enumerable.Range(0, 10_000).Select(_ => 2 * random.NextDouble()).ToArray();
        var kl = new KozachenkoLeonenko();
        double h = kl.DifferentialEntropy(x).Value;
        Assert.Equal(Math.Log(2), h, 0.03);
        Assert.Equal(h + Math.Log(3), kl.DifferentialEntropy(x.Select(v => 3 * v).ToArray()).Value, 1e-10);
    }

    [Fact]
    public void Kozachenko_leonenko_rejects_duplicates()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KozachenkoLeonenko(K: 1).DifferentialEntropy([1.0, 1.0, 2.0, 5.0]));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("row 0", ex.Message);
    }

    [Fact]
    public void Frenzel_pompe_on_a_gaussian_chain()
    {
        // X → Z → Y Markov chain: I(X;Y|Z) = 0. And with Y = X + noise independent of Z: I(X;Y|Z) = I(X;Y) = ½ ln 2
        // (unit variances, ρ² = ½). n = 5000 seeded; sd ≈ 0.01: tolerance 0.03.
        var random = new Random(21);
        int n = 5000;
        double[] x = GaussianSamples.Standard(n, random);
        double[] e1 = GaussianSamples.Standard(n, random);
        double[] e2 = GaussianSamples.Standard(n, random);
        double[] z = x.Select((v, i) => v + e1[i]).ToArray();
        double[] y = z.Select((v, i) => v + e2[i]).ToArray();
        var fp = new FrenzelPompe();
        Assert.Equal(0.0, fp.ConditionalMutualInformation(x, 1, y, 1, z, 1).RawValue, 0.03);
        double[] y2 = x.Select((v, i) => v + e2[i]).ToArray();
        Assert.Equal(0.5 * Math.Log(2), fp.ConditionalMutualInformation(x, 1, y2, 1, e1, 1).Value, 0.03);
    }

    [Fact]
    public void Wang_kulkarni_verdu_between_gaussians()
    {
        // P = N(0, 1), Q = N(1, 1): D = ½. n = m = 5000 seeded, k = 3; sd ≈ 0.02: tolerance 0.06. Same sample twice → ≈ 0.
        var random = new Random(31);
        double[] p = GaussianSamples.Standard(5000, random);
        double[] q = GaussianSamples.Standard(5000, random).Select(v => v + 1).ToArray();
        var wkv = new WangKulkarniVerdu(K: 3);
        Assert.Equal(0.5, wkv.KullbackLeibler(p, q).Value, 0.06);
        double[] p2 = GaussianSamples.Standard(5000, random);
        Assert.Equal(0.0, wkv.KullbackLeibler(p, p2).RawValue, 0.06);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new WangKulkarniVerdu(K: 3).KullbackLeibler([1.0, 2, 3, 4], [1.0, 2])).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => new FrenzelPompe().ConditionalMutualInformation([1.0, 2, 3, 4, 5], 1, [1.0, 2, 3, 4, 5], 1, [1.0, 2], 1)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new KozachenkoLeonenko(0).DifferentialEntropy([1.0, 2])).ParamName);
    }
}
