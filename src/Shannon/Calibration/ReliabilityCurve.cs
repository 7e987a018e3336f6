using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// The reliability curve of binary probabilities: for every non-empty bin, the observed frequency of the positive class
/// and the mean predicted probability, exactly as scikit-learn's <c>sklearn.calibration.calibration_curve</c>.
/// </summary>
/// <param name="ProbTrue">For each non-empty bin in order, the fraction of its samples with label 1 (sklearn's <c>prob_true</c>).</param>
/// <param name="ProbPred">For each non-empty bin in order, the mean predicted probability of its samples (sklearn's <c>prob_pred</c>).</param>
/// <param name="Counts">For each non-empty bin in order, how many samples it holds.</param>
public sealed record ReliabilityCurve(double[] ProbTrue, double[] ProbPred, long[] Counts)
{
    /// <summary>The reliability curve of positive-class probabilities against 0/1 labels.</summary>
    /// <param name="probabilities">p_i = P(y_i = 1), each in [0, 1].</param>
    /// <param name="labels">y_i ∈ {0, 1}, as many as <paramref name="probabilities"/>.</param>
    /// <param name="bins">The number of bins B ≥ 1; 5 by default, as scikit-learn.</param>
    /// <param name="strategy">Equal-width or equal-mass (quantile) bins.</param>
    /// <returns>prob_true_b = (Σ_{i∈b} y_i)/n_b and prob_pred_b = (Σ_{i∈b} p_i)/n_b over the non-empty bins b, in bin order.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, a probability is NaN or outside [0, 1], or a label is not 0 or 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is outside 1–10⁶.</exception>
    /// <remarks>
    /// Bins are right-closed, as <c>numpy.searchsorted(edges[1:-1], p)</c>: equal-width edges are
    /// <c>numpy.linspace(0, 1, B + 1)</c>, quantile edges <c>numpy.percentile(p, linspace(0, 1, B + 1) * 100)</c>. Empty
    /// bins are left out, so the arrays can be shorter than B. Reference: Niculescu-Mizil, A. &amp; Caruana, R. (2005),
    /// Predicting good probabilities with supervised learning, ICML, doi:10.1145/1102351.1102430.
    /// </remarks>
    public static ReliabilityCurve FromProbabilities(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, int bins = 5, BinStrategy strategy = BinStrategy.Uniform)
    {
        BinaryInput.Check(probabilities, labels, nameof(probabilities), nameof(labels));
        CalibrationBinning.CheckBins(bins);
        var edges = CalibrationBinning.Edges(probabilities, bins, strategy);
        var counts = new long[bins];
        var predicted = new double[bins];
        var observed = new long[bins];
        for (int i = 0; i < probabilities.Length; i++)
        {
            int b = CalibrationBinning.Locate(edges, probabilities[i], strategy == BinStrategy.Uniform);
            counts[b]++;
            predicted[b] += probabilities[i];
            observed[b] += labels[i];
        }

        var keep = Enumerable.Range(0, bins).Where(b => counts[b] > 0).ToArray();
        return new ReliabilityCurve(
            keep.Select(b => (double)observed[b] / counts[b]).ToArray(),
            keep.Select(b => predicted[b] / counts[b]).ToArray(),
            keep.Select(b => counts[b]).ToArray());
    }
}

/// <summary>Checks of binary inputs: positive-class probabilities in [0, 1] and 0/1 labels.</summary>
internal static class BinaryInput
{
    internal static void Check(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, string probabilitiesName, string labelsName)
    {
        Guard.NotEmpty(probabilities, probabilitiesName);
        Guard.SameLength(probabilities, labels, probabilitiesName, labelsName);
        Guard.Probabilities(probabilities, probabilitiesName);
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"{labelsName} has {labels[i]} at index {i}; binary labels are 0 or 1.", labelsName);
            }
        }
    }
}
