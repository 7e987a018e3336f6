using Shannon.Measures;

namespace Shannon.Data.Counts;

/// <summary>One feature's contingency table against the target, with the labels behind the codes.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Values">The feature's values in ordinal order (null: missing); row code i names <c>Values[i]</c>.</param>
/// <param name="Table">The counts: feature values as rows, target classes as columns.</param>
public sealed record FeatureContingency(string Feature, IReadOnlyList<string?> Values, ContingencyTable Table);
