namespace Shannon.Measures;

/// <summary>Homogeneity, completeness and their weighted harmonic mean, the V-measure; each unitless in [0, 1].</summary>
/// <param name="Homogeneity">h = I(C;K) / H(C): 1 when every cluster holds members of one class only.</param>
/// <param name="Completeness">c = I(C;K) / H(K): 1 when all members of each class fall in one cluster.</param>
/// <param name="VMeasure">V_β = (1 + β) h c / (β h + c).</param>
public readonly record struct VMeasureScores(double Homogeneity, double Completeness, double VMeasure);
