using CsCheck;
using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

public class CalibrationReportTests
{
    // Four two-class rows, each alone in its bin: conf 0.9, 0.6, 0.7, 0.8; predictions 0, 0, 1, 0; labels 0, 1, 1, 0.
    private static readonly double[] Four = [0.9, 0.1, 0.6, 0.4, 0.3, 0.7, 0.8, 0.2];
    private static readonly int[] FourLabels = [0, 1, 1, 0];

    [Fact]
    public void Worked_example_of_four_rows()
    {
        var report = CalibrationReport.FromProbabilities(Four, 2, FourLabels);
        Assert.Equal(4, report.N);
        Assert.Equal(2, report.Classes);
        Assert.Equal(0.75, report.Accuracy);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.4) + Math.Log(0.7) + Math.Log(0.8)) / 4, report.Nll, 15);
        Assert.Equal((0.02 + 0.72 + 0.18 + 0.08) / 4, report.Brier, 15);

        // One sample per bin: ECE = mean |correct − confidence| = (0.1 + 0.6 + 0.3 + 0.2)/4, MCE = 0.6.
        Assert.Equal(0.3, report.Ece, 15);
        Assert.Equal(0.6, report.Mce, 15);
        Assert.Equal(0.3, report.EceClasswise, 15);

        // A bin of one sample has no binomial variance, so Kumar et al.'s correction is 0.
        Assert.Equal(report.Ece, report.EceDebiased, 15);
        Assert.Equal(15, report.Bins.Count);
        Assert.Equal(4, report.Bins.Sum(b => b.Count));
        var ninety = report.Bins.Single(b => b.Count == 1 && b.Confidence == 0.9);
        Assert.Equal(1.0, ninety.Accuracy);
        Assert.True(ninety.Lower < 0.9 && 0.9 <= ninety.Upper);
        Assert.All(report.Bins.Where(b => b.Count == 0), b => Assert.True(double.IsNaN(b.Confidence) && double.IsNaN(b.Accuracy)));
        Assert.Null(report.Curve);
        Assert.Null(report.Temperature);
        Assert.Null(report.EceInterval);
    }

    [Fact]
    public void Logits_give_the_same_report_as_their_softmax()
    {
        double[] z = [Math.Log(0.9), Math.Log(0.1), Math.Log(0.6), Math.Log(0.4), Math.Log(0.3), Math.Log(0.7), Math.Log(0.8), Math.Log(0.2)];
        var fromLogits = CalibrationReport.FromLogits(z, 2, FourLabels);
        var fromProbabilities = CalibrationReport.FromProbabilities(Four, 2, FourLabels);
        Assert.Equal(fromProbabilities.Nll, fromLogits.Nll, 14);
        Assert.Equal(fromProbabilities.Brier, fromLogits.Brier, 14);
        Assert.Equal(fromProbabilities.Ece, fromLogits.Ece, 14);
        Assert.Equal(fromProbabilities.EceClasswise, fromLogits.EceClasswise, 14);
    }

    [Fact]
    public void Large_logits_give_certain_predictions_never_nan()
    {
        var report = CalibrationReport.FromLogits([1000.0, 0.0, 0.0, 1000.0, -431, 279, 427, 0], 2, [0, 1, 0, 1]);
        Assert.Equal(1.0, report.Bins[^1].Confidence);
        Assert.Equal((0 + 0 + 710 + 427) / 4.0, report.Nll, 12);
        Assert.Equal(0.5, report.Accuracy);
        Assert.Equal((0 + 0 + 2 + 2) / 4.0, report.Brier, 15);
    }

    [Fact]
    public void Masked_classes_and_zero_probabilities_fall_in_the_first_bin()
    {
        var fromLogits = CalibrationReport.FromLogits([0.0, double.NegativeInfinity, 0.0], 3, [0]);
        Assert.Equal(Math.Log(2), fromLogits.Nll, 15);
        Assert.Equal(0.5, fromLogits.Bins.Single(b => b.Count == 1).Confidence);
        var report = CalibrationReport.FromProbabilities([0.5, 0.0, 0.5], 3, [1]);
        Assert.Equal(double.PositiveInfinity, report.Nll);
        Assert.Equal(1.0 + 0.25 + 0.25, report.Brier, 15);

        // Class 1 has p = 0 with label 1: its first bin counts one event against zero probability: ECE_1 = 1.
        Assert.Equal((0.5 + 1.0 + 0.5) / 3, report.EceClasswise, 15);
    }

    [Fact]
    public void Ties_predict_the_first_class_as_numpys_argmax()
    {
        var first = CalibrationReport.FromProbabilities([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], 2, [0, 1, 1]);
        Assert.Equal(1.0 / 3, first.Accuracy, 15);
        var logits = CalibrationReport.FromLogits([-0.0f, 0.0f, 3f, 3f], 2, [0, 1]);
        Assert.Equal(0.5, logits.Accuracy);
    }

    [Fact]
    public void Normalize_rescales_rows_instead_of_rejecting_them()
    {
        var report = CalibrationReport.FromProbabilities([9.0, 1.0, 6, 4, 3, 7, 8, 2], 2, FourLabels, new CalibrationOptions { Normalize = true });
        var exact = CalibrationReport.FromProbabilities(Four, 2, FourLabels);
        Assert.Equal(exact.Nll, report.Nll, 15);
        Assert.Equal(exact.Ece, report.Ece, 15);
        Assert.Equal(exact.Brier, report.Brier, 15);
    }

    [Fact]
    public void Normalize_rescales_rows_whose_total_overflows()
    {
        // 1e308 + 1e308 = +∞ in double (and 3e38 + 3e38 in float): the row is divided by its maximum before summing.
        var report = CalibrationReport.FromProbabilities([1e308, 1e308, 3e307, 9e307], 2, [0, 1], new CalibrationOptions { Normalize = true });
        var exact = CalibrationReport.FromProbabilities([0.5, 0.5, 0.25, 0.75], 2, [0, 1]);
        Assert.Equal(exact.Nll, report.Nll, 15);
        Assert.Equal(exact.Brier, report.Brier, 15);
        Assert.Equal(exact.Ece, report.Ece, 15);
        var single = CalibrationReport.FromProbabilities([3e38f, 3e38f, 1e38f, 3e38f], 2, [0, 1], new CalibrationOptions { Normalize = true });
        Assert.Equal(exact.Nll, single.Nll, 6);
        Assert.Equal(exact.Brier, single.Brier, 6);
    }

    [Fact]
    public void Bits_divide_the_nll_by_ln_2()
    {
        var nats = CalibrationReport.FromProbabilities(Four, 2, FourLabels);
        var bits = CalibrationReport.FromProbabilities(Four, 2, FourLabels, new CalibrationOptions { LogBase = LogBase.Bits });
        Assert.Equal(nats.Nll / Math.Log(2), bits.Nll, 15);
        Assert.Equal(LogBase.Bits, bits.Unit);
        Assert.Equal(nats.Ece, bits.Ece);
    }

    [Fact]
    public void Ece_is_zero_when_every_group_of_equal_confidence_is_right_that_often()
    {
        // Groups of m rows with confidence k/m of which exactly k are right: any bin holds whole groups, so its accuracy
        // Σk/Σm equals its mean confidence Σ(k/m)·m/Σm, whatever the bins. The binary top-label confidence is ≥ ½.
        var group = Gen.Int[2, 12].SelectMany(m => Gen.Int[(m + 1) / 2, m].Select(k => (k, m)));
        Gen.Select(group.Array[1, 12], Gen.Int[1, 30], Gen.Bool).Sample((groups, bins, quantile) =>
        {
            var p = new List<double>();
            var y = new List<int>();
            foreach (var (k, m) in groups)
            {
                double c = (double)k / m;
                for (int i = 0; i < m; i++)
                {
                    p.Add(c);
                    p.Add(1 - c);
                    y.Add(i < k ? 0 : 1);
                }
            }

            var options = new CalibrationOptions { Bins = bins, Strategy = quantile ? BinStrategy.Quantile : BinStrategy.Uniform };
            var report = CalibrationReport.FromProbabilities(p.ToArray(), 2, y.ToArray(), options);
            return report.Ece <= 1e-15 && report.Mce <= 1e-15;
        });
    }

    [Fact]
    public void Brier_decomposition_adds_up_for_any_bins()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Int[2, 7], Gen.Int[1, 25], Gen.UInt).Sample((n, classes, bins, seed) =>
        {
            var (p, y) = RandomRows(n, classes, (int)(seed % 100_000));
            var report = CalibrationReport.FromProbabilities(p, classes, y, new CalibrationOptions { Bins = bins });
            var d = report.BrierDecomposition;
            return Math.Abs(d.Total - report.Brier) <= 1e-13 && d.Reliability >= 0 && d.Resolution >= 0 && d.Uncertainty >= 0;
        });
    }

    [Fact]
    public void Binary_decomposition_is_murphys_three_terms_when_each_bin_holds_one_forecast()
    {
        double[] p = [0.1, 0.1, 0.1, 0.7, 0.7, 0.7, 0.7, 0.95];
        int[] y = [0, 0, 1, 1, 1, 0, 1, 1];
        var d = BrierScore.Decompose(p, y, bins: 10);
        Assert.Equal(0.0, d.WithinBinVariance, 15);
        Assert.Equal(0.0, d.WithinBinCovariance, 15);

        // Base rate 5/8; bins (0.1: 1/3 of 3), (0.7: 3/4 of 4), (0.95: 1 of 1).
        double rel = ((3 * Math.Pow(0.1 - (1.0 / 3), 2)) + (4 * Math.Pow(0.7 - 0.75, 2)) + Math.Pow(0.95 - 1, 2)) / 8;
        double res = ((3 * Math.Pow((1.0 / 3) - 0.625, 2)) + (4 * Math.Pow(0.75 - 0.625, 2)) + Math.Pow(1 - 0.625, 2)) / 8;
        Assert.Equal(rel, d.Reliability, 15);
        Assert.Equal(res, d.Resolution, 15);
        Assert.Equal(0.625 * 0.375, d.Uncertainty, 15);
        Assert.Equal(BrierScore.Of(p, y), d.Total, 15);
    }

    [Fact]
    public void Large_tables_run_in_parts_and_match_a_direct_computation()
    {
        // 3000 × 300 = 9·10⁵ values: several parts merged in order.
        int n = 3000, classes = 300;
        var random = new Random(11);
        var z = new float[n * classes];
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = (float)(random.NextDouble() * 8 - 4);
        }

        var y = Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
        var report = CalibrationReport.FromLogits(z, classes, y);
        Assert.Equal(report, CalibrationReport.FromLogits(z, classes, y) with { Bins = report.Bins });
        double nll = 0, brier = 0, classwise = 0;
        var sums = new double[classes * 15];
        var events = new double[classes * 15];
        var edges = CalibrationBinning.UniformEdges(15);
        var row = new double[classes];
        for (int i = 0; i < n; i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < classes; k++)
            {
                max = Math.Max(max, z[(i * classes) + k]);
            }

            double s = 0;
            for (int k = 0; k < classes; k++)
            {
                s += Math.Exp(z[(i * classes) + k] - max);
            }

            for (int k = 0; k < classes; k++)
            {
                row[k] = Math.Exp(z[(i * classes) + k] - max) / s;
                brier += Math.Pow(row[k] - (k == y[i] ? 1 : 0), 2);
                int cell = (k * 15) + CalibrationBinning.Locate(edges, row[k], uniform: true);
                sums[cell] += row[k];
                events[cell] += k == y[i] ? 1 : 0;
            }

            nll -= Math.Log(row[y[i]]);
        }

        for (int cell = 0; cell < sums.Length; cell++)
        {
            classwise += Math.Abs(events[cell] - sums[cell]) / n;
        }

        // Float exponentials (as PyTorch's float32 softmax): 1e-6 relative.
        Assert.Equal(nll / n, report.Nll, 1e-6 * nll / n);
        Assert.Equal(brier / n, report.Brier, 1e-6);
        Assert.Equal(classwise / classes, report.EceClasswise, 1e-6);
    }

    [Fact]
    public void Short_float_rows_read_eight_at_a_time_agree_with_double_rows_read_one_by_one()
    {
        // Float rows under 32 classes go through the transposed eight-row kernel; double rows through the row kernel.
        var random = new Random(8);
        int n = 203, classes = 5;
        var z = Enumerable.Range(0, n * classes).Select(_ => (float)((random.NextDouble() * 10) - 5)).ToArray();
        z[(17 * classes) + 4] = float.NegativeInfinity; // a masked class inside a block
        var y = Enumerable.Range(0, n).Select(i => i % classes).ToArray();
        var single = CalibrationReport.FromLogits(z, classes, y, new CalibrationOptions { FitTemperature = true });
        var wide = CalibrationReport.FromLogits(z.Select(v => (double)v).ToArray(), classes, y, new CalibrationOptions { FitTemperature = true });
        Assert.Equal(wide.Accuracy, single.Accuracy);
        Assert.Equal(wide.Brier, single.Brier, 1e-6);
        Assert.Equal(wide.Ece, single.Ece, 1e-6);
        Assert.Equal(wide.EceClasswise, single.EceClasswise, 1e-6);
        Assert.Equal(wide.Temperature!.Temperature, single.Temperature!.Temperature, 1e-12);
        Assert.Equal(wide.Temperature.NllAfter, single.Temperature.NllAfter, 1e-14);

        // A bad entry inside a block is named exactly, as the row kernel names it.
        z[(11 * classes) + 3] = float.NaN;
        var ex = Assert.Throws<ArgumentException>(() => CalibrationReport.FromLogits(z, classes, y));
        Assert.Contains("row 11, class 3", ex.Message);
        z[(11 * classes) + 3] = float.PositiveInfinity;
        Assert.Contains("row 11, class 3", Assert.Throws<ArgumentException>(() => CalibrationReport.FromLogits(z, classes, y)).Message);
    }

    [Fact]
    public void Half_sampling_interval_is_seeded_and_contains_the_ece()
    {
        var (p, y) = RandomRows(400, 4, 3);
        var options = new CalibrationOptions { IntervalReplicates = 100, ConfidenceLevel = 0.9, Seed = 7 };
        var report = CalibrationReport.FromProbabilities(p, 4, y, options);
        var again = CalibrationReport.FromProbabilities(p, 4, y, options);
        var interval = report.EceInterval!.Value;
        Assert.Equal(interval, again.EceInterval!.Value);
        Assert.Equal(0.9, interval.Level);
        Assert.InRange(report.Ece, interval.Low, interval.High);
        Assert.True(interval.Low < interval.High);
        Assert.NotEqual(interval, CalibrationReport.FromProbabilities(p, 4, y, options with { Seed = 8 }).EceInterval!.Value);
        var quantile = CalibrationReport.FromProbabilities(p, 4, y, options with { Strategy = BinStrategy.Quantile }).EceInterval!.Value;
        Assert.True(quantile.Low < quantile.High);
    }

    [Fact]
    public void Binary_logits_are_the_two_class_logits_zero_and_z()
    {
        double[] z = [2.0, -1.0, 0.3, double.PositiveInfinity, double.NegativeInfinity];
        int[] y = [1, 0, 0, 1, 0];
        var report = CalibrationReport.FromBinaryLogits(z, y);
        var p = z.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
        var fromP = CalibrationReport.FromBinaryProbabilities(p, y);
        Assert.Equal(fromP.Brier, report.Brier, 15);
        Assert.Equal(fromP.Nll, report.Nll, 14);
        Assert.Equal(fromP.Ece, report.Ece, 15);
        Assert.Equal(fromP.Curve!.ProbPred, report.Curve!.ProbPred);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationReport.FromProbabilities([1.0], 1, [0])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities(Four, 2, [0, 1, 2, 0])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities(Four, 2, [0, 1, -1, 0])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities(Array.Empty<double>(), 2, [])).ParamName);
        var mismatch = Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities(Four, 2, [0, 1, 1]));
        Assert.Equal("probabilities", mismatch.ParamName);
        var nan = Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities([0.5, 0.5, double.NaN, 1.0], 2, [0, 1]));
        Assert.Contains("NaN entry at row 1, class 0", nan.Message);
        var sum = Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities([0.5, 0.5, 0.5, 0.49], 2, [0, 1]));
        Assert.Contains("row 1 sums to 0.99", sum.Message);
        Assert.Equal("probabilities", sum.ParamName);
        Assert.Contains("negative entry -0.1 at row 0, class 1", Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities([1.1, -0.1], 2, [0])).Message);
        Assert.Contains("sums to 0", Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities(new double[] { 0.0, 0.0 }, 2, [0], new CalibrationOptions { Normalize = true })).Message);
        var logit = Assert.Throws<ArgumentException>(() => CalibrationReport.FromLogits([0.0, 1.0, double.NaN, 0.0], 2, [0, 1]));
        Assert.Equal("logits", logit.ParamName);
        Assert.Contains("row 1, class 0", logit.Message);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => CalibrationReport.FromLogits([double.NegativeInfinity, double.NegativeInfinity], 2, [0])).ParamName);
        Assert.Equal("options.Bins", Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationReport.FromProbabilities(Four, 2, FourLabels, new CalibrationOptions { Bins = 0 })).ParamName);
        Assert.Equal("options.IntervalReplicates", Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationReport.FromProbabilities(Four, 2, FourLabels, new CalibrationOptions { IntervalReplicates = 1 })).ParamName);
        Assert.Equal("options.ConfidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationReport.FromProbabilities(Four, 2, FourLabels, new CalibrationOptions { ConfidenceLevel = 1 })).ParamName);
        Assert.Equal("options.SumTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationReport.FromProbabilities(Four, 2, FourLabels, new CalibrationOptions { SumTolerance = double.NaN })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => CalibrationReport.FromProbabilities(new double[20_000], 20_000, [0], new CalibrationOptions { Bins = 1000 })).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => CalibrationReport.FromBinaryProbabilities([0.5, 1.5], [0, 1])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => CalibrationReport.FromBinaryProbabilities([0.5, 0.5], [0, 2])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => CalibrationReport.FromBinaryProbabilities([0.5, 0.5], [0])).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => CalibrationReport.FromBinaryLogits([double.NaN], [0])).ParamName);
    }

    /// <summary>Rows of softmax(3·N(0, 1)) with labels drawn from a tempered version of them.</summary>
    internal static (double[] P, int[] Y) RandomRows(int n, int classes, int seed)
    {
        var random = new Random(seed);
        var p = new double[n * classes];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int k = 0; k < classes; k++)
            {
                double u = random.NextDouble(), v = random.NextDouble();
                double normal = Math.Sqrt(-2 * Math.Log(1 - u)) * Math.Cos(2 * Math.PI * v);
                p[(i * classes) + k] = Math.Exp(3 * normal);
                sum += p[(i * classes) + k];
            }

            double draw = random.NextDouble() * sum;
            y[i] = classes - 1;
            for (int k = 0; k < classes; k++)
            {
                p[(i * classes) + k] /= sum;
                draw -= p[(i * classes) + k] * sum;
                if (draw < 0 && y[i] == classes - 1)
                {
                    y[i] = k;
                }
            }
        }

        return (p, y);
    }
}
