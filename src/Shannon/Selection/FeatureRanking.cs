namespace Shannon.Selection;

/// <summary>Features in rank order with their scores in nats, and the method that produced them.</summary>
/// <param name="Method">The method's name: <c>mi</c>, <c>mrmr</c>, <c>mrmr-quotient</c>, <c>jmi</c>, <c>cmim</c> or <c>disr</c>.</param>
/// <param name="Features">The scored features, best (rank 1) first.</param>
public sealed record FeatureRanking(string Method, IReadOnlyList<FeatureScore> Features)
{
    /// <summary>The unit of every score: nats.</summary>
    public string Unit => LogBase.Nats.Unit;

    /// <summary>The best <paramref name="k"/> features (all of them when fewer), like scikit-learn's SelectKBest.</summary>
    /// <param name="k">How many to keep; ≥ 0.</param>
    /// <returns>A ranking with the first <paramref name="k"/> features.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public FeatureRanking Top(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return this with { Features = [.. Features.Take(k)] };
    }

    /// <summary>The features whose score is at least <paramref name="threshold"/> nats, in rank order.</summary>
    /// <param name="threshold">The smallest score kept, in nats; finite.</param>
    /// <returns>A ranking with the features that pass.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN or infinite.</exception>
    public FeatureRanking AtLeast(double threshold)
    {
        Numerics.Guard.Finite(threshold, nameof(threshold));
        return this with { Features = [.. Features.Where(f => f.Score >= threshold)] };
    }
}
