using System.Numerics;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The Kullback–Leibler divergence loss on log-probability inputs (<c>torch.nn.functional.kl_div</c>): the element-wise
/// terms of KL(target ‖ model) with PyTorch's <c>log_target</c> and reductions, including <c>'batchmean'</c>.
/// </summary>
/// <remarks>
/// The model enters as log-probabilities x = log q (e.g. a log-softmax), the target as probabilities t = p or, with
/// logTarget, as log-probabilities. Summed over a row the terms give KL(p ‖ q) = Σ_c p_c (log p_c − log q_c) when both
/// rows are distributions; the rows are not checked to sum to 1 (PyTorch does not either), so the loss of
/// unnormalised rows is the sum of the same terms. Used for knowledge distillation (target = teacher, input = student).
/// PyTorch's default reduction 'mean' divides by N·C and is therefore the KL divided by the number of classes;
/// <see cref="KlDivReduction.BatchMean"/>, the default here, divides by N and is the mean KL per row.
/// Reference: Kullback, S. &amp; Leibler, R. A. (1951), On information and sufficiency, Ann. Math. Statist. 22(1),
/// 79–86, doi:10.1214/aoms/1177729694; Hinton, G., Vinyals, O. &amp; Dean, J. (2015), Distilling the knowledge in a
/// neural network, arXiv:1503.02531; Paszke, A. et al. (2019), PyTorch, NeurIPS, arXiv:1912.01703.
/// </remarks>
public static class KlDivLoss
{
    /// <summary>The KL-divergence loss of N×C model log-probabilities against N×C target probabilities or log-probabilities.</summary>
    /// <param name="logProbabilities">N×C model log-probabilities x = log q, row-major (PyTorch <c>input</c>); no NaN or +∞; −∞ allowed (q = 0).</param>
    /// <param name="target">N×C targets, the same length: probabilities t ≥ 0 (finite), or log-probabilities (no NaN or +∞; −∞ is t = 0) when <paramref name="logTarget"/>.</param>
    /// <param name="classes">C, the row length; <see cref="KlDivReduction.BatchMean"/> divides by N = length / C.</param>
    /// <param name="reduction">BatchMean (default, the KL per row), Sum, Mean (PyTorch's default: divides by N·C) or None.</param>
    /// <param name="logTarget">Whether <paramref name="target"/> holds log-probabilities (PyTorch <c>log_target</c>).</param>
    /// <param name="elementLosses">Optional: receives the N·C element terms in nats, whatever the reduction.</param>
    /// <param name="gradient">Optional: receives ∂(reduced loss)/∂x, N×C: −tᵢ·s (−e^(tᵢ)·s with logTarget), with s = 1/N for BatchMean,
    /// 1/(N·C) for Mean and 1 for Sum and None (for None, element i holds the derivative of its own term).</param>
    /// <returns>
    /// The loss in nats from the terms tᵢ·(log tᵢ − xᵢ) (or e^(tᵢ)·(tᵢ − xᵢ) with logTarget), with 0 where the target is 0;
    /// Weight is the divisor (N·C for Mean, N for BatchMean, reported with <see cref="LossReduction.Mean"/>), Count is N·C.
    /// +∞ when some target is positive where xᵢ = −∞.
    /// </returns>
    /// <exception cref="ArgumentException">The inputs are empty, of different lengths or not a multiple of <paramref name="classes"/>;
    /// a bad entry (named with its index); <paramref name="elementLosses"/> or <paramref name="gradient"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or <paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// A zero target contributes exactly 0, even where xᵢ = −∞ (PyTorch gives NaN there for 0·∞). Individual terms may be
    /// negative; the row sums are ≥ 0 (Gibbs) when both rows are distributions. The gradient is with respect to the input only
    /// (the target is data); it does not depend on the input, so it is finite even where xᵢ = −∞.
    /// </remarks>
    public static CrossEntropyResult FromLogProbabilities(ReadOnlySpan<double> logProbabilities, ReadOnlySpan<double> target, int classes, KlDivReduction reduction = KlDivReduction.BatchMean, bool logTarget = false, Span<double> elementLosses = default, Span<double> gradient = default) =>
        Compute(logProbabilities, target, classes, reduction, logTarget, elementLosses, gradient);

    /// <inheritdoc cref="FromLogProbabilities(ReadOnlySpan{double}, ReadOnlySpan{double}, int, KlDivReduction, bool, Span{double}, Span{double})"/>
    public static CrossEntropyResult FromLogProbabilities(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<float> target, int classes, KlDivReduction reduction = KlDivReduction.BatchMean, bool logTarget = false, Span<double> elementLosses = default, Span<float> gradient = default) =>
        Compute(logProbabilities, target, classes, reduction, logTarget, elementLosses, gradient);

    private static CrossEntropyResult Compute<T>(ReadOnlySpan<T> logProbabilities, ReadOnlySpan<T> target, int classes, KlDivReduction reduction, bool logTarget, Span<double> elementLosses, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(logProbabilities, nameof(logProbabilities));
        Guard.SameLength(logProbabilities, target, nameof(logProbabilities), nameof(target));
        int rows = LogitGuard.Rows(logProbabilities.Length, classes, nameof(logProbabilities));
        if (!Enum.IsDefined(reduction))
        {
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, $"reduction must be BatchMean, Sum, Mean or None; got {reduction}.");
        }

        ElementLoss.Destination(elementLosses, logProbabilities.Length, nameof(elementLosses));
        ElementLoss.Destination(gradient, logProbabilities.Length, nameof(gradient));
        double scale = reduction switch
        {
            KlDivReduction.BatchMean => 1.0 / rows,
            KlDivReduction.Mean => 1.0 / logProbabilities.Length,
            _ => 1.0,
        };
        var sum = default(CompensatedSum);
        for (int i = 0; i < logProbabilities.Length; i++)
        {
            double x = double.CreateTruncating(logProbabilities[i]);
            if (double.IsNaN(x) || double.IsPositiveInfinity(x))
            {
                throw Guard.BadEntry(nameof(logProbabilities), i, x);
            }

            double t = double.CreateTruncating(target[i]);
            double term;
            if (logTarget)
            {
                if (double.IsNaN(t) || double.IsPositiveInfinity(t))
                {
                    throw Guard.BadEntry(nameof(target), i, t);
                }

                term = double.IsNegativeInfinity(t) ? 0.0 : Math.Exp(t) * (t - x);
                if (!gradient.IsEmpty)
                {
                    gradient[i] = T.CreateTruncating(-Math.Exp(t) * scale);
                }
            }
            else
            {
                if (!(t >= 0.0) || double.IsPositiveInfinity(t))
                {
                    throw Guard.BadEntry(nameof(target), i, t);
                }

                term = t == 0.0 ? 0.0 : t * (Math.Log(t) - x);
                if (!gradient.IsEmpty)
                {
                    gradient[i] = T.CreateTruncating(-t * scale);
                }
            }

            sum.Add(term);
            if (!elementLosses.IsEmpty)
            {
                elementLosses[i] = term;
            }
        }

        long count = logProbabilities.Length;
        return reduction switch
        {
            KlDivReduction.BatchMean => ElementLoss.Result(sum.Value, rows, count, LossReduction.Mean),
            KlDivReduction.Mean => ElementLoss.Result(sum.Value, count, count, LossReduction.Mean),
            KlDivReduction.Sum => ElementLoss.Result(sum.Value, count, count, LossReduction.Sum),
            _ => ElementLoss.Result(sum.Value, count, count, LossReduction.None),
        };
    }
}
