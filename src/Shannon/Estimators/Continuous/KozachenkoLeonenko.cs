using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The Kozachenko–Leonenko k-nearest-neighbour estimator of differential entropy in any dimension, under the
/// max-norm: ĥ = ψ(N) − ψ(k) + d ln 2 + (d/N) Σᵢ ln rᵢ, where rᵢ is the max-norm distance from sample i to its k-th
/// nearest neighbour and 2^d is the volume of the unit max-norm ball.
/// </summary>
/// <param name="K">The neighbour order; 3 by default.</param>
/// <remarks>
/// <para>Asymptotically unbiased and consistent for densities with mild regularity; for finite N the bias depends on
/// the curvature of the density (small for smooth densities, downward near hard edges such as a uniform's). Not
/// scale invariant: ĥ(aX) = ĥ(X) + d ln |a|, as the true differential entropy. The samples are used as given.</para>
/// <para>Duplicated points make rᵢ = 0 and the estimate −∞; that is reported as an error naming the row.</para>
/// <para>References: Kozachenko, L. F. &amp; Leonenko, N. N. (1987), Sample estimate of the entropy of a random vector,
/// Problems of Information Transmission 23(2), 95–101; Kraskov, A., Stögbauer, H. &amp; Grassberger, P. (2004),
/// Physical Review E 69, 066138, eq. (20), doi:10.1103/PhysRevE.69.066138.</para>
/// </remarks>
public sealed record KozachenkoLeonenko(int K = EstimatorDefaults.K) : IDifferentialEntropyEstimator
{
    /// <inheritdoc/>
    public string Name => "kl";

    /// <summary>Estimates the differential entropy of a variable given as numbers, of any dimension.</summary>
    /// <param name="x">The samples.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ in the unit of <paramref name="logBase"/> (any sign), with N.</returns>
    /// <exception cref="ArgumentException">A variable of labels, no more samples than k, or duplicated rows at the k-th neighbour.</exception>
    public Estimate Entropy(Variable x, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DifferentialEntropy(VariableChecks.Numbers(x, Name, nameof(x)), x.Dimension, logBase);
    }

    /// <summary>Estimates the differential entropy of the distribution of the rows of x.</summary>
    /// <param name="x">Samples, n rows × <paramref name="columns"/>, row-major; finite.</param>
    /// <param name="columns">The dimension d; 1 by default.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ in the unit of <paramref name="logBase"/> (any sign), with N.</returns>
    /// <exception cref="ArgumentException">Empty input, a bad shape, a non-finite entry, no more samples than k, or a row whose k-th neighbour is at distance 0 (duplicates).</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or a non-positive column count.</exception>
    public Estimate DifferentialEntropy(ReadOnlySpan<double> x, int columns = 1, LogBase logBase = default)
    {
        SampleRows.ValidK(K);
        int n = SampleRows.Count(x, columns, nameof(x), nameof(columns));
        SampleRows.EnoughForNeighbours(n, K, nameof(x));
        double[] rows = x.ToArray();
        IOwnNeighbourSearch tree = IOwnNeighbourSearch.Over(rows, n, columns);
        var logRadius = new double[n];
        int k = K;
        PointRanges.For(n, (begin, end) =>
        {
            var neighbours = new int[k];
            var distances = new double[k];
            for (int position = begin; position < end; position++)
            {
                logRadius[tree.OriginalIndex(position)] = Math.Log(tree.KthNeighbourDistanceAt(position, k, neighbours, distances));
            }
        });
        for (int i = 0; i < n; i++)
        {
            if (double.IsNegativeInfinity(logRadius[i]))
            {
                throw new ArgumentException($"x row {i} has its k = {k}-th neighbour at distance 0 (duplicated samples); the estimate would be −∞. Remove duplicates or add jitter.", nameof(x));
            }
        }

        double nats = SpecialFunctions.Digamma(n) - SpecialFunctions.Digamma(k) + (columns * Math.Log(2.0)) + (columns * CompensatedSum.Of(logRadius) / n);
        return Estimate.Signed(nats, logBase, n);
    }
}
