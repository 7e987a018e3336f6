using Shannon.Numerics;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// Grassberger's (2003) entropy estimator: Ĥ = ln N − (1/N) Σᵢ nᵢ G(nᵢ), with
/// G(n) = ψ(n) + ½ (−1)ⁿ [ψ((n + 1)/2) − ψ(n/2)].
/// </summary>
/// <remarks>
/// Bias: downward, but smaller than Miller–Madow's for small counts; designed to be nearly unbiased when most
/// probabilities are small. Zero counts contribute nothing.
/// Reference: Grassberger, P. (2003), Entropy estimates from insufficient samplings, arXiv:physics/0307138,
/// doi:10.48550/arXiv.physics/0307138.
/// </remarks>
public sealed record Grassberger : DiscreteEntropyEstimator
{
    /// <inheritdoc/>
    public override string Name => "grassberger";

    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed)
    {
        var sum = default(CompensatedSum);
        foreach (long n in sortedCounts)
        {
            if (n > 0)
            {
                double sign = (n & 1) == 0 ? 1.0 : -1.0;
                double g = SpecialFunctions.Digamma(n) + (0.5 * sign * (SpecialFunctions.Digamma((n + 1) / 2.0) - SpecialFunctions.Digamma(n / 2.0)));
                sum.Add(n * g);
            }
        }

        return Math.Log(total) - (sum.Value / total);
    }
}
