using System.Numerics;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The binary cross-entropy loss, on probabilities (<c>torch.nn.functional.binary_cross_entropy</c>) and on logits
/// (<c>binary_cross_entropy_with_logits</c>, with <c>pos_weight</c>), element-wise with PyTorch's weights and reductions.
/// </summary>
/// <remarks>
/// Element i with prediction pᵢ and target yᵢ ∈ [0, 1] (hard or soft labels) contributes
/// ℓᵢ = −wᵢ·[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] nats. Mean divides by the number of elements (weights do not enter
/// the denominator, as in PyTorch). Weights broadcast as PyTorch's against a row-major table: one per element, or one
/// per column when the input is read as a table whose last dimension is the weight vector's length.
/// Reference: Cox, D. R. (1958), The regression analysis of binary sequences, J. R. Stat. Soc. B 20(2), 215–242,
/// doi:10.1111/j.2517-6161.1958.tb00292.x (the logistic likelihood); Paszke, A. et al. (2019), PyTorch, NeurIPS,
/// arXiv:1912.01703 (the semantics matched).
/// </remarks>
public static class BinaryCrossEntropy
{
    /// <summary>PyTorch's floor on each logarithm in <see cref="FromProbabilities(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LossReduction, Span{double}, Span{double})"/>: log 0 counts as −100.</summary>
    public const double LogFloor = -100.0;

    /// <summary>The binary cross-entropy of predicted probabilities against targets, with PyTorch's log floor of −100.</summary>
    /// <param name="probabilities">The predicted probabilities pᵢ ∈ [0, 1].</param>
    /// <param name="targets">The targets yᵢ ∈ [0, 1], the same length (0/1 labels or soft labels).</param>
    /// <param name="weights">Optional weights wᵢ ≥ 0 (PyTorch <c>weight</c>): one per element, or one per column; empty for none.</param>
    /// <param name="reduction">Mean (over elements), Sum or None.</param>
    /// <param name="elementLosses">Optional: receives the weighted per-element losses ℓᵢ in nats, whatever the reduction.</param>
    /// <param name="gradient">Optional: receives ∂(reduced loss)/∂p as PyTorch's autograd gives it, wᵢ·s·(pᵢ − yᵢ) / max(pᵢ(1 − pᵢ), ε) with
    /// ε = 10⁻¹² rounded to float (9.99999996e-13, as PyTorch uses in double too),
    /// with s = 1/n for Mean and 1 for Sum and None (for None, element i holds ∂ℓᵢ/∂pᵢ).</param>
    /// <returns>
    /// The loss in nats: ℓᵢ = −wᵢ·[yᵢ·max(log pᵢ, −100) + (1 − yᵢ)·max(log(1 − pᵢ), −100)], reduced; Weight and Count are
    /// the number of elements.
    /// </returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths; a probability or target outside [0, 1] or NaN
    /// (named with its index); weights that do not broadcast, are negative or not finite; <paramref name="elementLosses"/> or
    /// <paramref name="gradient"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// The floor is PyTorch's: it keeps a confident wrong prediction (p = 0 with y = 1) at a finite 100·wᵢ nats instead of
    /// +∞, so the loss is not the exact cross-entropy there; any |log| above 100 is clipped the same way (p &lt; e^−100 ≈ 3.7e-44).
    /// log(1 − p) is computed as log1p(−p), exact for tiny p where PyTorch's log(1 − p) gives 0 (the two differ by less than
    /// 1e-16 absolute). The gradient is PyTorch's backward formula, not the derivative of the floored loss: where a log is floored
    /// the loss is flat, yet p = 0 with y = 1 gets −wᵢ·s/ε ≈ −wᵢ·s·1.000000004·10¹² (and p = 1 with y = 0 the opposite), and p = y ∈ {0, 1} gets 0,
    /// exactly as <c>loss.backward()</c> gives. Prefer <see cref="FromLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LossReduction, Span{double}, Span{double})"/>,
    /// which needs no floor and whose gradient is exact.
    /// </remarks>
    public static CrossEntropyResult FromProbabilities(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights = default, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default, Span<double> gradient = default) =>
        Probabilities(probabilities, targets, weights, reduction, elementLosses, gradient);

    /// <inheritdoc cref="FromProbabilities(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LossReduction, Span{double}, Span{double})"/>
    public static CrossEntropyResult FromProbabilities(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, ReadOnlySpan<double> weights = default, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default, Span<float> gradient = default) =>
        Probabilities(probabilities, targets, weights, reduction, elementLosses, gradient);

    /// <summary>The binary cross-entropy of logits against targets, in the stable softplus form, with an optional positive-class weight.</summary>
    /// <param name="logits">The logits xᵢ (p = σ(x)); finite.</param>
    /// <param name="targets">The targets yᵢ ∈ [0, 1], the same length.</param>
    /// <param name="weights">Optional weights wᵢ ≥ 0 (PyTorch <c>weight</c>): one per element, or one per column; empty for none.</param>
    /// <param name="positiveWeights">Optional weights p_c ≥ 0 of the positive term (PyTorch <c>pos_weight</c>): one per column (or per element); empty for none.
    /// p_c &gt; 1 raises recall, p_c &lt; 1 precision; PyTorch suggests (negatives / positives) of the class.</param>
    /// <param name="reduction">Mean (over elements), Sum or None.</param>
    /// <param name="elementLosses">Optional: receives the per-element losses ℓᵢ in nats, whatever the reduction.</param>
    /// <param name="gradient">Optional: receives ∂(reduced loss)/∂x, wᵢ·s·[(1 − yᵢ)·σ(xᵢ) − p_c·yᵢ·σ(−xᵢ)] (= wᵢ·s·[(p_c yᵢ + 1 − yᵢ)σ(xᵢ) − p_c yᵢ],
    /// PyTorch's backward), with s = 1/n for Mean and 1 for Sum and None (for None, element i holds ∂ℓᵢ/∂xᵢ).</param>
    /// <returns>
    /// The loss in nats: ℓᵢ = wᵢ·[p_c·yᵢ·softplus(−xᵢ) + (1 − yᵢ)·softplus(xᵢ)] = −wᵢ·[p_c yᵢ log σ(xᵢ) + (1 − yᵢ) log(1 − σ(xᵢ))],
    /// reduced; Weight and Count are the number of elements.
    /// </returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths; a logit that is not finite or a target outside [0, 1]
    /// (named with its index); weights that do not broadcast, are negative or not finite; <paramref name="elementLosses"/> or
    /// <paramref name="gradient"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^(−|x|)) never overflows: logits ±700 give 700 or 0 exactly
    /// where the naive −log σ(x) would give +∞ or lose every digit. No clamp is needed or applied. Neither the loss nor the
    /// gradient is formed as a difference, so a confident right answer keeps its small value (x = 40, y = 1: loss and
    /// gradient ≈ 4.2e-18, where PyTorch's float64 forms give 0). Float logits are computed in float (within a few ulps)
    /// with sums in double; the elements run eight at a time, on every core for large inputs, in parts of 2¹⁸ summed in
    /// a fixed order, so the result does not depend on the core count.
    /// </remarks>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights = default, ReadOnlySpan<double> positiveWeights = default, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default, Span<double> gradient = default) =>
        Logits(logits, targets, weights, positiveWeights, reduction, elementLosses, gradient);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LossReduction, Span{double}, Span{double})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, ReadOnlySpan<double> weights = default, ReadOnlySpan<double> positiveWeights = default, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default, Span<float> gradient = default) =>
        Logits(logits, targets, weights, positiveWeights, reduction, elementLosses, gradient);

    /// <summary>Checks the shapes and options every binary loss shares.</summary>
    internal static void Check<T>(ReadOnlySpan<T> predictions, ReadOnlySpan<T> targets, ReadOnlySpan<double> weights, LossReduction reduction, Span<double> elementLosses, string predictionsName)
    {
        Guard.NotEmpty(predictions, predictionsName);
        Guard.SameLength(predictions, targets, predictionsName, nameof(targets));
        ElementLoss.Weights(weights, predictions.Length, nameof(weights));
        ElementLoss.Reduction(reduction);
        ElementLoss.Destination(elementLosses, predictions.Length, nameof(elementLosses));
    }

    private static CrossEntropyResult Probabilities<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> targets, ReadOnlySpan<double> weights, LossReduction reduction, Span<double> elementLosses, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(probabilities, targets, weights, reduction, elementLosses, nameof(probabilities));
        ElementLoss.Destination(gradient, probabilities.Length, nameof(gradient));
        double scale = reduction == LossReduction.Mean ? 1.0 / probabilities.Length : 1.0;
        var sum = default(CompensatedSum);
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = ElementLoss.Probability(probabilities[i], nameof(probabilities), i);
            double y = ElementLoss.Probability(targets[i], nameof(targets), i);
            double logP = Math.Max(Math.Log(p), LogFloor);
            double logNotP = Math.Max(SpecialFunctions.Log1P(-p), LogFloor);
            double w = ElementLoss.Weight(weights, i);
            double loss = -w * ((y * logP) + ((1.0 - y) * logNotP));
            sum.Add(loss);
            if (!elementLosses.IsEmpty)
            {
                elementLosses[i] = loss;
            }

            if (!gradient.IsEmpty)
            {
                // PyTorch's binary_cross_entropy_backward: (p − y) / max((1 − p)·p, ε), ε = (float)1e-12.
                gradient[i] = T.CreateTruncating(w * scale * (p - y) / Math.Max((1.0 - p) * p, GradientFloor));
            }
        }

        return ElementLoss.Result(sum.Value, probabilities.Length, probabilities.Length, reduction);
    }

    /// <summary>PyTorch's floor ε on p(1 − p) in the gradient of the binary cross-entropy on probabilities: 1e-12 rounded to float, also in double.</summary>
    private const double GradientFloor = 1e-12f;

    private static CrossEntropyResult Logits<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, ReadOnlySpan<double> weights, ReadOnlySpan<double> positiveWeights, LossReduction reduction, Span<double> elementLosses, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(logits, targets, weights, reduction, elementLosses, nameof(logits));
        ElementLoss.Weights(positiveWeights, logits.Length, nameof(positiveWeights));
        ElementLoss.Destination(gradient, logits.Length, nameof(gradient));
        double scale = reduction == LossReduction.Mean ? 1.0 / logits.Length : 1.0;
        double sum = BinaryLogitKernel.Sum(
            logits, targets, weights, positiveWeights, scale,
            elementLosses.IsEmpty ? default : elementLosses[..logits.Length],
            gradient.IsEmpty ? default : gradient[..logits.Length]);
        return ElementLoss.Result(sum, logits.Length, logits.Length, reduction);
    }
}
