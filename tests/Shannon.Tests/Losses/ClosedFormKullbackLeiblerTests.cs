using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class ClosedFormKullbackLeiblerTests
{
    [Fact]
    public void Closed_forms_and_edges()
    {
        Assert.Equal((0.5 * Math.Log(0.5 / 0.9)) + (0.5 * Math.Log(0.5 / 0.1)), ClosedFormKullbackLeibler.Bernoulli(0.5, 0.9), 15);
        Assert.Equal(-Math.Log(0.7), ClosedFormKullbackLeibler.Bernoulli(0, 0.3), 15);
        Assert.Equal(double.PositiveInfinity, ClosedFormKullbackLeibler.Bernoulli(0.2, 0));
        Assert.Equal(3.0, ClosedFormKullbackLeibler.Poisson(0, 3));
        Assert.Equal(2 - 1 - Math.Log(2), ClosedFormKullbackLeibler.Exponential(1, 2), 15);
        // Gamma(1, β) is Exponential(β); Beta(1, 1) ‖ Beta(a, 1): uniform against a power law, = −ln a + (a − 1).
        Assert.Equal(ClosedFormKullbackLeibler.Exponential(1.5, 0.4), ClosedFormKullbackLeibler.Gamma(1, 1.5, 1, 0.4), 14);
        Assert.Equal(-Math.Log(3) + 2, ClosedFormKullbackLeibler.Beta(1, 1, 3, 1), 14);
        Assert.Equal(1.0 / Math.Log(2), ClosedFormKullbackLeibler.Poisson(0, 1, LogBase.Bits), 15);
    }

    [Fact]
    public void Beta_is_the_two_component_dirichlet_and_every_kl_vanishes_on_equal_parameters() =>
        Gen.Double[0.1, 8].Array[4].Sample(a =>
            Math.Abs(ClosedFormKullbackLeibler.Beta(a[0], a[1], a[2], a[3]) - ClosedFormKullbackLeibler.Dirichlet([a[0], a[1]], [a[2], a[3]])) <= 1e-13
            && ClosedFormKullbackLeibler.Dirichlet([a[0], a[1]], [a[2], a[3]]) >= 0
            && ClosedFormKullbackLeibler.Gamma(a[0], a[1], a[0], a[1]) < 1e-14
            && ClosedFormKullbackLeibler.Dirichlet(a, a) < 1e-13);

    [Fact]
    public void Matches_torch_distributions_kl_divergence()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("distributions"))
        {
            cases++;
            double a1 = c.Number("a1"), b1 = c.Number("b1"), a2 = c.Number("a2"), b2 = c.Number("b2");
            // Digamma and log-gamma agree with PyTorch's to ~1e-15 relative; the sums are of O(1) terms.
            LossReference.Close(c.Number("bernoulli"), ClosedFormKullbackLeibler.Bernoulli(c.Number("p"), c.Number("q")), 1e-12, "bernoulli");
            LossReference.Close(c.Number("categorical"), ClosedFormKullbackLeibler.Categorical(c.Doubles("pc"), c.Doubles("qc")), 1e-12, "categorical");
            LossReference.Close(c.Number("poisson"), ClosedFormKullbackLeibler.Poisson(a1, a2), 1e-12, "poisson");
            LossReference.Close(c.Number("exponential"), ClosedFormKullbackLeibler.Exponential(a1, a2), 1e-12, "exponential");
            LossReference.Close(c.Number("gamma"), ClosedFormKullbackLeibler.Gamma(a1, b1, a2, b2), 1e-12, "gamma");
            LossReference.Close(c.Number("beta"), ClosedFormKullbackLeibler.Beta(a1, b1, a2, b2), 1e-12, "beta");
            LossReference.Close(c.Number("dirichlet"), ClosedFormKullbackLeibler.Dirichlet(c.Doubles("alpha1"), c.Doubles("alpha2")), 1e-12, "dirichlet");
        }

        Assert.Equal(4, cases);
    }

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => ClosedFormKullbackLeibler.Bernoulli(1.5, 0.5)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => ClosedFormKullbackLeibler.Bernoulli(0.5, double.NaN)).ParamName);
        Assert.Equal("rate1", Assert.Throws<ArgumentOutOfRangeException>(() => ClosedFormKullbackLeibler.Poisson(-1, 1)).ParamName);
        Assert.Equal("rate2", Assert.Throws<ArgumentOutOfRangeException>(() => ClosedFormKullbackLeibler.Poisson(1, 0)).ParamName);
        Assert.Equal("rate1", Assert.Throws<ArgumentOutOfRangeException>(() => ClosedFormKullbackLeibler.Exponential(0, 1)).ParamName);
        Assert.Equal("rate2", Assert.Throws<ArgumentOutOfRangeException>(() => ClosedFormKullbackLeibler.Gamma(1, 1, 1, -1)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => ClosedFormKullbackLeibler.Beta(1, 0, 1, 1)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => ClosedFormKullbackLeibler.Dirichlet([1.0, 2.0], [1.0, -2.0]));
        Assert.Equal("alpha2", ex.ParamName);
        Assert.Contains("-2 at index 1", ex.Message);
        Assert.Equal("alpha2", Assert.Throws<ArgumentException>(() => ClosedFormKullbackLeibler.Dirichlet([1.0, 2.0], [1.0])).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => ClosedFormKullbackLeibler.Categorical([0.5, 0.5], [0.5, 0.6])).ParamName);
    }
}
