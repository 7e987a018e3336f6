using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class FocalLossTests
{
    [Fact]
    public void Lin_et_al_down_weight_a_well_classified_example_by_one_minus_p_t_to_the_gamma()
    {
        double x = Math.Log(0.9 / 0.1); // p = 0.9
        Assert.Equal(0.25 * 0.01 * -Math.Log(0.9), FocalLoss.FromLogits([x], [1.0]).Value, 15);
        Assert.Equal(0.75 * 0.81 * -Math.Log(0.1), FocalLoss.FromLogits([x], [0.0]).Value, 14);
        Assert.Equal(0.01 * -Math.Log(0.9), FocalLoss.FromLogits([x], [1.0], alpha: null).Value, 15);
    }

    [Fact]
    public void A_confident_right_answer_keeps_its_tiny_factor()
    {
        // 1 − p_t = σ(−40) ≈ 4.2e-18, which 1 − σ(40) would round to 0.
        double expected = Math.Exp(-40) * Math.Exp(-40) * Math.Exp(-40);
        double loss = FocalLoss.FromLogits([40.0], [1.0], alpha: null).Value;
        Assert.True(Math.Abs(loss - expected) <= 1e-12 * expected, $"{loss} vs {expected}");
    }

    [Fact]
    public void Gamma_0_without_alpha_is_the_binary_cross_entropy() =>
        Gen.Double[-20, 20].Array[6].Select(Gen.Double[0, 1].Array[6]).Sample((z, y) =>
        {
            double bce = BinaryCrossEntropy.FromLogits(z, y).Value;
            return Math.Abs(FocalLoss.FromLogits(z, y, gamma: 0, alpha: null).Value - bce) <= 1e-14 * bce;
        });

    [Fact]
    public void Focal_loss_never_exceeds_the_binary_cross_entropy() =>
        Gen.Double[-20, 20].Array[6].Select(Gen.Double[0, 1].Array[6], Gen.Double[0, 5]).Sample((z, y, gamma) =>
            FocalLoss.FromLogits(z, y, gamma, alpha: null).Value <= BinaryCrossEntropy.FromLogits(z, y).Value * (1 + 1e-14));

    [Fact]
    public void Matches_torchvision_sigmoid_focal_loss_for_every_option_combination()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("focal"))
        {
            cases++;
            double gamma = c.Number("gamma");
            double? alpha = c.Number("alpha") < 0 ? null : c.Number("alpha");
            var losses = new double[c.Doubles("logits").Length];
            var result = c.IsDouble()
                ? FocalLoss.FromLogits(c.Doubles("logits"), c.Doubles("targets"), gamma, alpha, c.Reduction(), losses)
                : FocalLoss.FromLogits(c.Floats("logits"), c.Floats("targets"), gamma, alpha, c.Reduction(), losses);
            // torchvision forms 1 − p_t by subtraction; with |x| ≤ 3 that loses at most a factor 20 of precision (2e-15
            // relative in double). float32: PyTorch's float32 sigmoid, log and power, ≤ 1e-6 relative.
            c.CloseLoss(result, losses, c.IsDouble() ? 1e-12 : 1e-6, $"focal {c.GetProperty("dtype")} gamma={gamma} alpha={alpha} {c.Reduction()}", absolute: c.IsDouble() ? 1e-15 : 1e-7);
        }

        Assert.Equal(72, cases);
    }

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => FocalLoss.FromLogits([0.5], [1.0], gamma: -1)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => FocalLoss.FromLogits([0.5], [1.0], gamma: double.NaN)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => FocalLoss.FromLogits([0.5], [1.0], alpha: 1.5)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => FocalLoss.FromLogits([0.5, double.NaN], [1.0, 0.0]));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains("non-finite entry NaN at index 1", ex.Message);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => FocalLoss.FromLogits([0.5, 0.1], [1.0, 2.0])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => FocalLoss.FromLogits([0.5, 0.1], [1.0])).ParamName);
        Assert.Equal("elementLosses", Assert.Throws<ArgumentException>(() => FocalLoss.FromLogits([0.5, 0.1], [1.0, 0.0], elementLosses: new double[1])).ParamName);
    }

    [Fact]
    public void Gamma_0_gradient_is_the_balanced_binary_cross_entropy_gradient()
    {
        double[] z = [0.3, -2.0, 5.0];
        double[] y = [1.0, 0.0, 0.4];
        var focal = new double[3];
        var bce = new double[3];
        FocalLoss.FromLogits(z, y, gamma: 0, alpha: null, gradient: focal);
        BinaryCrossEntropy.FromLogits(z, y, gradient: bce);

        // Equal up to rounding: the cross-entropy's vector kernel (two lanes wide on 128-bit hardware, so it covers
        // part of these three values there) rounds its products in its own order.
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(bce[i], focal[i], 1e-15);
        }
    }

    [Fact]
    public void Gradient_agrees_with_finite_differences() =>
        Gen.Double[-6, 6].Array[8].Select(Gen.Double[0, 1].Array[8], Gen.Double[0, 4], Gen.Double[0, 1]).Sample((z, y, gamma, alpha) =>
        {
            var gradient = new double[8];
            FocalLoss.FromLogits(z, y, gamma, alpha, LossReduction.Sum, gradient: gradient);
            return GradientCheck.Agrees(z, gradient, x => FocalLoss.FromLogits(x, y, gamma, alpha, LossReduction.Sum).Value);
        });

    [Fact]
    public void A_saturated_hard_label_gets_a_finite_gradient_for_every_gamma()
    {
        // x = 800: σ(−x) underflows to 0, so 1 − p_t = 0 exactly; PyTorch's form gives NaN for 0 < γ < 1, the limit is 0.
        var gradient = new double[2];
        FocalLoss.FromLogits([800.0, -800.0], [1.0, 0.0], gamma: 0.5, reduction: LossReduction.Sum, gradient: gradient);
        Assert.Equal([0.0, 0.0], gradient);
    }

    [Fact]
    public void Loss_and_gradient_match_torchvision_autograd()
    {
        int cases = 0;
        foreach (var c in LossReference.GradientCases("focal"))
        {
            cases++;
            double gamma = c.Number("gamma");
            double? alpha = c.Number("alpha") < 0 ? null : c.Number("alpha");
            var losses = new double[c.Doubles("input").Length];
            string what = $"{c.Label("focal")} gamma={gamma} alpha={alpha} n={losses.Length}";
            if (c.IsDouble())
            {
                var gradient = new double[losses.Length];
                var result = FocalLoss.FromLogits(c.Doubles("input"), c.Doubles("targets"), gamma, alpha, c.Reduction(), losses, gradient);
                // torchvision forms 1 − p_t and σ(x) − y by subtraction: at |x| ≤ 3 a factor 20 of precision (1e-15 absolute);
                // at |x| = 12 or 30 the subtraction leaves PyTorch an absolute error of one ulp of 1 (1e-16).
                c.CloseLoss(result, losses, 1e-12, what, absolute: 1e-15);
                c.CloseGradient("gradient", gradient, 1e-11, 1e-15, what);
            }
            else
            {
                var gradient = new float[losses.Length];
                var result = FocalLoss.FromLogits(c.Floats("input"), c.Floats("targets"), gamma, alpha, c.Reduction(), losses, gradient);
                // float32: PyTorch's float32 sigmoid, log, power and subtractions (6e-8 each, absolute where it subtracts).
                c.CloseLoss(result, losses, 1e-5, what, absolute: 1e-7);
                c.CloseGradient("gradient", gradient, 1e-5, 1e-7, what);
            }
        }

        Assert.Equal(84, cases);
    }

    [Fact]
    public void A_gradient_destination_too_short_is_named() =>
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => FocalLoss.FromLogits([0.5f, 0.1f], [1f, 0f], gradient: new float[1])).ParamName);
}
