namespace Shannon.Estimators;

/// <summary>Estimates the Shannon entropy of a discrete distribution from the counts of its outcomes.</summary>
public interface ICountEntropyEstimator : IEntropyEstimator
{
    /// <summary>Estimates the entropy of the distribution that produced <paramref name="counts"/>.</summary>
    /// <param name="counts">Occurrences of each outcome; non-negative with a positive total.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ĥ in the unit of <paramref name="logBase"/>, with N = Σ counts and the observed support size.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, has a negative entry, or sums to 0.</exception>
    Estimate Entropy(ReadOnlySpan<long> counts, LogBase logBase = default);
}
