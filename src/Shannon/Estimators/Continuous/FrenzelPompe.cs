using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The Frenzel–Pompe k-nearest-neighbour estimator of the conditional mutual information I(X;Y|Z) for continuous,
/// possibly multivariate X, Y, Z, under the max-norm (KSG algorithm 1 carried over to the conditional case).
/// </summary>
/// <param name="K">Neighbours in the joint (x, y, z) space; <see cref="EstimatorDefaults.K"/> (3) by default.</param>
/// <param name="Rescale">Divide each column by its standard deviation, without centring, first; true by default.</param>
/// <param name="JitterSeed">The seed of the tie-breaking noise 1e-10 · max(1, mean |x|) · 𝒩(0, 1) added to each scaled column, as <see cref="Ksg"/> adds it; <see cref="EstimatorDefaults.Seed"/> (0) by default; null adds none.</param>
/// <remarks>
/// <para>εᵢ = max-norm distance to the k-th neighbour of (xᵢ, yᵢ, zᵢ); n_xz, n_yz, n_z = the other samples strictly
/// within εᵢ in the (x, z), (y, z) and z subspaces; Î = ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩ in nats.
/// Strict radius and ties as in <see cref="Ksg"/>. Bias: small, of either sign; the value is clipped at 0.</para>
/// <para>Speed: the joint k-th neighbour distances come from a uniform grid of cells in two or three dimensions (a k-d
/// tree for heavy-tailed data or more dimensions), the counts from a sorted line in one dimension, one offline sweep
/// over rank intervals in two (the common transfer entropy case k = l = 1) and a k-d tree beyond; all are exact, and the
/// work runs in parallel with every sample's result in its own slot, so the estimate is the same on any schedule.</para>
/// <para>Reference: Frenzel, S. &amp; Pompe, B. (2007), Partial mutual information for coupling analysis of multivariate
/// time series, Physical Review Letters 99, 204101, doi:10.1103/PhysRevLett.99.204101.</para>
/// </remarks>
public sealed record FrenzelPompe(int K = EstimatorDefaults.K, bool Rescale = true, int? JitterSeed = EstimatorDefaults.Seed) : IConditionalMutualInformationEstimator
{
    /// <inheritdoc/>
    public string Name => "frenzel-pompe";

    /// <summary>Estimates I(X;Y|Z) from three variables given as numbers, each of any dimension.</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y.</param>
    /// <param name="z">Samples of the conditioning variable Z.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z), clipped at 0 (raw value kept), with N.</returns>
    /// <exception cref="ArgumentException">Different row counts, a variable of labels, or no more samples than k.</exception>
    public Estimate ConditionalMutualInformation(Variable x, Variable y, Variable z, LogBase logBase = default)
    {
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)), (z, nameof(z)));
        return VariableChecks.Constant(x, y, logBase) ?? ConditionalMutualInformation(
            VariableChecks.Numbers(x, Name, nameof(x)), x.Dimension, VariableChecks.Numbers(y, Name, nameof(y)), y.Dimension,
            VariableChecks.Numbers(z, Name, nameof(z)), z.Dimension, logBase);
    }

    /// <summary>Estimates I(X;Y|Z) from row-major samples with the same number of rows.</summary>
    /// <param name="x">Samples of X, n × <paramref name="xColumns"/>.</param>
    /// <param name="xColumns">The dimension of X.</param>
    /// <param name="y">Samples of Y, n × <paramref name="yColumns"/>.</param>
    /// <param name="yColumns">The dimension of Y.</param>
    /// <param name="z">Samples of Z, n × <paramref name="zColumns"/>.</param>
    /// <param name="zColumns">The dimension of Z.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z) in the unit of <paramref name="logBase"/>, clipped at 0 (raw value kept), with N.</returns>
    /// <exception cref="ArgumentException">Empty input, bad shapes, different row counts, a non-finite entry, or no more samples than k.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or a non-positive column count.</exception>
    public Estimate ConditionalMutualInformation(
        ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns, ReadOnlySpan<double> z, int zColumns, LogBase logBase = default)
    {
        SampleRows.ValidK(K);
        int n = SampleRows.Count(x, xColumns, nameof(x), nameof(xColumns));
        if (SampleRows.Count(y, yColumns, nameof(y), nameof(yColumns)) != n)
        {
            throw new ArgumentException($"y has {y.Length / yColumns} rows but x has {n}; they must be paired.", nameof(y));
        }

        if (SampleRows.Count(z, zColumns, nameof(z), nameof(zColumns)) != n)
        {
            throw new ArgumentException($"z has {z.Length / zColumns} rows but x has {n}; they must be paired.", nameof(z));
        }

        SampleRows.EnoughForNeighbours(n, K, nameof(x));
        double[] terms = Terms(x, xColumns, y, yColumns, z, zColumns);
        double nats = IntegerDigamma.Of(K) - (CompensatedSum.Of(terms) / n);
        return Estimate.NonNegative(nats, logBase, n);
    }

    /// <summary>The local estimates ψ(k) − ψ(n_xz + 1) − ψ(n_yz + 1) + ψ(n_z + 1) in nats, one per sample; their mean is the raw estimate. Inputs already checked.</summary>
    internal double[] LocalNats(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns, ReadOnlySpan<double> z, int zColumns)
    {
        SampleRows.ValidK(K);
        SampleRows.EnoughForNeighbours(x.Length / xColumns, K, nameof(x));
        double[] terms = Terms(x, xColumns, y, yColumns, z, zColumns);
        double digammaK = IntegerDigamma.Of(K);
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = digammaK - terms[i];
        }

        return terms;
    }

    /// <summary>Rescales (when asked) and jitters (when seeded) one variable's copy in place.</summary>
    private void Prepare(double[] values, int columns)
    {
        if (Rescale)
        {
            SampleRows.ScaleToUnitVariance(values, columns);
        }

        if (JitterSeed is int seed)
        {
            SampleRows.Jitter(values, columns, seed);
        }
    }

    /// <summary>ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1) per sample, on rescaled and jittered copies.</summary>
    private double[] Terms(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns, ReadOnlySpan<double> z, int zColumns)
    {
        int n = x.Length / xColumns;
        double[] xs = x.ToArray();
        double[] ys = y.ToArray();
        double[] zs = z.ToArray();

        // Each variable is scaled and jittered on its own (its noise depends only on its size and the seed), so side by side.
        ParallelLoop.Invoke(() => Prepare(xs, xColumns), () => Prepare(ys, yColumns), () => Prepare(zs, zColumns));
        double[] xz = SampleRows.Join(xs, xColumns, zs, zColumns);
        double[] yz = SampleRows.Join(ys, yColumns, zs, zColumns);
        double[] xyz = SampleRows.Join(xs, xColumns, yz, yColumns + zColumns);
        int width = xColumns + yColumns + zColumns;
        IOwnNeighbourSearch tree = IOwnNeighbourSearch.Over(xyz, n, width);
        var radii = new double[n];
        int k = K;
        PointRanges.For(n, (begin, end) =>
        {
            var neighbours = new int[k];
            var distances = new double[k];
            for (int position = begin; position < end; position++)
            {
                radii[tree.OriginalIndex(position)] = SampleRows.StrictRadius(tree.KthNeighbourDistanceAt(position, k, neighbours, distances));
            }
        });

        // The three marginal counts are independent and exact, so they run side by side.
        int[] nxz = null!;
        int[] nyz = null!;
        int[] nz = null!;
        ParallelLoop.Invoke(
            () => nxz = NeighbourCounter.CountAll(xz, xColumns + zColumns, radii),
            () => nyz = NeighbourCounter.CountAll(yz, yColumns + zColumns, radii),
            () => nz = NeighbourCounter.CountAll(zs, zColumns, radii));
        var terms = new double[n];
        for (int i = 0; i < n; i++)
        {
            terms[i] = IntegerDigamma.Of(nxz[i]) + IntegerDigamma.Of(nyz[i]) - IntegerDigamma.Of(nz[i]);
        }

        return terms;
    }
}
