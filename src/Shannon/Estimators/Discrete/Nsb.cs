using Shannon.Numerics;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// The Nemenman–Shafee–Bialek (NSB) Bayesian entropy estimator: the posterior mean of H under a mixture of
/// symmetric Dirichlet(β) priors weighted so that the prior on H is nearly flat.
/// </summary>
/// <remarks>
/// <para>With m outcomes (the length of the counts, zeros included, or the distinct labels observed), N samples and
/// ξ(β) = ψ(mβ + 1) − ψ(β + 1) the prior mean entropy, the estimate is
/// Ĥ = ∫ ⟨H⟩_β P(n | β) ξ′(β) dβ / ∫ P(n | β) ξ′(β) dβ, where
/// P(n | β) ∝ Γ(mβ)/Γ(N + mβ) Πᵢ Γ(nᵢ + β)/Γ(β),
/// ⟨H⟩_β = ψ(N + mβ + 1) − Σᵢ (nᵢ + β)/(N + mβ) ψ(nᵢ + β + 1), and ξ′(β) = m ψ₁(mβ + 1) − ψ₁(β + 1).</para>
/// <para>The integral is taken over ln β with the trapezoid rule: a coarse pass over β ∈ [e⁻²⁰, e¹⁵] locates the
/// posterior, a fine pass of 1 000 points covers where its log-density is within 40 of the peak.</para>
/// <para>Bias: small when m is known and N ≳ √m ("coincidences" regime); depends on m being the true alphabet
/// size. With m = 1 the entropy is 0.</para>
/// <para>References: Nemenman, I., Shafee, F. &amp; Bialek, W. (2002), Entropy and inference, revisited, Advances in
/// Neural Information Processing Systems 14, doi:10.7551/mitpress/1120.003.0065; Nemenman, I., Bialek, W. &amp;
/// de Ruyter van Steveninck, R. (2004), Entropy and information in neural spike trains: progress on the sampling
/// problem, Physical Review E 69, 056111, doi:10.1103/PhysRevE.69.056111.</para>
/// </remarks>
public sealed record Nsb : DiscreteEntropyEstimator
{
    /// <inheritdoc/>
    public override string Name => "nsb";

    private const double LowestLogBeta = -20.0;
    private const double HighestLogBeta = 15.0;
    private const int CoarsePoints = 200;
    private const int FinePoints = 1000;
    private const double Window = 40.0;

    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed)
    {
        int m = sortedCounts.Length;
        if (m == 1)
        {
            return 0.0;
        }

        long[] counts = sortedCounts.ToArray();
        double coarseStep = (HighestLogBeta - LowestLogBeta) / (CoarsePoints - 1);
        var coarse = new double[CoarsePoints];
        int peak = 0;
        for (int i = 0; i < CoarsePoints; i++)
        {
            coarse[i] = LogWeight(LowestLogBeta + (i * coarseStep), counts, total);
            peak = coarse[i] > coarse[peak] ? i : peak;
        }

        int low = peak;
        while (low > 0 && coarse[low] > coarse[peak] - Window)
        {
            low--;
        }

        int high = peak;
        while (high < CoarsePoints - 1 && coarse[high] > coarse[peak] - Window)
        {
            high++;
        }

        double start = LowestLogBeta + (low * coarseStep);
        double step = (high - low) * coarseStep / (FinePoints - 1);
        var logWeights = new double[FinePoints];
        var means = new double[FinePoints];
        double largest = double.NegativeInfinity;
        for (int i = 0; i < FinePoints; i++)
        {
            double t = start + (i * step);
            logWeights[i] = LogWeight(t, counts, total);
            means[i] = PosteriorMeanEntropy(Math.Exp(t), counts, total);
            largest = Math.Max(largest, logWeights[i]);
        }

        var numerator = default(CompensatedSum);
        var denominator = default(CompensatedSum);
        for (int i = 0; i < FinePoints; i++)
        {
            double w = Math.Exp(logWeights[i] - largest) * (i == 0 || i == FinePoints - 1 ? 0.5 : 1.0);
            numerator.Add(w * means[i]);
            denominator.Add(w);
        }

        return numerator.Value / denominator.Value;
    }

    /// <summary>ln[P(n | β) ξ′(β) β] at β = e^t (the last factor is dβ/dt).</summary>
    private static double LogWeight(double t, long[] counts, long total)
    {
        double beta = Math.Exp(t);
        int m = counts.Length;
        double mb = m * beta;
        double log = SpecialFunctions.LogGamma(mb) - SpecialFunctions.LogGamma(total + mb);
        double logGammaBeta = SpecialFunctions.LogGamma(beta);
        foreach (long n in counts)
        {
            if (n > 0)
            {
                log += SpecialFunctions.LogGamma(n + beta) - logGammaBeta;
            }
        }

        double slope = (m * Trigamma.Of(mb + 1.0)) - Trigamma.Of(beta + 1.0);
        return log + Math.Log(slope) + t;
    }

    /// <summary>⟨H⟩_β = ψ(N + mβ + 1) − Σᵢ (nᵢ + β)/(N + mβ) ψ(nᵢ + β + 1), in nats.</summary>
    private static double PosteriorMeanEntropy(double beta, long[] counts, long total)
    {
        double a = total + (counts.Length * beta);
        var sum = default(CompensatedSum);
        double zeroTerm = beta / a * SpecialFunctions.Digamma(beta + 1.0);
        foreach (long n in counts)
        {
            sum.Add(n == 0 ? zeroTerm : (n + beta) / a * SpecialFunctions.Digamma(n + beta + 1.0));
        }

        return SpecialFunctions.Digamma(a + 1.0) - sum.Value;
    }
}
