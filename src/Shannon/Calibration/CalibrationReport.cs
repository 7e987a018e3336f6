using Shannon.Estimators;

namespace Shannon.Calibration;

/// <summary>
/// How honest a classifier's confidence is, from its predicted probabilities (or logits) and the true labels: accuracy,
/// the proper scoring rules (NLL, Brier with Murphy's decomposition), the calibration errors (top-label ECE and MCE,
/// classwise ECE, debiased ECE, optionally a half-sampling interval), the reliability diagram's bins, the reliability
/// curve of binary input, and optionally a fitted temperature.
/// </summary>
/// <remarks>
/// <para>Definitions (N rows, C classes, labels y_i, probabilities p_ik): confidence c_i = max_k p_ik; prediction =
/// the first index of the maximum (numpy's arg-max); correct_i = [prediction = y_i]. Top-label bins are placed by
/// <see cref="CalibrationOptions.Strategy"/> on the confidences and are right-closed (a confidence on an edge belongs to
/// the bin below it; 0 belongs to the first bin). ECE = Σ_b (n_b/N)|acc_b − conf_b| and MCE = max over non-empty
/// bins of |acc_b − conf_b| (Guo et al. 2017). The classwise ECE is the mean over classes k of the ECE of p_ik against
/// 1[y_i = k] over equal-width bins (Kull et al. 2019), whatever the strategy.</para>
/// <para>Logits are turned into probabilities by the max-shifted softmax of the cross-entropy kernels (float logits in
/// float, sums in double, as <see cref="Losses.CrossEntropyLoss"/>); float rows of fewer than 32 classes are read eight
/// at a time, transposed so that one vector holds one class of eight rows, which spares the per-row overhead that
/// dominates short rows. Rows are read once; nothing N×C is allocated, so the input can be a memory-mapped file.</para>
/// <para>References: Guo, C., Pleiss, G., Sun, Y. &amp; Weinberger, K. Q. (2017), On calibration of modern neural
/// networks, ICML, arXiv:1706.04599; Kull, M., Perello-Nieto, M., Kängsepp, M., Silva Filho, T., Song, H. &amp;
/// Flach, P. (2019), Beyond temperature scaling: obtaining well-calibrated multi-class probabilities with Dirichlet
/// calibration, NeurIPS, arXiv:1910.12656; Kumar, A., Liang, P. &amp; Ma, T. (2019), Verified uncertainty calibration,
/// NeurIPS, arXiv:1909.10155; Brier, G. W. (1950), Verification of forecasts expressed in terms of probability,
/// Monthly Weather Review 78(1), 1–3, doi:10.1175/1520-0493(1950)078&lt;0001:VOFEIT&gt;2.0.CO;2.</para>
/// </remarks>
public sealed record CalibrationReport
{
    /// <summary>N, the number of rows.</summary>
    public long N { get; init; }

    /// <summary>C, the number of classes (2 for binary input).</summary>
    public int Classes { get; init; }

    /// <summary>The unit of <see cref="Nll"/> (and of the temperature fit's NLLs).</summary>
    public LogBase Unit { get; init; }

    /// <summary>The fraction of rows whose first arg-max is the label.</summary>
    public double Accuracy { get; init; }

    /// <summary>
    /// The mean negative log-likelihood −(1/N) Σ_i log p_{i,y_i} (the log loss) in <see cref="Unit"/>; +∞ when a label
    /// has probability 0. For float logits the exponentials are computed in float (relative error about 10⁻⁷, as a
    /// float32 cross-entropy); when a temperature is fitted this is the fit's double-precision NLL at T = 1, so that
    /// <see cref="Nll"/> − <see cref="TemperatureFit.NllAfter"/> ≥ 0 exactly.
    /// </summary>
    public double Nll { get; init; }

    /// <summary>
    /// The Brier score: for multiclass input Brier's (1/N) Σ_i Σ_k (p_ik − 1[y_i = k])² in [0, 2]; for binary input
    /// scikit-learn's <c>brier_score_loss</c>, (1/N) Σ_i (p_i − y_i)² in [0, 1] (half the two-class sum).
    /// </summary>
    public double Brier { get; init; }

    /// <summary>
    /// The Brier score split into reliability, resolution, uncertainty and the two within-bin terms. Multiclass: summed
    /// over classes, each class over its equal-width classwise bins; binary: the positive class over the bins of
    /// <see cref="Curve"/> (the strategy's bins). The terms add up to <see cref="Brier"/> up to rounding.
    /// </summary>
    public BrierDecomposition BrierDecomposition { get; init; } = new(0, 0, 0, 0, 0);

    /// <summary>The top-label expected calibration error Σ_b (n_b/N)|acc_b − conf_b| in [0, 1].</summary>
    public double Ece { get; init; }

    /// <summary>The maximum calibration error: max over non-empty top-label bins of |acc_b − conf_b|.</summary>
    public double Mce { get; init; }

    /// <summary>Kull et al.'s classwise ECE: (1/C) Σ_k Σ_b (n_kb/N)|freq_kb − conf_kb| over equal-width bins of each p_k.</summary>
    public double EceClasswise { get; init; }

    /// <summary>
    /// Kumar, Liang &amp; Ma's debiased top-label ECE in its infinite-resample limit:
    /// 2·ECE − Σ_b (n_b/N) E|acc′_b − conf_b| with acc′_b ~ N(acc_b, acc_b(1 − acc_b)/n_b), evaluated in closed form.
    /// It removes most of the plug-in ECE's upward bias and can fall below 0 for a well-calibrated model.
    /// </summary>
    public double EceDebiased { get; init; }

    /// <summary>
    /// An interval for the true top-label ECE of the model on these bins, or null when not asked for: the standard error
    /// se of <see cref="Ece"/> from half-samples (half the rows drawn without replacement, bins recomputed; the one
    /// uncertainty policy), and, since the plug-in ECE is biased upward by up to β = Σ_b (n_b/N)·σ_b·√(2/π)
    /// (σ_b the binomial standard error of bin b's accuracy), the bias-aware interval [ECE − β − k·se, ECE + k·se]
    /// clipped at 0, with k from Φ(k + β/se) − Φ(−k) = level (Armstrong &amp; Kolesár 2020, doi:10.3982/QE1199).
    /// A normal interval around the plug-in ECE excluded the true 0 of a perfectly calibrated model in most samples;
    /// this one covered the true ECE in 94.7–100 % of 1,000 samples per model and size, at 0 and away from it (binary
    /// and 10 classes, calibrated, over- and under-confident, n = 200 to 5,000: bench/simulations/EceCoverage.cs; the
    /// short run is tests/Shannon.Tests/Calibration/EceCoverageTests.cs).
    /// </summary>
    public ConfidenceInterval? EceInterval { get; init; }

    /// <summary>How the top-label bins and the curve were placed.</summary>
    public BinStrategy Strategy { get; init; }

    /// <summary>
    /// The top-label bins of the reliability diagram, in order, empty bins included (their means NaN), except those
    /// whose edges coincide (<see cref="CoincidentBins"/>): the first bin is [lower, upper] (it also holds values equal to
    /// its lower edge), every other (lower, upper].
    /// </summary>
    public IReadOnlyList<CalibrationBin> Bins { get; init; } = [];

    /// <summary>
    /// How many of the bins asked for were left out of <see cref="Bins"/> because their edges coincided with the bin
    /// before: equal-mass edges fall on the same value when more than N/B confidences are tied, and (a, a] holds no row.
    /// 0 for equal-width bins. The bins asked for are <see cref="Bins"/>.Count plus this.
    /// </summary>
    public int CoincidentBins { get; init; }

    /// <summary>For binary input, scikit-learn's <c>calibration_curve</c> of the positive-class probabilities; null for multiclass input.</summary>
    public ReliabilityCurve? Curve { get; init; }

    /// <summary>The fitted temperature with the NLL and ECE after it, when <see cref="CalibrationOptions.FitTemperature"/> was set; else null.</summary>
    public TemperatureFit? Temperature { get; init; }

    /// <summary>The report of an N×C table of predicted probabilities against integer labels.</summary>
    /// <param name="probabilities">N×C probabilities, row-major; each row finite, ≥ 0, summing to 1 within <see cref="CalibrationOptions.SumTolerance"/> (or rescaled with <see cref="CalibrationOptions.Normalize"/>).</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="options">Bins, unit, checks, temperature fit, interval; <see cref="CalibrationOptions.Default"/> when null.</param>
    /// <returns>The report; see the properties for each formula. The temperature fit uses z = ln p (masked classes p = 0 stay at probability 0).</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, a NaN, infinite or negative probability, or a row not summing to 1 (each named with its row); a temperature fit that has no finite minimiser; options out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2, or an option is out of range.</exception>
    /// <remarks>Numbers agree with scikit-learn's <c>log_loss</c> and with numpy/PyTorch implementations of the ECE, MCE and classwise ECE to 10⁻¹² relative on double input.</remarks>
    public static CalibrationReport FromProbabilities(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        CalibrationEngine.Report(probabilities, classes, labels, options ?? CalibrationOptions.Default, logits: false, nameof(probabilities));

    /// <inheritdoc cref="FromProbabilities(ReadOnlySpan{double}, int, ReadOnlySpan{int}, CalibrationOptions?)"/>
    public static CalibrationReport FromProbabilities(ReadOnlySpan<float> probabilities, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        CalibrationEngine.Report(probabilities, classes, labels, options ?? CalibrationOptions.Default, logits: false, nameof(probabilities));

    /// <summary>The report of an N×C table of logits against integer labels, with probabilities softmax(z).</summary>
    /// <param name="logits">N×C logits, row-major; no NaN or +∞, no row all −∞ (−∞ masks a class).</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="options">Bins, unit, temperature fit, interval; <see cref="CalibrationOptions.Default"/> when null.</param>
    /// <returns>The report, with p_ik = exp(z_ik − m_i − log Σ_j exp(z_ij − m_i)), m_i = max_j z_ij.</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, a bad logit (named with its row and class); a temperature fit that has no finite minimiser; options out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2, or an option is out of range.</exception>
    /// <remarks>Large tables run in parallel in parts of a fixed size merged in order: the same bits on any number of cores.</remarks>
    public static CalibrationReport FromLogits(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        CalibrationEngine.Report(logits, classes, labels, options ?? CalibrationOptions.Default, logits: true, nameof(logits));

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{double}, int, ReadOnlySpan{int}, CalibrationOptions?)"/>
    public static CalibrationReport FromLogits(ReadOnlySpan<float> logits, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        CalibrationEngine.Report(logits, classes, labels, options ?? CalibrationOptions.Default, logits: true, nameof(logits));

    /// <summary>The report of binary predictions: positive-class probabilities against 0/1 labels.</summary>
    /// <param name="probabilities">p_i = P(y_i = 1), each in [0, 1].</param>
    /// <param name="labels">y_i ∈ {0, 1}.</param>
    /// <param name="options">Bins, unit, temperature fit, interval; <see cref="CalibrationOptions.Default"/> when null.</param>
    /// <returns>
    /// The report of the two-class rows [1 − p_i, p_i], with <see cref="Brier"/> = (1/N) Σ (p_i − y_i)² and
    /// <see cref="Curve"/> = <see cref="ReliabilityCurve.FromProbabilities"/> of p; the temperature fit uses the logits
    /// [ln(1 − p), ln p].
    /// </returns>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, a probability outside [0, 1] or NaN, a label other than 0 or 1; a temperature fit without a finite minimiser.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <remarks>Brier, log loss and curve agree with scikit-learn's <c>brier_score_loss</c>, <c>log_loss</c> and <c>calibration_curve</c>.</remarks>
    public static CalibrationReport FromBinaryProbabilities(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, CalibrationOptions? options = null)
    {
        options ??= CalibrationOptions.Default;
        BinaryInput.Check(probabilities, labels, nameof(probabilities), nameof(labels));
        var rows = new double[2 * probabilities.Length];
        var logits = new double[2 * probabilities.Length];
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            rows[2 * i] = 1.0 - p;
            rows[(2 * i) + 1] = p;
            logits[2 * i] = Numerics.SpecialFunctions.Log1P(-p);
            logits[(2 * i) + 1] = Math.Log(p);
        }

        return CalibrationEngine.Binary(probabilities, labels, rows, logits: false, logits, options, nameof(probabilities));
    }

    /// <summary>The report of binary predictions given as log-odds z_i, with P(y_i = 1) = σ(z_i) = 1/(1 + e^(−z_i)).</summary>
    /// <param name="logits">z_i, finite or ±∞ (±∞ is a certain prediction), never NaN.</param>
    /// <param name="labels">y_i ∈ {0, 1}.</param>
    /// <param name="options">Bins, unit, temperature fit, interval; <see cref="CalibrationOptions.Default"/> when null.</param>
    /// <returns>The report of the two-class logits [0, z_i]; binary numbers as <see cref="FromBinaryProbabilities"/> with p_i = σ(z_i).</returns>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, a NaN logit, a label other than 0 or 1; a temperature fit without a finite minimiser.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <remarks>softmax([0, z]) = [1 − σ(z), σ(z)], so a temperature divides the log-odds.</remarks>
    public static CalibrationReport FromBinaryLogits(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, CalibrationOptions? options = null)
    {
        options ??= CalibrationOptions.Default;
        Numerics.Guard.NotEmpty(logits, nameof(logits));
        Numerics.Guard.SameLength(logits, labels, nameof(logits), nameof(labels));
        var rows = new double[2 * logits.Length];
        var p = new double[logits.Length];
        for (int i = 0; i < logits.Length; i++)
        {
            double z = logits[i];
            if (double.IsNaN(z))
            {
                throw new ArgumentException($"logits has a NaN entry at index {i}.", nameof(logits));
            }

            // [0, z] and [−z, 0] have the same softmax; the second keeps z = +∞ a certain prediction instead of a bad logit.
            rows[2 * i] = z > 0.0 ? -z : 0.0;
            rows[(2 * i) + 1] = z > 0.0 ? 0.0 : z;
            p[i] = CalibrationEngine.Sigmoid(logits[i]);
        }

        BinaryInput.Check(p, labels, nameof(logits), nameof(labels));
        return CalibrationEngine.Binary(p, labels, rows, logits: true, rows, options, nameof(logits));
    }
}
