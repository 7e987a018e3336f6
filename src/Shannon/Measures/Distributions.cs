using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>Explicit conversions to probability distributions; Shannon never renormalises silently.</summary>
public static class Distributions
{
    /// <summary>Divides non-negative masses by their total: pᵢ = wᵢ / Σⱼ wⱼ.</summary>
    /// <param name="weights">Non-negative finite masses (counts, scores) with a positive total.</param>
    /// <param name="destination">Receives the probabilities; at least as long as <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentException">Empty input, a NaN, negative or infinite entry, a zero total, or a short destination.</exception>
    /// <remarks>
    /// The total is a compensated sum, so the result sums to 1 within a few ulps. When finite masses sum past
    /// <see cref="double.MaxValue"/> (1e308, 1e308), each is first divided by the largest, so the total is finite and the
    /// result is the same distribution (0.5, 0.5) rather than zeros from dividing by +∞.
    /// </remarks>
    public static void Normalize(ReadOnlySpan<double> weights, Span<double> destination)
    {
        Guard.NotEmpty(weights, nameof(weights));
        Guard.NonNegativeFinite(weights, nameof(weights));
        Guard.DestinationFits(destination, weights.Length, nameof(destination));
        double total = CompensatedSum.Of(weights);
        if (!(total > 0.0))
        {
            throw new ArgumentException("weights sum to 0; a distribution needs positive total mass.", nameof(weights));
        }

        double scale = 1.0;
        if (double.IsPositiveInfinity(total))
        {
            // The masses overflow when added: add them as fractions of the largest instead (each ≤ 1, total ≤ n).
            scale = System.Numerics.Tensors.TensorPrimitives.Max(weights);
            var scaled = default(CompensatedSum);
            foreach (double w in weights)
            {
                scaled.Add(w / scale);
            }

            total = scaled.Value;
        }

        for (int i = 0; i < weights.Length; i++)
        {
            destination[i] = weights[i] / scale / total;
        }
    }

    /// <summary>The empirical distribution of counts: pᵢ = nᵢ / N.</summary>
    /// <param name="counts">Non-negative counts with a positive total; <c>long</c> so totals beyond 2³¹ are exact.</param>
    /// <returns>A new array of probabilities.</returns>
    /// <exception cref="ArgumentException">Empty input, a negative count, or a zero total.</exception>
    public static double[] FromCounts(ReadOnlySpan<long> counts)
    {
        long total = Guard.CountsTotal(counts, nameof(counts));

        var p = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            p[i] = (double)counts[i] / total;
        }

        return p;
    }
}
