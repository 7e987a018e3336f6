using System.Numerics;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The sigmoid focal loss of Lin et al.: binary cross-entropy from logits, down-weighted by (1 − p_t)^γ on the
/// examples the model already gets right, optionally balanced by α (torchvision's <c>sigmoid_focal_loss</c>).
/// </summary>
/// <remarks>
/// With p = σ(x), p_t = p·y + (1 − p)(1 − y) and α_t = α·y + (1 − α)(1 − y), element i contributes
/// ℓᵢ = α_t·(1 − p_t)^γ·BCE(xᵢ, yᵢ). γ = 0 and no α give the plain binary cross-entropy; Lin et al. use γ = 2, α = 0.25.
/// Reference: Lin, T.-Y., Goyal, P., Girshick, R., He, K. &amp; Dollár, P. (2017), Focal loss for dense object detection,
/// ICCV, 2999–3007, doi:10.1109/ICCV.2017.324.
/// </remarks>
public static class FocalLoss
{
    /// <summary>The sigmoid focal loss of logits against binary (or soft) targets.</summary>
    /// <param name="logits">The logits xᵢ; finite.</param>
    /// <param name="targets">The targets yᵢ ∈ [0, 1], the same length.</param>
    /// <param name="gamma">The focusing parameter γ ≥ 0 (finite); 2 by default.</param>
    /// <param name="alpha">The balance α ∈ [0, 1] of the positive class; 0.25 by default; null for none (torchvision's α = −1).</param>
    /// <param name="reduction">Mean (over elements, torchvision's 'mean'), Sum or None; Mean by default (torchvision's default is 'none').</param>
    /// <param name="elementLosses">Optional: receives the per-element losses ℓᵢ in nats, whatever the reduction.</param>
    /// <returns>
    /// The loss in nats from ℓᵢ = α_t·(1 − p_t)^γ·[yᵢ·softplus(−xᵢ) + (1 − yᵢ)·softplus(xᵢ)], reduced; Weight and Count are the number of elements.
    /// </returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths; a logit that is not finite or a target outside
    /// [0, 1] (named with its index); <paramref name="elementLosses"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is negative or not finite; <paramref name="alpha"/> is outside [0, 1];
    /// <paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// 1 − p_t is computed as y·σ(−x) + (1 − y)·σ(x), a sum of non-negative terms, so a confident correct prediction keeps its
    /// small factor instead of cancelling to 0; (1 − p_t)^0 = 1 even when 1 − p_t = 0.
    /// </remarks>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, double gamma = 2.0, double? alpha = 0.25, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default) =>
        Compute(logits, targets, gamma, alpha, reduction, elementLosses);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, double, double?, LossReduction, Span{double})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, double gamma = 2.0, double? alpha = 0.25, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default) =>
        Compute(logits, targets, gamma, alpha, reduction, elementLosses);

    private static CrossEntropyResult Compute<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, double gamma, double? alpha, LossReduction reduction, Span<double> elementLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        BinaryCrossEntropy.Check(logits, targets, default, reduction, elementLosses, nameof(logits));
        if (!(gamma >= 0.0) || double.IsPositiveInfinity(gamma))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"gamma must be a finite number ≥ 0; got {Guard.Format(gamma)}.");
        }

        if (alpha is double a && !(a is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), a, $"alpha must lie in [0, 1] (or be null for no balancing); got {Guard.Format(a)}.");
        }

        var sum = default(CompensatedSum);
        for (int i = 0; i < logits.Length; i++)
        {
            double x = ElementLoss.Finite(logits[i], nameof(logits), i);
            double y = ElementLoss.Probability(targets[i], nameof(targets), i);
            double crossEntropy = (y * ElementLoss.Softplus(-x)) + ((1.0 - y) * ElementLoss.Softplus(x));
            double miss = (y * ElementLoss.Sigmoid(-x)) + ((1.0 - y) * ElementLoss.Sigmoid(x));
            double loss = crossEntropy * (gamma == 0.0 ? 1.0 : Math.Pow(miss, gamma));
            if (alpha is double balance)
            {
                loss *= (balance * y) + ((1.0 - balance) * (1.0 - y));
            }

            sum.Add(loss);
            if (!elementLosses.IsEmpty)
            {
                elementLosses[i] = loss;
            }
        }

        return ElementLoss.Result(sum.Value, logits.Length, logits.Length, reduction);
    }
}
