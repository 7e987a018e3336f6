using System.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// Temperature scaling (Guo et al. 2017): the single T &gt; 0 that minimises the mean NLL of softmax(z / T) on held-out
/// data, solved to full precision, with the NLL and the top-label ECE before and after.
/// </summary>
/// <remarks>
/// <para>With β = 1/T the mean NLL L(β) = mean_i [log Σ_k e^(β z_ik) − β z_iy] is convex (L″ = mean variance of z under
/// softmax(β z) ≥ 0), so its minimiser is the root of L′(β) = mean_i [E_β z_i − z_iy]. Each pass over the rows yields
/// L, L′, L″ and L‴ together, in double precision. Large inputs (from 2¹⁸ rows) first solve the problem on every s-th
/// row, about 2¹⁶ rows, to get within a fraction of a percent, and make their first pass over every row there, which
/// also yields the numbers before (at β = 1) from the same read; smaller inputs start with a pass at β = 1. The
/// iteration then continues on every row: Halley's step (cubic convergence), or Newton's when Halley's would leave the
/// bracket of the root that the signs of L′ maintain, or bisection when both would. It stops when the step is below
/// 10⁻¹² β, so T* is within about 10⁻¹² relative of the exact minimiser. The last step usually needs no pass: when
/// Halley's step δ is so short that the step after it is provably below 10⁻¹² β (it is O(δ³)) and |δ|·(max z − min z)
/// ≤ 4·10⁻⁶ in every row, the NLL and each row's confidence at β + δ follow from the pass at β by Taylor expansion,
/// exact to double precision; two passes over every row are typical. Rows of 32 classes or more go further: each pass
/// records every row's raw moments E d^j (j ≤ 12) under softmax(β d), from which the objective at any β′ with
/// |β′ − β|·(max z − min z) up to about 0.18 follows by its series in β′ − β, again exact to double precision, so the
/// iteration usually finishes after a single pass over every row. Scaling the logits never
/// changes the arg-max, so the accuracy is unchanged; the NLL never rises (T = 1 is a candidate).</para>
/// <para>Edge cases: when every row's label is a top class, the NLL falls towards its infimum as T → 0; when L′(0⁺) ≥ 0
/// (the labels are no more likely than the average class), it falls as T → ∞; neither has a finite minimiser and both
/// are reported as an <see cref="ArgumentException"/>. A label with probability 0 makes the NLL infinite at every T.</para>
/// <para>Reference: Guo, C., Pleiss, G., Sun, Y. &amp; Weinberger, K. Q. (2017), On calibration of modern neural
/// networks, ICML, arXiv:1706.04599.</para>
/// </remarks>
public static class TemperatureScaling
{
    /// <summary>Fits a temperature to N×C logits.</summary>
    /// <param name="logits">N×C logits, row-major; no NaN or +∞, no row all −∞.</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="options">The bins of the ECEs and the unit of the NLLs; <see cref="CalibrationOptions.Default"/> when null.</param>
    /// <returns>T* = argmin_T mean_i −log softmax(z_i / T)_{y_i}, the NLL (in the options' unit) and the ECE at T = 1 and T*.</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, a bad logit (named with its row and class), or no finite minimiser.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2, or an option is out of range.</exception>
    /// <remarks>Agrees with a root of L′ found by scipy's brentq on PyTorch's float64 gradient to 10⁻¹⁰ relative.</remarks>
    public static TemperatureFit FromLogits(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        Fit(logits, classes, labels, options, logProbabilities: false, nameof(logits));

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{double}, int, ReadOnlySpan{int}, CalibrationOptions?)"/>
    public static TemperatureFit FromLogits(ReadOnlySpan<float> logits, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        Fit(logits, classes, labels, options, logProbabilities: false, nameof(logits));

    /// <summary>Fits a temperature to N×C probabilities, through the logits z = ln p.</summary>
    /// <param name="probabilities">N×C probabilities, row-major; each row finite, ≥ 0, summing to 1 within the options' tolerance (or any positive sum with <see cref="CalibrationOptions.Normalize"/>).</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="options">The bins of the ECEs, the unit of the NLLs and the row checks; <see cref="CalibrationOptions.Default"/> when null.</param>
    /// <returns>T* for softmax(ln p / T) = p^(1/T) / Σ p^(1/T), with the NLL and ECE at T = 1 and T*.</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, a bad probability row, a label with probability 0, or no finite minimiser.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2, or an option is out of range.</exception>
    /// <remarks>Normalising a row does not change ln p up to a constant, so it does not change T*.</remarks>
    public static TemperatureFit FromProbabilities(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        Fit(probabilities, classes, labels, options, logProbabilities: true, nameof(probabilities));

    /// <inheritdoc cref="FromProbabilities(ReadOnlySpan{double}, int, ReadOnlySpan{int}, CalibrationOptions?)"/>
    public static TemperatureFit FromProbabilities(ReadOnlySpan<float> probabilities, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        Fit(probabilities, classes, labels, options, logProbabilities: true, nameof(probabilities));

    /// <summary>Fits a temperature to positive-class probabilities, through the logits [ln(1 − p), ln p].</summary>
    /// <param name="probabilities">p_i = P(y_i = 1), each in [0, 1].</param>
    /// <param name="labels">y_i ∈ {0, 1}.</param>
    /// <param name="options">The bins of the ECEs and the unit of the NLLs; <see cref="CalibrationOptions.Default"/> when null.</param>
    /// <returns>T* for σ(logit(p) / T), with the NLL and the top-label ECE at T = 1 and T*.</returns>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, a probability outside [0, 1], a label other than 0 or 1, a label with probability 0, or no finite minimiser.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <remarks>ln(1 − p) is computed as log1p(−p), exact for small p.</remarks>
    public static TemperatureFit FromBinaryProbabilities(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, CalibrationOptions? options = null) =>
        CalibrationReport.FromBinaryProbabilities(probabilities, labels, (options ?? CalibrationOptions.Default) with { FitTemperature = true }).Temperature!;

    private static TemperatureFit Fit<T>(ReadOnlySpan<T> values, int classes, ReadOnlySpan<int> labels, CalibrationOptions? options, bool logProbabilities, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= CalibrationOptions.Default;
        int n = CalibrationEngine.Check(values.Length, classes, labels, options, name);
        if (logProbabilities)
        {
            for (int i = 0; i < n; i++)
            {
                MetricsPass.CheckProbabilityRow(values.Slice(i * classes, classes), i, options.Normalize, options.SumTolerance, name, out _);
            }
        }

        return CalibrationEngine.Fit(values, classes, labels.ToArray(), logProbabilities, options, name);
    }
}
