using Shannon.Estimators.Discrete;

namespace Shannon.Selection;

/// <summary>Estimator choices and significance settings for feature ranking and selection.</summary>
public sealed record SelectionOptions
{
    /// <summary>k, the neighbours of the KSG and Ross estimators (scikit-learn's <c>n_neighbors</c>); 3 by default.</summary>
    public int Neighbors { get; init; } = 3;

    /// <summary>
    /// The seed of scikit-learn's tie-breaking noise, 1e-10 · max(1, mean |x|) · 𝒩(0, 1) added to each scaled
    /// continuous column (the neighbour estimators' <c>JitterSeed</c>); 0 by default, so results are deterministic.
    /// Null adds no noise: then tied values (rounded measurements) sit at distance 0 and the estimate can differ from
    /// scikit-learn's by tenths of a nat on such data.
    /// </summary>
    public int? JitterSeed { get; init; } = 0;

    /// <summary>The entropy estimator for discrete–discrete pairs; plug-in (scikit-learn's mutual_info_score) by default.</summary>
    public DiscreteEntropyEstimator DiscreteEstimator { get; init; } = new PlugIn();

    /// <summary>Permutations of the target for each feature's p-value; 0 (none) by default.</summary>
    public int Permutations { get; init; }

    /// <summary>The seed of the permutations.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Neighbors, nameof(Neighbors));
        ArgumentOutOfRangeException.ThrowIfNegative(Permutations, nameof(Permutations));
        ArgumentNullException.ThrowIfNull(DiscreteEstimator, nameof(DiscreteEstimator));
    }
}
