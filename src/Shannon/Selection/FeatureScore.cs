namespace Shannon.Selection;

/// <summary>One feature's score in a ranking or a forward selection.</summary>
/// <param name="Name">The feature's name.</param>
/// <param name="Index">The feature's position in the input list.</param>
/// <param name="Score">The criterion value in nats: I(X;Y) for a ranking; the method's criterion at the step it was picked for a selection.</param>
/// <param name="Rank">1 for the best feature (or the first picked), 2 for the next, and so on.</param>
/// <param name="PValue">Permutation p-value of I(X;Y) against independence, (1 + #{permuted ≥ observed}) / (1 + permutations); null when not asked.</param>
/// <param name="Relevance">I(X;Y) in nats, the feature's own mutual information with the target (equal to <paramref name="Score"/> for a ranking).</param>
/// <param name="Interval">The half-sampling interval of I(X;Y) in nats (<see cref="SelectionOptions.Uncertainty"/>); null when not asked.</param>
/// <param name="AdjustedRelevance">For a forward selection, the chance-corrected I(X;Y) − E₀[I] in nats that its criterion used
/// (<see cref="MutualInformationRanking.ChanceCorrected(Shannon.Estimators.IMutualInformationEstimator, Shannon.Estimators.Variable, Shannon.Estimators.Variable, double, LogBase)"/>); null for a ranking.</param>
/// <param name="Rows">For a forward selection, the n of the <paramref name="Relevance"/> estimate: the rows
/// <see cref="SelectionSample.Relevance"/> gives the feature and the target, less any the estimator leaves out (Ross: a
/// row whose class occurs once); null for a ranking.</param>
public sealed record FeatureScore(string Name, int Index, double Score, int Rank, double? PValue = null, double? Relevance = null, Estimators.ConfidenceInterval? Interval = null, double? AdjustedRelevance = null, long? Rows = null);
