using System.CommandLine;
using Shannon.Calibration;
using Shannon.Data.Files;
using Shannon.Reports.Calibration;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon calibration PROBS LABELS [--logits] [--bins 15] [--strategy uniform|quantile] [--fit-temperature]
/// [--plot FILE] [--base B] [--json] [--normalize]</c>: how honest a classifier's confidence is — NLL, Brier, ECE, MCE,
/// classwise ECE, the reliability bins, sklearn's curve for binary input, and the temperature that fixes it.
/// </summary>
internal static class CalibrationCommand
{
    public static Command Create(CliContext context)
    {
        var probs = new Argument<string>("PROBS") { Description = "Predicted probabilities (or logits with --logits): .npy float32/float64 of shape (N, C) or (N,) for binary, or CSV/text rows; - for stdin." };
        var labels = new Argument<string>("LABELS") { Description = "True class of each row: .npy int32/int64, or one integer per line; - for stdin." };
        var logits = new Option<bool>("--logits") { Description = "PROBS holds logits (softmax with the max shift; a vector holds log-odds)." };
        var bins = new Option<int>("--bins") { Description = "Reliability bins (also per class for the classwise ECE).", DefaultValueFactory = _ => 15 }.Within(OptionRanges.ReliabilityBins);
        var strategy = new Option<string>("--strategy") { Description = "uniform (equal width) or quantile (equal mass) top-label bins.", DefaultValueFactory = _ => "uniform" };
        strategy.AcceptOnlyFromAmong("uniform", "quantile");
        var fit = new Option<bool>("--fit-temperature") { Description = "Fit the temperature T* minimising the NLL (Halley steps on 1/T inside a bracket) and report NLL and ECE after it." };
        var plot = new Option<string?>("--plot") { Description = "Write the reliability diagram with the confidence histogram to FILE.png or FILE.svg." }.FileOnly("the image format comes from the file's extension (.png or .svg)");
        var normalize = new Option<bool>("--normalize") { Description = "Divide each probability row by its sum instead of rejecting rows that do not sum to 1 within 1e-6 (float32 rows: within C·1.19e-7 for C classes when larger, the rounding of a float32 softmax)." };
        var ci = new Option<double?>("--ci") { Description = "Level of an interval for the true ECE, e.g. 0.95: half-sampling standard error (the interval policy of every command), widened below by the plug-in ECE's largest upward bias." }.Within(OptionRanges.Confidence);
        var replicates = new Option<int>("--replicates") { Description = "Half-samples behind the --ci interval.", DefaultValueFactory = _ => Estimators.EstimatorDefaults.IntervalReplicates }.Within(2, OptionRanges.Resamples.Max);
        var seed = new Option<int>("--seed") { Description = "Seed of the half-samples.", DefaultValueFactory = _ => Estimators.EstimatorDefaults.Seed }.Within(OptionRanges.Seed);
        var logBase = CommonOptions.Base();
        var json = CommonOptions.Json();
        var command = new Command(
            "calibration",
            "Calibration of predicted probabilities: NLL, Brier (with Murphy's decomposition), top-label ECE and MCE, classwise and debiased ECE, reliability bins, sklearn's calibration curve for binary input, temperature scaling.\n"
            + "Examples:\n  shannon calibration probs.npy labels.npy --plot reliability.png\n  shannon calibration logits.npy labels.txt --logits --fit-temperature --json")
        {
            probs, labels, logits, bins, strategy, fit, plot, logBase, json, normalize, ci, replicates, seed,
        };
        command.SetAction(parse =>
        {
            string probsPath = parse.GetValue(probs)!;
            string labelsPath = parse.GetValue(labels)!;
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null)
            {
                string extension = Path.GetExtension(plotPath).ToLowerInvariant();
                if (extension is not (".png" or ".svg"))
                {
                    throw new UsageException($"--plot '{NumberList.Escape(plotPath)}' must end in .png or .svg.");
                }

                try
                {
                    AtomicFile.Target(plotPath, [probsPath, labelsPath]); // refuse a bad output before the work
                }
                catch (IOException ex)
                {
                    throw new UsageException($"--plot {ex.Message}");
                }
            }

            var options = new CalibrationOptions
            {
                Bins = parse.GetValue(bins),
                Strategy = parse.GetValue(strategy) == "quantile" ? BinStrategy.Quantile : BinStrategy.Uniform,
                LogBase = LogBase.Parse(parse.GetValue(logBase)!),
                Normalize = parse.GetValue(normalize),
                FitTemperature = parse.GetValue(fit),
                IntervalReplicates = parse.GetValue(ci) is null ? 0 : parse.GetValue(replicates),
                ConfidenceLevel = parse.GetValue(ci) ?? Estimators.EstimatorDefaults.ConfidenceLevel,
                Seed = parse.GetValue(seed),
            };
            string probsFile = CliInput.FilePath(context, probsPath, "PROBS", InputFormat.NpyOrText);
            string labelsFile = CliInput.FilePath(context, labelsPath, "LABELS", InputFormat.NpyOrText);
            int[] y = CalibrationInputs.ReadLabels(labelsFile, context);
            using var input = CalibrationInputs.Open(probsFile, context);
            if (input.Rows != y.Length)
            {
                throw new InvalidDataException($"PROBS has {input.Rows} rows but LABELS has {y.Length} labels.");
            }

            var report = Compute(input, y, parse.GetValue(logits), options);
            if (plotPath is not null)
            {
                ReliabilityDiagram.Save(report, plotPath, [probsPath, labelsPath]);
            }

            if (report.CoincidentBins > 0)
            {
                int asked = report.Bins.Count + report.CoincidentBins;
                context.Note($"note: {report.CoincidentBins} of the {asked} equal-mass bins asked for have edges that coincide with the bin before (more than n/{asked} tied confidences), so they hold no row and are left out: {report.Bins.Count} bins are shown; the rows, the ECE and the MCE are binned as scikit-learn's calibration_curve bins them.");
            }

            if (parse.GetValue(json))
            {
                CliOutput.Json(context, Fields(report, plotPath));
            }
            else
            {
                WriteHuman(context, report, plotPath);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static CalibrationReport Compute(CalibrationInputs input, int[] labels, bool logits, CalibrationOptions options)
    {
        if (input.IsVector)
        {
            double[] values = input.VectorAsDoubles();
            return logits ? CalibrationReport.FromBinaryLogits(values, labels, options) : CalibrationReport.FromBinaryProbabilities(values, labels, options);
        }

        if (input.IsSingle)
        {
            return logits
                ? CalibrationReport.FromLogits(input.Singles, input.Columns, labels, options)
                : CalibrationReport.FromProbabilities(input.Singles, input.Columns, labels, options);
        }

        return logits
            ? CalibrationReport.FromLogits(input.Doubles, input.Columns, labels, options)
            : CalibrationReport.FromProbabilities(input.Doubles, input.Columns, labels, options);
    }

    private static List<KeyValuePair<string, object?>> Fields(CalibrationReport report, string? plotPath)
    {
        var d = report.BrierDecomposition;
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("n", report.N),
            new("classes", report.Classes),
            new("unit", report.Unit.Unit),
            new("accuracy", report.Accuracy),
            new("nll", report.Nll),
            new("brier", report.Brier),
            new("ece", report.Ece),
            new("mce", report.Mce),
            new("ece_classwise", report.EceClasswise),
            new("ece_debiased", report.EceDebiased),
            new("strategy", report.Strategy == BinStrategy.Uniform ? "uniform" : "quantile"),
            new("bins_coincident", report.CoincidentBins),
            new("bins", report.Bins.Select(b => new Dictionary<string, object?>
            {
                ["lower"] = b.Lower,
                ["upper"] = b.Upper,
                ["count"] = b.Count,
                ["confidence"] = b.Count == 0 ? null : b.Confidence,
                ["accuracy"] = b.Count == 0 ? null : b.Accuracy,
            }).ToArray()),
            new("brier_decomposition", new Dictionary<string, double>
            {
                ["reliability"] = d.Reliability,
                ["resolution"] = d.Resolution,
                ["uncertainty"] = d.Uncertainty,
                ["within_bin_variance"] = d.WithinBinVariance,
                ["within_bin_covariance"] = d.WithinBinCovariance,
            }),
        };
        if (report.EceInterval is { } interval)
        {
            fields.Add(new("ece_ci", new[] { interval.Low, interval.High }));
            fields.Add(new("ci_level", interval.Level));
        }

        if (report.Curve is { } curve)
        {
            fields.Add(new("curve", new Dictionary<string, double[]> { ["prob_true"] = curve.ProbTrue, ["prob_pred"] = curve.ProbPred }));
        }

        if (report.Temperature is { } t)
        {
            fields.Add(new("temperature", t.Temperature));
            fields.Add(new("nll_calibrated", t.NllAfter));
            fields.Add(new("ece_calibrated", t.EceAfter));
        }

        if (plotPath is not null)
        {
            fields.Add(new("plot", Path.GetFullPath(plotPath)));
        }

        return fields;
    }

    private static void WriteHuman(CliContext context, CalibrationReport report, string? plotPath)
    {
        string unit = report.Unit.Unit;
        string strategy = report.Strategy == BinStrategy.Uniform ? "equal-width" : "equal-mass";
        var output = context.Out;
        output.WriteLine($"n = {report.N}, {report.Classes} classes, accuracy = {CliOutput.Number(report.Accuracy)}");
        output.WriteLine($"NLL = {CliOutput.Number(report.Nll)} {unit}, Brier = {CliOutput.Number(report.Brier)}");
        var d = report.BrierDecomposition;
        output.WriteLine($"  Brier = reliability {CliOutput.Number(d.Reliability)} − resolution {CliOutput.Number(d.Resolution)} + uncertainty {CliOutput.Number(d.Uncertainty)} + within-bin {CliOutput.Number(d.WithinBinVariance)} − {CliOutput.Number(d.WithinBinCovariance)}");
        string interval = report.EceInterval is { } ci ? $" [{CliOutput.Number(ci.Low)}, {CliOutput.Number(ci.High)}] at {CliOutput.Number(ci.Level)}" : string.Empty;
        output.WriteLine($"ECE = {CliOutput.Number(report.Ece)}{interval} ({report.Bins.Count} {strategy} bins), MCE = {CliOutput.Number(report.Mce)}, classwise ECE = {CliOutput.Number(report.EceClasswise)}, debiased ECE = {CliOutput.Number(report.EceDebiased)}");
        output.WriteLine("  bin                              count  confidence  accuracy");
        for (int i = 0; i < report.Bins.Count; i++)
        {
            // The first bin also holds values equal to its lower edge (tied minimum confidences, or 0): closed on both sides.
            var b = report.Bins[i];
            string range = $"{(i == 0 ? "[" : "(")}{CliOutput.Number(b.Lower)}, {CliOutput.Number(b.Upper)}]";
            string means = b.Count == 0 ? "-           -" : $"{b.Confidence,-10:0.000000}  {b.Accuracy:0.000000}";
            output.WriteLine($"  {range,-30} {b.Count,7}  {means}");
        }

        if (report.Curve is { } curve)
        {
            output.WriteLine($"calibration curve: prob_true = [{string.Join(", ", curve.ProbTrue.Select(CliOutput.Number))}], prob_pred = [{string.Join(", ", curve.ProbPred.Select(CliOutput.Number))}]");
        }

        if (report.Temperature is { } t)
        {
            output.WriteLine($"temperature T* = {CliOutput.Number(t.Temperature)}: NLL {CliOutput.Number(t.NllBefore)} → {CliOutput.Number(t.NllAfter)} {unit}, ECE {CliOutput.Number(t.EceBefore)} → {CliOutput.Number(t.EceAfter)}");
        }

        if (plotPath is not null)
        {
            output.WriteLine($"wrote {plotPath}");
        }
    }
}
