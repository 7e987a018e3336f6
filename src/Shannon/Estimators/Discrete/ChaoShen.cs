using Shannon.Numerics;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// The Chao–Shen coverage-adjusted entropy estimator: Ĥ = −Σᵢ p̃ᵢ ln p̃ᵢ / (1 − (1 − p̃ᵢ)ᴺ), with p̃ᵢ = C nᵢ/N and the
/// Good–Turing sample coverage C = 1 − f₁/N (f₁ = number of singletons; f₁ = N is replaced by N − 1).
/// </summary>
/// <remarks>
/// Bias: corrects the plug-in's downward bias for unseen outcomes (coverage) and for the sampling of the seen ones
/// (Horvitz–Thompson); it can overestimate slightly when N is tiny. Zero counts contribute nothing.
/// Reference: Chao, A. &amp; Shen, T.-J. (2003), Nonparametric estimation of Shannon's index of diversity when there
/// are unseen species in sample, Environmental and Ecological Statistics 10, 429–443, doi:10.1023/A:1026096204727.
/// </remarks>
public sealed record ChaoShen : DiscreteEntropyEstimator
{
    /// <inheritdoc/>
    public override string Name => "chao-shen";

    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed)
    {
        long singletons = 0;
        foreach (long n in sortedCounts)
        {
            singletons += n == 1 ? 1 : 0;
        }

        if (singletons == total)
        {
            singletons = total - 1;
        }

        double coverage = 1.0 - ((double)singletons / total);
        var sum = default(CompensatedSum);
        foreach (long n in sortedCounts)
        {
            if (n > 0)
            {
                double p = coverage * n / total;
                double inclusion = -double.ExpM1(total * double.LogP1(-p));
                sum.Add(-SpecialFunctions.XLogX(p) / inclusion);
            }
        }

        return sum.Value;
    }
}
