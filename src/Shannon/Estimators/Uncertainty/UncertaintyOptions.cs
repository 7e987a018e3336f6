namespace Shannon.Estimators.Uncertainty;

/// <summary>What uncertainty to attach to an estimate: an interval (<see cref="HalfSampling"/>), a p-value (<see cref="PermutationTest"/>), both or neither.</summary>
public sealed record UncertaintyOptions
{
    /// <summary>No interval and no p-value.</summary>
    public static UncertaintyOptions None { get; } = new();

    /// <summary>The confidence level of the interval, in (0, 1); null (default) for no interval.</summary>
    public double? Level { get; init; }

    /// <summary>The number of half-samples behind an interval; <see cref="EstimatorDefaults.IntervalReplicates"/> by default.</summary>
    public int Replicates { get; init; } = EstimatorDefaults.IntervalReplicates;

    /// <summary>The number of permutations behind a p-value against independence; 0 (default) for no p-value.</summary>
    public int Permutations { get; init; }

    /// <summary>The seed of the half-samples and the permutations; <see cref="EstimatorDefaults.Seed"/> by default.</summary>
    public int Seed { get; init; } = EstimatorDefaults.Seed;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A level outside (0, 1), fewer than 2 replicates, or negative permutations.</exception>
    public void Validate()
    {
        if (Level is double level)
        {
            HalfSampling.CheckLevel(level);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Replicates, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(Permutations);
    }
}
