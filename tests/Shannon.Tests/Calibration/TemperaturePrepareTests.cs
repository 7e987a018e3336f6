using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

/// <summary>
/// The temperature fit's one-sweep row preparation (long logit rows: maximum, minimum and sum in one vector sweep;
/// short rows: lane-wise over a transposed block of eight) and its fallback to the general path for rows holding a NaN
/// or an infinity: masked classes (−∞) still carry no weight, bad entries are still named by row and class.
/// </summary>
public class TemperaturePrepareTests
{
    /// <summary>L′(β) by a scalar loop that skips −∞ (mean over rows of E_β z − z_y).</summary>
    private static double Slope(double[] z, int[] y, int classes, double beta)
    {
        double total = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            var row = z.AsSpan(i * classes, classes);
            double max = double.NegativeInfinity;
            foreach (double v in row)
            {
                max = Math.Max(max, v);
            }

            double s = 0.0, s1 = 0.0;
            foreach (double v in row)
            {
                if (double.IsFinite(v))
                {
                    double e = Math.Exp(beta * (v - max));
                    s += e;
                    s1 += (v - max) * e;
                }
            }

            total += (s1 / s) - (row[y[i]] - max);
        }

        return total / y.Length;
    }

    [Theory]
    [InlineData(10)]
    [InlineData(70)]
    [InlineData(1030)]
    public void Masked_classes_carry_no_weight_in_short_and_long_rows(int classes)
    {
        var (z, y) = CalibrationLargeInputTests.OverConfident(300, classes, classes);
        for (int i = 0; i < 300; i += 7)
        {
            int k = (y[i] + 1 + (i % (classes - 1))) % classes;
            z[(i * classes) + k] = double.NegativeInfinity;
        }

        var fit = TemperatureScaling.FromLogits(z, classes, y);
        var single = TemperatureScaling.FromLogits(z.Select(v => (float)v).ToArray(), classes, y);
        double slope = Slope(z, y, classes, 1.0 / fit.Temperature);
        Assert.True(Math.Abs(slope) <= 1e-12, $"L′(β*) = {slope}");
        Assert.Equal(fit.Temperature, single.Temperature, 1e-12 * fit.Temperature);
        Assert.Equal(fit.NllAfter, single.NllAfter, 1e-12 * fit.NllAfter);
    }

    [Theory]
    [InlineData(10, double.NaN)]
    [InlineData(10, double.PositiveInfinity)]
    [InlineData(70, double.NaN)]
    [InlineData(70, double.PositiveInfinity)]
    public void A_bad_entry_is_named_by_row_and_class_in_either_sweep(int classes, double bad)
    {
        var (z, y) = CalibrationLargeInputTests.OverConfident(50, classes, 3);
        z[(21 * classes) + 6] = bad;
        z[(40 * classes) + 2] = double.NaN; // a later bad row
        var ex = Assert.Throws<ArgumentException>(() => TemperatureScaling.FromLogits(z, classes, y));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains("row 21, class 6", ex.Message);
        var single = Assert.Throws<ArgumentException>(() => TemperatureScaling.FromLogits(z.Select(v => (float)v).ToArray(), classes, y));
        Assert.Contains("row 21, class 6", single.Message);
    }

    [Fact]
    public void A_row_of_masked_classes_but_the_label_is_accepted_and_a_label_at_minus_infinity_is_refused()
    {
        int classes = 70;
        var (z, y) = CalibrationLargeInputTests.OverConfident(40, classes, 4);
        for (int k = 0; k < classes; k++)
        {
            if (k != y[9] && k != (y[9] + 1) % classes)
            {
                z[(9 * classes) + k] = double.NegativeInfinity;
            }
        }

        var fit = TemperatureScaling.FromLogits(z, classes, y);
        Assert.True(Math.Abs(Slope(z, y, classes, 1.0 / fit.Temperature)) <= 1e-12);
        z[(12 * classes) + y[12]] = double.NegativeInfinity;
        Assert.Contains("row 12", Assert.Throws<ArgumentException>(() => TemperatureScaling.FromLogits(z, classes, y)).Message);
    }
}
