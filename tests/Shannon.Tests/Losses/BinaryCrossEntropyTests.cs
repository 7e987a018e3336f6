using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class BinaryCrossEntropyTests
{
    [Fact]
    public void Closed_forms_and_the_minus_100_floor()
    {
        Assert.Equal(Math.Log(2), BinaryCrossEntropy.FromProbabilities([0.5, 0.5], [1.0, 0.3]).Value, 15);
        Assert.Equal(-Math.Log(0.9), BinaryCrossEntropy.FromProbabilities([0.9], [1.0]).Value, 15);
        Assert.Equal(-Math.Log(0.9), BinaryCrossEntropy.FromProbabilities([0.1], [0.0]).Value, 15);
        // A confident wrong prediction is clamped at 100 nats, as PyTorch does; a confident right one costs 0.
        var losses = new double[4];
        var r = BinaryCrossEntropy.FromProbabilities([0.0, 1.0, 1.0, 0.0], [1.0, 0.0, 1.0, 0.0], reduction: LossReduction.Sum, elementLosses: losses);
        Assert.Equal([100.0, 100.0, 0.0, 0.0], losses);
        Assert.Equal((200.0, 4.0, 4L), (r.Value, r.Weight, r.Count));
        Assert.Equal(50.0, BinaryCrossEntropy.FromProbabilities([0.0], [0.5]).Value);
    }

    [Fact]
    public void Logits_never_overflow_and_700_costs_700_nats()
    {
        var losses = new double[4];
        BinaryCrossEntropy.FromLogits([700.0, -700.0, 700.0, -700.0], [0.0, 1.0, 1.0, 0.0], reduction: LossReduction.None, elementLosses: losses);
        // softplus(−700) = log1p(e^−700) = e^−700 ≈ 9.9e-305, not 0 and never NaN (the vector exponential is within 2 ulps).
        Assert.Equal([700.0, 700.0], losses[..2]);
        Assert.All(losses[2..], l => Assert.True(Math.Abs(l - Math.Exp(-700)) <= 5e-16 * Math.Exp(-700), $"{l}"));
        Assert.Equal(Math.Log(2), BinaryCrossEntropy.FromLogits([0.0], [1.0]).Value, 15);
    }

    [Fact]
    public void Column_weights_and_positive_weights_broadcast_over_rows()
    {
        double[] z = [0.3, -1.2, 2.0, 0.7];
        double[] y = [1.0, 0.0, 0.0, 1.0];
        var perColumn = BinaryCrossEntropy.FromLogits(z, y, weights: [2.0, 0.5], positiveWeights: [3.0, 1.5], reduction: LossReduction.Sum);
        double sp(double x) => Math.Log(1 + Math.Exp(x));
        double expected = (2.0 * 3.0 * sp(-0.3)) + (0.5 * sp(-1.2)) + (2.0 * sp(2.0)) + (0.5 * 1.5 * sp(-0.7));
        Assert.Equal(expected, perColumn.Value, 14);
        var perElement = BinaryCrossEntropy.FromLogits(z, y, weights: [2.0, 0.5, 2.0, 0.5], positiveWeights: [3.0, 1.5, 3.0, 1.5], reduction: LossReduction.Sum);
        Assert.Equal(perColumn.Value, perElement.Value, 15);
    }

    [Fact]
    public void Logits_equal_probabilities_of_their_sigmoid() =>
        Gen.Double[-15, 15].Array[8].Select(Gen.Double[0, 1].Array[8]).Sample((z, y) =>
        {
            var p = z.Select(x => 1 / (1 + Math.Exp(-x))).ToArray();
            double fromLogits = BinaryCrossEntropy.FromLogits(z, y).Value;
            // σ(x) rounds to 1 ulp; log(1 − p) amplifies that by p / (1 − p) ≤ e^15 ≈ 3e6, so ≤ 1e-9 relative.
            return Math.Abs(BinaryCrossEntropy.FromProbabilities(p, y).Value - fromLogits) <= 1e-9 * fromLogits;
        });

    [Fact]
    public void Loss_is_at_least_the_binary_entropy_of_the_target() =>
        Gen.Double[-10, 10].Array[6].Select(Gen.Double[0, 1].Array[6]).Sample((z, y) =>
        {
            double entropy = y.Sum(t => (t is 0 or 1) ? 0 : -(t * Math.Log(t)) - ((1 - t) * Math.Log(1 - t)));
            return BinaryCrossEntropy.FromLogits(z, y, reduction: LossReduction.Sum).Value >= entropy - 1e-12;
        });

    [Fact]
    public void Matches_pytorch_binary_cross_entropy_for_every_option_combination()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("bce"))
        {
            cases++;
            var losses = new double[c.Doubles("probabilities").Length];
            var result = c.IsDouble()
                ? BinaryCrossEntropy.FromProbabilities(c.Doubles("probabilities"), c.Doubles("targets"), c.Doubles("weights"), c.Reduction(), losses)
                : BinaryCrossEntropy.FromProbabilities(c.Floats("probabilities"), c.Floats("targets"), c.Doubles("weights"), c.Reduction(), losses);
            // float32: PyTorch's float32 log and products against our double: a few roundings of 6e-8 of each term, so
            // 1e-6 relative, or 1e-7 absolute on a small loss made of two terms of size ~1. Double: absolute 1e-15 because
            // PyTorch forms log(1 − p), which is 0 for p = 1e-50 where our log1p(−p) gives the true −1e-50.
            c.CloseLoss(result, losses, c.IsDouble() ? 1e-12 : 1e-6, $"bce {c.GetProperty("dtype")} w={c.Doubles("weights").Length} {c.Reduction()}", absolute: c.IsDouble() ? 1e-15 : 1e-7);
        }

        Assert.Equal(36, cases);
    }

    [Fact]
    public void Matches_pytorch_binary_cross_entropy_with_logits_for_every_option_combination()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("bce_logits"))
        {
            cases++;
            var losses = new double[c.Doubles("logits").Length];
            var result = c.IsDouble()
                ? BinaryCrossEntropy.FromLogits(c.Doubles("logits"), c.Doubles("targets"), c.Doubles("weights"), c.Doubles("pos_weight"), c.Reduction(), losses)
                : BinaryCrossEntropy.FromLogits(c.Floats("logits"), c.Floats("targets"), c.Doubles("weights"), c.Doubles("pos_weight"), c.Reduction(), losses);
            // Element losses near 0 (a confident right answer) carry PyTorch's absolute rounding of its (1 − y)·x − log σ(x)
            // form: one ulp of the larger term, 1e-13 here in double, 4e-5 in float32 for the ±700 logits.
            c.CloseLoss(result, losses, c.IsDouble() ? 1e-12 : 1e-6, $"bce_logits {c.GetProperty("dtype")} w={c.Doubles("weights").Length} pw={c.Doubles("pos_weight").Length} {c.Reduction()}", absolute: c.IsDouble() ? 1e-13 : 1e-6);
        }

        Assert.Equal(72, cases);
    }

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        var ex = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities([0.5, 1.5], [1.0, 0.0]));
        Assert.Equal("probabilities", ex.ParamName);
        Assert.Contains("1.5 greater than 1 at index 1", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities([0.5, 0.5], [1.0, -0.25]));
        Assert.Equal("targets", ex.ParamName);
        Assert.Contains("negative entry -0.25 at index 1", ex.Message);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities([0.5, 0.5], [1.0])).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities([0.5, 0.5, 0.5], [1.0, 0.0, 1.0], weights: [1.0, 2.0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities([0.5, 0.5], [1.0, 0.0], weights: [1.0, -2.0])).ParamName);
        Assert.Equal("elementLosses", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities([0.5, 0.5], [1.0, 0.0], elementLosses: new double[1])).ParamName);
        Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() => BinaryCrossEntropy.FromProbabilities([0.5], [1.0], reduction: (LossReduction)9)).ParamName);
        ex = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits([0.5, double.PositiveInfinity], [1.0, 0.0]));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains("non-finite entry Infinity at index 1", ex.Message);
        Assert.Equal("positiveWeights", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits([0.5, 0.1], [1.0, 0.0], positiveWeights: [double.NaN])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits([0.5f], [float.NaN])).ParamName);
    }

    [Fact]
    public void Probability_gradient_is_pytorchs_at_the_clamped_edges()
    {
        // (p − y)/max(p(1 − p), ε), ε = (float)1e-12: a confidently wrong p = 0 or 1 gets ∓1/ε although its loss is floored; a right one 0.
        var gradient = new double[5];
        BinaryCrossEntropy.FromProbabilities([0.0, 1.0, 0.0, 1.0, 0.25], [1.0, 0.0, 0.0, 1.0, 1.0], reduction: LossReduction.Sum, gradient: gradient);
        Assert.Equal([-1 / (double)1e-12f, 1 / (double)1e-12f, 0.0, 0.0, -0.75 / (0.25 * 0.75)], gradient);
        var single = new float[1];
        BinaryCrossEntropy.FromProbabilities([0.5f], [1f], gradient: single);
        Assert.Equal(-2f, single[0]);
    }

    [Fact]
    public void Logit_gradient_is_sigmoid_minus_target_without_cancellation()
    {
        var gradient = new double[4];
        BinaryCrossEntropy.FromLogits([0.0, 40.0, -40.0, 700.0], [1.0, 1.0, 0.0, 0.0], reduction: LossReduction.Sum, gradient: gradient);
        Assert.Equal(-0.5, gradient[0]);
        // σ(40) − 1 = −σ(−40) ≈ −4.2e-18 is kept, where 1/(1 + e^−40) − 1 rounds to 0.
        Assert.True(Math.Abs(gradient[1] + Math.Exp(-40)) <= 1e-15 * Math.Exp(-40));
        Assert.True(Math.Abs(gradient[2] - Math.Exp(-40)) <= 1e-15 * Math.Exp(-40));
        Assert.Equal(1.0, gradient[3]);
    }

    [Fact]
    public void Logit_gradient_agrees_with_finite_differences() =>
        Gen.Double[-8, 8].Array[12].Select(Gen.Double[0, 1].Array[12], Gen.Double[0.1, 3].Array[4], Gen.Double[0.1, 3].Array[4]).Sample((z, y, w, pw) =>
        {
            var gradient = new double[12];
            BinaryCrossEntropy.FromLogits(z, y, w, pw, gradient: gradient);
            return GradientCheck.Agrees(z, gradient, x => BinaryCrossEntropy.FromLogits(x, y, w, pw).Value);
        });

    [Fact]
    public void Probability_gradient_agrees_with_finite_differences_inside_the_clamp() =>
        Gen.Double[0.02, 0.98].Array[8].Select(Gen.Double[0, 1].Array[8], Gen.Double[0.1, 3].Array[8]).Sample((p, y, w) =>
        {
            var gradient = new double[8];
            BinaryCrossEntropy.FromProbabilities(p, y, w, LossReduction.Sum, gradient: gradient);
            return GradientCheck.Agrees(p, gradient, x => BinaryCrossEntropy.FromProbabilities(x, y, w, LossReduction.Sum).Value);
        });

    [Fact]
    public void Float_and_double_logits_agree_to_float_precision_on_long_inputs()
    {
        // 3·2¹⁸ + 5 elements: several parallel parts of the vector kernel and a scalar tail.
        var random = new Random(4);
        int n = (3 << 18) + 5;
        var z = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 40) - 20).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var zf = z.Select(v => (float)v).ToArray();
        var yf = y.Select(v => (float)v).ToArray();
        var exact = BinaryCrossEntropy.FromLogits(zf.Select(v => (double)v).ToArray(), yf.Select(v => (double)v).ToArray(), positiveWeights: [1.5]);
        var gradient = new float[n];
        var single = BinaryCrossEntropy.FromLogits(zf, yf, positiveWeights: [1.5], gradient: gradient);
        // The float kernel's exponential, log1p and sigmoid are within a few ulps (6e-8 each) of the double ones.
        Assert.Equal(exact.Value, single.Value, 1e-6 * exact.Value);
        var reference = new double[n];
        BinaryCrossEntropy.FromLogits(zf.Select(v => (double)v).ToArray(), yf.Select(v => (double)v).ToArray(), positiveWeights: [1.5], gradient: reference);
        for (int i = 0; i < n; i += 997)
        {
            Assert.True(Math.Abs(gradient[i] - reference[i]) <= 1e-6 * Math.Abs(reference[i]) + 1e-13, $"{i}: {gradient[i]} vs {reference[i]}");
        }

        var ex = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits(zf.Select((v, i) => i == n - 100 ? float.NaN : v).ToArray(), yf));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains($"at index {n - 100}", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits(zf, yf.Select((v, i) => i == 300_000 ? 1.5f : v).ToArray()));
        Assert.Equal("targets", ex.ParamName);
        Assert.Contains("at index 300000", ex.Message);
    }

    [Fact]
    public void Loss_and_gradient_match_pytorch_autograd_on_probabilities()
    {
        int cases = 0;
        foreach (var c in LossReference.GradientCases("bce"))
        {
            cases++;
            var losses = new double[c.Doubles("input").Length];
            string what = $"{c.Label("bce")} w={c.Doubles("weights").Length}";
            if (c.IsDouble())
            {
                var gradient = new double[losses.Length];
                var result = BinaryCrossEntropy.FromProbabilities(c.Doubles("input"), c.Doubles("targets"), c.Doubles("weights"), c.Reduction(), losses, gradient);
                // Absolute 1e-15: PyTorch's log(1 − p) is 0 at p = 1e-50 where our log1p(−p) is −1e-50.
                c.CloseLoss(result, losses, 1e-12, what, absolute: 1e-15);
                c.CloseGradient("gradient", gradient, 1e-12, 0, what);
            }
            else
            {
                var gradient = new float[losses.Length];
                var result = BinaryCrossEntropy.FromProbabilities(c.Floats("input"), c.Floats("targets"), c.Doubles("weights"), c.Reduction(), losses, gradient);
                // float32: PyTorch's float32 products and quotient, a few roundings of 6e-8.
                c.CloseLoss(result, losses, 1e-6, what, absolute: 1e-7);
                c.CloseGradient("gradient", gradient, 1e-6, 0, what);
            }
        }

        Assert.Equal(42, cases);
    }

    [Fact]
    public void Loss_and_gradient_match_pytorch_autograd_on_logits()
    {
        int cases = 0;
        foreach (var c in LossReference.GradientCases("bce_logits"))
        {
            cases++;
            var losses = new double[c.Doubles("input").Length];
            string what = $"{c.Label("bce_logits")} n={losses.Length} w={c.Doubles("weights").Length} pw={c.Doubles("pos_weight").Length}";
            if (c.IsDouble())
            {
                var gradient = new double[losses.Length];
                var result = BinaryCrossEntropy.FromLogits(c.Doubles("input"), c.Doubles("targets"), c.Doubles("weights"), c.Doubles("pos_weight"), c.Reduction(), losses, gradient);
                // PyTorch forms (1 − y)x + softplus(−x) and σ(x) − y by subtraction: one ulp of the larger term, absolute
                // (1e-13 on the element losses of the ±700 logits, 1e-16 on gradients of size ≤ 3).
                c.CloseLoss(result, losses, 1e-12, what, absolute: 1e-13);
                c.CloseGradient("gradient", gradient, 1e-12, 1e-16, what);
            }
            else
            {
                var gradient = new float[losses.Length];
                var result = BinaryCrossEntropy.FromLogits(c.Floats("input"), c.Floats("targets"), c.Doubles("weights"), c.Doubles("pos_weight"), c.Reduction(), losses, gradient);
                // float32 on both sides, each a few ulps: 1e-6 relative, and absolute where PyTorch subtracts: up to ulp(700) = 6e-5
                // on the ±700 element losses, and ulp(p_c·y) ≈ 2.4e-7 on gradients it forms as (p_c y + 1 − y)σ(x) − p_c y (at x = 7.1,
                // y = 1, p_c = 2.77 PyTorch gives −0.00229239 where the exact value is −0.00229262, which we give).
                c.CloseLoss(result, losses, 1e-6, what, absolute: 1e-4);
                c.CloseGradient("gradient", gradient, 1e-5, 1e-6, what);
            }
        }

        Assert.Equal(76, cases);
    }

    [Fact]
    public void Gradient_destinations_too_short_are_named()
    {
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities([0.5, 0.5], [1.0, 0.0], gradient: new double[1])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromLogits([0.5f, 0.5f], [1f, 0f], gradient: new float[1])).ParamName);
    }
}
