using Shannon.Estimators.Discrete;
using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// Ross's k-nearest-neighbour estimator of the mutual information I(X;L) between a continuous (possibly
/// multivariate) X and a discrete label L, the estimator behind scikit-learn's <c>mutual_info_classif</c>.
/// </summary>
/// <param name="K">Neighbours within each label; <see cref="EstimatorDefaults.K"/> (3) by default. A label with Nₗ samples uses kᵢ = min(k, Nₗ − 1).</param>
/// <param name="Rescale">Divide each column of X by its standard deviation, without centring, before the search (scikit-learn does); true by default.</param>
/// <param name="JitterSeed">The seed of scikit-learn's tie-breaking noise 1e-10 · max(1, mean |x|) · 𝒩(0, 1) from <see cref="Random"/>; <see cref="EstimatorDefaults.Seed"/> (0) by default; null adds none.</param>
/// <remarks>
/// <para>For each sample i: dᵢ = distance to its kᵢ-th nearest neighbour among samples with the same label;
/// mᵢ = #{j : ‖xⱼ − xᵢ‖ &lt; dᵢ} over all samples, i itself included; then
/// Î = ψ(N) + ⟨ψ(kᵢ)⟩ − ⟨ψ(Nₗᵢ)⟩ − ⟨ψ(mᵢ)⟩, in nats. Samples whose label occurs once are dropped first and N counts
/// the rest, as scikit-learn does. The strict radius is <c>nextafter(dᵢ, 0)</c> with ≤ (so at dᵢ = 0 duplicates count).</para>
/// <para>Distances are max-norm; in one dimension that is |xⱼ − xᵢ|, the metric scikit-learn uses.</para>
/// <para>Bias: small and of either sign; the raw estimate can be negative, and the value is clipped at 0.</para>
/// <para>Reference: Ross, B. C. (2014), Mutual information between discrete and continuous data sets,
/// PLoS ONE 9(2), e87357, doi:10.1371/journal.pone.0087357.</para>
/// </remarks>
public sealed record Ross(int K = EstimatorDefaults.K, bool Rescale = true, int? JitterSeed = EstimatorDefaults.Seed) : IMutualInformationEstimator
{
    /// <inheritdoc/>
    public string Name => "ross";

    /// <summary>Estimates I(X;L) between a continuous variable and a discrete one, given in either order.</summary>
    /// <param name="x">One variable.</param>
    /// <param name="y">The other, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î in the unit of <paramref name="logBase"/>, clipped at 0, with the raw value, N (samples kept) and the number of labels.</returns>
    /// <exception cref="ArgumentException">Different row counts, no continuous or no discrete variable of the two, or no label occurring at least twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1.</exception>
    /// <remarks>The continuous side is the variable of continuous kind; when both are discrete, the one that has numbers while the other holds labels.</remarks>
    public Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default)
    {
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)));
        if (VariableChecks.Constant(x, y, logBase) is { } none)
        {
            return none;
        }

        var labels = LabelsOf(x, y);
        var numbers = ReferenceEquals(labels, x) ? y : x;
        if (labels.Categories == labels.Rows)
        {
            throw DegenerateSamples.Error(
                $"'{labels.Name}' has no label that occurs at least twice ({labels.Rows} rows, each its own label); the Ross estimator needs a neighbour with the same label.",
                ReferenceEquals(labels, x) ? nameof(x) : nameof(y));
        }

        return MutualInformation(numbers.Values, numbers.Dimension, labels.Codes, logBase);
    }

    /// <summary>Which of two variables the estimator reads as the labels L; the other is the continuous X.</summary>
    /// <param name="x">One variable.</param>
    /// <param name="y">The other.</param>
    /// <returns>The discrete one when the kinds differ; when both are discrete, the one that holds labels while the other has numbers.</returns>
    /// <exception cref="ArgumentNullException">A variable is null.</exception>
    /// <exception cref="ArgumentException">Neither or both can be the labels (two continuous variables, or two of the same holding).</exception>
    /// <remarks>
    /// The estimator leaves out every row whose label occurs once (it has no same-label neighbour) and uses
    /// min(k, size − 1) neighbours in a label of at most k rows, so callers that explain its N look at these labels.
    /// Reference: Ross, B. C. (2014), Mutual information between discrete and continuous data sets, PLoS ONE 9(2), e87357,
    /// doi:10.1371/journal.pone.0087357.
    /// </remarks>
    public static Variable LabelsOf(Variable x, Variable y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return (x.IsContinuous, y.IsContinuous) switch
        {
            (true, false) => y,
            (false, true) => x,
            _ when x.HasValues && !y.HasValues => y,
            _ when y.HasValues && !x.HasValues => x,
            _ => throw new ArgumentException($"ross estimates I(X;L) between a continuous and a discrete variable; '{x.Name}' and '{y.Name}' are {x.Kind} and {y.Kind}.", nameof(y)),
        };
    }

    /// <summary>Estimates I(X;L) between a one-dimensional continuous sample and labels.</summary>
    /// <typeparam name="TLabel">The label type (int, string, double …; equal values are one label).</typeparam>
    /// <param name="x">Samples of the continuous variable.</param>
    /// <param name="labels">The label of each sample.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;L) in the unit of <paramref name="logBase"/>, clipped at 0, with the raw value, N (samples kept) and the number of labels.</returns>
    /// <exception cref="ArgumentException">Empty input, different lengths, a non-finite entry, or no label occurring at least twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1.</exception>
    public Estimate MutualInformation<TLabel>(ReadOnlySpan<double> x, ReadOnlySpan<TLabel> labels, LogBase logBase = default)
        where TLabel : notnull =>
        MutualInformation(x, 1, labels, logBase);

    /// <summary>Estimates I(X;L) between a multivariate continuous sample (row-major, n × <paramref name="xColumns"/>) and labels.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="x">Samples of X, row-major.</param>
    /// <param name="xColumns">The dimension of X.</param>
    /// <param name="labels">The label of each row.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;L), clipped at 0, with the raw value, N (samples kept) and the number of labels.</returns>
    /// <exception cref="ArgumentException">Empty input, a length not a multiple of the columns, different row counts, a non-finite entry, or no label occurring at least twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or a non-positive column count.</exception>
    public Estimate MutualInformation<TLabel>(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<TLabel> labels, LogBase logBase = default)
        where TLabel : notnull
    {
        SampleRows.ValidK(K);
        int n = SampleRows.Count(x, xColumns, nameof(x), nameof(xColumns));
        if (labels.Length != n)
        {
            throw new ArgumentException($"x has {n} rows but labels has {labels.Length}; they must be paired.", nameof(labels));
        }

        int[] codes = LabelCodes.Encode(labels, out int distinct);
        double[] xs = x.ToArray();
        if (Rescale)
        {
            SampleRows.ScaleToUnitVariance(xs, xColumns);
        }

        if (JitterSeed is int seed)
        {
            SampleRows.Jitter(xs, xColumns, seed);
        }

        double nats = Nats(xs, xColumns, codes, distinct, out int kept);
        return Estimate.NonNegative(nats, logBase, kept, distinct);
    }

    /// <summary>The raw estimate in nats on prepared inputs; <paramref name="kept"/> receives the number of samples whose label occurs at least twice.</summary>
    internal double Nats(double[] x, int columns, int[] codes, int distinct, out int kept)
    {
        long[] labelCounts = LabelCodes.Counts(codes, distinct);
        var members = new List<int>[distinct];
        for (int c = 0; c < distinct; c++)
        {
            members[c] = [];
        }

        for (int i = 0; i < codes.Length; i++)
        {
            if (labelCounts[codes[i]] > 1)
            {
                members[codes[i]].Add(i);
            }
        }

        var keptRows = new List<int>(codes.Length);
        foreach (var list in members)
        {
            keptRows.AddRange(list);
        }

        kept = keptRows.Count;
        if (kept == 0)
        {
            throw DegenerateSamples.Error("labels has no label that occurs at least twice; the Ross estimator needs a neighbour with the same label.", "labels");
        }

        var radius = new double[codes.Length];
        var neighbourK = new int[codes.Length];
        foreach (var list in members)
        {
            if (list.Count > 0)
            {
                WithinLabelRadii(x, columns, list, Math.Min(K, list.Count - 1), radius, neighbourK);
            }
        }

        double[] keptX = Gather(x, columns, keptRows);
        var counter = new NeighbourCounter(keptX, columns);
        var terms = new double[kept];
        PointRanges.For(kept, (begin, end) =>
        {
            for (int r = begin; r < end; r++)
            {
                int i = keptRows[r];
                long m = counter.CountWithinOf(r, SampleRows.StrictRadius(radius[i]));
                terms[r] = IntegerDigamma.Of(neighbourK[i]) - IntegerDigamma.Of(labelCounts[codes[i]]) - IntegerDigamma.Of(m);
            }
        });
        return IntegerDigamma.Of(kept) + (CompensatedSum.Of(terms) / kept);
    }

    private static void WithinLabelRadii(double[] x, int columns, List<int> rows, int k, double[] radius, int[] neighbourK)
    {
        double[] points = Gather(x, columns, rows);
        IOwnNeighbourSearch tree = IOwnNeighbourSearch.Over(points, rows.Count, columns);
        PointRanges.For(rows.Count, (begin, end) =>
        {
            var neighbours = new int[k];
            var distances = new double[k];
            for (int position = begin; position < end; position++)
            {
                int r = tree.OriginalIndex(position);
                radius[rows[r]] = tree.KthNeighbourDistanceAt(position, k, neighbours, distances);
                neighbourK[rows[r]] = k;
            }
        });
    }

    private static double[] Gather(double[] x, int columns, List<int> rows)
    {
        var gathered = new double[rows.Count * columns];
        for (int r = 0; r < rows.Count; r++)
        {
            x.AsSpan(rows[r] * columns, columns).CopyTo(gathered.AsSpan(r * columns, columns));
        }

        return gathered;
    }
}
