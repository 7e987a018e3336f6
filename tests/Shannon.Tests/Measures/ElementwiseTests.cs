using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class ElementwiseTests
{
    [Fact]
    public void Worked_values()
    {
        Assert.Equal(Math.Log(2) / 2, Elementwise.Entropy(0.5), 15);
        Assert.Equal(1 / Math.E, Elementwise.Entropy(1 / Math.E), 15); // the maximum of −x ln x
        Assert.Equal(0.0, Elementwise.Entropy(0.0));
        Assert.Equal(0.0, Elementwise.Entropy(1.0));
        Assert.Equal(double.NegativeInfinity, Elementwise.Entropy(-1e-3));
        Assert.Equal(0.5 * Math.Log(2), Elementwise.RelativeEntropy(0.5, 0.25), 15);
        Assert.Equal((0.5 * Math.Log(2)) - 0.25, Elementwise.KullbackLeibler(0.5, 0.25), 15);
        Assert.Equal(0.7, Elementwise.KullbackLeibler(0.0, 0.7)); // x = 0 leaves y
        Assert.Equal(double.PositiveInfinity, Elementwise.RelativeEntropy(0.3, 0.0));
        Assert.Equal(744.4400719213812, Elementwise.RelativeEntropy(1.0, double.Epsilon), 12); // ln(1 / 2^-1074), finite
    }

    [Fact]
    public void Every_pair_matches_scipy_special()
    {
        int checkedPairs = 0;
        foreach (var pair in ScipyConveniencesReference.Root.GetProperty("elementwise").EnumerateArray())
        {
            double x = ScipyConveniencesReference.Number(pair.GetProperty("x"));
            double y = ScipyConveniencesReference.Number(pair.GetProperty("y"));
            string at = $"({x:R}, {y:R})";
            ScipyConveniencesReference.Close(ScipyConveniencesReference.Number(pair.GetProperty("entr")), Elementwise.Entropy(x), "entr" + at);
            ScipyConveniencesReference.Close(ScipyConveniencesReference.Number(pair.GetProperty("rel_entr")), Elementwise.RelativeEntropy(x, y), "rel_entr" + at);
            ScipyConveniencesReference.Close(ScipyConveniencesReference.Number(pair.GetProperty("kl_div")), Elementwise.KullbackLeibler(x, y), "kl_div" + at);
            checkedPairs++;
        }

        Assert.True(checkedPairs > 300);
    }

    [Fact]
    public void Span_forms_equal_the_scalar_forms_and_may_work_in_place()
    {
        double[] x = [0.0, 0.2, 0.8, -1.0, double.NaN];
        double[] y = [0.1, 0.0, 0.5, 1.0, 1.0];
        var entr = new double[5];
        var rel = new double[5];
        var kl = new double[5];
        Elementwise.Entropy(x, entr);
        Elementwise.RelativeEntropy(x, y, rel);
        Elementwise.KullbackLeibler(x, y, kl);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(Elementwise.Entropy(x[i]), entr[i]);
            Assert.Equal(Elementwise.RelativeEntropy(x[i], y[i]), rel[i]);
            Assert.Equal(Elementwise.KullbackLeibler(x[i], y[i]), kl[i]);
        }

        double[] inPlace = (double[])x.Clone();
        Elementwise.RelativeEntropy(inPlace, y, inPlace);
        Assert.Equal(rel, inPlace);
    }

    [Fact]
    public void Terms_summed_over_distributions_are_the_measures() =>
        Gen.Double[0.0, 1.0].Array[1, 40].Select(Gen.Double[0.01, 1.0].Array[40]).Where(t => t.Item1.Sum() > 0).Sample(t =>
        {
            var p = new double[t.Item1.Length];
            var q = new double[p.Length];
            Distributions.Normalize(t.Item1, p);
            Distributions.Normalize(t.Item2.AsSpan(0, p.Length), q);
            var terms = new double[p.Length];
            Elementwise.Entropy(p, terms);
            double h = terms.Sum();
            Elementwise.RelativeEntropy(p, q, terms);
            double rel = terms.Sum();
            Elementwise.KullbackLeibler(p, q, terms);
            double kl = terms.Sum();
            return Math.Abs(h - Entropy.Of(p)) < 1e-12 && Math.Abs(rel - Divergence.KullbackLeibler(p, q)) < 1e-12
                && Math.Abs(kl - Divergence.KullbackLeibler(p, q)) < 1e-12;
        });

    [Fact]
    public void Kl_div_terms_are_never_negative() =>
        Gen.Double[0.0, 1e6].Select(Gen.Double[0.0, 1e6]).Sample(t => Elementwise.KullbackLeibler(t.Item1, t.Item2) >= 0.0);

    [Fact]
    public void Bad_spans_name_the_parameter()
    {
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Elementwise.Entropy([0.5, 0.5], new double[1])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Elementwise.RelativeEntropy([0.5, 0.5], [1.0], new double[2])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Elementwise.KullbackLeibler([0.5], [1.0], Span<double>.Empty)).ParamName);
    }
}
