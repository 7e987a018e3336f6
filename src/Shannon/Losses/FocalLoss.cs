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
    /// <param name="gradient">Optional: receives ∂(reduced loss)/∂x, α_t·s·[(pᵢ − yᵢ)·mᵢ^γ + γ·BCEᵢ·mᵢ^(γ−1)·(1 − 2yᵢ)·pᵢ(1 − pᵢ)] with
    /// m = 1 − p_t and s = 1/n for Mean, 1 for Sum and None (for None, element i holds ∂ℓᵢ/∂xᵢ).</param>
    /// <returns>
    /// The loss in nats from ℓᵢ = α_t·(1 − p_t)^γ·[yᵢ·softplus(−xᵢ) + (1 − yᵢ)·softplus(xᵢ)], reduced; Weight and Count are the number of elements.
    /// </returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths; a logit that is not finite or a target outside
    /// [0, 1] (named with its index); <paramref name="elementLosses"/> or <paramref name="gradient"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is negative or not finite; <paramref name="alpha"/> is outside [0, 1];
    /// <paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// 1 − p_t is computed as y·σ(−x) + (1 − y)·σ(x), a sum of non-negative terms, so a confident correct prediction keeps its
    /// small factor instead of cancelling to 0; (1 − p_t)^0 = 1 even when 1 − p_t = 0. The gradient is autograd's of
    /// torchvision's formula, evaluated without cancellation: p − y as (1 − y)·σ(x) − y·σ(−x), and m^(γ−1)·p(1 − p) as
    /// m^γ·(p(1 − p)/m). Where 1 − p_t is exactly 0 (a hard label and a saturated sigmoid) the second term is given its limit 0;
    /// PyTorch's float forms reach 1 − p_t = 0 already at |x| ≈ 17 (float) or 37 (double) and then give NaN for 0 &lt; γ &lt; 1
    /// (∞·0), the limit 0 for γ ≥ 1.
    /// </remarks>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, double gamma = 2.0, double? alpha = 0.25, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default, Span<double> gradient = default) =>
        Compute(logits, targets, gamma, alpha, reduction, elementLosses, gradient);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, double, double?, LossReduction, Span{double}, Span{double})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, double gamma = 2.0, double? alpha = 0.25, LossReduction reduction = LossReduction.Mean, Span<double> elementLosses = default, Span<float> gradient = default) =>
        Compute(logits, targets, gamma, alpha, reduction, elementLosses, gradient);

    private static CrossEntropyResult Compute<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, double gamma, double? alpha, LossReduction reduction, Span<double> elementLosses, Span<T> gradient)
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

        ElementLoss.Destination(gradient, logits.Length, nameof(gradient));
        double scale = reduction == LossReduction.Mean ? 1.0 / logits.Length : 1.0;
        var sum = default(CompensatedSum);
        for (int i = 0; i < logits.Length; i++)
        {
            double x = ElementLoss.Finite(logits[i], nameof(logits), i);
            double y = ElementLoss.Probability(targets[i], nameof(targets), i);
            double crossEntropy = (y * ElementLoss.Softplus(-x)) + ((1.0 - y) * ElementLoss.Softplus(x));
            double p = ElementLoss.Sigmoid(x);
            double q = ElementLoss.Sigmoid(-x);
            double miss = (y * q) + ((1.0 - y) * p);
            double focus = gamma == 0.0 ? 1.0 : Math.Pow(miss, gamma);
            double balanceFactor = alpha is double balance ? (balance * y) + ((1.0 - balance) * (1.0 - y)) : 1.0;
            double loss = crossEntropy * focus;
            if (alpha is not null)
            {
                loss *= balanceFactor;
            }

            if (!gradient.IsEmpty)
            {
                double slope = ((1.0 - y) * p) - (y * q); // ∂BCE/∂x = σ(x) − y
                double g = slope * focus;
                if (gamma != 0.0 && miss > 0.0)
                {
                    // ∂m^γ/∂x = γ·m^(γ−1)·(1 − 2y)·p(1 − p), written m^γ·(p(1 − p)/m) so that neither factor overflows.
                    g += crossEntropy * gamma * focus * (1.0 - (2.0 * y)) * (p * q / miss);
                }

                gradient[i] = T.CreateTruncating(balanceFactor * scale * g);
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
