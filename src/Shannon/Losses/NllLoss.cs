using System.Numerics;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The negative log-likelihood loss on log-probabilities (the output of a log-softmax), with PyTorch's class weights,
/// ignore index and reductions (<c>torch.nn.functional.nll_loss</c>).
/// </summary>
/// <remarks>
/// Row i contributes ℓᵢ = −w_{yᵢ}·x_{i,yᵢ}; ignored rows contribute 0 and leave the mean's denominator Σᵢ w_{yᵢ}.
/// Applied to log-softmax(z) it equals <see cref="CrossEntropyLoss"/> on the logits z, which is the form to prefer: it
/// never forms the log-probabilities. Only the target entry of each row is read, so the cost is O(N).
/// Reference: Paszke, A. et al. (2019), PyTorch: an imperative style, high-performance deep learning library,
/// NeurIPS, arXiv:1912.01703 (the semantics matched); Fisher, R. A. (1922), On the mathematical foundations of
/// theoretical statistics, Phil. Trans. R. Soc. A 222, 309–368, doi:10.1098/rsta.1922.0009 (maximum likelihood).
/// </remarks>
public static class NllLoss
{
    /// <summary>The NLL loss of N×C log-probabilities against N class indices, and optionally its gradient.</summary>
    /// <param name="logProbabilities">N×C log-probabilities x, row-major (e.g. log-softmax output); the entries read (one per non-ignored row) must not be NaN or +∞; −∞ gives an infinite loss.</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="targets">N class indices in [0, C), or <paramref name="ignoreIndex"/>; empty (with empty <paramref name="logProbabilities"/>) for an empty batch.</param>
    /// <param name="classWeights">One weight w_c ≥ 0 per class (PyTorch <c>weight</c>); empty for none (every w_c = 1).</param>
    /// <param name="ignoreIndex">Rows whose target is this index count for nothing (PyTorch <c>ignore_index</c>, default −100; may be a real class).</param>
    /// <param name="reduction">Mean (Σ ℓᵢ / Σ w_{yᵢ}), Sum or None.</param>
    /// <param name="rowLosses">Optional: receives the N weighted row losses ℓᵢ in nats (0 for ignored rows), whatever the reduction.</param>
    /// <param name="gradient">Optional: receives ∂(reduced loss)/∂x, N×C: −w_{yᵢ}·s at (i, yᵢ) and 0 elsewhere, with s = 1/Σ w_{yᵢ} for Mean and 1 for Sum;
    /// for None row i holds ∂ℓᵢ/∂xᵢ (s = 1). Ignored rows get 0.</param>
    /// <returns>The loss in nats with its sum, weight Σ w_{yᵢ} and the count of rows that counted.</returns>
    /// <exception cref="ArgumentException">A shape mismatch; a target outside [0, C) that is not the ignore index; a NaN or +∞ entry read;
    /// class weights of the wrong length, negative or not finite; <paramref name="rowLosses"/> or <paramref name="gradient"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or <paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// Mean over rows that are all ignored (or of zero total weight), and the mean of an empty batch: Sum = 0, Weight = 0 and
    /// Value = NaN, as PyTorch gives; the sum of an empty batch is 0. The gradient of a mean of zero weight is 0 (PyTorch gives
    /// NaN at a counted row whose class weight is 0, from 0·(1/0)). A row of weight 0 whose log-probability is −∞ contributes 0
    /// (PyTorch gives NaN for 0·∞). The entries are not checked to be ≤ 0: any real score is accepted, as in PyTorch.
    /// </remarks>
    public static CrossEntropyResult FromLogProbabilities(ReadOnlySpan<double> logProbabilities, int classes, ReadOnlySpan<int> targets, ReadOnlySpan<double> classWeights = default, int ignoreIndex = -100, LossReduction reduction = LossReduction.Mean, Span<double> rowLosses = default, Span<double> gradient = default) =>
        Compute(logProbabilities, classes, targets, classWeights, ignoreIndex, reduction, rowLosses, gradient);

    /// <inheritdoc cref="FromLogProbabilities(ReadOnlySpan{double}, int, ReadOnlySpan{int}, ReadOnlySpan{double}, int, LossReduction, Span{double}, Span{double})"/>
    public static CrossEntropyResult FromLogProbabilities(ReadOnlySpan<float> logProbabilities, int classes, ReadOnlySpan<int> targets, ReadOnlySpan<double> classWeights = default, int ignoreIndex = -100, LossReduction reduction = LossReduction.Mean, Span<double> rowLosses = default, Span<float> gradient = default) =>
        Compute(logProbabilities, classes, targets, classWeights, ignoreIndex, reduction, rowLosses, gradient);

    private static CrossEntropyResult Compute<T>(ReadOnlySpan<T> logProbabilities, int classes, ReadOnlySpan<int> targets, ReadOnlySpan<double> classWeights, int ignoreIndex, LossReduction reduction, Span<double> rowLosses, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // An empty batch is PyTorch's (0, C) input: mean 0/0 = NaN, sum 0.
        int rows = logProbabilities.IsEmpty && targets.IsEmpty && classes > 0 ? 0 : LogitGuard.Rows(logProbabilities.Length, classes, nameof(logProbabilities));
        if (targets.Length != rows)
        {
            throw new ArgumentException($"targets has {targets.Length} entries but logProbabilities has {rows} rows of {classes} classes.", nameof(targets));
        }

        if (!classWeights.IsEmpty)
        {
            if (classWeights.Length != classes)
            {
                throw new ArgumentException($"classWeights has {classWeights.Length} entries but there are {classes} classes.", nameof(classWeights));
            }

            Guard.NonNegativeFinite(classWeights, nameof(classWeights));
        }

        ElementLoss.Reduction(reduction);
        ElementLoss.Destination(rowLosses, rows, nameof(rowLosses));
        ElementLoss.Destination(gradient, logProbabilities.Length, nameof(gradient));
        var sum = default(CompensatedSum);
        var weight = default(CompensatedSum);
        long count = 0;
        for (int i = 0; i < rows; i++)
        {
            int t = targets[i];
            double loss = 0.0;
            if (t != ignoreIndex)
            {
                if ((uint)t >= (uint)classes)
                {
                    throw new ArgumentException($"targets has {t} at index {i}; class indices must lie in [0, {classes}) or equal the ignore index {ignoreIndex}.", nameof(targets));
                }

                int index = (i * classes) + t;
                double x = double.CreateTruncating(logProbabilities[index]);
                if (double.IsNaN(x) || double.IsPositiveInfinity(x))
                {
                    throw new ArgumentException($"logProbabilities has {(double.IsNaN(x) ? "a NaN entry" : "an infinite entry Infinity")} at index {index} (row {i}, class {t}).", nameof(logProbabilities));
                }

                double w = classWeights.IsEmpty ? 1.0 : classWeights[t];
                loss = w == 0.0 ? 0.0 : -w * x;
                sum.Add(loss);
                weight.Add(w);
                count++;
            }

            if (!rowLosses.IsEmpty)
            {
                rowLosses[i] = loss;
            }
        }

        var result = ElementLoss.Result(sum.Value, weight.Value, count, reduction);
        if (!gradient.IsEmpty)
        {
            Gradient(classes, targets, classWeights, ignoreIndex, reduction == LossReduction.Mean ? result.Weight : 1.0, gradient[..logProbabilities.Length]);
        }

        return result;
    }

    /// <summary>−w_{yᵢ}/<paramref name="divisor"/> at each counted row's target, 0 elsewhere (0 everywhere when the divisor is 0).</summary>
    private static void Gradient<T>(int classes, ReadOnlySpan<int> targets, ReadOnlySpan<double> classWeights, int ignoreIndex, double divisor, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        gradient.Clear();
        if (divisor == 0.0)
        {
            return;
        }

        for (int i = 0; i < targets.Length; i++)
        {
            int t = targets[i];
            if (t != ignoreIndex)
            {
                double w = classWeights.IsEmpty ? 1.0 : classWeights[t];
                gradient[(i * classes) + t] = T.CreateTruncating(-w / divisor);
            }
        }
    }
}
