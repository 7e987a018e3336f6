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
    /// <summary>PyTorch's floor on each logarithm in <see cref="FromProbabilities(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LossReduction, Span{double})"/>: log 0 counts as −100.</summary>
    public const double LogFloor = -100.0;

    /// <summary>The binary cross-entropy of predicted probabilities against targets, with PyTorch's log floor of −100.</summary>
    /// <param name="probabilities">The predicted probabilities pᵢ ∈ [0, 1].</param>
    /// <param name="targets">The targets yᵢ ∈ [0, 1], the same length (0/1 labels or soft labels).</param>
    /// <param name="weights">Optional weights wᵢ ≥ 0 (PyTorch <c>weight</c>): one per element, or one per column; empty for none.</param>
    /// <param name="reduction">Mean (over elements), Sum or None.</param>
    /// <param name="elementLosses">Optional: receives the weighted per-element losses ℓᵢ in nats, whatever the reduction.</param>
    /// <returns>
    /// The loss in nats: ℓᵢ = −wᵢ·[yᵢ·max(log pᵢ, −100) + (1 − yᵢ)·max(log(1 − pᵢ), −100)], reduced; Weight and Count are
    /// the number of elements.
    /// </returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths; a probability or target outside [0, 1] or NaN
    /// (named with its index); weights that do not broadcast, are negative or not finite; <paramref name="elementLosses"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// The floor is PyTorch's: it keeps a confident wrong prediction (p = 0 with y = 1) at a finite 100·wᵢ nats instead of
    /// +∞, so the loss is not the exact cross-entropy there; any |log| above 100 is clipped the same way (p &lt; e^−100 ≈ 3.7e-44).
    /// log(1 − p) is computed as log1p(−p), exact for tiny p where PyTorch's log(1 − p) gives 0 (the two differ by less than
    /// 1e-16 absolute). Prefer <see cref="FromLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LossReduction, Span{double})"/>,
    /// which needs no floor.
    /// </remarks>
    public static CrossEntropyResult FromProbabilities(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights = default, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default) =>
        Probabilities(probabilities, targets, weights, reduction, elementLosses);

    /// <inheritdoc cref="FromProbabilities(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LossReduction, Span{double})"/>
    public static CrossEntropyResult FromProbabilities(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, ReadOnlySpan<double> weights = default, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default) =>
        Probabilities(probabilities, targets, weights, reduction, elementLosses);

    /// <summary>The binary cross-entropy of logits against targets, in the stable softplus form, with an optional positive-class weight.</summary>
    /// <param name="logits">The logits xᵢ (p = σ(x)); finite.</param>
    /// <param name="targets">The targets yᵢ ∈ [0, 1], the same length.</param>
    /// <param name="weights">Optional weights wᵢ ≥ 0 (PyTorch <c>weight</c>): one per element, or one per column; empty for none.</param>
    /// <param name="positiveWeights">Optional weights p_c ≥ 0 of the positive term (PyTorch <c>pos_weight</c>): one per column (or per element); empty for none.
    /// p_c &gt; 1 raises recall, p_c &lt; 1 precision; PyTorch suggests (negatives / positives) of the class.</param>
    /// <param name="reduction">Mean (over elements), Sum or None.</param>
    /// <param name="elementLosses">Optional: receives the per-element losses ℓᵢ in nats, whatever the reduction.</param>
    /// <returns>
    /// The loss in nats: ℓᵢ = wᵢ·[p_c·yᵢ·softplus(−xᵢ) + (1 − yᵢ)·softplus(xᵢ)] = −wᵢ·[p_c yᵢ log σ(xᵢ) + (1 − yᵢ) log(1 − σ(xᵢ))],
    /// reduced; Weight and Count are the number of elements.
    /// </returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths; a logit that is not finite or a target outside [0, 1]
    /// (named with its index); weights that do not broadcast, are negative or not finite; <paramref name="elementLosses"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^(−|x|)) never overflows: logits ±700 give 700 or 0 exactly
    /// where the naive −log σ(x) would give +∞ or lose every digit. No clamp is needed or applied.
    /// </remarks>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights = default, ReadOnlySpan<double> positiveWeights = default, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default) =>
        Logits(logits, targets, weights, positiveWeights, reduction, elementLosses);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, LossReduction, Span{double})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, ReadOnlySpan<double> weights = default, ReadOnlySpan<double> positiveWeights = default, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default) =>
        Logits(logits, targets, weights, positiveWeights, reduction, elementLosses);

    /// <summary>Checks the shapes and options every binary loss shares.</summary>
    internal static void Check<T>(ReadOnlySpan<T> predictions, ReadOnlySpan<T> targets, ReadOnlySpan<double> weights, LossReduction reduction, Span<double> elementLosses, string predictionsName)
    {
        Guard.NotEmpty(predictions, predictionsName);
        Guard.SameLength(predictions, targets, predictionsName, nameof(targets));
        ElementLoss.Weights(weights, predictions.Length, nameof(weights));
        ElementLoss.Reduction(reduction);
        ElementLoss.Destination(elementLosses, predictions.Length, nameof(elementLosses));
    }

    private static CrossEntropyResult Probabilities<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> targets, ReadOnlySpan<double> weights, LossReduction reduction, Span<double> elementLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(probabilities, targets, weights, reduction, elementLosses, nameof(probabilities));
        var sum = default(CompensatedSum);
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = ElementLoss.Probability(probabilities[i], nameof(probabilities), i);
            double y = ElementLoss.Probability(targets[i], nameof(targets), i);
            double logP = Math.Max(Math.Log(p), LogFloor);
            double logNotP = Math.Max(SpecialFunctions.Log1P(-p), LogFloor);
            double loss = -ElementLoss.Weight(weights, i) * ((y * logP) + ((1.0 - y) * logNotP));
            sum.Add(loss);
            if (!elementLosses.IsEmpty)
            {
                elementLosses[i] = loss;
            }
        }

        return ElementLoss.Result(sum.Value, probabilities.Length, probabilities.Length, reduction);
    }

    private static CrossEntropyResult Logits<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, ReadOnlySpan<double> weights, ReadOnlySpan<double> positiveWeights, LossReduction reduction, Span<double> elementLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(logits, targets, weights, reduction, elementLosses, nameof(logits));
        ElementLoss.Weights(positiveWeights, logits.Length, nameof(positiveWeights));
        var sum = default(CompensatedSum);
        for (int i = 0; i < logits.Length; i++)
        {
            double x = ElementLoss.Finite(logits[i], nameof(logits), i);
            double y = ElementLoss.Probability(targets[i], nameof(targets), i);
            double loss = ElementLoss.Weight(weights, i) * ((ElementLoss.Weight(positiveWeights, i) * y * ElementLoss.Softplus(-x)) + ((1.0 - y) * ElementLoss.Softplus(x)));
            sum.Add(loss);
            if (!elementLosses.IsEmpty)
            {
                elementLosses[i] = loss;
            }
        }

        return ElementLoss.Result(sum.Value, logits.Length, logits.Length, reduction);
    }
}
