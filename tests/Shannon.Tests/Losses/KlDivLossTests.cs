using CsCheck;
using Shannon.Losses;
using Shannon.Measures;

namespace Shannon.Tests.Losses;

public class KlDivLossTests
{
    [Fact]
    public void Batchmean_is_the_kl_divergence_and_mean_is_it_divided_by_the_classes()
    {
        double[] p = [0.5, 0.5];
        double[] q = [0.9, 0.1];
        double kl = (0.5 * Math.Log(0.5 / 0.9)) + (0.5 * Math.Log(0.5 / 0.1));
        double[] logq = q.Select(v => Math.Log(v)).ToArray();
        Assert.Equal(kl, KlDivLoss.FromLogProbabilities(logq, p, 2).Value, 14);
        Assert.Equal(kl / 2, KlDivLoss.FromLogProbabilities(logq, p, 2, KlDivReduction.Mean).Value, 14);
        Assert.Equal(kl, KlDivLoss.FromLogProbabilities(logq, p.Select(v => Math.Log(v)).ToArray(), 2, logTarget: true).Value, 14);
    }

    [Fact]
    public void Batchmean_equals_the_measures_kl_averaged_over_rows() =>
        Gen.Double[0.01, 1].Array[12].Select(Gen.Double[-5, 5].Array[12]).Sample((raw, z) =>
        {
            var logq = new double[12];
            Softmax.LogRows(z, 4, logq);
            var p = new double[12];
            double expected = 0;
            for (int row = 0; row < 3; row++)
            {
                Distributions.Normalize(raw.AsSpan(row * 4, 4), p.AsSpan(row * 4, 4));
                expected += Divergence.KullbackLeibler(p.AsSpan(row * 4, 4), logq.Skip(row * 4).Take(4).Select(v => Math.Exp(v)).ToArray()) / 3;
            }

            double loss = KlDivLoss.FromLogProbabilities(logq, p, 4).Value;
            return loss >= 0 && Math.Abs(loss - expected) <= 1e-12 * Math.Max(1, expected);
        });

    [Fact]
    public void A_zero_target_contributes_zero_even_against_minus_infinity()
    {
        var terms = new double[2];
        KlDivLoss.FromLogProbabilities([double.NegativeInfinity, 0.0], [0.0, 1.0], 2, KlDivReduction.None, elementLosses: terms);
        Assert.Equal([0.0, 0.0], terms);
        KlDivLoss.FromLogProbabilities([double.NegativeInfinity, 0.0], [double.NegativeInfinity, 0.0], 2, KlDivReduction.None, logTarget: true, elementLosses: terms);
        Assert.Equal([0.0, 0.0], terms);
        Assert.Equal(double.PositiveInfinity, KlDivLoss.FromLogProbabilities([double.NegativeInfinity, 0.0], [0.5, 0.5], 2).Value);
    }

    [Fact]
    public void Matches_pytorch_for_every_option_combination()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("kl_div"))
        {
            cases++;
            int classes = c.GetProperty("classes").GetInt32();
            bool logTarget = c.GetProperty("log_target").GetBoolean();
            var reduction = c.GetProperty("reduction").GetString() switch
            {
                "batchmean" => KlDivReduction.BatchMean,
                "mean" => KlDivReduction.Mean,
                "sum" => KlDivReduction.Sum,
                _ => KlDivReduction.None,
            };
            var terms = new double[c.Doubles("input").Length];
            var result = c.IsDouble()
                ? KlDivLoss.FromLogProbabilities(c.Doubles("input"), c.Doubles("target"), classes, reduction, logTarget, terms)
                : KlDivLoss.FromLogProbabilities(c.Floats("input"), c.Floats("target"), classes, reduction, logTarget, terms);
            double[] expected = c.Doubles("loss");
            string what = $"kl_div {c.GetProperty("dtype")} logTarget={logTarget} {reduction}";
            // Terms t·(log t − x) are differences: their error is absolute, one rounding of log t or x (≤ 8 in size):
            // 2e-15 in double, 1e-6 in float32 where PyTorch computes in float32.
            if (reduction == KlDivReduction.None)
            {
                LossReference.Close(expected, terms, c.IsDouble() ? 1e-12 : 1e-6, what, absolute: c.IsDouble() ? 2e-15 : 1e-6);
            }
            else
            {
                LossReference.Close(expected[0], result.Value, c.IsDouble() ? 1e-12 : 1e-6, what, absolute: c.IsDouble() ? 0 : 1e-6);
            }
        }

        Assert.Equal(16, cases);
    }

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        var ex = Assert.Throws<ArgumentException>(() => KlDivLoss.FromLogProbabilities([-1.0, -0.5], [0.5, -0.5], 2));
        Assert.Equal("target", ex.ParamName);
        Assert.Contains("negative entry -0.5 at index 1", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => KlDivLoss.FromLogProbabilities([double.NaN, -0.5], [0.5, 0.5], 2));
        Assert.Equal("logProbabilities", ex.ParamName);
        Assert.Contains("NaN entry at index 0", ex.Message);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => KlDivLoss.FromLogProbabilities([-1.0, -0.5], [0.5, double.PositiveInfinity], 2, logTarget: true)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => KlDivLoss.FromLogProbabilities([-1.0, -0.5], [0.5], 2)).ParamName);
        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => KlDivLoss.FromLogProbabilities([-1.0, -0.5, -1.0], [0.5, 0.5, 0.0], 2)).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => KlDivLoss.FromLogProbabilities([-1.0], [1.0], 0)).ParamName);
        Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() => KlDivLoss.FromLogProbabilities([-1.0], [1.0], 1, (KlDivReduction)9)).ParamName);
        Assert.Equal("elementLosses", Assert.Throws<ArgumentException>(() => KlDivLoss.FromLogProbabilities([-1.0, -1.0], [0.5, 0.5], 2, elementLosses: new double[1])).ParamName);
    }

    private static KlDivReduction KlReduction(System.Text.Json.JsonElement c) => c.GetProperty("reduction").GetString() switch
    {
        "batchmean" => KlDivReduction.BatchMean,
        "mean" => KlDivReduction.Mean,
        "sum" => KlDivReduction.Sum,
        _ => KlDivReduction.None,
    };

    [Fact]
    public void Gradient_is_minus_the_target_over_the_divisor()
    {
        var gradient = new double[4];
        KlDivLoss.FromLogProbabilities([-1.0, -0.5, double.NegativeInfinity, -0.1], [0.25, 0.75, 0.0, 1.0], 2, gradient: gradient);
        Assert.Equal([-0.125, -0.375, 0.0, -0.5], gradient);
        KlDivLoss.FromLogProbabilities([-1.0, -0.5, -2.0, -0.1], [Math.Log(0.25), Math.Log(0.75), double.NegativeInfinity, 0.0], 2, KlDivReduction.Mean, logTarget: true, gradient: gradient);
        Assert.Equal([-0.0625, -0.1875, 0.0, -0.25], gradient);
    }

    [Fact]
    public void Gradient_agrees_with_finite_differences_for_both_target_forms() =>
        Gen.Double[-5, 0].Array[12].Select(Gen.Double[0, 1].Array[12], Gen.Bool).Sample((x, raw, logTarget) =>
        {
            var target = logTarget ? raw.Select(v => Math.Log(v + 0.01)).ToArray() : raw;
            var gradient = new double[12];
            KlDivLoss.FromLogProbabilities(x, target, 4, KlDivReduction.BatchMean, logTarget, gradient: gradient);
            return GradientCheck.Agrees(x, gradient, v => KlDivLoss.FromLogProbabilities(v, target, 4, KlDivReduction.BatchMean, logTarget).Value);
        });

    [Fact]
    public void Loss_and_gradient_match_pytorch_autograd_for_every_reduction_and_both_target_forms()
    {
        int cases = 0;
        foreach (var c in LossReference.GradientCases("kl_div"))
        {
            cases++;
            int classes = c.GetProperty("classes").GetInt32();
            bool logTarget = c.GetProperty("log_target").GetBoolean();
            var reduction = KlReduction(c);
            var terms = new double[c.Doubles("input").Length];
            string what = $"{c.Label("kl_div")} logTarget={logTarget} rows={terms.Length / classes}";
            double[] expected = c.Doubles("loss");
            CrossEntropyResult result;
            if (c.IsDouble())
            {
                var gradient = new double[terms.Length];
                result = KlDivLoss.FromLogProbabilities(c.Doubles("input"), c.Doubles("targets"), classes, reduction, logTarget, terms, gradient);
                c.CloseGradient("gradient", gradient, 1e-15, 0, what);
            }
            else
            {
                var gradient = new float[terms.Length];
                result = KlDivLoss.FromLogProbabilities(c.Floats("input"), c.Floats("targets"), classes, reduction, logTarget, terms, gradient);
                // PyTorch's float32 exp of a log target and its float32 division: two roundings.
                c.CloseGradient("gradient", gradient, 2e-7, 0, what);
            }

            // As above: the terms are differences, their error absolute (2e-15 in double, 1e-6 in float32).
            if (reduction == KlDivReduction.None)
            {
                LossReference.Close(expected, terms, c.IsDouble() ? 1e-12 : 1e-6, what, absolute: c.IsDouble() ? 2e-15 : 1e-6);
            }
            else
            {
                LossReference.Close(expected[0], result.Value, c.IsDouble() ? 1e-12 : 1e-6, what, absolute: c.IsDouble() ? 1e-15 : 1e-6);
            }
        }

        Assert.Equal(32, cases);
    }

    [Fact]
    public void A_gradient_destination_too_short_is_named() =>
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => KlDivLoss.FromLogProbabilities([-1.0, -1.0], [0.5, 0.5], 2, gradient: new double[1])).ParamName);
}
