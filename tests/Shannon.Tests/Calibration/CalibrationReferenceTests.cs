using System.Text.Json;
using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

/// <summary>Every number of the reports against scikit-learn, numpy and PyTorch (References/calibration_reference.py).</summary>
public class CalibrationReferenceTests
{
    // Double inputs: sums of a few hundred terms in a different order from numpy's; 1e-12 relative, or 1e-15 absolute
    // for quantities that are themselves near 0 (an ECE of 1e-4 carries numpy's rounding of ~1e-17 per bin).
    private const double Relative = 1e-12;
    private const double Absolute = 1e-15;

    [Fact]
    public void Multiclass_probabilities_match_numpy_sklearn_and_torch()
    {
        foreach (var c in CalibrationReference.Cases("multiclass"))
        {
            string name = c.Name();
            var p = c.Doubles("probabilities");
            var y = c.Ints("labels");
            int classes = c.GetProperty("classes").GetInt32();
            foreach (var entry in c.GetProperty("bins").EnumerateArray())
            {
                int bins = entry.GetProperty("bins").GetInt32();
                foreach (var strategy in new[] { BinStrategy.Uniform, BinStrategy.Quantile })
                {
                    string what = $"{name} B={bins} {strategy}";
                    var report = CalibrationReport.FromProbabilities(p, classes, y, new CalibrationOptions { Bins = bins, Strategy = strategy });
                    CalibrationReference.Close(c.Number("nll"), report.Nll, Relative, $"{what} nll");
                    CalibrationReference.Close(c.Number("log_loss_sklearn"), report.Nll, 1e-11, $"{what} sklearn log_loss");
                    CalibrationReference.Close(c.Number("brier"), report.Brier, Relative, $"{what} brier");
                    Assert.Equal(c.Number("accuracy"), report.Accuracy);
                    CheckTopLabel(entry.GetProperty(strategy == BinStrategy.Uniform ? "uniform" : "quantile"), report, what);
                    CalibrationReference.Close(entry.Number("classwise"), report.EceClasswise, Relative, $"{what} classwise", Absolute);
                    var d = entry.Doubles("decomposition");
                    var actual = report.BrierDecomposition;
                    CalibrationReference.Close(d, [actual.Reliability, actual.Resolution, actual.Uncertainty, actual.WithinBinVariance, actual.WithinBinCovariance], 1e-11, $"{what} decomposition", 1e-14);
                    CalibrationReference.Close(report.Brier, actual.Total, 1e-12, $"{what} decomposition total", 1e-15);
                    if (strategy == BinStrategy.Uniform)
                    {
                        CalibrationReference.Close(entry.Number("torch_ece_uniform"), report.Ece, Relative, $"{what} torch ece", Absolute);
                    }
                }
            }
        }
    }

    [Fact]
    public void Tied_confidences_leave_out_the_bins_whose_edges_coincide_as_sklearns_curve_drops_them()
    {
        // Review 4: 20 of 40 confidences at 0.5 gave four bins labelled (0.5, 0.5] beside the one holding the 20 rows.
        var c = CalibrationReference.Root.GetProperty("ties");
        var report = CalibrationReport.FromProbabilities(c.Doubles("probabilities"), 2, c.Ints("labels"), new CalibrationOptions { Bins = 10, Strategy = BinStrategy.Quantile });
        CheckTopLabel(c.GetProperty("top"), report, "ties");
        Assert.Equal(3, report.CoincidentBins);
        Assert.Equal(7, report.Bins.Count);
        Assert.Equal((0.5, 0.5, 20L), (report.Bins[0].Lower, report.Bins[0].Upper, report.Bins[0].Count));
        Assert.Equal((0.5, 0.5145, 0L), (report.Bins[1].Lower, report.Bins[1].Upper, report.Bins[1].Count)); // empty by chance, not by construction: kept

        // The bins that hold rows are scikit-learn's curve point for point; the ECE is its weighted gap.
        var filled = report.Bins.Where(b => b.Count > 0).ToArray();
        CalibrationReference.Close(c.Doubles("prob_true"), [.. filled.Select(b => b.Accuracy)], 1e-15, "prob_true", 1e-15);
        CalibrationReference.Close(c.Doubles("prob_pred"), [.. filled.Select(b => b.Confidence)], 1e-14, "prob_pred");
        CalibrationReference.Close(c.Number("sklearn_ece"), report.Ece, 1e-14, "ece against sklearn's curve");
    }

    [Fact]
    public void The_single_quantity_functions_read_the_same_numbers()
    {
        var c = CalibrationReference.Cases("multiclass").First();
        var p = c.Doubles("probabilities");
        var y = c.Ints("labels");
        int classes = c.GetProperty("classes").GetInt32();
        var entry = c.GetProperty("bins").EnumerateArray().First(e => e.GetProperty("bins").GetInt32() == 10);
        Assert.Equal(entry.GetProperty("uniform").Number("ece"), ExpectedCalibrationError.Of(p, classes, y, bins: 10), 1e-14);
        Assert.Equal(entry.GetProperty("quantile").Number("ece"), ExpectedCalibrationError.Of(p, classes, y, 10, BinStrategy.Quantile), 1e-14);
        Assert.Equal(entry.GetProperty("uniform").Number("mce"), ExpectedCalibrationError.Maximum(p, classes, y, bins: 10), 1e-14);
        Assert.Equal(entry.GetProperty("uniform").Number("debiased"), ExpectedCalibrationError.Debiased(p, classes, y, bins: 10), 1e-14);
        Assert.Equal(entry.Number("classwise"), ExpectedCalibrationError.Classwise(p, classes, y, bins: 10), 1e-14);
        Assert.Equal(c.Number("brier"), BrierScore.Of(p, classes, y), 1e-14);
        var d = BrierScore.Decompose(p, classes, y, bins: 10);
        CalibrationReference.Close(entry.Doubles("decomposition"), [d.Reliability, d.Resolution, d.Uncertainty, d.WithinBinVariance, d.WithinBinCovariance], 1e-11, "decomposition", 1e-14);
    }

    [Fact]
    public void Float_probabilities_agree_with_the_double_values_to_float_precision()
    {
        var c = CalibrationReference.Cases("multiclass").First(e => e.GetProperty("classes").GetInt32() == 10);
        var p = c.Doubles("probabilities");
        var y = c.Ints("labels");
        var single = CalibrationReport.FromProbabilities(Array.ConvertAll(p, v => (float)v), 10, y);
        var entry = c.GetProperty("bins").EnumerateArray().First();
        CalibrationReference.Close(c.Number("nll"), single.Nll, 1e-6, "float nll");
        CalibrationReference.Close(c.Number("brier"), single.Brier, 1e-6, "float brier");
        CalibrationReference.Close(entry.GetProperty("uniform").Number("ece"), single.Ece, 1e-5, "float ece", 1e-6);
    }

    [Fact]
    public void Temperature_from_probabilities_matches_the_root_of_torchs_gradient()
    {
        foreach (var c in CalibrationReference.Cases("multiclass").Where(e => e.TryGetProperty("temperature", out _)))
        {
            var t = c.GetProperty("temperature");
            var fit = TemperatureScaling.FromProbabilities(c.Doubles("probabilities"), c.GetProperty("classes").GetInt32(), c.Ints("labels"));
            CalibrationReference.Close(t.Number("t"), fit.Temperature, 1e-10, $"{c.Name()} T*");
            CalibrationReference.Close(t.Number("t_minimize_scalar"), fit.Temperature, 1e-6, $"{c.Name()} T* against minimize_scalar");
            CalibrationReference.Close(t.Number("nll_after"), fit.NllAfter, Relative, $"{c.Name()} nll after");
            CalibrationReference.Close(c.Number("nll"), fit.NllBefore, Relative, $"{c.Name()} nll before");
            CalibrationReference.Close(t.Number("ece_after_15"), fit.EceAfter, 1e-9, $"{c.Name()} ece after");
        }
    }

    [Fact]
    public void Logits_match_torch_and_numpy_and_the_temperature_is_the_root_of_the_gradient()
    {
        foreach (var c in CalibrationReference.Cases("logits"))
        {
            string name = c.Name();
            var z = c.Doubles("logits");
            var y = c.Ints("labels");
            int classes = c.GetProperty("classes").GetInt32();
            bool single = c.GetProperty("dtype").GetString() == "float32";
            var options = new CalibrationOptions { FitTemperature = true };
            var report = single
                ? CalibrationReport.FromLogits(Array.ConvertAll(z, v => (float)v), classes, y, options)
                : CalibrationReport.FromLogits(z, classes, y, options);
            var fit = report.Temperature!;

            // The fit runs in double on the exact input values: full precision for float32 logits too.
            CalibrationReference.Close(c.Number("t"), fit.Temperature, 1e-10, $"{name} T*");
            CalibrationReference.Close(c.Number("t_minimize_scalar"), fit.Temperature, 1e-6, $"{name} T* against minimize_scalar");
            CalibrationReference.Close(c.Number("nll"), fit.NllBefore, Relative, $"{name} nll before");
            CalibrationReference.Close(c.Number("nll_after"), fit.NllAfter, Relative, $"{name} nll after");
            Assert.True(fit.NllAfter <= fit.NllBefore, name);

            // The metrics of float32 logits use float exponentials, as PyTorch's float32 softmax: 1e-6.
            double tolerance = single ? 1e-6 : Relative;
            var top = c.GetProperty("top");
            CalibrationReference.Close(c.Number("brier"), report.Brier, tolerance, $"{name} brier");
            CalibrationReference.Close(top.Number("ece"), report.Ece, tolerance, $"{name} ece", single ? 1e-6 : Absolute);
            CalibrationReference.Close(top.Number("mce"), report.Mce, tolerance, $"{name} mce", single ? 1e-6 : Absolute);
            CalibrationReference.Close(c.Number("classwise"), report.EceClasswise, tolerance, $"{name} classwise", single ? 1e-6 : Absolute);
            Assert.Equal(top.Number("accuracy_total"), report.Accuracy);
            CalibrationReference.Close(c.Number("ece_after"), fit.EceAfter, 1e-9, $"{name} ece after");
            if (single)
            {
                CalibrationReference.Close(c.Number("nll_torch_float32"), CalibrationReport.FromLogits(Array.ConvertAll(z, v => (float)v), classes, y).Nll, 1e-6, $"{name} torch float32 nll");
            }

            var quantile = TemperatureScaling.FromLogits(z, classes, y, new CalibrationOptions { Bins = 10, Strategy = BinStrategy.Quantile });
            CalibrationReference.Close(c.Number("ece_after_quantile"), quantile.EceAfter, 1e-9, $"{name} quantile ece after");
        }
    }

    [Fact]
    public void Binary_input_matches_sklearn_brier_log_loss_and_calibration_curve()
    {
        foreach (var c in CalibrationReference.Cases("binary"))
        {
            string name = c.Name();
            var p = c.Doubles("probabilities");
            var y = c.Ints("labels");
            var report = CalibrationReport.FromBinaryProbabilities(p, y);
            CalibrationReference.Close(c.Number("brier"), report.Brier, Relative, $"{name} brier_score_loss");
            CalibrationReference.Close(c.Number("brier"), BrierScore.Of(p, y), Relative, $"{name} BrierScore.Of");
            CalibrationReference.Close(c.Number("nll"), report.Nll, Relative, $"{name} nll");
            CalibrationReference.Close(c.Number("log_loss"), report.Nll, 1e-11, $"{name} log_loss");
            CheckTopLabel(c.GetProperty("top_15"), report, $"{name} top-label");
            CalibrationReference.Close(c.Number("classwise_15"), report.EceClasswise, Relative, $"{name} classwise", Absolute);
            foreach (var curve in c.GetProperty("curves").EnumerateArray())
            {
                int bins = curve.GetProperty("bins").GetInt32();
                var strategy = curve.GetProperty("strategy").GetString() == "uniform" ? BinStrategy.Uniform : BinStrategy.Quantile;
                string what = $"{name} B={bins} {strategy}";
                var ours = ReliabilityCurve.FromProbabilities(p, y, bins, strategy);
                Assert.Equal(curve.Doubles("prob_true"), ours.ProbTrue);
                CalibrationReference.Close(curve.Doubles("prob_pred"), ours.ProbPred, 1e-15, $"{what} prob_pred");
                var d = BrierScore.Decompose(p, y, bins, strategy);
                CalibrationReference.Close(curve.Doubles("decomposition"), [d.Reliability, d.Resolution, d.Uncertainty, d.WithinBinVariance, d.WithinBinCovariance], 1e-11, $"{what} decomposition", 1e-14);
                var withCurve = CalibrationReport.FromBinaryProbabilities(p, y, new CalibrationOptions { Bins = bins, Strategy = strategy });
                Assert.Equal(ours.ProbTrue, withCurve.Curve!.ProbTrue);
                Assert.Equal(ours.ProbPred, withCurve.Curve.ProbPred);
            }

            if (c.TryGetProperty("temperature", out var t))
            {
                var fit = TemperatureScaling.FromBinaryProbabilities(p, y);
                CalibrationReference.Close(t.Number("t"), fit.Temperature, 1e-10, $"{name} T*");
                CalibrationReference.Close(t.Number("nll_after"), fit.NllAfter, Relative, $"{name} nll after");
            }
        }
    }

    [Fact]
    public void Debiased_ece_is_the_limit_of_kumar_et_als_resampling_estimator()
    {
        var c = CalibrationReference.Cases("debiased_monte_carlo").Single();
        double ours = ExpectedCalibrationError.Debiased(c.Doubles("probabilities"), c.GetProperty("classes").GetInt32(), c.Ints("labels"), c.GetProperty("bins").GetInt32());
        CalibrationReference.Close(c.Number("closed_form"), ours, 1e-12, "closed form");

        // 200,000 Gaussian resamples: the Monte-Carlo mean is within 4 standard errors of the exact expectation.
        Assert.True(Math.Abs(ours - c.Number("monte_carlo")) <= 4 * c.Number("monte_carlo_standard_error"), $"{ours} vs {c.Number("monte_carlo")}");
    }

    private static void CheckTopLabel(JsonElement expected, CalibrationReport report, string what)
    {
        CalibrationReference.Close(expected.Number("ece"), report.Ece, Relative, $"{what} ece", Absolute);
        CalibrationReference.Close(expected.Number("mce"), report.Mce, Relative, $"{what} mce", Absolute);
        CalibrationReference.Close(expected.Number("debiased"), report.EceDebiased, 1e-11, $"{what} debiased", 1e-14);
        var edges = expected.Doubles("edges");
        var counts = expected.Ints("counts");
        // numpy's bins after the first whose edges coincide, (a, a], hold nothing by construction and are not reported.
        int[] kept = [.. Enumerable.Range(0, counts.Length).Where(b => b == 0 || edges[b] != edges[b + 1])];
        Assert.All(Enumerable.Range(0, counts.Length).Except(kept), b => Assert.Equal(0, counts[b]));
        Assert.Equal(kept.Length, report.Bins.Count);
        Assert.Equal(counts.Length - kept.Length, report.CoincidentBins);
        for (int i = 0; i < kept.Length; i++)
        {
            int b = kept[i];
            var bin = report.Bins[i];
            Assert.Equal(edges[b], bin.Lower);
            Assert.Equal(edges[b + 1], bin.Upper);
            Assert.True(counts[b] == bin.Count, $"{what} bin {b}: count {counts[b]} expected, {bin.Count} given");
            CalibrationReference.Close(expected.Doubles("confidence")[b], bin.Confidence, 1e-14, $"{what} bin {b} confidence");
            CalibrationReference.Close(expected.Doubles("accuracy")[b], bin.Accuracy, 1e-15, $"{what} bin {b} accuracy");
        }
    }
}
