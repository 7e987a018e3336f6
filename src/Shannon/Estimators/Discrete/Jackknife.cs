using Shannon.Numerics;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// The jackknife bias-corrected plug-in entropy: Ĥ_JK = N Ĥ − (N − 1)/N Σⱼ Ĥ₍₋ⱼ₎, where Ĥ₍₋ⱼ₎ is the plug-in entropy
/// with sample j left out. Leaving out any sample of outcome i gives the same counts, so the sum runs over outcomes
/// with weight nᵢ.
/// </summary>
/// <remarks>
/// Bias: removes the O(1/N) term of the plug-in's downward bias; slightly downward in practice. Needs N ≥ 2
/// (with N = 1 it returns the plug-in value 0).
/// References: Zahl, S. (1977), Jackknifing an index of diversity, Ecology 58(4), 907–913, doi:10.2307/1936227;
/// Efron, B. &amp; Stein, C. (1981), The jackknife estimate of variance, Annals of Statistics 9(3), 586–596,
/// doi:10.1214/aos/1176345462.
/// </remarks>
public sealed record Jackknife : DiscreteEntropyEstimator
{
    /// <inheritdoc/>
    public override string Name => "jackknife";

    private static readonly PlugIn Base = new();

    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed)
    {
        double full = Base.EntropyNats(sortedCounts, total, observed);
        if (total == 1)
        {
            return full;
        }

        long[] leftOut = sortedCounts.ToArray();
        var sum = default(CompensatedSum);
        for (int i = 0; i < leftOut.Length; i++)
        {
            long n = leftOut[i];
            if (n == 0)
            {
                continue;
            }

            leftOut[i] = n - 1;
            sum.Add(n * Base.EntropyNats(leftOut, total - 1, observed - (n == 1 ? 1 : 0)));
            leftOut[i] = n;
        }

        return (total * full) - ((total - 1.0) / total * sum.Value);
    }
}
