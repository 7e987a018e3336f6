using System.Numerics.Tensors;
using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>Surprisal (self-information, information content) of events with known probabilities.</summary>
public static class Surprisal
{
    /// <summary>The surprisal of one event.</summary>
    /// <param name="p">The event's probability, in [0, 1].</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>I(p) = −log p, in the unit of <paramref name="logBase"/>; 0 for p = 1, +∞ for p = 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is NaN, negative or greater than 1.</exception>
    /// <remarks>
    /// Surprisal is the only function of p that is continuous, decreasing and additive over independent events
    /// (I(pq) = I(p) + I(q)); entropy is its expectation. A fair coin's outcome carries 1 bit, a 1-in-1000
    /// event ≈ 9.966 bits.
    /// Reference: Shannon, C. E. (1948), A Mathematical Theory of Communication, Bell System Technical
    /// Journal 27(3), 379–423, doi:10.1002/j.1538-7305.1948.tb01338.x.
    /// </remarks>
    public static double Of(double p, LogBase logBase = default)
    {
        Guard.Probability(p, nameof(p));
        return logBase.FromNats(0.0 - Math.Log(p));
    }

    /// <summary>The surprisal of each event, element-wise.</summary>
    /// <param name="p">Event probabilities, each in [0, 1]; they need not sum to 1.</param>
    /// <param name="destination">Receives −log pᵢ; at least as long as <paramref name="p"/>; may be the same memory as <paramref name="p"/>.</param>
    /// <param name="logBase">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or has a NaN, negative or greater-than-1 entry; <paramref name="destination"/> is too short.</exception>
    /// <remarks>
    /// Vectorised with TensorPrimitives; no allocation. pᵢ = 0 gives +∞, pᵢ = 1 gives +0.
    /// Reference: Shannon (1948), doi:10.1002/j.1538-7305.1948.tb01338.x.
    /// </remarks>
    public static void Of(ReadOnlySpan<double> p, Span<double> destination, LogBase logBase = default)
    {
        Guard.NotEmpty(p, nameof(p));
        Guard.DestinationFits(destination, p.Length, nameof(destination));
        if (!(TensorPrimitives.Min(p) >= 0.0 && TensorPrimitives.Max(p) <= 1.0))
        {
            Guard.Probabilities(p, nameof(p));
        }

        var result = destination[..p.Length];
        TensorPrimitives.Log(p, result);
        TensorPrimitives.Subtract(0.0, result, result);
        if (!logBase.IsNats)
        {
            TensorPrimitives.Divide(result, logBase.LnBase, result);
        }
    }
}
