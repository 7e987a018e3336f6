using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>The Brier score, the quadratic proper scoring rule, and its binned decomposition.</summary>
/// <remarks>
/// Reference: Brier, G. W. (1950), Verification of forecasts expressed in terms of probability, Monthly Weather Review
/// 78(1), 1–3, doi:10.1175/1520-0493(1950)078&lt;0001:VOFEIT&gt;2.0.CO;2. The decomposition: see
/// <see cref="BrierDecomposition"/>.
/// </remarks>
public static class BrierScore
{
    /// <summary>Brier's multiclass score of N×C probabilities against labels.</summary>
    /// <param name="probabilities">N×C probabilities, row-major, rows summing to 1 within 10⁻⁶.</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <returns>(1/N) Σ_i Σ_k (p_ik − 1[y_i = k])² in [0, 2] (unitless).</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, or a bad probability row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2.</exception>
    /// <remarks>0 for certain correct predictions, 2 for certain wrong ones. For two classes it is twice scikit-learn's binary <c>brier_score_loss</c>.</remarks>
    public static double Of(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels) =>
        CalibrationReport.FromProbabilities(probabilities, classes, labels).Brier;

    /// <summary>The binary Brier score of positive-class probabilities, as scikit-learn's <c>brier_score_loss</c>.</summary>
    /// <param name="probabilities">p_i = P(y_i = 1), each in [0, 1].</param>
    /// <param name="labels">y_i ∈ {0, 1}.</param>
    /// <returns>(1/N) Σ_i (p_i − y_i)² in [0, 1] (unitless).</returns>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, a probability outside [0, 1] or NaN, a label other than 0 or 1.</exception>
    /// <remarks>0.25 for a constant forecast of ½.</remarks>
    public static double Of(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels)
    {
        BinaryInput.Check(probabilities, labels, nameof(probabilities), nameof(labels));
        var sum = default(CompensatedSum);
        for (int i = 0; i < probabilities.Length; i++)
        {
            double gap = probabilities[i] - labels[i];
            sum.Add(gap * gap);
        }

        return sum.Value / probabilities.Length;
    }

    /// <summary>Murphy's decomposition of the multiclass Brier score, each class over B equal-width bins of its probability.</summary>
    /// <param name="probabilities">N×C probabilities, row-major, rows summing to 1 within 10⁻⁶.</param>
    /// <param name="classes">C ≥ 2.</param>
    /// <param name="labels">N labels in 0 … C − 1.</param>
    /// <param name="bins">B ≥ 1; 15 by default.</param>
    /// <returns>The terms, summed over classes, with Reliability − Resolution + Uncertainty + WithinBinVariance − WithinBinCovariance = <see cref="Of(ReadOnlySpan{double}, int, ReadOnlySpan{int})"/>.</returns>
    /// <exception cref="ArgumentException">A shape mismatch, an empty input, a label out of range, or a bad probability row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2 or <paramref name="bins"/> is outside 1–10⁶.</exception>
    /// <remarks>Stephenson, Coelho &amp; Jolliffe's five-term form; see <see cref="BrierDecomposition"/>.</remarks>
    public static BrierDecomposition Decompose(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels, int bins = 15) =>
        CalibrationReport.FromProbabilities(probabilities, classes, labels, new CalibrationOptions { Bins = bins }).BrierDecomposition;

    /// <summary>Murphy's decomposition of the binary Brier score over the bins of the reliability curve.</summary>
    /// <param name="probabilities">p_i = P(y_i = 1), each in [0, 1].</param>
    /// <param name="labels">y_i ∈ {0, 1}.</param>
    /// <param name="bins">B ≥ 1; 15 by default.</param>
    /// <param name="strategy">Equal-width (default) or equal-mass bins of p.</param>
    /// <returns>The terms, with Reliability − Resolution + Uncertainty + WithinBinVariance − WithinBinCovariance = <see cref="Of(ReadOnlySpan{double}, ReadOnlySpan{int})"/>.</returns>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, a probability outside [0, 1] or NaN, a label other than 0 or 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is outside 1–10⁶.</exception>
    /// <remarks>With one forecast value per bin the within-bin terms vanish and this is Murphy's (1973) three-term identity.</remarks>
    public static BrierDecomposition Decompose(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, int bins = 15, BinStrategy strategy = BinStrategy.Uniform)
    {
        BinaryInput.Check(probabilities, labels, nameof(probabilities), nameof(labels));
        CalibrationBinning.CheckBins(bins);
        return CalibrationEngine.BinaryDecomposition(probabilities, labels, bins, strategy);
    }
}
