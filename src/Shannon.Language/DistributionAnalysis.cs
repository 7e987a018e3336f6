using Shannon.Numerics;

namespace Shannon.Language;

/// <summary>Entropy, rank of the true token and top alternatives of one predictive distribution.</summary>
internal readonly record struct DistributionAnalysis(double Entropy, int Rank, TokenAlternative[] Alternatives)
{
    /// <summary>Analyses probabilities <paramref name="p"/> (summing to 1) at a position whose true token is <paramref name="target"/>.</summary>
    /// <param name="p">The distribution over token ids.</param>
    /// <param name="target">The true token's id.</param>
    /// <param name="topK">Alternatives to keep.</param>
    /// <param name="names">Decodes an id to its text.</param>
    /// <param name="skip">An id that is never a candidate (−1 for none).</param>
    /// <remarks>Rank = 1 + #{w : p(w) &gt; p(target)}: ties rank optimistically.</remarks>
    internal static DistributionAnalysis Of(ReadOnlySpan<double> p, int target, int topK, IReadOnlyList<string> names, int skip)
    {
        double pTarget = p[target];
        var entropy = default(CompensatedSum);
        int above = 0;
        Span<int> best = topK <= 64 ? stackalloc int[topK] : new int[topK];
        int kept = 0;
        for (int w = 0; w < p.Length; w++)
        {
            double pw = p[w];
            if (w == skip)
            {
                continue;
            }

            entropy.Add(-SpecialFunctions.XLogX(pw));
            if (pw > pTarget)
            {
                above++;
            }

            if (topK > 0 && (kept < topK || pw > p[best[kept - 1]]))
            {
                int at = kept < topK ? kept++ : kept - 1;
                while (at > 0 && p[best[at - 1]] < pw)
                {
                    best[at] = best[at - 1];
                    at--;
                }

                best[at] = w;
            }
        }

        var alternatives = new TokenAlternative[kept];
        for (int i = 0; i < kept; i++)
        {
            alternatives[i] = new TokenAlternative(names[best[i]], Math.Log(p[best[i]]));
        }

        return new DistributionAnalysis(Math.Max(0.0, entropy.Value), above + 1, alternatives);
    }
}
