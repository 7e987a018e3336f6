namespace Shannon.Selection;

/// <summary>The multiway split of a categorical feature (one branch per category present), with its information gain.</summary>
/// <param name="Gain">Information gain H(Y) − Σ_c (n_c/n) H(Y | X = c) in nats, ≥ 0.</param>
/// <param name="GainRatio">Gain divided by the split information H(X) (Quinlan's C4.5 gain ratio); 0 when X is constant.</param>
/// <param name="BranchCounts">Rows per category present, in ascending code order.</param>
public sealed record CategoricalSplit(double Gain, double GainRatio, IReadOnlyList<long> BranchCounts);
