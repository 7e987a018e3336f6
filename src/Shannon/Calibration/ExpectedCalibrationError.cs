namespace Shannon.Calibration;

/// <summary>
/// Calibration errors of predicted probabilities against labels: the top-label ECE (Guo et al. 2017) and its members —
/// the maximum (MCE), the classwise ECE (Kull et al. 2019) and the debiased ECE (Kumar, Liang &amp; Ma 2019).
/// </summary>
/// <remarks>
/// Each function computes the whole <see cref="CalibrationReport"/> of the rows and returns one of its numbers; ask for
/// the report when several are needed. Bins and edge cases as <see cref="CalibrationReport"/>.
/// </remarks>
public static class ExpectedCalibrationError
{
    /// <summary>The top-label expected calibration error.</summary>
    /// <param name="probabilities">N×C probabilities, row-major, rows summing to 1 within 10⁻⁶.</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="bins">B ≥ 1; 15 by default.</param>
    /// <param name="strategy">Equal-width (default) or equal-mass bins of the confidences.</param>
    /// <returns>ECE = Σ_b (n_b/N)|acc_b − conf_b| in [0, 1] (unitless), over right-closed bins of c_i = max_k p_ik.</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, or a bad probability row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2 or <paramref name="bins"/> is outside 1–10⁶.</exception>
    /// <remarks>0 when every bin's accuracy equals its mean confidence. Reference: Guo, C. et al. (2017), arXiv:1706.04599; Naeini, M. P., Cooper, G. F. &amp; Hauskrecht, M. (2015), AAAI, doi:10.1609/aaai.v29i1.9602.</remarks>
    public static double Of(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, int bins = 15, BinStrategy strategy = BinStrategy.Uniform) =>
        Report(probabilities, classes, labels, bins, strategy).Ece;

    /// <summary>The maximum calibration error over the top-label bins.</summary>
    /// <param name="probabilities">N×C probabilities, row-major, rows summing to 1 within 10⁻⁶.</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="bins">B ≥ 1; 15 by default.</param>
    /// <param name="strategy">Equal-width (default) or equal-mass bins of the confidences.</param>
    /// <returns>MCE = max over non-empty bins of |acc_b − conf_b| in [0, 1].</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, or a bad probability row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2 or <paramref name="bins"/> is outside 1–10⁶.</exception>
    /// <remarks>Sensitive to sparsely filled bins; ≥ ECE. Reference: Naeini, M. P. et al. (2015), doi:10.1609/aaai.v29i1.9602.</remarks>
    public static double Maximum(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, int bins = 15, BinStrategy strategy = BinStrategy.Uniform) =>
        Report(probabilities, classes, labels, bins, strategy).Mce;

    /// <summary>The classwise ECE: the mean over classes of the ECE of p_k against the event label = k.</summary>
    /// <param name="probabilities">N×C probabilities, row-major, rows summing to 1 within 10⁻⁶.</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="bins">B ≥ 1 equal-width bins per class; 15 by default.</param>
    /// <returns>(1/C) Σ_k Σ_b (n_kb/N)|freq_kb − conf_kb| in [0, 1], where bin b of class k holds the rows with p_ik in it.</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, or a bad probability row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2 or <paramref name="bins"/> is outside 1–10⁶.</exception>
    /// <remarks>p_ik = 0 falls in the first bin. Reference: Kull, M. et al. (2019), Beyond temperature scaling, NeurIPS, arXiv:1910.12656.</remarks>
    public static double Classwise(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, int bins = 15) =>
        Report(probabilities, classes, labels, bins, BinStrategy.Uniform).EceClasswise;

    /// <summary>The debiased top-label ECE of Kumar, Liang &amp; Ma, in its infinite-resample limit.</summary>
    /// <param name="probabilities">N×C probabilities, row-major, rows summing to 1 within 10⁻⁶.</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="bins">B ≥ 1; 15 by default.</param>
    /// <param name="strategy">Equal-width (default) or equal-mass bins of the confidences.</param>
    /// <returns>2·ECE − Σ_b (n_b/N) E|A_b − conf_b| with A_b ~ N(acc_b, acc_b(1 − acc_b)/n_b), using E|X| = σ√(2/π)e^(−μ²/2σ²) + μ(1 − 2Φ(−μ/σ)).</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, or a bad probability row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2 or <paramref name="bins"/> is outside 1–10⁶.</exception>
    /// <remarks>
    /// Kumar et al. estimate the bias of the plug-in ECE by resampling each bin's accuracy from a normal with the
    /// binomial variance and subtract it; the expectation over resamples is computed here exactly instead of by Monte
    /// Carlo, so the result is deterministic. It can be negative for a well-calibrated model. A bin with one sample, or
    /// with accuracy 0 or 1, has no variance and no correction. Reference: Kumar, A., Liang, P. &amp; Ma, T. (2019),
    /// Verified uncertainty calibration, NeurIPS, arXiv:1909.10155.
    /// </remarks>
    public static double Debiased(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, int bins = 15, BinStrategy strategy = BinStrategy.Uniform) =>
        Report(probabilities, classes, labels, bins, strategy).EceDebiased;

    private static CalibrationReport Report(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, int bins, BinStrategy strategy) =>
        CalibrationEngine.Report(probabilities, classes, labels, new CalibrationOptions { Bins = bins, Strategy = strategy }, logits: false, nameof(probabilities));
}
