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
        // softplus(−700) = log1p(e^−700) = e^−700 ≈ 9.9e-305, not 0 and never NaN.
        Assert.Equal([700.0, 700.0, Math.Exp(-700), Math.Exp(-700)], losses);
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
}
