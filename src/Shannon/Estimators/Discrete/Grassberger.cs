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
/// <para>One observed value: the estimate is 0 exactly, as for every other estimator here. The formula would give
/// ln N − G(N) &gt; 0 (0.369 nats for three equal rows, since G(3) = 0.730 &lt; ln 3), but its derivation treats each
/// count nᵢ as an independent Poisson variable, which holds for the many small pᵢ it is built for (Grassberger 2003) and
/// not for a single value that holds all N rows: that count has no spread at all. Nor does the sample leave
/// room for unseen values: the Good–Turing coverage 1 − f₁/N of Chao &amp; Shen (2003) is 1 when no value occurs once,
/// so the estimated law is a point mass, whose entropy is 0. Returning 0 also keeps H(X) = I(X;X) = 0 for a constant X
/// (the mutual information of a constant is 0 by definition) and I(X;Y|Z) = I(X;Y) for a constant Z. For N = 1
/// (f₁ = N) Chao and Shen's rule replaces f₁ by N − 1, which gives the same point mass.</para>
/// <para>
/// Reference: Grassberger, P. (2003), Entropy estimates from insufficient samplings, arXiv:physics/0307138,
/// doi:10.48550/arXiv.physics/0307138; Chao, A. &amp; Shen, T.-J. (2003), Nonparametric estimation of Shannon's index of
/// diversity when there are unseen species in sample, Environmental and Ecological Statistics 10(4), 429–443,
/// doi:10.1023/A:1026096204727.</para>
/// </remarks>
public sealed record Grassberger : DiscreteEntropyEstimator
{
    /// <inheritdoc/>
    public override string Name => "grassberger";

    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed)
    {
        if (observed == 1)
        {
            // A point mass: see the remarks (one count is no Poisson variable, and the coverage is 1).
            return 0.0;
        }

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
