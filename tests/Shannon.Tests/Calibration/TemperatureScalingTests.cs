using CsCheck;
using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

public class TemperatureScalingTests
{
    [Fact]
    public void Three_equal_rows_with_a_closed_form_temperature()
    {
        // Three rows of logits [2, 0], labels 0, 0, 1: one calibrated probability p = σ(2/T) serves all three rows,
        // and the NLL −(2 ln p + ln(1 − p))/3 is least at p = 2/3, i.e. T* = 2 / ln 2.
        double[] z = [2.0, 0.0, 2.0, 0.0, 2.0, 0.0];
        int[] y = [0, 0, 1];
        var fit = TemperatureScaling.FromLogits(z, 2, y);

        Assert.Equal(2 / Math.Log(2), fit.Temperature, 12);
        double expected = -((2 * Math.Log(2.0 / 3)) + Math.Log(1.0 / 3)) / 3;
        Assert.Equal(expected, fit.NllAfter, 14);
        Assert.Equal(CalibrationReport.FromLogits(z, 2, y).Nll, fit.NllBefore, 14);
        Assert.True(fit.Passes is > 1 and < 20);
    }

    [Fact]
    public void Scaling_the_logits_scales_the_temperature()
    {
        Gen.Select(Gen.Int[20, 120], Gen.Int[2, 8], Gen.Double[0.2, 5.0], Gen.UInt).Sample((n, classes, a, seed) =>
        {
            var (p, y) = CalibrationReportTests.RandomRows(n, classes, (int)(seed % 100_000));
            var z = p.Select(v => Math.Log(v)).ToArray();
            try
            {
                double t = TemperatureScaling.FromLogits(z, classes, y).Temperature;
                double scaled = TemperatureScaling.FromLogits(z.Select(v => a * v).ToArray(), classes, y).Temperature;
                return Math.Abs(scaled - (a * t)) <= 1e-9 * a * t;
            }
            catch (ArgumentException)
            {
                return true; // a draw whose labels are all top classes has no finite optimum
            }
        });
    }

    [Fact]
    public void Temperature_scaling_never_raises_the_nll()
    {
        Gen.Select(Gen.Int[5, 150], Gen.Int[2, 10], Gen.Double[0.1, 10.0], Gen.UInt).Sample((n, classes, sharpen, seed) =>
        {
            var (p, y) = CalibrationReportTests.RandomRows(n, classes, (int)(seed % 100_000));
            var z = p.Select(v => sharpen * Math.Log(v)).ToArray();
            TemperatureFit fit;
            try
            {
                fit = TemperatureScaling.FromLogits(z, classes, y);
            }
            catch (ArgumentException)
            {
                return true;
            }

            return fit.NllAfter <= fit.NllBefore && fit.Temperature > 0;
        });
    }

    [Fact]
    public void Probabilities_fit_through_their_logarithms_and_normalising_changes_nothing()
    {
        var (p, y) = CalibrationReportTests.RandomRows(200, 5, 9);
        var fromP = TemperatureScaling.FromProbabilities(p, 5, y);
        var fromZ = TemperatureScaling.FromLogits(p.Select(v => Math.Log(v)).ToArray(), 5, y);
        Assert.Equal(fromZ.Temperature, fromP.Temperature, 12);
        var scaled = TemperatureScaling.FromProbabilities(p.Select(v => 3 * v).ToArray(), 5, y, new CalibrationOptions { Normalize = true });
        Assert.Equal(fromP.Temperature, scaled.Temperature, 12);
        var single = TemperatureScaling.FromProbabilities(p.Select(v => (float)v).ToArray(), 5, y, new CalibrationOptions { Normalize = true });
        Assert.Equal(fromP.Temperature, single.Temperature, 5);
    }

    [Fact]
    public void Newton_converges_in_a_few_passes_even_when_the_last_step_rounds_to_nothing()
    {
        // Near the root the Newton step can round back to β itself, which lies on the bracket's edge; that is
        // convergence, not a reason to bisect the bracket 40 more times.
        for (int seed = 0; seed < 12; seed++)
        {
            var (p, y) = CalibrationReportTests.RandomRows(3000, 10, seed);
            var fit = TemperatureScaling.FromLogits(p.Select(v => 3 * Math.Log(v)).ToArray(), 10, y);
            Assert.True(fit.Passes <= 12, $"seed {seed}: {fit.Passes} passes");
        }
    }

    [Fact]
    public void Over_confident_logits_get_a_temperature_above_one()
    {
        var (p, y) = CalibrationReportTests.RandomRows(500, 4, 2);
        var hot = TemperatureScaling.FromLogits(p.Select(v => 4 * Math.Log(v)).ToArray(), 4, y);
        var cold = TemperatureScaling.FromLogits(p.Select(v => 0.25 * Math.Log(v)).ToArray(), 4, y);
        Assert.True(hot.Temperature > 1, $"{hot.Temperature}");
        Assert.True(cold.Temperature < 1, $"{cold.Temperature}");
        Assert.True(hot.EceAfter < hot.EceBefore);
    }

    [Fact]
    public void No_finite_minimiser_is_an_argument_exception()
    {
        // Every label is a top class: the NLL falls towards 0 as T → 0.
        var onTop = Assert.Throws<ArgumentException>(() => TemperatureScaling.FromLogits([2.0, 0.0, 0.0, 1.0], 2, [0, 1]));
        Assert.Contains("T → 0", onTop.Message);
        Assert.Equal("logits", onTop.ParamName);

        // The labels are the least likely classes: the NLL falls as T → ∞.
        var inverted = Assert.Throws<ArgumentException>(() => TemperatureScaling.FromLogits([2.0, 0.0, 0.0, 1.0], 2, [1, 0]));
        Assert.Contains("T → ∞", inverted.Message);

        var zero = Assert.Throws<ArgumentException>(() => TemperatureScaling.FromProbabilities([1.0, 0.0, 0.5, 0.5], 2, [1, 0]));
        Assert.Contains("row 0 gives its label 1 probability 0", zero.Message);
        Assert.Equal("probabilities", zero.ParamName);
        Assert.Contains("row 1 sums to", Assert.Throws<ArgumentException>(() => TemperatureScaling.FromProbabilities([0.5, 0.5, 0.5, 0.6], 2, [1, 0])).Message);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => TemperatureScaling.FromLogits([0.0, double.PositiveInfinity], 2, [1])).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => TemperatureScaling.FromLogits([0.0], 1, [0])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => TemperatureScaling.FromBinaryProbabilities([0.2, 0.7], [1, 3])).ParamName);
    }
}
