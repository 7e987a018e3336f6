using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class CrossEntropyLossTests
{
    [Fact]
    public void Lesson_logits_2_1_0_1_class_0_is_0_4170_nats_perplexity_1_52()
    {
        var result = CrossEntropyLoss.FromLogits([2.0, 1.0, 0.1], 3, [0]);
        Assert.Equal(0.417030016277833483, result.Value, 15);
        Assert.Equal(1.51744806039407737, result.Perplexity, 14);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Lesson_logits_5_2_0_5_true_class_1()
    {
        // −log softmax([5, 2, 0.5])₁ = log(e⁵ + e² + e^0.5) − 2.
        double expected = Math.Log(Math.Exp(5) + Math.Exp(2) + Math.Exp(0.5)) - 2;
        Assert.Equal(expected, CrossEntropyLoss.FromLogits([5.0, 2.0, 0.5], 3, [1]).Value, 14);
    }

    [Fact]
    public void Pitfall_large_logits_give_858_exactly_and_1000_and_0()
    {
        Assert.Equal(858.0, CrossEntropyLoss.FromLogits([-431.0, 279.0, 427.0], 3, [0]).Value);
        Assert.Equal(858.0, CrossEntropyLoss.FromLogits([-431f, 279f, 427f], 3, [0]).Value);
        var losses = new double[2];
        CrossEntropyLoss.FromLogits([1000.0, 0.0, 1000.0, 0.0], 2, [1, 0], rowLosses: losses);
        Assert.Equal([1000.0, 0.0], losses);
        var grad = new double[4];
        CrossEntropyLoss.FromLogits([1000.0, 0.0, 1000.0, 0.0], 2, [1, 0], new() { LabelSmoothing = 0.1 }, gradient: grad);
        Assert.All(grad, g => Assert.True(double.IsFinite(g)));
    }

    [Fact]
    public void Cross_entropy_equals_mean_nll_over_1000_random_samples()
    {
        var random = new Random(42);
        const int rows = 1000, classes = 10;
        var z = Enumerable.Range(0, rows * classes).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var y = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
        double nll = 0;
        var logp = new double[classes];
        for (int i = 0; i < rows; i++)
        {
            Softmax.Log(z.AsSpan(i * classes, classes), logp);
            nll -= logp[y[i]];
        }

        Assert.Equal(nll / rows, CrossEntropyLoss.FromLogits(z, classes, y).Value, 13);
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.2, false)]
    [InlineData(0.2, true)]
    public void Analytic_gradient_equals_finite_differences(double smoothing, bool weighted)
    {
        var random = new Random(3);
        const int rows = 4, classes = 6;
        var z = Enumerable.Range(0, rows * classes).Select(_ => random.NextDouble() * 6 - 3).ToArray();
        int[] y = [0, 5, -100, 2];
        var options = new CrossEntropyOptions
        {
            LabelSmoothing = smoothing,
            Temperature = 1.7,
            ClassWeights = weighted ? new[] { 0.5, 1, 2, 1.5, 0.2, 1 } : default(ReadOnlyMemory<double>),
        };
        var grad = new double[z.Length];
        CrossEntropyLoss.FromLogits(z, classes, y, options, gradient: grad);
        const double h = 1e-6;
        for (int k = 0; k < z.Length; k++)
        {
            var plus = (double[])z.Clone();
            var minus = (double[])z.Clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (CrossEntropyLoss.FromLogits(plus, classes, y, options).Value - CrossEntropyLoss.FromLogits(minus, classes, y, options).Value) / (2 * h);
            // Central differences: truncation O(h²) ≈ 1e-12, rounding ≈ ε/h ≈ 1e-10.
            Assert.True(Math.Abs(numeric - grad[k]) < 1e-8, $"k={k}: numeric {numeric} analytic {grad[k]}");
        }
    }

    [Fact]
    public void Matches_pytorch_for_every_option_combination()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("cross_entropy"))
        {
            cases++;
            bool isDouble = c.GetProperty("dtype").GetString() == "float64";
            int classes = c.GetProperty("classes").GetInt32();
            int rows = c.GetProperty("rows").GetInt32();
            var options = new CrossEntropyOptions
            {
                ClassWeights = c.Doubles("weights"),
                LabelSmoothing = c.Number("smoothing"),
                Temperature = c.Number("temperature"),
                Reduction = c.GetProperty("reduction").GetString() switch { "mean" => LossReduction.Mean, "sum" => LossReduction.Sum, _ => LossReduction.None },
            };
            bool soft = c.GetProperty("soft").GetBoolean();
            var losses = new double[rows];
            double[] grad;
            CrossEntropyResult result;
            if (isDouble)
            {
                var g = new double[rows * classes];
                result = soft
                    ? CrossEntropyLoss.FromLogits(c.Doubles("logits"), classes, c.Doubles("targets"), options, losses, g)
                    : CrossEntropyLoss.FromLogits(c.Doubles("logits"), classes, c.Ints("targets"), options, losses, g);
                grad = g;
            }
            else
            {
                var g = new float[rows * classes];
                result = soft
                    ? CrossEntropyLoss.FromLogits(c.Floats("logits"), classes, c.Floats("targets"), options, losses, g)
                    : CrossEntropyLoss.FromLogits(c.Floats("logits"), classes, c.Ints("targets"), options, losses, g);
                grad = g.Select(v => (double)v).ToArray();
            }

            // float32: PyTorch itself computes in float32 (2⁻²⁴ ≈ 6e-8 per operation, summed over C terms); we sum in
            // double, so the two differ by PyTorch's own rounding, ≤ 1e-6 relative here.
            double tolerance = isDouble ? 1e-12 : 1e-6;
            string what = $"{c.GetProperty("dtype")} soft={soft} w={options.ClassWeights.Length > 0} eps={options.LabelSmoothing} {options.Reduction} T={options.Temperature} {rows}x{classes}";
            double[] expected = c.Doubles("loss");
            if (options.Reduction == LossReduction.None)
            {
                // A row's loss is (m − z_y) + log s; PyTorch's float32 log-softmax rounds it to 2⁻²³ absolute.
                LossReference.Close(expected, losses, tolerance, what + " loss", absolute: isDouble ? 1e-15 : 2.5e-7);
            }
            else
            {
                LossReference.Close(expected[0], result.Value, tolerance, what + " loss");
            }

            // Gradient entries are differences p − q, so their error is absolute: one rounding of 1, which is 2⁻⁵² in
            // double and 2⁻²³ ≈ 1.2e-7 in float32 on each side (ours and PyTorch's float32 result).
            LossReference.Close(c.Doubles("gradient"), grad, tolerance, what + " gradient", absolute: isDouble ? 1e-15 : 2.5e-7);
        }

        Assert.True(cases >= 220, $"only {cases} reference cases");
    }

    [Fact]
    public void Smoothing_with_ignored_rows_equals_smoothing_after_deleting_them()
    {
        var random = new Random(11);
        const int classes = 7;
        var z = Enumerable.Range(0, 6 * classes).Select(_ => random.NextDouble() * 10 - 5).ToArray();
        int[] y = [3, -100, 0, -100, 6, 2];
        var keep = new[] { 0, 2, 4, 5 };
        var kept = keep.SelectMany(i => z.Skip(i * classes).Take(classes)).ToArray();
        var options = new CrossEntropyOptions { LabelSmoothing = 0.25, ClassWeights = new[] { 1, 2, 0.5, 1, 1, 3, 0.7 } };
        var withIgnored = CrossEntropyLoss.FromLogits(z, classes, y, options);
        var deleted = CrossEntropyLoss.FromLogits(kept, classes, keep.Select(i => y[i]).ToArray(), options);
        Assert.Equal(deleted.Value, withIgnored.Value, 14);
        Assert.Equal(4, withIgnored.Count);
    }

    [Fact]
    public void Every_row_ignored_gives_nan_mean_zero_sum_and_zero_gradient()
    {
        var grad = Enumerable.Repeat(9.0, 6).ToArray();
        var mean = CrossEntropyLoss.FromLogits([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3, [-100, -100], new() { LabelSmoothing = 0.1 }, gradient: grad);
        Assert.True(double.IsNaN(mean.Value));
        Assert.Equal((0.0, 0.0, 0L), (mean.Sum, mean.Weight, mean.Count));
        Assert.All(grad, g => Assert.Equal(0.0, g));
        Assert.Equal(0.0, CrossEntropyLoss.FromLogits([1.0, 2.0, 3.0], 3, [-100], new() { Reduction = LossReduction.Sum }).Value);
    }

    [Fact]
    public void Vocabulary_of_256k_streams_in_float_and_matches_double()
    {
        const int classes = 262_144;
        var random = new Random(5);
        var z = new float[2 * classes];
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = (float)(random.NextDouble() * 20 - 10);
        }

        var grad = new float[z.Length];
        var single = CrossEntropyLoss.FromLogits(z, classes, [123_456, 262_143], new() { LabelSmoothing = 0.1 }, gradient: grad);
        var wide = CrossEntropyLoss.FromLogits(z.Select(v => (double)v).ToArray(), classes, [123_456, 262_143], new() { LabelSmoothing = 0.1 });
        // Float exponentials (≤ 2 ulp each) summed in double: ≤ 1e-7 relative on log Σ e^z.
        Assert.True(Math.Abs(single.Value - wide.Value) <= 1e-6 * wide.Value, $"{single.Value} vs {wide.Value}");
        Assert.True(Math.Abs(grad.Sum()) < 1e-4, "each gradient row sums to 0");
    }

    [Fact]
    public void Bfloat16_and_half_inputs_agree_with_double_on_the_same_values()
    {
        var random = new Random(8);
        const int rows = 5, classes = 3000;
        var b = Enumerable.Range(0, rows * classes).Select(_ => (BFloat16)(float)(random.NextDouble() * 16 - 8)).ToArray();
        var h = b.Select(v => (Half)(float)v).ToArray();
        var asDouble = b.Select(v => (double)(float)v).ToArray();
        int[] y = [0, 17, 2999, 1500, 4];
        var options = new CrossEntropyOptions { LabelSmoothing = 0.1 };
        double reference = CrossEntropyLoss.FromLogits(asDouble, classes, y, options).Value;
        // The bf16 values are exact in float; the only difference is float exp (≈1e-7 relative), not bf16's 2⁻⁸ rounding,
        // which both sides share because the reference uses the same rounded values.
        Assert.True(Math.Abs(CrossEntropyLoss.FromLogits(b, classes, y, options).Value - reference) <= 1e-6 * reference);
        double halfReference = CrossEntropyLoss.FromLogits(h.Select(v => (double)v).ToArray(), classes, y, options).Value;
        Assert.True(Math.Abs(CrossEntropyLoss.FromLogits(h, classes, y, options).Value - halfReference) <= 1e-6 * halfReference);
        var gb = new BFloat16[b.Length];
        var gd = new double[b.Length];
        CrossEntropyLoss.FromLogits(b, classes, y, options, gradient: gb);
        CrossEntropyLoss.FromLogits(asDouble, classes, y, options, gradient: gd);
        for (int i = 0; i < gd.Length; i += 97)
        {
            Assert.True(Math.Abs((float)gb[i] - gd[i]) <= (Math.Abs(gd[i]) * Math.Pow(2, -8)) + 1e-9, $"gradient {i}");
        }
    }

    [Fact]
    public void Decomposition_is_target_entropy_plus_kl()
    {
        double[] z = [2.0, 1.0, 0.1, -1.0, 0.0, 3.0];
        var result = CrossEntropyLoss.FromLogits(z, 3, [0, 2], new() { LabelSmoothing = 0.3, Decompose = true });
        double yt = 0.7 + 0.1;
        double h = -(yt * Math.Log(yt)) - (2 * 0.1 * Math.Log(0.1));
        Assert.Equal(h, result.TargetEntropy, 14);
        Assert.Equal(result.Value - h, result.KullbackLeibler, 14);
        var hard = CrossEntropyLoss.FromLogits(z, 3, [0, 2], new() { Decompose = true });
        Assert.Equal(0.0, hard.TargetEntropy);
        Assert.Equal(hard.Value, hard.KullbackLeibler);
        double[] q = [0.5, 0.25, 0.25, 0.1, 0.1, 0.8];
        var soft = CrossEntropyLoss.FromLogits(z, 3, q, new() { Decompose = true });
        double hq = (-(0.5 * Math.Log(0.5)) - (0.5 * Math.Log(0.25)) - (0.2 * Math.Log(0.1)) - (0.8 * Math.Log(0.8))) / 2;
        Assert.Equal(hq, soft.TargetEntropy, 14);
    }

    [Fact]
    public void Batches_accumulate_exactly() =>
        Gen.Double[-5, 5].Array[40].Select(Gen.Int[0, 3].Array[10]).Sample((z, y) =>
        {
            var options = new CrossEntropyOptions { ClassWeights = new[] { 1.0, 2.0, 0.5, 3.0 }, LabelSmoothing = 0.1 };
            var whole = CrossEntropyLoss.FromLogits(z, 4, y, options);
            var first = CrossEntropyLoss.FromLogits(z.AsSpan(0, 16), 4, y.AsSpan(0, 4), options);
            var second = CrossEntropyLoss.FromLogits(z.AsSpan(16), 4, y.AsSpan(4), options);
            return Math.Abs(first.Add(second).Value - whole.Value) < 1e-12 * Math.Max(1, whole.Value);
        });

    [Fact]
    public void Cross_entropy_is_at_least_the_target_entropy() =>
        Gen.Double[-8, 8].Array[12].Select(Gen.Double[0.0, 1.0]).Sample((z, eps) =>
        {
            var r = CrossEntropyLoss.FromLogits(z, 4, [0, 3, 1], new() { LabelSmoothing = eps, Decompose = true });
            return r.Value >= r.TargetEntropy - 1e-12;
        });

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        var ex = Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0, 3.0, 4.0], 2, [0, 2]));
        Assert.Equal("targets", ex.ParamName);
        Assert.Contains("targets has 2 at index 1", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, double.NaN, 3.0, 4.0], 2, [0, 1]));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains("NaN entry at index 1 (row 0, class 1)", ex.Message);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0, 3.0], 2, [0, 1])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0], 2, ReadOnlySpan<int>.Empty)).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropyLoss.FromLogits([1.0], 0, [0])).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0], 2, [0], new() { LabelSmoothing = 1.5 })).ParamName);
        Assert.Equal("options.Temperature", Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0], 2, [0], new() { Temperature = 0 })).ParamName);
        Assert.Equal("options.ClassWeights", Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0], 2, [0], new() { ClassWeights = new[] { 1.0 } })).ParamName);
        Assert.Equal("options.ClassWeights", Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0], 2, [0], new() { ClassWeights = new[] { 1.0, -1.0 } })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0], 2, [0], new() { ClassWeights = new[] { 1.0, 1.0 }, Decompose = true })).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0], 2, [0], gradient: new double[1])).ParamName);
        Assert.Equal("rowLosses", Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0, 1.0, 2.0], 2, [0, 1], rowLosses: new double[1])).ParamName);
        ex = Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0, 1.0, 2.0], 2, [0.5, 0.6, 0.5, 0.5]));
        Assert.Equal("targetProbabilities", ex.ParamName);
        Assert.Contains("row 0 sums to 1.1", ex.Message);
        Assert.Contains("negative entry -0.5 at index 3", Assert.Throws<ArgumentException>(() => CrossEntropyLoss.FromLogits([1.0, 2.0, 1.0, 2.0], 2, [0.5, 0.5, 1.5, -0.5])).Message);
    }
}
