using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The Wang–Kulkarni–Verdú k-nearest-neighbour estimator of the Kullback–Leibler divergence D(P‖Q) from samples
/// x ~ P (n rows) and y ~ Q (m rows) in d dimensions, under the max-norm:
/// D̂ = (d/n) Σᵢ ln(νₖ(i)/ρₖ(i)) + ln(m/(n − 1)),
/// with ρₖ(i) the distance from xᵢ to its k-th nearest other x and νₖ(i) the distance from xᵢ to its k-th nearest y.
/// </summary>
/// <param name="K">The neighbour order in both samples; 1 by default, as in the paper's main estimator.</param>
/// <remarks>
/// <para>Consistent (asymptotically unbiased) for densities with P ≪ Q; for finite samples the bias has either sign and
/// the raw estimate can be negative; the value is clipped at 0. The samples are used as given (no rescaling): the
/// divergence is invariant under a common rescaling, and so is the estimate.</para>
/// <para>Duplicated x rows make ρ = 0 (the estimate +∞); that is reported as an error naming the row.</para>
/// <para>Reference: Wang, Q., Kulkarni, S. R. &amp; Verdú, S. (2009), Divergence estimation for multidimensional
/// densities via k-nearest-neighbor distances, IEEE Transactions on Information Theory 55(5), 2392–2405,
/// doi:10.1109/TIT.2009.2016060.</para>
/// </remarks>
public sealed record WangKulkarniVerdu(int K = 1)
{
    /// <summary>Estimates D(P‖Q) from samples of P and Q.</summary>
    /// <param name="x">Samples of P, n × <paramref name="columns"/>, row-major; finite.</param>
    /// <param name="y">Samples of Q, m × <paramref name="columns"/>, row-major; finite.</param>
    /// <param name="columns">The dimension d; 1 by default.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>D̂(P‖Q) in the unit of <paramref name="logBase"/>, clipped at 0 (raw value kept), with N = n.</returns>
    /// <exception cref="ArgumentException">Empty input, bad shapes, a non-finite entry, n ≤ k or m &lt; k, or duplicated x rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or a non-positive column count.</exception>
    public Estimate KullbackLeibler(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int columns = 1, LogBase logBase = default)
    {
        SampleRows.ValidK(K);
        int n = SampleRows.Count(x, columns, nameof(x), nameof(columns));
        int m = SampleRows.Count(y, columns, nameof(y), nameof(columns));
        SampleRows.EnoughForNeighbours(n, K, nameof(x));
        if (m < K)
        {
            throw new ArgumentException($"y has {m} samples; k = {K} neighbours need at least {K}.", nameof(y));
        }

        double[] xs = x.ToArray();
        var xTree = new MaxNormKdTree(xs, n, columns);
        var yTree = new MaxNormKdTree(y, m, columns);
        var terms = new double[n];
        int k = K;
        PointRanges.For(n, (begin, end) =>
        {
            var neighbours = new int[k];
            var distances = new double[k];
            for (int position = begin; position < end; position++)
            {
                int i = xTree.OriginalIndex(position);
                ReadOnlySpan<double> point = xTree.PointAt(position);
                double rho = xTree.KthNeighbourDistanceAt(position, k, neighbours, distances);
                double nu = yTree.KthNeighbourDistance(point, k, -1, neighbours, distances);
                terms[i] = Math.Log(nu) - Math.Log(rho);
            }
        });
        for (int i = 0; i < n; i++)
        {
            if (double.IsPositiveInfinity(terms[i]) || double.IsNaN(terms[i]))
            {
                throw new ArgumentException($"x row {i} has its k = {k}-th neighbour in x at distance 0 (duplicated samples); the estimate would be +∞.", nameof(x));
            }
        }

        double nats = (columns * CompensatedSum.Of(terms) / n) + Math.Log(m / (n - 1.0));
        return Estimate.NonNegative(nats, logBase, n);
    }
}
