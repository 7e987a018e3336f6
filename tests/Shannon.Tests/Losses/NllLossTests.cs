using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class NllLossTests
{
    [Fact]
    public void Lesson_log_softmax_of_2_1_0_1_class_0_is_0_4170_nats()
    {
        var logp = new double[3];
        Softmax.Log([2.0, 1.0, 0.1], logp);
        var result = NllLoss.FromLogProbabilities(logp, 3, [0]);
        Assert.Equal(0.417030016277833483, result.Value, 15);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Weighted_mean_divides_by_the_target_weights_of_counted_rows()
    {
        double[] logp = [-0.1, -2.0, -3.0, -0.5, -1.5, -4.0];
        var losses = new double[3];
        var result = NllLoss.FromLogProbabilities(logp, 2, [0, -100, 1], classWeights: [2.0, 0.5], rowLosses: losses);
        Assert.Equal([0.2, 0.0, 2.0], losses);
        Assert.Equal(2.2 / 2.5, result.Value, 15);
        Assert.Equal((2.5, 2L), (result.Weight, result.Count));
    }

    [Fact]
    public void Nll_of_log_softmax_equals_cross_entropy_on_the_logits() =>
        Gen.Double[-6, 6].Array[15].Select(Gen.Int[-1, 4].Array[5]).Sample((z, y) =>
        {
            var logp = new double[z.Length];
            Softmax.LogRows(z, 3, logp);
            ReadOnlySpan<double> weights = [0.5, 2.0, 1.25];
            int[] targets = y.Select(t => t > 2 ? 1 : t).ToArray();
            var nll = NllLoss.FromLogProbabilities(logp, 3, targets, weights, ignoreIndex: -1);
            var ce = CrossEntropyLoss.FromLogits(z, 3, targets, new() { ClassWeights = weights.ToArray(), IgnoreIndex = -1 });
            return double.IsNaN(ce.Value) ? double.IsNaN(nll.Value) : Math.Abs(nll.Value - ce.Value) <= 1e-12 * Math.Max(1, ce.Value);
        });

    [Fact]
    public void Matches_pytorch_for_every_option_combination()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("nll"))
        {
            cases++;
            int classes = c.GetProperty("classes").GetInt32();
            int[] targets = c.Ints("targets");
            var losses = new double[targets.Length];
            var result = c.IsDouble()
                ? NllLoss.FromLogProbabilities(c.Doubles("log_probabilities"), classes, targets, c.Doubles("weights"), c.GetProperty("ignore_index").GetInt32(), c.Reduction(), losses)
                : NllLoss.FromLogProbabilities(c.Floats("log_probabilities"), classes, targets, c.Doubles("weights"), c.GetProperty("ignore_index").GetInt32(), c.Reduction(), losses);
            // float32: PyTorch multiplies and divides in float32 (≤ 2 roundings of 6e-8 per term); we use double.
            c.CloseLoss(result, losses, c.IsDouble() ? 1e-12 : 1e-6, $"nll {c.GetProperty("dtype")} w={c.Doubles("weights").Length} ignore={c.GetProperty("ignore_index")} {c.Reduction()}");
        }

        Assert.Equal(28, cases);
    }

    [Fact]
    public void Every_row_ignored_gives_nan_mean_and_zero_sum()
    {
        var mean = NllLoss.FromLogProbabilities([-1.0, -2.0, -3.0, -4.0], 2, [-100, -100]);
        Assert.True(double.IsNaN(mean.Value));
        Assert.Equal((0.0, 0.0, 0L), (mean.Sum, mean.Weight, mean.Count));
        Assert.Equal(0.0, NllLoss.FromLogProbabilities([-1.0, -2.0], 2, [-100], reduction: LossReduction.Sum).Value);
    }

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        var ex = Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0, -3.0, -4.0], 2, [0, 2]));
        Assert.Equal("targets", ex.ParamName);
        Assert.Contains("targets has 2 at index 1", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0, double.NaN, -4.0], 2, [0, 0]));
        Assert.Equal("logProbabilities", ex.ParamName);
        Assert.Contains("NaN entry at index 2 (row 1, class 0)", ex.Message);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0, -3.0, -4.0], 2, [0])).ParamName);
        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0, -3.0], 2, [0])).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => NllLoss.FromLogProbabilities([-1.0], 0, [0])).ParamName);
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0], 2, [0], classWeights: [1.0])).ParamName);
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0], 2, [0], classWeights: [1.0, -1.0])).ParamName);
        Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0], 2, [0], reduction: (LossReduction)7)).ParamName);
        Assert.Equal("rowLosses", Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0, -1.0, -2.0], 2, [0, 1], rowLosses: new double[1])).ParamName);
    }

    [Fact]
    public void Gradient_is_minus_the_target_weight_over_the_total_weight()
    {
        double[] logp = [-0.1, -2.0, -3.0, -0.5, -1.5, -4.0];
        var gradient = new double[6];
        NllLoss.FromLogProbabilities(logp, 2, [0, -100, 1], classWeights: [2.0, 0.5], gradient: gradient);
        Assert.Equal([-2.0 / 2.5, 0.0, 0.0, 0.0, 0.0, -0.5 / 2.5], gradient);
        NllLoss.FromLogProbabilities(logp, 2, [0, -100, 1], classWeights: [2.0, 0.5], reduction: LossReduction.None, gradient: gradient);
        Assert.Equal([-2.0, 0.0, 0.0, 0.0, 0.0, -0.5], gradient);
    }

    [Fact]
    public void An_empty_batch_has_a_nan_mean_and_a_zero_sum_as_in_pytorch()
    {
        var mean = NllLoss.FromLogProbabilities(ReadOnlySpan<double>.Empty, 5, ReadOnlySpan<int>.Empty);
        Assert.True(double.IsNaN(mean.Value));
        Assert.Equal((0.0, 0.0, 0L), (mean.Sum, mean.Weight, mean.Count));
        Assert.Equal(0.0, NllLoss.FromLogProbabilities(ReadOnlySpan<float>.Empty, 5, ReadOnlySpan<int>.Empty, reduction: LossReduction.Sum).Value);
    }

    [Fact]
    public void Every_row_ignored_gives_a_zero_gradient()
    {
        var gradient = new float[4] { 9, 9, 9, 9 };
        NllLoss.FromLogProbabilities([-1f, -2f, -3f, -4f], 2, [-100, -100], gradient: gradient);
        Assert.Equal([0f, 0f, 0f, 0f], gradient);
    }

    [Fact]
    public void Gradient_through_log_softmax_is_the_cross_entropy_gradient() =>
        Gen.Double[-6, 6].Array[15].Select(Gen.Int[-1, 2].Array[5]).Sample((z, targets) =>
        {
            var logp = new double[15];
            Softmax.LogRows(z, 3, logp);
            double[] weights = [0.5, 2.0, 1.25];
            var nllGradient = new double[15];
            var nll = NllLoss.FromLogProbabilities(logp, 3, targets, weights, ignoreIndex: -1, gradient: nllGradient);
            var ceGradient = new double[15];
            CrossEntropyLoss.FromLogits(z, 3, targets, new() { ClassWeights = weights, IgnoreIndex = -1 }, gradient: ceGradient);
            // ∂CE/∂z_c = g_c − p_c Σ_k g_k (the log-softmax's Jacobian applied to the NLL gradient g).
            for (int row = 0; row < 5; row++)
            {
                double total = nllGradient.Skip(row * 3).Take(3).Sum();
                for (int c = 0; c < 3; c++)
                {
                    int i = (row * 3) + c;
                    if (Math.Abs(nllGradient[i] - (Math.Exp(logp[i]) * total) - ceGradient[i]) > 1e-14)
                    {
                        return false;
                    }
                }
            }

            return double.IsNaN(nll.Value) || GradientCheck.Agrees(logp, nllGradient, x => NllLoss.FromLogProbabilities(x, 3, targets, weights, ignoreIndex: -1).Value);
        });

    [Fact]
    public void Loss_and_gradient_match_pytorch_autograd_for_every_option_and_edge_case()
    {
        int cases = 0;
        foreach (var c in LossReference.GradientCases("nll"))
        {
            cases++;
            int classes = c.GetProperty("classes").GetInt32();
            int[] targets = c.Ints("targets");
            var losses = new double[targets.Length];
            string what = $"{c.Label("nll")} w={c.Doubles("weights").Length} ignore={c.GetProperty("ignore_index")} rows={targets.Length}";
            if (c.IsDouble())
            {
                var gradient = new double[c.Doubles("input").Length];
                var result = NllLoss.FromLogProbabilities(c.Doubles("input"), classes, targets, c.Doubles("weights"), c.GetProperty("ignore_index").GetInt32(), c.Reduction(), losses, gradient);
                c.CloseLoss(result, losses, 1e-12, what);
                c.CloseGradient("gradient", gradient, 1e-15, 0, what);
            }
            else
            {
                var gradient = new float[c.Doubles("input").Length];
                var result = NllLoss.FromLogProbabilities(c.Floats("input"), classes, targets, c.Doubles("weights"), c.GetProperty("ignore_index").GetInt32(), c.Reduction(), losses, gradient);
                // float32: PyTorch divides and multiplies in float32 (two roundings of 6e-8); we round once from double.
                c.CloseLoss(result, losses, 1e-6, what);
                c.CloseGradient("gradient", gradient, 2e-7, 0, what);
            }
        }

        Assert.Equal(42, cases);
    }

    [Fact]
    public void A_gradient_destination_too_short_is_named()
    {
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities([-1.0, -2.0, -1.0, -2.0], 2, [0, 1], gradient: new double[3])).ParamName);
        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => NllLoss.FromLogProbabilities(ReadOnlySpan<double>.Empty, 2, [0])).ParamName);
    }
}
