namespace Shannon.Dynamics;

/// <summary>The embedding of a transfer entropy or active information storage: history lengths, delays and trials.</summary>
/// <remarks>Defaults k = l = d = 1, as in Schreiber (2000), JIDT and IDTxl's simplest setting.</remarks>
public sealed record TransferEntropyOptions
{
    /// <summary>k, the target's history length (Y_{t−1}, …, Y_{t−k}); at least 1.</summary>
    public int TargetHistory { get; init; } = 1;

    /// <summary>l, the source's history length (X_{t−d}, …, X_{t−d−l+1}); at least 1.</summary>
    public int SourceHistory { get; init; } = 1;

    /// <summary>d, the source–target delay: the most recent source value used is X_{t−d}; at least 1.</summary>
    public int Delay { get; init; } = 1;

    /// <summary>The history length of each conditioning series Z in conditional transfer entropy; at least 1.</summary>
    public int ConditionHistory { get; init; } = 1;

    /// <summary>The delay of each conditioning series: its most recent value used is Z_{t−delay}; at least 1.</summary>
    public int ConditionDelay { get; init; } = 1;

    /// <summary>The trials the rows split into; one trial (the whole series) when null.</summary>
    public Trials? Trials { get; init; }

    /// <summary>How surrogates are drawn for a p-value; <see cref="SurrogateScheme.Automatic"/> by default.</summary>
    public SurrogateScheme Surrogates { get; init; } = SurrogateScheme.Automatic;

    /// <summary>The scheme a significance test with <paramref name="permutations"/> surrogates uses: <see cref="Surrogates"/>, with <see cref="SurrogateScheme.Automatic"/> resolved.</summary>
    /// <param name="conditioned">Are there conditioning series? (They set the largest lag, hence each trial's sample count.)</param>
    /// <param name="permutations">The number of surrogates B; at least 1.</param>
    /// <returns><see cref="SurrogateScheme.Pooled"/>, <see cref="SurrogateScheme.WithinTrials"/> or <see cref="SurrogateScheme.SwapTrials"/>.</returns>
    /// <exception cref="ArgumentException"><see cref="SurrogateScheme.SwapTrials"/> asked for with fewer than 2 trials that give samples, or trials that give different numbers of samples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history or delay below 1, <paramref name="permutations"/> below 1, or an undefined scheme.</exception>
    public SurrogateScheme SurrogatesFor(bool conditioned, int permutations)
    {
        Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        int maxLag = MaxLag(conditioned);
        var counts = new List<int>();
        if (Trials is null)
        {
            counts.Add(int.MaxValue); // the whole series: one trial, whatever its length
        }

        for (int i = 0; i < (Trials?.Count ?? 0); i++)
        {
            if (Trials!.Lengths[i] > maxLag)
            {
                counts.Add(Trials.Lengths[i] - maxLag);
            }
        }

        bool swappable = counts.Count >= 2 && counts.TrueForAll(c => c == counts[0]);
        return Surrogates switch
        {
            SurrogateScheme.Automatic when counts.Count < 2 => SurrogateScheme.Pooled,
            SurrogateScheme.Automatic => swappable && DerangementsReach(counts.Count, permutations) ? SurrogateScheme.SwapTrials : SurrogateScheme.WithinTrials,
            SurrogateScheme.SwapTrials when !swappable => throw new ArgumentException(
                counts.Count < 2
                    ? $"swapping trials needs at least 2 trials longer than the largest lag {maxLag}; there are {counts.Count}."
                    : $"swapping trials needs every trial to give the same number of samples; they give {string.Join(", ", counts.Distinct().Order())} (use within-trial surrogates).",
                nameof(Surrogates)),
            SurrogateScheme.Pooled or SurrogateScheme.WithinTrials or SurrogateScheme.SwapTrials => Surrogates,
            _ => throw new ArgumentOutOfRangeException(nameof(Surrogates), Surrogates, "an undefined surrogate scheme."),
        };
    }

    /// <summary>The largest lag the embedding uses, max(k, d + l − 1, and the conditions' delay + history − 1 when there are any).</summary>
    /// <param name="conditioned">Are there conditioning series?</param>
    /// <returns>The largest lag.</returns>
    public int MaxLag(bool conditioned) =>
        Math.Max(Math.Max(TargetHistory, Delay + SourceHistory - 1), conditioned ? ConditionDelay + ConditionHistory - 1 : 0);

    /// <summary>Is the number of derangements of m trials, D(m) = (m − 1)(D(m − 1) + D(m − 2)), at least <paramref name="permutations"/>?</summary>
    private static bool DerangementsReach(int trials, int permutations)
    {
        long previous = 1; // D(0)
        long current = 0; // D(1)
        for (int m = 2; m <= trials && current < permutations; m++)
        {
            (previous, current) = (current, (m - 1) * (current + previous));
        }

        return current >= permutations;
    }

    /// <summary>Checks every length and delay.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A history or delay below 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TargetHistory, 1, nameof(TargetHistory));
        ArgumentOutOfRangeException.ThrowIfLessThan(SourceHistory, 1, nameof(SourceHistory));
        ArgumentOutOfRangeException.ThrowIfLessThan(Delay, 1, nameof(Delay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConditionHistory, 1, nameof(ConditionHistory));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConditionDelay, 1, nameof(ConditionDelay));
    }
}
