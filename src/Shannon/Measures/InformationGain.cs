namespace Shannon.Measures;

/// <summary>
/// Information gain and gain ratio of a split, given as a (branch × class) table of counts: row b counts the items of
/// each class sent to branch b.
/// </summary>
public static class InformationGain
{
    /// <summary>The information gain of a split from its (branch × class) counts.</summary>
    /// <param name="counts">n(b, c) ≥ 0, row-major, with a positive total; <c>long</c> so totals beyond 2³¹ are exact.</param>
    /// <param name="shape">[branches, classes].</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// IG = H(Y) − Σ_b (n_b / n) H(Y | branch = b) = I(Y; branch), the mutual information between the class and the
    /// branch under the empirical joint n(b, c) / n, in the unit of <paramref name="logBase"/>; 0 ≤ IG ≤ min(H(Y), H(branch)).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="shape"/> is not two positive dimensions matching <paramref name="counts"/>, a count is negative, or all counts are 0.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    /// <remarks>
    /// 0 for one branch, or when every branch has the class distribution of the parent; empty branches add nothing.
    /// Reference: Quinlan, J. R. (1986), Induction of decision trees, Machine Learning 1, 81–106, doi:10.1007/BF00116251.
    /// </remarks>
    public static double Of(ReadOnlySpan<long> counts, ReadOnlySpan<int> shape, LogBase logBase = default) =>
        Of(Table(counts, shape), logBase);

    /// <summary>The information gain of a split whose (branch × class) counts are a contingency table.</summary>
    /// <param name="split">Rows are branches, columns are classes.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>IG = I(Y; branch) as <see cref="Of(ReadOnlySpan{long}, ReadOnlySpan{int}, LogBase)"/>, in the unit of <paramref name="logBase"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="split"/> is null.</exception>
    /// <remarks>Sparse tables (a categorical feature with millions of values) cost only their occupied cells.
    /// Reference: Quinlan (1986), doi:10.1007/BF00116251.</remarks>
    public static double Of(ContingencyTable split, LogBase logBase = default) => Clustering.MutualInformation(split, logBase);

    /// <summary>The gain ratio of a split from its (branch × class) counts.</summary>
    /// <param name="counts">n(b, c) ≥ 0, row-major, with a positive total.</param>
    /// <param name="shape">[branches, classes].</param>
    /// <returns>
    /// GR = IG / SplitInfo with SplitInfo = H(branch) = −Σ_b (n_b / n) log(n_b / n); unitless (the same in every log base),
    /// in [0, 1]; 0 when every item goes to one branch (SplitInfo = 0, and then IG = 0 too).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="shape"/> is not two positive dimensions matching <paramref name="counts"/>, a count is negative, or all counts are 0.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    /// <remarks>
    /// Dividing by the split information removes the gain's bias towards splits with many small branches. Quinlan also
    /// restricts the choice to splits whose gain is at least average; that selection rule is the caller's.
    /// Reference: Quinlan, J. R. (1986), Induction of decision trees, Machine Learning 1, 81–106, doi:10.1007/BF00116251.
    /// </remarks>
    public static double GainRatio(ReadOnlySpan<long> counts, ReadOnlySpan<int> shape) => GainRatio(Table(counts, shape));

    /// <summary>The gain ratio of a split whose (branch × class) counts are a contingency table.</summary>
    /// <param name="split">Rows are branches, columns are classes.</param>
    /// <returns>GR = I(Y; branch) / H(branch) as <see cref="GainRatio(ReadOnlySpan{long}, ReadOnlySpan{int})"/>; 0 for a single occupied branch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="split"/> is null.</exception>
    /// <remarks>Reference: Quinlan (1986), doi:10.1007/BF00116251.</remarks>
    public static double GainRatio(ContingencyTable split)
    {
        double splitInformation = Clustering.RowEntropy(split);
        return splitInformation > 0.0 ? Math.Clamp(Of(split) / splitInformation, 0.0, 1.0) : 0.0;
    }

    private static ContingencyTable Table(ReadOnlySpan<long> counts, ReadOnlySpan<int> shape)
    {
        Numerics.Guard.Shape(counts.Length, shape, nameof(counts), nameof(shape));
        if (shape.Length != 2)
        {
            throw new ArgumentException($"shape has {shape.Length} dimensions; a split is a two-dimensional table [branches, classes].", nameof(shape));
        }

        return ContingencyTable.FromCounts(counts, shape[0], shape[1]);
    }
}
