using Shannon.Data.Tables;
using Shannon.Measures;
using Shannon.Selection;

namespace Shannon.Data.Counts;

/// <summary>Contingency tables of several features against one target, sharing the target's class coding.</summary>
/// <param name="Target">The target column's name.</param>
/// <param name="Classes">The target's classes in ordinal order (null: missing); column code j names <c>Classes[j]</c>.</param>
/// <param name="Features">One table per feature, in the requested order (ordinal name order when read from a counts file).</param>
public sealed record TargetContingencies(string Target, IReadOnlyList<string?> Classes, IReadOnlyList<FeatureContingency> Features)
{
    /// <summary>
    /// What the missing-value policy dropped: data rows with an empty cell (<see cref="ContingencyQuery.Count"/>), or
    /// counts-table rows with an empty value or class (<see cref="ContingencyQuery.ReadCountsFile"/>).
    /// </summary>
    public DroppedRows Dropped { get; init; } = DroppedRows.None;

    /// <summary>Ranks the features by plug-in I(X;Y) in nats (see <see cref="ContingencyRanking.Rank"/>).</summary>
    /// <returns>The ranking, best first.</returns>
    public FeatureRanking Rank() => ContingencyRanking.Rank([.. Features.Select(f => new KeyValuePair<string, ContingencyTable>(f.Feature, f.Table))]);
}
