using Shannon.Numerics;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// An estimator of Shannon entropy from counts of a discrete variable, and through entropies of mutual
/// information and conditional mutual information from label samples. Concrete estimators (<see cref="PlugIn"/>,
/// <see cref="MillerMadow"/>, <see cref="Grassberger"/>, <see cref="ChaoShen"/>, <see cref="JamesStein"/>,
/// <see cref="Dirichlet"/>, <see cref="Jackknife"/>, <see cref="Nsb"/>) differ only in how they turn counts into an entropy.
/// </summary>
/// <remarks>
/// Counts are <c>long</c>. Zero counts are allowed: they matter to the estimators that use the alphabet size m
/// (James–Stein, Dirichlet priors, NSB), for which m is the length of the counts; from label samples m is the
/// number of distinct labels observed. Counts are sorted before estimation, so every estimate depends only on the
/// multiset of counts, and I(X;Y) = I(Y;X) holds exactly.
/// </remarks>
public abstract record DiscreteEntropyEstimator : ICountEntropyEstimator, IMutualInformationEstimator, IConditionalMutualInformationEstimator
{
    private protected DiscreteEntropyEstimator()
    {
    }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>Estimates the entropy of the distribution that produced <paramref name="counts"/>.</summary>
    /// <param name="counts">Occurrences of each outcome; non-negative with a positive total.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ĥ in the unit of <paramref name="logBase"/>, with N = Σ counts and the observed support size (nonzero counts); the value is clipped at 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, has a negative entry, or sums to 0.</exception>
    public Estimate Entropy(ReadOnlySpan<long> counts, LogBase logBase = default)
    {
        long total = Guard.CountsTotal(counts, nameof(counts));
        int observed = 0;
        foreach (long count in counts)
        {
            observed += count > 0 ? 1 : 0;
        }

        long[] sorted = counts.ToArray();
        Array.Sort(sorted);
        return Estimate.NonNegative(Nats(sorted, total, observed), logBase, total, observed);
    }

    /// <summary>Estimates the entropy of a discrete variable from its samples (labels of any type with equality).</summary>
    /// <typeparam name="T">The label type: int, long, string, or double (equal values are one outcome, so integer and float copies give the same estimate).</typeparam>
    /// <param name="labels">One label per sample.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ĥ from the label counts, with N = number of samples and the number of distinct labels.</returns>
    /// <exception cref="ArgumentException"><paramref name="labels"/> is empty.</exception>
    public Estimate Entropy<T>(ReadOnlySpan<T> labels, LogBase logBase = default)
        where T : notnull =>
        Entropy(Variable.Discrete(nameof(labels), labels), logBase);

    /// <summary>Estimates the entropy of a variable from the counts of its distinct samples (labels, or distinct rows of numbers).</summary>
    /// <param name="x">The samples.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Ĥ(X) from the counts of <paramref name="x"/>'s codes, with N and the number of distinct samples.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <remarks>A continuous variable is counted by its distinct values: the entropy of the empirical distribution, which is log n when no value repeats. Bin it first (<see cref="Continuous.Binning"/>) for a density's entropy.</remarks>
    public Estimate Entropy(Variable x, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Entropy(x.Counts(), logBase);
    }

    /// <summary>Estimates I(X;Y) = Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) from paired label samples, with this estimator applied to each entropy.</summary>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">Labels of X, one per sample.</param>
    /// <param name="y">Labels of Y, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="logBase"/>, clipped at 0 (the raw value is kept), with N and the number of observed (x, y) cells.</returns>
    /// <exception cref="ArgumentException">An input is empty or the lengths differ.</exception>
    /// <remarks>
    /// With <see cref="PlugIn"/> this equals scikit-learn's <c>mutual_info_score(x, y)</c>. Symmetric exactly:
    /// swapping x and y gives the same bits.
    /// </remarks>
    public Estimate MutualInformation<TX, TY>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, LogBase logBase = default)
        where TX : notnull
        where TY : notnull
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        return MutualInformation(Variable.Discrete(nameof(x), x), Variable.Discrete(nameof(y), y), logBase);
    }

    /// <summary>Estimates I(X;Y) = Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) from the counts of the variables' codes, with this estimator applied to each entropy.</summary>
    /// <param name="x">Samples of X (labels; a continuous variable is counted by its distinct values).</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y), clipped at 0 (the raw value kept), with N and the number of observed (x, y) cells.</returns>
    /// <exception cref="ArgumentException">The variables have different numbers of rows.</exception>
    /// <remarks>
    /// X and Y may share columns (dit allows overlapping variable sets): I(X;X) = Ĥ(X) exactly for the plug-in. With
    /// <see cref="PlugIn"/> this is scikit-learn's <c>mutual_info_score</c>.
    /// </remarks>
    public Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default)
    {
        Paired(x, y);
        if (VariableChecks.Constant(x, y, logBase) is { } none)
        {
            return none with { SupportSize = Math.Max(x.Categories, y.Categories) };
        }

        int[] xy = LabelCodes.Combine(x.Codes, y.Codes, y.Categories, out int cells);
        return Estimate.NonNegative(MutualInformationNats(x, y, xy, cells), logBase, x.Rows, cells);
    }

    /// <summary>Estimates I(X;Y|Z) = Ĥ(X,Z) + Ĥ(Y,Z) − Ĥ(X,Y,Z) − Ĥ(Z) from label samples, with this estimator applied to each entropy.</summary>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <typeparam name="TZ">The label type of Z.</typeparam>
    /// <param name="x">Labels of X.</param>
    /// <param name="y">Labels of Y.</param>
    /// <param name="z">Labels of the conditioning variable Z.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z), clipped at 0 (raw value kept), with N and the number of observed (x, y, z) cells.</returns>
    /// <exception cref="ArgumentException">An input is empty or the lengths differ.</exception>
    public Estimate ConditionalMutualInformation<TX, TY, TZ>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z, LogBase logBase = default)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.SameLength(x, z, nameof(x), nameof(z));
        return ConditionalMutualInformation(Variable.Discrete(nameof(x), x), Variable.Discrete(nameof(y), y), Variable.Discrete(nameof(z), z), logBase);
    }

    /// <summary>Estimates I(X;Y|Z) = Ĥ(X,Z) + Ĥ(Y,Z) − Ĥ(X,Y,Z) − Ĥ(Z) from the counts of the variables' codes.</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="z">Samples of the conditioning variable Z.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z), clipped at 0 (raw value kept), with N and the number of observed (x, y, z) cells.</returns>
    /// <exception cref="ArgumentException">The variables have different numbers of rows.</exception>
    /// <remarks>Overlapping variables are allowed: I(X;X|X) = 0 and H(X|X) = 0, as in dit.</remarks>
    public Estimate ConditionalMutualInformation(Variable x, Variable y, Variable z, LogBase logBase = default)
    {
        Paired(x, y);
        Paired(x, z);
        if (VariableChecks.Constant(x, y, logBase) is { } none)
        {
            return none;
        }

        int[] xz = LabelCodes.Combine(x.Codes, z.Codes, z.Categories, out int mxz);
        int[] yz = LabelCodes.Combine(y.Codes, z.Codes, z.Categories, out int myz);
        int[] xyz = LabelCodes.Combine(x.Codes, yz, myz, out int mxyz);
        double nats = Nats(xz, mxz) + Nats(yz, myz) - Nats(xyz, mxyz) - Nats(z.Codes, z.Categories);
        return Estimate.NonNegative(nats, logBase, x.Rows, mxyz);
    }

    /// <summary>The entropy estimate in nats for estimators that build on another one (sorted counts, total, nonzero counts).</summary>
    internal double EntropyNats(ReadOnlySpan<long> sortedCounts, long total, int observed) => Nats(sortedCounts, total, observed);

    /// <summary>Estimates I(X;Y) = Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) from a contingency table of counts, with this estimator applied to each entropy.</summary>
    /// <param name="table">The counts of (x, y) pairs: rows are X's values, columns Y's.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y), clipped at 0 (the raw value kept), with N = the table's total and the number of nonzero cells;
    /// the same bits as <see cref="MutualInformation(Variable, Variable, LogBase)"/> on rows with these counts for the
    /// estimators that ignore zero counts (plug-in, Miller–Madow, Grassberger, Chao–Shen, jackknife).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The table's total is 0.</exception>
    public Estimate MutualInformation(Measures.ContingencyTable table, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Total <= 0)
        {
            throw new ArgumentException("the contingency table is empty (its total is 0).", nameof(table));
        }

        long[] cells = [.. table.NonZeroCells().Select(c => c.Count)];
        double nats = Nats(Sorted(table.RowSums), table.Total) + Nats(Sorted(table.ColumnSums), table.Total) - Nats(Sorted(cells), table.Total);
        return Estimate.NonNegative(nats, logBase, table.Total, cells.Length);
    }

    private static long[] Sorted(ReadOnlySpan<long> counts)
    {
        long[] sorted = [.. counts];
        Array.Sort(sorted);
        return sorted;
    }

    private double Nats(long[] sortedCounts, long total)
    {
        int observed = 0;
        foreach (long count in sortedCounts)
        {
            observed += count > 0 ? 1 : 0;
        }

        return Nats(sortedCounts, total, observed);
    }

    /// <summary>Î(X;Y) in nats: Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) with this estimator, given the joint codes <paramref name="xy"/> of the <paramref name="cells"/> observed pairs.</summary>
    private protected virtual double MutualInformationNats(Variable x, Variable y, ReadOnlySpan<int> xy, int cells) =>
        Nats(x.Codes, x.Categories) + Nats(y.Codes, y.Categories) - Nats(xy, cells);

    /// <summary>The entropy estimate in nats from sorted counts (ascending, zeros allowed), their total N and the number of nonzero counts.</summary>
    private protected abstract double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed);

    private double Nats(ReadOnlySpan<int> codes, int m)
    {
        long[] counts = LabelCodes.Counts(codes, m);
        Array.Sort(counts);
        return Nats(counts, codes.Length, m);
    }

    private static void Paired(Variable x, Variable y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
        {
            throw new ArgumentException($"'{x.Name}' has {x.Rows} rows but '{y.Name}' has {y.Rows}; they must be paired.", nameof(y));
        }
    }
}
