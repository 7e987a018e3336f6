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

    /// <summary>
    /// Bootstrap resamples for each ranking score's percentile interval; 0 (none) by default. Each resample keeps its
    /// distinct rows only (about 63 % of n): a repeated row would be a neighbour at distance 0 and bias the k-NN
    /// estimators upward, so the interval describes subsamples of that size and is somewhat wider than a plain bootstrap's.
    /// </summary>
    public int Bootstrap { get; init; }

    /// <summary>The level of the bootstrap interval, in (0, 1); 0.95 by default.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The seed of the permutations and the bootstrap resamples.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Neighbors, nameof(Neighbors));
        ArgumentOutOfRangeException.ThrowIfNegative(Permutations, nameof(Permutations));
        ArgumentOutOfRangeException.ThrowIfNegative(Bootstrap, nameof(Bootstrap));
        if (!(ConfidenceLevel > 0.0 && ConfidenceLevel < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, $"ConfidenceLevel must lie in (0, 1); got {ConfidenceLevel}.");
        }
        ArgumentNullException.ThrowIfNull(DiscreteEstimator, nameof(DiscreteEstimator));
    }
}
