using Shannon.Numerics;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// Grassberger's (2003) entropy estimator: Ĥ = ln N − (1/N) Σᵢ nᵢ G(nᵢ), with
/// G(n) = ψ(n) + ½ (−1)ⁿ [ψ((n + 1)/2) − ψ(n/2)].
/// </summary>
/// <remarks>
/// <para>Bias: downward, but smaller than Miller–Madow's for small counts; designed to be nearly unbiased when most
/// probabilities are small. Zero counts contribute nothing.</para>
/// <para>Above log K: on small samples the estimate can exceed the logarithm of the number K of values observed (n rows
/// all distinct give ln n + 1.2704, since G(1) = −γ − ln 2). It is not clipped there, because log K bounds the entropy
/// only over the observed support, and a sample whose values are all new is the very sign of a support larger than
/// the sample: 10 distinct draws from 1,000 equally likely values give 3.573 nats, against the true ln 1000 = 6.908 and
/// a clipped ln 10 = 2.303, which would move the estimate away from the truth. It also exceeds ln K where the support
/// is fully observed and the law near uniform (counts 5, 5: 0.906 nats against ln 2 = 0.693; Miller–Madow gives
/// 0.743): the plug-in is at most ln K, so any correction that makes it unbiased for a uniform law must sometimes
/// cross ln K. Where the alphabet of m values is known, the entropy is at most ln m and an estimate above it is
/// certainly farther from the truth than ln m, so min(Ĥ, ln m) is the better number; this estimator does not know m
/// (a count vector's length is the observed support when it comes from samples, and the support may be larger), so it
/// leaves that step to the caller who does.</para>
/// <para>
/// Reference: Grassberger, P. (2003), Entropy estimates from insufficient samplings, arXiv:physics/0307138,
/// doi:10.48550/arXiv.physics/0307138.</para>
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
