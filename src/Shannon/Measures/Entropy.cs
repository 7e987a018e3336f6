using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>Entropies of a known discrete distribution.</summary>
public static class Entropy
{
    /// <summary>Shannon entropy of a probability distribution.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>H(p) = −Σᵢ pᵢ log pᵢ, in the unit of <paramref name="logBase"/>; 0 ≤ H ≤ log n.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a NaN, negative or infinite entry, or does not sum to 1.</exception>
    /// <remarks>
    /// Terms with pᵢ = 0 contribute 0 (the limit of x log x as x → 0). A one-point distribution gives 0;
    /// the uniform distribution on n outcomes gives log n. Summed with Neumaier compensation.
    /// Reference: Shannon, C. E. (1948), A Mathematical Theory of Communication, Bell System Technical
    /// Journal 27(3), 379–423, doi:10.1002/j.1538-7305.1948.tb01338.x.
    /// </remarks>
    public static double Shannon(ReadOnlySpan<double> p, LogBase logBase = default)
    {
        Guard.Distribution(p, nameof(p));
        var sum = default(CompensatedSum);
        foreach (double pi in p)
        {
            sum.Add(-SpecialFunctions.XLogX(pi));
        }

        return logBase.FromNats(Math.Max(0.0, sum.Value));
    }
}
