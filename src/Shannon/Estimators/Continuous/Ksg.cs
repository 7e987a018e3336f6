using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The Kraskov–Stögbauer–Grassberger k-nearest-neighbour estimator of the mutual information I(X;Y) between
/// continuous, possibly multivariate X and Y, under the max-norm.
/// </summary>
/// <param name="K">Neighbours in the joint space; <see cref="EstimatorDefaults.K"/> (3) by default, as in scikit-learn. Larger k: less variance, more bias.</param>
/// <param name="Algorithm">
/// 1 (default, scikit-learn's): ε = distance to the k-th joint neighbour, nₓ = #{j ≠ i : ‖xⱼ − xᵢ‖ &lt; ε} (strict),
/// Î = ψ(k) + ψ(N) − ⟨ψ(nₓ + 1) + ψ(n_y + 1)⟩.
/// 2: εₓ, ε_y = the largest marginal distances among the k joint neighbours, nₓ = #{j ≠ i : ‖xⱼ − xᵢ‖ ≤ εₓ},
/// Î = ψ(k) − 1/k + ψ(N) − ⟨ψ(nₓ) + ψ(n_y)⟩.
/// </param>
/// <param name="Rescale">Divide each column by its standard deviation, without centring, before the search (scikit-learn does); true by default.</param>
/// <param name="JitterSeed">
/// The seed of scikit-learn's tie-breaking noise 1e-10 · max(1, mean |x|) · 𝒩(0, 1), added to each scaled column and
/// drawn from <see cref="Random"/>, each variable's from a stream chosen by this seed and the variable's own values, so
/// two variables never share noise (shared noise would line up tied points and read as dependence) and the estimate is symmetric:
/// <see cref="EstimatorDefaults.Seed"/> (0) by default, so the estimate is deterministic and rounded data with ties are
/// estimated as scikit-learn estimates them (with other draws). Null adds no noise.
/// </param>
/// <remarks>
/// <para>Both algorithms use the max-norm in the joint space and in each marginal. Algorithm 1 with k = 3 and
/// <see cref="Rescale"/> reproduces scikit-learn's <c>mutual_info_regression</c> on data without ties when the
/// latter's 1e-10-scale noise moves no point across a radius (see <see cref="ScikitLearnParity"/> to pass its noise).</para>
/// <para>Ties: the strict radius is scikit-learn's <c>nextafter(ε, 0)</c> with ≤, so points at distance exactly ε
/// are excluded, except when ε = 0 (duplicated points), where the duplicates at distance 0 are counted.</para>
/// <para>Bias: nearly unbiased at I = 0 and for independent coordinates; biased downward for strong dependence
/// (the estimate saturates as ρ → 1 at fixed N). The raw estimate can be negative; <see cref="Estimate.Value"/>
/// is clipped at 0 and <see cref="Estimate.RawValue"/> kept.</para>
/// <para>Cost: for scalar X and Y a uniform grid over the joint plane (O(n) build) and bucket-indexed sorted arrays
/// for the marginal counts, O(1) expected work per point; a max-norm k-d tree (O(n log n) build) for multivariate
/// spaces and for data a grid serves badly; parallel over points.</para>
/// <para>Reference: Kraskov, A., Stögbauer, H. &amp; Grassberger, P. (2004), Estimating mutual information,
/// Physical Review E 69, 066138, doi:10.1103/PhysRevE.69.066138.</para>
/// </remarks>
public sealed record Ksg(int K = EstimatorDefaults.K, int Algorithm = 1, bool Rescale = true, int? JitterSeed = EstimatorDefaults.Seed) : IMutualInformationEstimator
{
    /// <inheritdoc/>
    /// <remarks><c>ksg1</c> or <c>ksg2</c>, after the algorithm.</remarks>
    public string Name => Algorithm == 2 ? "ksg2" : "ksg1";

    /// <summary>Estimates I(X;Y) between two variables given as numbers (continuous, or discrete read from numbers), each of any dimension.</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="logBase"/>, clipped at 0, with the raw value and N.</returns>
    /// <exception cref="ArgumentException">Different row counts, a variable that holds labels rather than numbers, or no more samples than k.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or an algorithm other than 1 or 2.</exception>
    public Estimate MutualInformation(Variable x, Variable y, LogBase logBase = default)
    {
        VariableChecks.Paired((x, nameof(x)), (y, nameof(y)));
        return VariableChecks.Constant(x, y, logBase)
            ?? MutualInformation(VariableChecks.Numbers(x, Name, nameof(x)), x.Dimension, VariableChecks.Numbers(y, Name, nameof(y)), y.Dimension, logBase);
    }

    /// <summary>Estimates I(X;Y) between two one-dimensional samples.</summary>
    /// <param name="x">Samples of X.</param>
    /// <param name="y">Samples of Y, paired with <paramref name="x"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="logBase"/>, clipped at 0, with the raw value and N.</returns>
    /// <exception cref="ArgumentException">Empty input, different lengths, a non-finite entry, or no more samples than k.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or an algorithm other than 1 or 2.</exception>
    public Estimate MutualInformation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, LogBase logBase = default) =>
        MutualInformation(x, 1, y, 1, logBase);

    /// <summary>Estimates I(X;Y) between multivariate samples given as row-major tables with the same number of rows.</summary>
    /// <param name="x">Samples of X: n rows × <paramref name="xColumns"/>, row-major.</param>
    /// <param name="xColumns">The dimension of X.</param>
    /// <param name="y">Samples of Y: n rows × <paramref name="yColumns"/>, row-major.</param>
    /// <param name="yColumns">The dimension of Y.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="logBase"/>, clipped at 0, with the raw value and N.</returns>
    /// <exception cref="ArgumentException">Empty input, a length that is not a multiple of its columns, different row counts, a non-finite entry, or no more samples than k.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, a non-positive column count, or an algorithm other than 1 or 2.</exception>
    public Estimate MutualInformation(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns, LogBase logBase = default)
    {
        int n = Validate(x, xColumns, y, yColumns);
        double[] xs = x.ToArray();
        double[] ys = y.ToArray();
        Prepare(xs, xColumns, ys, yColumns);
        return Estimate.NonNegative(Nats(xs, xColumns, ys, yColumns), logBase, n);
    }

    /// <summary>Checks the parameters and inputs; returns the number of rows.</summary>
    internal int Validate(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns)
    {
        SampleRows.ValidK(K);
        if (Algorithm is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(Algorithm), Algorithm, $"Algorithm must be 1 or 2 (Kraskov et al. 2004); got {Algorithm}.");
        }

        int n = SampleRows.Count(x, xColumns, nameof(x), nameof(xColumns));
        int ny = SampleRows.Count(y, yColumns, nameof(y), nameof(yColumns));
        if (n != ny)
        {
            throw new ArgumentException($"x has {n} rows but y has {ny}; they must be paired.", nameof(y));
        }

        SampleRows.EnoughForNeighbours(n, K, nameof(x));
        return n;
    }

    /// <summary>Rescales and jitters copies of the inputs as the record's options ask.</summary>
    internal void Prepare(double[] x, int xColumns, double[] y, int yColumns)
    {
        if (Rescale)
        {
            SampleRows.ScaleToUnitVariance(x, xColumns);
            SampleRows.ScaleToUnitVariance(y, yColumns);
        }

        if (JitterSeed is int seed)
        {
            SampleRows.Jitter(x, xColumns, seed);
            SampleRows.Jitter(y, yColumns, seed);
        }
    }

    /// <summary>The raw KSG estimate in nats on prepared inputs.</summary>
    internal double Nats(double[] x, int xColumns, double[] y, int yColumns)
    {
        int n = x.Length / xColumns;
        double[] terms = Terms(x, xColumns, y, yColumns);
        return Constant(n) - (CompensatedSum.Of(terms) / n);
    }

    /// <summary>The local estimates in nats, one per sample (the constant minus the sample's digamma terms); their mean is the raw estimate.</summary>
    internal double[] LocalNats(ReadOnlySpan<double> x, int xColumns, ReadOnlySpan<double> y, int yColumns)
    {
        int n = Validate(x, xColumns, y, yColumns);
        double[] xs = x.ToArray();
        double[] ys = y.ToArray();
        Prepare(xs, xColumns, ys, yColumns);
        double[] terms = Terms(xs, xColumns, ys, yColumns);
        double constant = Constant(n);
        for (int i = 0; i < n; i++)
        {
            terms[i] = constant - terms[i];
        }

        return terms;
    }

    private double Constant(int n) => IntegerDigamma.Of(K) + IntegerDigamma.Of(n) - (Algorithm == 2 ? 1.0 / K : 0.0);

    /// <summary>The per-sample digamma terms ψ(nₓ + 1) + ψ(n_y + 1) (algorithm 2: ψ(nₓ) + ψ(n_y)) on prepared inputs.</summary>
    private double[] Terms(double[] x, int xColumns, double[] y, int yColumns)
    {
        int n = x.Length / xColumns;
        int width = xColumns + yColumns;
        double[] joint = SampleRows.Join(x, xColumns, y, yColumns);
        IOwnNeighbourSearch tree = null!;
        NeighbourCounter xCounter = null!;
        NeighbourCounter yCounter = null!;
        ParallelLoop.Invoke(
            () => tree = IOwnNeighbourSearch.Over(joint, n, width),
            () => xCounter = new NeighbourCounter(x, xColumns),
            () => yCounter = new NeighbourCounter(y, yColumns));
        var terms = new double[n];
        int k = K;
        bool second = Algorithm == 2;
        PointRanges.For(n, (begin, end) =>
        {
            var neighbours = new int[k];
            var distances = new double[k];
            for (int position = begin; position < end; position++)
            {
                // Queries run in tree order, so consecutive queries touch the same nodes.
                int i = tree.OriginalIndex(position);
                double epsilon = tree.KthNeighbourDistanceAt(position, k, neighbours, distances);
                if (second)
                {
                    ReadOnlySpan<double> xi = x.AsSpan(i * xColumns, xColumns);
                    ReadOnlySpan<double> yi = y.AsSpan(i * yColumns, yColumns);
                    double epsilonX = 0.0;
                    double epsilonY = 0.0;
                    foreach (int j in neighbours)
                    {
                        epsilonX = Math.Max(epsilonX, MaxDistance(x.AsSpan(j * xColumns, xColumns), xi));
                        epsilonY = Math.Max(epsilonY, MaxDistance(y.AsSpan(j * yColumns, yColumns), yi));
                    }

                    long nx = xCounter.CountWithinOf(i, epsilonX) - 1;
                    long ny = yCounter.CountWithinOf(i, epsilonY) - 1;
                    terms[i] = IntegerDigamma.Of(nx) + IntegerDigamma.Of(ny);
                }
                else
                {
                    double radius = SampleRows.StrictRadius(epsilon);
                    long nx = xCounter.CountWithinOf(i, radius) - 1;
                    long ny = yCounter.CountWithinOf(i, radius) - 1;
                    terms[i] = IntegerDigamma.Of(nx + 1) + IntegerDigamma.Of(ny + 1);
                }
            }
        });
        return terms;
    }

    private static double MaxDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double distance = 0.0;
        for (int j = 0; j < a.Length; j++)
        {
            distance = Math.Max(distance, Math.Abs(a[j] - b[j]));
        }

        return distance;
    }
}
