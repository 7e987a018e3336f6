using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>
/// Information-theoretic agreement between two labellings of the same items (a clustering against the
/// classes, or two clusterings): mutual information, its normalised and chance-adjusted forms, and the
/// V-measure. Every function reads a <see cref="ContingencyTable"/>; the label overloads build one first.
/// </summary>
/// <remarks>
/// The values follow scikit-learn's <c>sklearn.metrics</c> definitions, edge cases included, except that
/// empty labellings are an error here rather than a perfect score.
/// Reference: Vinh, N. X., Epps, J. &amp; Bailey, J. (2010), Information Theoretic Measures for Clusterings
/// Comparison, JMLR 11, 2837–2854 (https://jmlr.org/papers/v11/vinh10a.html).
/// </remarks>
public static class Clustering
{
    /// <summary>Distinct-size pairs from which the expected mutual information is split over threads.</summary>
    private const long ParallelPairs = 4096;

    /// <summary>Hypergeometric terms below this fraction of the mode's probability are dropped (they cannot reach a double's last digit).</summary>
    private const double NegligibleProbability = 1e-20;

    /// <summary>2⁻⁵², numpy's <c>finfo(float64).eps</c>: the smallest AMI denominator magnitude, as scikit-learn.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The mutual information of two labellings from their contingency table (plug-in).</summary>
    /// <param name="table">The contingency table nᵢⱼ with row sums aᵢ, column sums bⱼ and total N.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>I(U;V) = Σᵢⱼ (nᵢⱼ/N) log(N nᵢⱼ / (aᵢ bⱼ)) in the unit of <paramref name="logBase"/>; 0 ≤ I ≤ min(H(U), H(V)).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <remarks>Empty cells add 0. A labelling with one cluster gives exactly 0. Rounding below 0 is clamped to 0.
    /// Summed with Neumaier compensation. Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of
    /// Information Theory, 2nd ed., §2.3, doi:10.1002/047174882X.</remarks>
    public static double MutualInformation(ContingencyTable table, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return logBase.FromNats(MutualInformationNats(table));
    }

    /// <summary>The mutual information of two integer labellings (builds their <see cref="ContingencyTable"/>).</summary>
    /// <param name="labelsTrue">The first labelling, e.g. the classes.</param>
    /// <param name="labelsPredicted">The second labelling, e.g. the clusters; same length.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>I(U;V) as <see cref="MutualInformation(ContingencyTable, LogBase)"/>, in the unit of <paramref name="logBase"/>.</returns>
    /// <exception cref="ArgumentException">A labelling is empty, or the lengths differ.</exception>
    /// <remarks>Equals scikit-learn's <c>mutual_info_score(labels_true, labels_pred)</c> in nats.</remarks>
    public static double MutualInformation(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPredicted, LogBase logBase = default) =>
        MutualInformation(ContingencyTable.FromLabels(labelsTrue, labelsPredicted), logBase);

    /// <summary>The entropy of the first labelling (the rows' cluster sizes).</summary>
    /// <param name="table">The contingency table.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>H(U) = −Σᵢ (aᵢ/N) log(aᵢ/N) in the unit of <paramref name="logBase"/>; 0 for one cluster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <remarks>Reference: Shannon, C. E. (1948), Bell System Technical Journal 27(3), 379–423, doi:10.1002/j.1538-7305.1948.tb01338.x.</remarks>
    public static double RowEntropy(ContingencyTable table, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return logBase.FromNats(EntropyNats(table.RowSums, table.Total));
    }

    /// <summary>The entropy of the second labelling (the columns' cluster sizes).</summary>
    /// <param name="table">The contingency table.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>H(V) = −Σⱼ (bⱼ/N) log(bⱼ/N) in the unit of <paramref name="logBase"/>; 0 for one cluster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <remarks>Reference: Shannon, C. E. (1948), Bell System Technical Journal 27(3), 379–423, doi:10.1002/j.1538-7305.1948.tb01338.x.</remarks>
    public static double ColumnEntropy(ContingencyTable table, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return logBase.FromNats(EntropyNats(table.ColumnSums, table.Total));
    }

    /// <summary>Normalised mutual information: the mutual information divided by an average of the two entropies.</summary>
    /// <param name="table">The contingency table.</param>
    /// <param name="average">How to average H(U) and H(V); arithmetic by default, as scikit-learn.</param>
    /// <returns>NMI = I(U;V) / mean(H(U), H(V)), unitless in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a defined value.</exception>
    /// <remarks>
    /// Edge cases as scikit-learn's <c>normalized_mutual_info_score</c>: both labellings a single cluster →
    /// 1 (identical, nothing split); otherwise I = 0 → 0 (so one single-cluster labelling gives 0).
    /// Reference: Strehl, A. &amp; Ghosh, J. (2002), Cluster Ensembles, JMLR 3, 583–617,
    /// doi:10.1162/153244303321897735; Vinh, Epps &amp; Bailey (2010), JMLR 11, 2837–2854.
    /// </remarks>
    public static double NormalizedMutualInformation(ContingencyTable table, EntropyAverage average = EntropyAverage.Arithmetic)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckDefined(average);
        if (table.NonEmptyRows == 1 && table.NonEmptyColumns == 1)
        {
            return 1.0;
        }

        double mi = MutualInformationNats(table);
        if (mi == 0.0)
        {
            return 0.0;
        }

        return mi / Average(EntropyNats(table.RowSums, table.Total), EntropyNats(table.ColumnSums, table.Total), average);
    }

    /// <summary>Normalised mutual information of two integer labellings (builds their <see cref="ContingencyTable"/>).</summary>
    /// <param name="labelsTrue">The first labelling.</param>
    /// <param name="labelsPredicted">The second labelling; same length.</param>
    /// <param name="average">How to average the two entropies; arithmetic by default.</param>
    /// <returns>NMI as <see cref="NormalizedMutualInformation(ContingencyTable, EntropyAverage)"/>, unitless in [0, 1].</returns>
    /// <exception cref="ArgumentException">A labelling is empty, or the lengths differ.</exception>
    /// <remarks>Equals scikit-learn's <c>normalized_mutual_info_score(labels_true, labels_pred, average_method=…)</c>.</remarks>
    public static double NormalizedMutualInformation(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPredicted, EntropyAverage average = EntropyAverage.Arithmetic) =>
        NormalizedMutualInformation(ContingencyTable.FromLabels(labelsTrue, labelsPredicted), average);

    /// <summary>The expected mutual information of two random labellings with the table's cluster sizes.</summary>
    /// <param name="table">The contingency table; only its row and column sums are used.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// E[I] = Σᵢ Σⱼ Σₙ (n/N) log(N n / (aᵢ bⱼ)) · P(n; N, aᵢ, bⱼ), n from max(1, aᵢ + bⱼ − N) to min(aᵢ, bⱼ),
    /// where P is the hypergeometric probability C(aᵢ, n) C(N − aᵢ, bⱼ − n) / C(N, bⱼ): the mean of I(U;V)
    /// over all labellings with these cluster sizes (the permutation model). In the unit of <paramref name="logBase"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <remarks>
    /// Exact, not sampled; exactly 0 when one labelling has a single cluster. Pairs of rows (or columns) of equal size give equal terms, so each distinct
    /// pair of sizes is evaluated once and weighted by its multiplicity; within a pair the probabilities come
    /// from the mode's value (Loader's saddle-point form, accurate for any N) by the ratio recurrence
    /// P(n+1)/P(n) = (a − n)(b − n) / ((n + 1)(N − a − b + n + 1)), stopping once they fall below 1e-20 of the
    /// mode's. Distinct size pairs are spread over threads above 4096. Reference: Vinh, N. X., Epps, J. &amp;
    /// Bailey, J. (2009), Information theoretic measures for clusterings comparison: is a correction for chance
    /// necessary?, ICML 2009, 1073–1080, doi:10.1145/1553374.1553511.
    /// </remarks>
    public static double ExpectedMutualInformation(ContingencyTable table, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return logBase.FromNats(ExpectedMutualInformationNats(table));
    }

    /// <summary>Adjusted mutual information: mutual information corrected for agreement by chance.</summary>
    /// <param name="table">The contingency table.</param>
    /// <param name="average">How to average H(U) and H(V); arithmetic by default, as scikit-learn.</param>
    /// <returns>AMI = (I − E[I]) / (mean(H(U), H(V)) − E[I]), unitless: 1 for identical labellings, about 0 for
    /// independent ones, negative when agreement is below chance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a defined value.</exception>
    /// <remarks>
    /// E[I] is <see cref="ExpectedMutualInformation"/>. Edge cases as scikit-learn's
    /// <c>adjusted_mutual_info_score</c>: both labellings a single cluster → 1; a denominator within
    /// 2.2e-16 of 0 is replaced by ±2.2e-16 keeping its sign (so when E[I] equals the average entropy, e.g.
    /// both labellings all singletons, the value is rounding noise there as here).
    /// Reference: Vinh, N. X., Epps, J. &amp; Bailey, J. (2010), JMLR 11, 2837–2854.
    /// </remarks>
    public static double AdjustedMutualInformation(ContingencyTable table, EntropyAverage average = EntropyAverage.Arithmetic)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckDefined(average);
        if (IsRelabelling(table))
        {
            return 1.0; // identical labellings up to names, one cluster included: scikit-learn's convention, exactly
        }

        double mi = MutualInformationNats(table);
        double emi = ExpectedMutualInformationNats(table);
        double normalizer = Average(EntropyNats(table.RowSums, table.Total), EntropyNats(table.ColumnSums, table.Total), average);
        double denominator = normalizer - emi;
        denominator = denominator < 0 ? Math.Min(denominator, -MachineEpsilon) : Math.Max(denominator, MachineEpsilon);
        return (mi - emi) / denominator;
    }

    /// <summary>Adjusted mutual information of two integer labellings (builds their <see cref="ContingencyTable"/>).</summary>
    /// <param name="labelsTrue">The first labelling.</param>
    /// <param name="labelsPredicted">The second labelling; same length.</param>
    /// <param name="average">How to average the two entropies; arithmetic by default.</param>
    /// <returns>AMI as <see cref="AdjustedMutualInformation(ContingencyTable, EntropyAverage)"/>, unitless.</returns>
    /// <exception cref="ArgumentException">A labelling is empty, or the lengths differ.</exception>
    /// <remarks>Equals scikit-learn's <c>adjusted_mutual_info_score(labels_true, labels_pred, average_method=…)</c>.</remarks>
    public static double AdjustedMutualInformation(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPredicted, EntropyAverage average = EntropyAverage.Arithmetic) =>
        AdjustedMutualInformation(ContingencyTable.FromLabels(labelsTrue, labelsPredicted), average);

    /// <summary>Homogeneity, completeness and V-measure of a clustering (columns) against classes (rows).</summary>
    /// <param name="table">The contingency table: rows are the classes C, columns the clusters K.</param>
    /// <param name="beta">Weight β ≥ 0 of completeness against homogeneity; 1 by default (then V equals arithmetic NMI).</param>
    /// <returns>h = I/H(C) (1 if H(C) = 0), c = I/H(K) (1 if H(K) = 0) and V_β = (1 + β) h c / (β h + c)
    /// (0 if h + c = 0); unitless in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is negative, NaN or infinite.</exception>
    /// <remarks>Edge cases as scikit-learn's <c>homogeneity_completeness_v_measure</c>. Reference: Rosenberg, A.
    /// &amp; Hirschberg, J. (2007), V-Measure: A conditional entropy-based external cluster evaluation measure,
    /// EMNLP-CoNLL 2007, 410–420 (https://aclanthology.org/D07-1043).</remarks>
    public static VMeasureScores VMeasure(ContingencyTable table, double beta = 1.0)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!(beta >= 0.0) || double.IsPositiveInfinity(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, $"beta must be a finite number ≥ 0; got {Guard.Format(beta)}.");
        }

        double mi = MutualInformationNats(table);
        double entropyClasses = EntropyNats(table.RowSums, table.Total);
        double entropyClusters = EntropyNats(table.ColumnSums, table.Total);
        double homogeneity = entropyClasses != 0.0 ? mi / entropyClasses : 1.0;
        double completeness = entropyClusters != 0.0 ? mi / entropyClusters : 1.0;
        double v = homogeneity + completeness == 0.0
            ? 0.0
            : (1.0 + beta) * homogeneity * completeness / ((beta * homogeneity) + completeness);
        return new VMeasureScores(homogeneity, completeness, v);
    }

    private static double MutualInformationNats(ContingencyTable table)
    {
        if (table.NonEmptyRows == 1 || table.NonEmptyColumns == 1)
        {
            return 0.0;
        }

        var terms = new MutualInformationTerms(table.RowSums.ToArray(), table.ColumnSums.ToArray(), LogsOf(table.RowSums), LogsOf(table.ColumnSums), table.Total);
        table.VisitNonZero(ref terms);

        // Each term is symmetric in row and column and the terms are summed in sorted order, so the transposed table
        // gives the same bits: I(U;V) = I(V;U) exactly.
        double[] sorted = [.. terms.Terms];
        Array.Sort(sorted);
        return Math.Max(0.0, CompensatedSum.Of(sorted) / table.Total);
    }

    private static double EntropyNats(ReadOnlySpan<long> sizes, long total) => Entropy.CountsNats(sizes, total);

    /// <summary>Is one labelling the other with its labels renamed (every non-empty row and column holds exactly one non-empty cell)?</summary>
    private static bool IsRelabelling(ContingencyTable table)
    {
        if (table.NonEmptyRows != table.NonEmptyColumns)
        {
            return false;
        }

        int cells = 0;
        foreach (var _ in table.NonZeroCells())
        {
            if (++cells > table.NonEmptyRows)
            {
                return false;
            }
        }

        return true;
    }

    private static double ExpectedMutualInformationNats(ContingencyTable table)
    {
        if (table.NonEmptyRows == 1 || table.NonEmptyColumns == 1)
        {
            // Every table with one class or one cluster has I = 0, so E[I] = 0 exactly; the sum below would give
            // rounding noise (log N + log a − log a − log N), which AMI's normalizer of 0 under the geometric or
            // minimum average blows up to 0.1.
            return 0.0;
        }

        var (rowSizes, rowMultiplicities) = DistinctSizes(table.RowSums);
        var (columnSizes, columnMultiplicities) = DistinctSizes(table.ColumnSums);
        long total = table.Total;
        var byRowSize = new double[rowSizes.Length];
        void SumRow(int r)
        {
            var sum = default(CompensatedSum);
            for (int c = 0; c < columnSizes.Length; c++)
            {
                sum.Add(columnMultiplicities[c] * PairExpectation(rowSizes[r], columnSizes[c], total));
            }

            byRowSize[r] = rowMultiplicities[r] * sum.Value;
        }

        if ((long)rowSizes.Length * columnSizes.Length >= ParallelPairs)
        {
            ParallelLoop.For(0, rowSizes.Length, SumRow);
        }
        else
        {
            for (int r = 0; r < rowSizes.Length; r++)
            {
                SumRow(r);
            }
        }

        return Math.Max(0.0, CompensatedSum.Of(byRowSize));
    }

    /// <summary>
    /// N · E[(n/N) log(N n/(a b))] for one cell whose row has a items and column b items:
    /// Σₙ n log(N n/(a b)) P(n; N, a, b) over n ≥ 1, walking out from the mode in both directions.
    /// Returns the expectation itself (divided by N).
    /// </summary>
    private static double PairExpectation(long a, long b, long total)
    {
        long low = Math.Max(0, a + b - total);
        long high = Math.Min(a, b);
        if (high < 1)
        {
            return 0.0;
        }

        long mode = Math.Clamp((long)Math.Floor((double)(a + 1) * (b + 1) / (total + 2)), low, high);
        double pMode = Hypergeometric.Probability(mode, total, a, b);
        double cutoff = pMode * NegligibleProbability;
        double offset = Math.Log(total) - Math.Log(a) - Math.Log(b);
        long complement = total - a - b;
        var sum = default(CompensatedSum);

        double p = pMode;
        for (long n = mode; n <= high && p >= cutoff; n++)
        {
            if (n >= 1)
            {
                sum.Add(n * (Math.Log(n) + offset) * p);
            }

            p *= (double)(a - n) * (b - n) / ((double)(n + 1) * (complement + n + 1));
        }

        p = pMode;
        for (long n = mode - 1; n >= Math.Max(1, low); n--)
        {
            p *= (double)(n + 1) * (complement + n + 1) / ((double)(a - n) * (b - n));
            if (p < cutoff)
            {
                break;
            }

            sum.Add(n * (Math.Log(n) + offset) * p);
        }

        return sum.Value / total;
    }

    /// <summary>The distinct positive sizes in ascending order and how often each occurs.</summary>
    private static (long[] Sizes, long[] Multiplicities) DistinctSizes(ReadOnlySpan<long> sums)
    {
        long[] sorted = sums.ToArray();
        Array.Sort(sorted);
        var sizes = new List<long>();
        var multiplicities = new List<long>();
        foreach (long s in sorted)
        {
            if (s <= 0)
            {
                continue;
            }

            if (sizes.Count > 0 && sizes[^1] == s)
            {
                multiplicities[^1]++;
            }
            else
            {
                sizes.Add(s);
                multiplicities.Add(1);
            }
        }

        return (sizes.ToArray(), multiplicities.ToArray());
    }

    private static double[] LogsOf(ReadOnlySpan<long> sizes)
    {
        var logs = new double[sizes.Length];
        for (int i = 0; i < logs.Length; i++)
        {
            logs[i] = sizes[i] > 0 ? Math.Log(sizes[i]) : 0.0;
        }

        return logs;
    }

    private static double Average(double u, double v, EntropyAverage average) => average switch
    {
        EntropyAverage.Arithmetic => (u + v) / 2.0,
        EntropyAverage.Geometric => Math.Sqrt(u * v),
        EntropyAverage.Minimum => Math.Min(u, v),
        _ => Math.Max(u, v),
    };

    private static void CheckDefined(EntropyAverage average)
    {
        if (!Enum.IsDefined(average))
        {
            throw new ArgumentOutOfRangeException(nameof(average), average, $"average must be Arithmetic, Geometric, Minimum or Maximum; got {(int)average}.");
        }
    }

    /// <summary>Accumulates N · I = Σ nᵢⱼ (ln nᵢⱼ − ln aᵢ − ln bⱼ + ln N) over the non-zero cells.</summary>
    /// <summary>
    /// The terms nᵢⱼ ln(N nᵢⱼ / (aᵢ bⱼ)): while N nᵢⱼ and aᵢ bⱼ are exact in a double (below 2⁵³) the ratio is formed first
    /// and its logarithm taken once (accurate even where the ratio is near 1, at independence); otherwise from the four
    /// logarithms. Both forms are symmetric in the row and the column.
    /// </summary>
    private readonly struct MutualInformationTerms(long[] rowSums, long[] columnSums, double[] logRowSums, double[] logColumnSums, long total) : ICellVisitor
    {
        private const long Exact = 1L << 53;
        private readonly double _logTotal = Math.Log(total);

        public List<double> Terms { get; } = [];

        public void Visit(int row, int column, long count)
        {
            long a = rowSums[row];
            long b = columnSums[column];
            bool exact = count <= Exact / total && a <= Exact / b;
            Terms.Add(count * (exact
                ? Math.Log((double)(count * total) / (a * b))
                : (Math.Log(count) + _logTotal) - (logRowSums[row] + logColumnSums[column])));
        }
    }
}
