namespace Shannon.Selection;

/// <summary>The best two-way grouping of a categorical feature's categories, with its information gain.</summary>
/// <param name="LeftCategories">The category codes sent left, ascending; every other category present goes right.</param>
/// <param name="Gain">Information gain H(Y) − (n_L/n) H(Y_L) − (n_R/n) H(Y_R) in nats, ≥ 0.</param>
/// <param name="GainRatio">Gain divided by the split information H(n_L/n, n_R/n) (Quinlan's C4.5 gain ratio).</param>
/// <param name="LeftCount">Rows whose category is in <paramref name="LeftCategories"/>.</param>
/// <param name="RightCount">The other rows.</param>
/// <param name="Exact">True when the search is exhaustive or provably optimal; false for the principal-component ordering heuristic.</param>
public sealed record CategoryPartition(IReadOnlyList<int> LeftCategories, double Gain, double GainRatio, long LeftCount, long RightCount, bool Exact);
