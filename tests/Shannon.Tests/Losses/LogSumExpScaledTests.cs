using CsCheck;
using Shannon.Losses;
using Shannon.Tests.Measures;

namespace Shannon.Tests.Losses;

/// <summary>Softmax.LogSumExp(logits, scale, out sign): scipy.special.logsumexp(a, b=b, return_sign=True).</summary>
public class LogSumExpScaledTests
{
    [Fact]
    public void Worked_values()
    {
        Assert.Equal(Math.Log(Math.Exp(2) - Math.E), Softmax.LogSumExp([1.0, 2.0], [-1.0, 1.0], out double sign), 14);
        Assert.Equal(1.0, sign);
        Assert.Equal(Math.Log(Math.Exp(2) - Math.E), Softmax.LogSumExp([1.0, 2.0], [1.0, -1.0], out sign), 14);
        Assert.Equal(-1.0, sign);
        Assert.Equal(1000.0, Softmax.LogSumExp([1000.0, 1000.0], [2.0, -1.0], out sign), 12); // no overflow
        Assert.Equal(1.0, sign);
        Assert.Equal(double.NegativeInfinity, Softmax.LogSumExp([1.0, 1.0], [1.0, -1.0], out sign)); // exact cancellation
        Assert.Equal(0.0, sign);
        Assert.Equal(double.PositiveInfinity, Softmax.LogSumExp([double.PositiveInfinity, 0.0], [0.0, 2.0], out sign) + double.PositiveInfinity);
        Assert.Equal(Math.Log(2), Softmax.LogSumExp([double.PositiveInfinity, 0.0], [0.0, 2.0], out sign), 15); // b = 0 drops the +∞ term
        Assert.True(double.IsNaN(Softmax.LogSumExp([double.PositiveInfinity, double.PositiveInfinity], [1.0, -1.0], out sign)));
        Assert.True(double.IsNaN(sign));
    }

    [Fact]
    public void Every_case_matches_scipy()
    {
        foreach (var c in ScipyConveniencesReference.Root.GetProperty("logsumexp").EnumerateArray())
        {
            double[] a = ScipyConveniencesReference.Numbers(c.GetProperty("a"));
            double[] b = ScipyConveniencesReference.Numbers(c.GetProperty("b"));
            double value = Softmax.LogSumExp(a, b, out double sign);
            string what = $"logsumexp of {a.Length} terms";
            ScipyConveniencesReference.Close(ScipyConveniencesReference.Number(c.GetProperty("value")), value, what);
            ScipyConveniencesReference.Close(ScipyConveniencesReference.Number(c.GetProperty("sign")), sign, what + " sign");
        }
    }

    [Fact]
    public void A_nearly_cancelling_sum_keeps_its_digits()
    {
        var c = ScipyConveniencesReference.Root.GetProperty("logsumexp_exact")[0];
        double value = Softmax.LogSumExp(ScipyConveniencesReference.Numbers(c.GetProperty("a")), ScipyConveniencesReference.Numbers(c.GetProperty("b")), out double sign);
        ScipyConveniencesReference.Close(c.GetProperty("value").GetDouble(), value, "cancelling sum");
        Assert.Equal(c.GetProperty("sign").GetDouble(), sign);
    }

    [Fact]
    public void Unit_scale_is_the_plain_log_sum_exp_and_a_shift_passes_through() =>
        Gen.Double[-50, 50].Array[1, 30].Select(Gen.Double[-100, 100]).Sample(t =>
        {
            var (z, c) = t;
            double[] ones = [.. z.Select(_ => 1.0)];
            double plain = Softmax.LogSumExp(z, ones, out double sign);
            double shifted = Softmax.LogSumExp([.. z.Select(v => v + c)], ones, out _);
            return sign == 1.0 && Math.Abs(plain - Softmax.LogSumExp(z)) <= 1e-12 * Math.Max(1, Math.Abs(plain))
                && Math.Abs(shifted - plain - c) <= 1e-11 * Math.Max(1, Math.Abs(shifted));
        });

    [Fact]
    public void Negating_the_scale_flips_only_the_sign() =>
        Gen.Double[-20, 20].Array[1, 20].Select(Gen.Double[-3, 3].Array[20]).Sample(t =>
        {
            double[] b = t.Item2[..t.Item1.Length];
            double v = Softmax.LogSumExp(t.Item1, b, out double sign);
            double w = Softmax.LogSumExp(t.Item1, [.. b.Select(x => -x)], out double flipped);
            return v.Equals(w) && sign == -flipped;
        });

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Softmax.LogSumExp([], [], out _)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentException>(() => Softmax.LogSumExp([1.0, 2.0], [1.0], out _)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Softmax.LogSumExp([1.0, double.NaN], [1.0, 1.0], out _)).ParamName);
        var nanScale = Assert.Throws<ArgumentException>(() => Softmax.LogSumExp([1.0, 2.0], [double.NaN, 1.0], out _));
        Assert.Equal("scale", nanScale.ParamName);
        Assert.Contains("index 0", nanScale.Message, StringComparison.Ordinal);
    }
}
