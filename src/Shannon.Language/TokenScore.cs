namespace Shannon.Language;

/// <summary>One scored token: its text and place in the text, and what the model thought of it.</summary>
/// <param name="Text">The token's text (the end-of-sentence token of an n-gram model is the newline it stands for).</param>
/// <param name="Offset">Index of the token's first UTF-16 unit in the scored text.</param>
/// <param name="LogProbability">ln p of the true token given its context, in nats (≤ 0; −∞ when p = 0).</param>
/// <param name="Entropy">The predictive entropy −Σ p ln p of the model's distribution at this position, in nats; NaN when unknown.</param>
/// <param name="Rank">1 + the number of tokens the model found strictly more probable; 0 when unknown.</param>
/// <param name="Alternatives">The most probable tokens at this position, most probable first; empty when unknown.</param>
/// <remarks>
/// Surprisal is −ln p (Shannon 1948): p = 0.40 gives 1.322 bits, p = 0.0001 gives 13.288 bits.
/// Reference: Shannon, C. E. (1948), A Mathematical Theory of Communication, Bell System Technical
/// Journal 27(3), 379–423, doi:10.1002/j.1538-7305.1948.tb01338.x.
/// </remarks>
public sealed record TokenScore(string Text, int Offset, double LogProbability, double Entropy, int Rank, IReadOnlyList<TokenAlternative> Alternatives)
{
    /// <summary>Surprisal −ln p of the true token, in nats.</summary>
    public double SurprisalNats => -LogProbability;

    /// <summary>Surprisal −log₂ p of the true token, in bits.</summary>
    public double SurprisalBits => -LogProbability / Math.Log(2.0);

    /// <summary>GLTR's bucket for <see cref="Rank"/>.</summary>
    public GltrBucket Bucket => BucketOf(Rank);

    /// <summary>GLTR's bucket of a rank: 1–10, 11–100, 101–1000, above 1000; rank 0 (unknown) is <see cref="GltrBucket.Unknown"/>.</summary>
    /// <param name="rank">A rank ≥ 1, or 0 for unknown.</param>
    /// <returns>The bucket.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is negative.</exception>
    public static GltrBucket BucketOf(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        return rank switch
        {
            0 => GltrBucket.Unknown,
            <= 10 => GltrBucket.Top10,
            <= 100 => GltrBucket.Top100,
            <= 1000 => GltrBucket.Top1000,
            _ => GltrBucket.Beyond1000,
        };
    }
}
