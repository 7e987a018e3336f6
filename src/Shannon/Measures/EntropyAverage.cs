namespace Shannon.Measures;

/// <summary>How normalised and adjusted mutual information average the two labellings' entropies H(U), H(V).</summary>
/// <remarks>
/// Each choice gives a score in [0, 1] for NMI because I(U;V) ≤ min(H(U), H(V)) ≤ every average here.
/// Reference: Vinh, N. X., Epps, J. &amp; Bailey, J. (2010), Information Theoretic Measures for Clusterings
/// Comparison, JMLR 11, 2837–2854 (https://jmlr.org/papers/v11/vinh10a.html), Table 2.
/// </remarks>
public enum EntropyAverage
{
    /// <summary>(H(U) + H(V)) / 2, scikit-learn's default; NMI with it equals the V-measure with β = 1.</summary>
    Arithmetic,

    /// <summary>√(H(U) H(V)) (Strehl &amp; Ghosh 2002).</summary>
    Geometric,

    /// <summary>min(H(U), H(V)).</summary>
    Minimum,

    /// <summary>max(H(U), H(V)).</summary>
    Maximum,
}
