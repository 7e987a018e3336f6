namespace Shannon.Selection;

/// <summary>The best binary split x ≤ threshold of a continuous feature, with its information gain.</summary>
/// <param name="Threshold">The midpoint between the two neighbouring distinct values, x₍ₚ₋₁₎/2 + x₍ₚ₎/2 (scikit-learn's rule).</param>
/// <param name="Gain">Information gain H(Y) − (n_L/n) H(Y_L) − (n_R/n) H(Y_R) in nats, ≥ 0.</param>
/// <param name="GainRatio">Gain divided by the split information H(n_L/n, n_R/n) (Quinlan's C4.5 gain ratio).</param>
/// <param name="LeftCount">Rows with x ≤ threshold.</param>
/// <param name="RightCount">Rows with x &gt; threshold.</param>
public sealed record ThresholdSplit(double Threshold, double Gain, double GainRatio, int LeftCount, int RightCount);
