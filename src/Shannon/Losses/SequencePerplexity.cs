using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The perplexity of a model on a sequence: e to the mean cross-entropy per prediction, from a mean loss or straight
/// from (target, logits) pairs — the effective number of equally likely tokens the model is choosing between.
/// </summary>
/// <remarks>
/// PP = exp((1/n)·Σₜ −log softmax(zₜ)_{yₜ}) = b^(mean loss in base-b units). A perplexity of k means the model is as
/// uncertain as a uniform choice among k tokens; comparisons are only valid on the same tokenizer and test set.
/// Reference: Jelinek, F., Mercer, R. L., Bahl, L. R. &amp; Baker, J. K. (1977), Perplexity — a measure of the difficulty
/// of speech recognition tasks, J. Acoust. Soc. Am. 62(S1), S63, doi:10.1121/1.2016299.
/// </remarks>
public static class SequencePerplexity
{
    /// <summary>The perplexity of a mean per-token loss.</summary>
    /// <param name="meanLoss">The mean cross-entropy per prediction, ≥ 0 and not NaN (+∞ gives +∞), in the unit of <paramref name="logBase"/>.</param>
    /// <param name="logBase">The unit of <paramref name="meanLoss"/>; nats by default.</param>
    /// <returns>PP = b^loss (e^loss for nats, 2^loss for bits); ≥ 1, dimensionless.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meanLoss"/> is negative or NaN.</exception>
    /// <remarks>A plateau at 3.2 nats is a perplexity of e^3.2 ≈ 24.5: on average the correct token gets e^−3.2 ≈ 4 % probability.</remarks>
    public static double FromMeanLoss(double meanLoss, LogBase logBase = default)
    {
        if (!(meanLoss >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(meanLoss), meanLoss, $"meanLoss must be a cross-entropy ≥ 0; got {Guard.Format(meanLoss)}.");
        }

        return Math.Exp(logBase.ToNats(meanLoss));
    }

    /// <summary>The perplexity of N×V logits (one row per position) against the N true tokens.</summary>
    /// <param name="logits">N×V logits, row-major; no NaN or +∞.</param>
    /// <param name="vocabulary">V, the number of tokens.</param>
    /// <param name="targets">The N true token indices in [0, V), or <paramref name="ignoreIndex"/> for positions that do not count (padding).</param>
    /// <param name="ignoreIndex">Positions with this target are skipped; −100 by default.</param>
    /// <returns>PP = exp(mean over counted positions of −log softmax(zₜ)_{yₜ}); NaN when every position is ignored.</returns>
    /// <exception cref="ArgumentException">A shape mismatch, a target out of range, or a bad logit (see <see cref="CrossEntropyLoss"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vocabulary"/> is not positive.</exception>
    /// <remarks>Streams through <see cref="CrossEntropyLoss"/>: no softmax is formed, vocabularies of 256k are fine.</remarks>
    public static double FromLogits(ReadOnlySpan<float> logits, int vocabulary, ReadOnlySpan<int> targets, int ignoreIndex = -100) =>
        CrossEntropyLoss.FromLogits(logits, vocabulary, targets, Options(ignoreIndex)).Perplexity;

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{float}, int, ReadOnlySpan{int}, int)"/>
    public static double FromLogits(ReadOnlySpan<double> logits, int vocabulary, ReadOnlySpan<int> targets, int ignoreIndex = -100) =>
        CrossEntropyLoss.FromLogits(logits, vocabulary, targets, Options(ignoreIndex)).Perplexity;

    /// <summary>The perplexity of a sequence given as (true token, logits) pairs, the logit vectors possibly of different lengths.</summary>
    /// <param name="steps">The predictions: for each position the index of the true token and the model's logits over the candidates.</param>
    /// <returns>PP = exp((1/n)·Σₜ [logsumexp(zₜ) − zₜ[yₜ]]), ≥ 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="steps"/> is empty; a target outside its logits (named with its position); bad logits.</exception>
    /// <remarks>The lessons' exercise: with one step, logits [2, 1, 0.1] and target 0 the perplexity is e^0.4170 ≈ 1.517.</remarks>
    public static double FromPairs(IEnumerable<(int Target, ReadOnlyMemory<double> Logits)> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var total = default(CompensatedSum);
        long count = 0;
        foreach (var (target, logits) in steps)
        {
            if ((uint)target >= (uint)logits.Length)
            {
                throw new ArgumentException($"steps has target {target} at position {count}, outside its {logits.Length} logits.", nameof(steps));
            }

            total.Add(Softmax.LogSumExp(logits.Span) - logits.Span[target]);
            count++;
        }

        if (count == 0)
        {
            throw new ArgumentException("steps is empty.", nameof(steps));
        }

        return Math.Exp(total.Value / count);
    }

    private static CrossEntropyOptions Options(int ignoreIndex) =>
        ignoreIndex == CrossEntropyOptions.Default.IgnoreIndex ? CrossEntropyOptions.Default : new() { IgnoreIndex = ignoreIndex };
}
