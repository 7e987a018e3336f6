using Shannon.Calibration;
using Shannon.Numerics;

namespace Shannon.Tests.Calibration;

/// <summary>
/// The paths only large inputs take: the temperature fit's warm start (from 4·2¹⁶ rows), whose first full pass also
/// yields the numbers at T = 1, and equal-width top-label bins counted inside the pass or in parallel parts.
/// </summary>
public class CalibrationLargeInputTests
{
    private const int Rows = 4 << 16;

    /// <summary>Over-confident logits: 3·N(0, 1) with the label's logit raised by 4 (seeded).</summary>
    internal static (double[] Z, int[] Y) OverConfident(int n, int classes, int seed)
    {
        var random = new Random(seed);
        var z = new double[n * classes];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = random.Next(classes);
            for (int k = 0; k < classes; k++)
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
                z[(i * classes) + k] = (float)(3 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }

            z[(i * classes) + y[i]] = (float)(z[(i * classes) + y[i]] + 4); // float values, so that float input holds the same logits
        }

        return (z, y);
    }

    /// <summary>L(β) and L′(β) of the mean NLL of softmax(β z), by a plain scalar loop (compensated sums over the rows).</summary>
    private static (double Value, double Slope) Direct(double[] z, int[] y, int classes, double beta)
    {
        var value = default(CompensatedSum);
        var slope = default(CompensatedSum);
        for (int i = 0; i < y.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < classes; k++)
            {
                max = Math.Max(max, z[(i * classes) + k]);
            }

            double s = 0, s1 = 0;
            for (int k = 0; k < classes; k++)
            {
                double d = z[(i * classes) + k] - max;
                double e = Math.Exp(beta * d);
                s += e;
                s1 += d * e;
            }

            double gap = z[(i * classes) + y[i]] - max;
            value.Add(Math.Log(s) - (beta * gap));
            slope.Add((s1 / s) - gap);
        }

        return (value.Value / y.Length, slope.Value / y.Length);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Warm_started_fit_reaches_the_root_and_reports_the_nll_at_one_exactly(int classes)
    {
        int n = classes == 3 ? Rows : Rows + 5; // 40 classes: rows read one by one, and a ragged last part
        var (z, y) = OverConfident(n, classes, classes);
        var fit = TemperatureScaling.FromLogits(z, classes, y);
        var (atOne, _) = Direct(z, y, classes, 1.0);
        var (atRoot, slope) = Direct(z, y, classes, 1.0 / fit.Temperature);
        Assert.True(fit.Temperature > 1.0);
        Assert.Equal(atOne, fit.NllBefore, 1e-12 * atOne);
        Assert.Equal(atRoot, fit.NllAfter, 1e-12 * atRoot);
        Assert.True(Math.Abs(slope) <= 1e-12 * Math.Abs(atRoot), $"L′(β*) = {slope}");
        Assert.True(fit.Passes <= 4, $"{fit.Passes} passes");

        // The report's fit (after its metrics pass) is the same fit; the ECE before is the report's, up to rounding.
        var report = CalibrationReport.FromLogits(z, classes, y, new CalibrationOptions { FitTemperature = true });
        Assert.Equal(fit, report.Temperature);
        Assert.Equal(report.Ece, fit.EceBefore, 1e-12);
        Assert.Equal(fit.NllBefore, report.Nll);

        // Float logits hold the same values, so the same fit to rounding.
        var single = TemperatureScaling.FromLogits(z.Select(v => (float)v).ToArray(), classes, y);
        Assert.Equal(fit.Temperature, single.Temperature, 1e-12 * fit.Temperature);
        Assert.Equal(fit.NllBefore, single.NllBefore, 1e-12 * fit.NllBefore);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Reports_and_fits_have_the_same_bits_on_any_number_of_cores(int workers)
    {
        // Float rows of 10 classes (transposed blocks) and of 70 (one by one): parts of fixed size merged in order.
        foreach (int classes in new[] { 10, 70 })
        {
            int n = classes == 10 ? Rows + 3 : 20_000;
            var (z, y) = OverConfident(n, classes, 12);
            var single = z.Select(v => (float)v).ToArray();
            var options = new CalibrationOptions { FitTemperature = true };
            var expected = CalibrationReport.FromLogits(single, classes, y, options);
            CalibrationReport actual;
            RowParts.Workers = workers;
            try
            {
                actual = CalibrationReport.FromLogits(single, classes, y, options);
            }
            finally
            {
                RowParts.Workers = null;
            }

            Assert.Equal(expected with { Bins = [] }, actual with { Bins = [] }); // every number, the fit's included, to the bit
            Assert.Equal(expected.Bins, actual.Bins);
        }
    }

    [Fact]
    public void Warm_start_still_names_the_first_bad_row_wherever_it_lies()
    {
        int classes = 3;
        var (z, y) = OverConfident(Rows, classes, 5);
        int stride = Rows >> 16;
        foreach (int row in new[] { 0, stride * 7, Rows - 1 })
        {
            var bad = (double[])z.Clone();
            bad[(row * classes) + 1] = double.NaN;
            bad[((Rows - 1) * classes) + 2] = double.PositiveInfinity; // a later bad row, in the subsample or not
            var ex = Assert.Throws<ArgumentException>(() => TemperatureScaling.FromLogits(bad, classes, y));
            Assert.Equal("logits", ex.ParamName);
            Assert.Contains($"row {row}, class 1", ex.Message);
        }
    }

    [Fact]
    public void Warm_start_rejects_labels_no_more_likely_than_average_as_the_plain_fit_does()
    {
        // Every row's label is its least likely class: L′(0) > 0, no finite minimiser, on the subsample and on all rows.
        int classes = 3;
        var (z, y) = OverConfident(Rows, classes, 6);
        for (int i = 0; i < Rows; i++)
        {
            y[i] = Enumerable.Range(0, classes).MinBy(k => z[(i * classes) + k]);
        }

        var ex = Assert.Throws<ArgumentException>(() => TemperatureScaling.FromLogits(z, classes, y));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains("no finite temperature", ex.Message);
    }

    [Fact]
    public void Equal_width_bins_counted_in_parallel_parts_match_the_one_by_one_count()
    {
        var (z, y) = OverConfident(Rows, 4, 9);
        var plain = CalibrationReport.FromLogits(z, 4, y);
        var kept = CalibrationReport.FromLogits(z, 4, y, new CalibrationOptions { IntervalReplicates = 2 });
        Assert.Equal(kept.Ece, plain.Ece, 1e-15);
        Assert.Equal(kept.Mce, plain.Mce, 1e-15);
        Assert.Equal(kept.EceDebiased, plain.EceDebiased, 1e-15);
        for (int b = 0; b < plain.Bins.Count; b++)
        {
            Assert.Equal(kept.Bins[b].Count, plain.Bins[b].Count);
            Assert.Equal(kept.Bins[b].Confidence, plain.Bins[b].Confidence, 1e-15);
            Assert.Equal(kept.Bins[b].Accuracy, plain.Bins[b].Accuracy);
        }

        // The top-label bins of a long confidence array, in parts, against the same bins counted row by row.
        var confidence = Enumerable.Range(0, Rows).Select(i => ((i * 0.618034) % 1.0) + 1e-9).ToArray();
        var correct = Enumerable.Range(0, Rows).Select(i => i % 3 == 0).ToArray();
        var all = Enumerable.Range(0, Rows).ToArray();
        var parts = TopLabelBins.From(confidence, correct, 15, BinStrategy.Uniform);
        var serial = TopLabelBins.From(confidence, correct, 15, BinStrategy.Uniform, all);
        Assert.Equal(serial.ExpectedError(), parts.ExpectedError(), 1e-15);
        Assert.Equal(serial.MaximumError(), parts.MaximumError(), 1e-15);
        Assert.Equal(serial.Bins().Select(bin => bin.Count), parts.Bins().Select(bin => bin.Count));
    }
}
