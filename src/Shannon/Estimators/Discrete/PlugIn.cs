using Shannon.Measures;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// The plug-in (maximum-likelihood) entropy estimator: the Shannon entropy of the empirical distribution,
/// Ĥ = H(n/N) = −Σᵢ (nᵢ/N) ln(nᵢ/N).
/// </summary>
/// <remarks>
/// Bias: downward. E[Ĥ] ≤ H for every N (Jensen), with leading bias −(m − 1)/(2N) for m outcomes of positive
/// probability, so it underestimates badly when N is not much larger than m. Plug-in MI from labels equals
/// scikit-learn's <c>mutual_info_score</c> (the contingency-table formula of <see cref="Clustering.MutualInformation(ContingencyTable, LogBase)"/>).
/// Computed by <see cref="Measures.Entropy.OfCounts"/>.
/// Reference: Paninski, L. (2003), Estimation of entropy and mutual information, Neural Computation 15(6),
/// 1191–1253, doi:10.1162/089976603321780272.
/// </remarks>
public sealed record PlugIn : DiscreteEntropyEstimator
{
    /// <inheritdoc/>
    public override string Name => "plugin";

    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed) =>
        Measures.Entropy.CountsNats(sortedCounts, total);

    /// <summary>Î(X;Y) = Σᵢⱼ (nᵢⱼ/N) ln(N nᵢⱼ / (nᵢ· n·ⱼ)) from the contingency table, scikit-learn's <c>mutual_info_score</c> formula.</summary>
    private protected override double MutualInformationNats(Variable x, Variable y, ReadOnlySpan<int> xy, int cells) =>
        Clustering.MutualInformation(ContingencyTable.FromLabels(x.Codes, y.Codes));
}
