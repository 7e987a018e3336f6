using Shannon.Measures;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// The plug-in (maximum-likelihood) entropy estimator: the Shannon entropy of the empirical distribution,
/// Ĥ = H(n/N) = −Σᵢ (nᵢ/N) ln(nᵢ/N).
/// </summary>
/// <remarks>
/// Bias: downward. E[Ĥ] ≤ H for every N (Jensen), with leading bias −(m − 1)/(2N) for m outcomes of positive
/// probability, so it underestimates badly when N is not much larger than m. Plug-in MI from labels equals
/// scikit-learn's <c>mutual_info_score</c>. Computed by <see cref="Measures.Entropy.Of"/> on <see cref="Distributions.FromCounts"/>.
/// Reference: Paninski, L. (2003), Estimation of entropy and mutual information, Neural Computation 15(6),
/// 1191–1253, doi:10.1162/089976603321780272.
/// </remarks>
public sealed record PlugIn : DiscreteEntropyEstimator
{
    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed) =>
        Measures.Entropy.Of(Distributions.FromCounts(sortedCounts));
}
