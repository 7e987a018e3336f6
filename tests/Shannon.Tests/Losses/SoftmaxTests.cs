using CsCheck;
using Shannon.Losses;
using Shannon.Measures;

namespace Shannon.Tests.Losses;

public class SoftmaxTests
{
    [Fact]
    public void Lesson_logits_2_1_0_1_give_0_659_0_242_0_099()
    {
        var p = new double[3];
        Softmax.Of([2.0, 1.0, 0.1], p);
        Assert.Equal(0.659001138885967907, p[0], 15);
        Assert.Equal(0.242432970704713922, p[1], 15);
        Assert.Equal(0.0985658904093181716, p[2], 15);
        Assert.Equal(2.41703001627783348, Softmax.LogSumExp([2.0, 1.0, 0.1]), 15);
    }

    [Fact]
    public void Large_logits_1000_0_give_1_and_0_never_nan()
    {
        var p = new double[2];
        var logp = new double[2];
        Softmax.Of([1000.0, 0.0], p);
        Softmax.Log([1000.0, 0.0], logp);
        Assert.Equal([1.0, 0.0], p);
        Assert.Equal([0.0, -1000.0], logp);
        Assert.Equal(1000.0, Softmax.LogSumExp([1000.0, 0.0]));
        Assert.Equal(0.0, Softmax.Entropy([1000.0, 0.0]));
        var pf = new float[2];
        Softmax.Of([1000f, 0f], pf);
        Assert.Equal([1f, 0f], pf);
    }

    [Fact]
    public void Minus_infinity_is_a_masked_class()
    {
        var p = new double[3];
        Softmax.Of([0.0, double.NegativeInfinity, 0.0], p);
        Assert.Equal([0.5, 0.0, 0.5], p);
        Assert.Equal(Math.Log(2), Softmax.Entropy([0.0, double.NegativeInfinity, 0.0]), 15);
    }

    [Fact]
    public void Uniform_logits_have_entropy_log_n_in_bits_too()
    {
        Assert.Equal(Math.Log(8), Softmax.Entropy(new double[8]), 15);
        Assert.Equal(3.0, Softmax.Entropy(new float[8], logBase: LogBase.Bits), 6);
    }

    [Fact]
    public void Temperature_divides_the_logits()
    {
        var hot = new double[3];
        var scaled = new double[3];
        Softmax.Of([2.0, 1.0, 0.1], hot, temperature: 2.0);
        Softmax.Of([1.0, 0.5, 0.05], scaled);
        Assert.Equal(scaled, hot);
        Assert.True(Softmax.Entropy([2.0, 1.0, 0.1], temperature: 10) > Softmax.Entropy([2.0, 1.0, 0.1], temperature: 0.1));
    }

    [Fact]
    public void Matches_pytorch_in_double()
    {
        foreach (var c in LossReference.Cases("softmax"))
        {
            int classes = c.GetProperty("classes").GetInt32();
            double t = c.Number("temperature");
            double[] z = c.Doubles("logits");
            int rows = z.Length / classes;
            var lse = new double[rows];
            var h = new double[rows];
            var p = new double[z.Length];
            var logp = new double[z.Length];
            Softmax.LogSumExpRows(z, classes, lse, t);
            Softmax.EntropyRows(z, classes, h, t);
            Softmax.OfRows(z, classes, p, t);
            Softmax.LogRows(z, classes, logp, t);
            string what = $"{rows}x{classes} T={t}";
            LossReference.Close(c.Doubles("logsumexp"), lse, 1e-12, what + " logsumexp");
            // Entropy is a sum of p·(log s − u) with log s known to one ulp of 1 (2.2e-16 absolute): near-one-hot rows
            // (H ~ 1e-4) are compared with that absolute bound too.
            LossReference.Close(c.Doubles("entropy"), h, 1e-12, what + " entropy", absolute: 1e-15);
            LossReference.Close(c.Doubles("softmax"), p, 1e-12, what + " softmax");
            // log pᵢ = (zᵢ − m) − log s carries the same one-ulp-of-1 error of log s: a dominant class's log pᵢ ~ −1e-5
            // meets it at 1e-11 relative (seen with 128-bit vectors, whose exponentials round the sum differently).
            LossReference.Close(c.Doubles("log_softmax"), logp, 1e-12, what + " log_softmax", absolute: 1e-15);
            Assert.Equal(lse[0], Softmax.LogSumExp(z.AsSpan(0, classes), t), 15);
        }
    }

    [Fact]
    public void Matches_pytorch_in_float32_to_1e_6()
    {
        foreach (var c in LossReference.Cases("softmax"))
        {
            int classes = c.GetProperty("classes").GetInt32();
            double t = c.Number("temperature");
            float[] z = c.Floats("logits");
            int rows = z.Length / classes;
            var lse = new double[rows];
            var h = new double[rows];
            var logp = new float[z.Length];
            Softmax.LogSumExpRows(z, classes, lse, t);
            Softmax.EntropyRows(z, classes, h, t);
            Softmax.LogRows(z, classes, logp, t);
            string what = $"float {rows}x{classes} T={t}";
            // The reference ran in double on the unrounded logits; float32 rounding of z (2⁻²⁴ relative) moves
            // log-sum-exp by at most 2⁻²⁴·max|z/T| ≈ 1e-6 relative for these magnitudes.
            LossReference.Close(c.Doubles("logsumexp"), lse, 2e-6, what + " logsumexp");
            // log-softmax near 0 and the entropy are differences, so their float error is absolute: ≤ 2⁻²⁴·max|z/T|.
            double[] expectedLogp = c.Doubles("log_softmax");
            double[] expectedH = c.Doubles("entropy");
            double bound = 1e-7 * Math.Max(1, c.Doubles("logits").Max(Math.Abs) / t);
            for (int i = 0; i < z.Length; i++)
            {
                Assert.True(Math.Abs(logp[i] - expectedLogp[i]) <= bound * Math.Max(1, Math.Abs(expectedLogp[i])), $"{what} log_softmax[{i}]");
            }

            for (int i = 0; i < rows; i++)
            {
                Assert.True(Math.Abs(h[i] - expectedH[i]) <= bound * Math.Log(classes), $"{what} entropy[{i}]: {expectedH[i]} vs {h[i]}");
            }
        }
    }

    [Fact]
    public void Probabilities_sum_to_one_and_shift_invariant() =>
        Gen.Double[-50, 50].Array[1, 300].Select(Gen.Double[-1e3, 1e3]).Sample((z, shift) =>
        {
            var p = new double[z.Length];
            var q = new double[z.Length];
            Softmax.Of(z, p);
            Softmax.Of(z.Select(v => v + shift).ToArray(), q);
            return Math.Abs(p.Sum() - 1) < 1e-12 && p.Zip(q).All(t => Math.Abs(t.First - t.Second) < 1e-9);
        });

    [Fact]
    public void Entropy_from_logits_equals_entropy_of_the_softmax_and_is_at_most_log_n() =>
        Gen.Double[-20, 20].Array[1, 200].Select(Gen.Double[0.05, 20]).Sample((z, t) =>
        {
            var p = new double[z.Length];
            Softmax.Of(z, p, t);
            double fromLogits = Softmax.Entropy(z, t);
            var normalised = new double[p.Length];
            Distributions.Normalize(p, normalised);
            double fromP = Entropy.Of(normalised);
            return Math.Abs(fromLogits - fromP) < 1e-11 && fromLogits <= Math.Log(z.Length) + 1e-15 && fromLogits >= 0;
        });

    [Fact]
    public void Rows_run_in_parallel_and_agree_with_one_vector()
    {
        const int classes = 4099;
        var random = new Random(7);
        var z = Enumerable.Range(0, 300 * classes).Select(_ => (float)(random.NextDouble() * 40 - 20)).ToArray();
        var lse = new double[300];
        var logp = new float[z.Length];
        Softmax.LogSumExpRows(z, classes, lse);
        Softmax.LogRows(z, classes, logp);
        var one = new float[classes];
        Softmax.Log(z.AsSpan(299 * classes, classes), one);
        Assert.Equal(one, logp.AsSpan(299 * classes).ToArray());
        Assert.Equal(Softmax.LogSumExp(z.AsSpan(17 * classes, classes)), lse[17]);
    }

    [Theory]
    [InlineData(new double[0], "is empty")]
    [InlineData(new[] { 1.0, double.NaN }, "NaN entry at index 1")]
    [InlineData(new[] { 1.0, 2.0, double.PositiveInfinity }, "infinite entry Infinity at index 2")]
    [InlineData(new[] { double.NegativeInfinity, double.NegativeInfinity }, "no finite entry")]
    public void Bad_logits_name_parameter_index_and_value(double[] z, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => Softmax.LogSumExp(z));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains(expected, ex.Message);
        Assert.Throws<ArgumentException>(() => Softmax.Entropy(z));
        Assert.Throws<ArgumentException>(() => Softmax.Of(z, new double[z.Length]));
    }

    [Fact]
    public void Bad_shapes_temperatures_and_destinations_are_named()
    {
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.LogSumExp([1.0], 0.0)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Entropy([1.0], double.NaN)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Softmax.Log([1.0, 2.0], new double[1])).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Softmax.LogRows([1.0, 2.0, 3.0], 2, new double[3])).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.EntropyRows([1.0], 0, new double[1])).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => Softmax.LogSumExpRows([1.0, 2.0, 3.0, double.NaN], 2, new double[2]));
        Assert.Contains("index 3 (row 1, class 1)", ex.Message);
    }
}
