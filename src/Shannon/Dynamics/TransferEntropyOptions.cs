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

    /// <summary>The largest lag the embedding uses, max(k, d + l − 1, and the conditions' delay + history − 1 when there are any).</summary>
    /// <param name="conditioned">Are there conditioning series?</param>
    /// <returns>The largest lag.</returns>
    public int MaxLag(bool conditioned) =>
        Math.Max(Math.Max(TargetHistory, Delay + SourceHistory - 1), conditioned ? ConditionDelay + ConditionHistory - 1 : 0);

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
