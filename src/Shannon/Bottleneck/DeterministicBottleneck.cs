namespace Shannon.Bottleneck;

/// <summary>
/// The deterministic information bottleneck of Strouse &amp; Schwab: a hard clustering t = f(x) that minimises
/// H(T) − β I(T;Y) for a joint p(x, y).
/// </summary>
/// <remarks>
/// Iterates f(x) = argmaxₜ [log p(t) − β D(p(y|x) ‖ p(y|t))] with p(t) and p(y|t) recomputed from f, until no
/// assignment changes. Reference: Strouse, D. J. &amp; Schwab, D. J. (2017), The deterministic information
/// bottleneck, Neural Computation 29(6), 1611–1630, doi:10.1162/NECO_a_00961.
/// </remarks>
public static class DeterministicBottleneck
{
    /// <summary>Solves the deterministic IB at one β from a seeded random assignment.</summary>
    /// <param name="joint">p(x, y), row-major <paramref name="xCount"/> × <paramref name="yCount"/>; non-negative, summing to 1.</param>
    /// <param name="xCount">|X|.</param>
    /// <param name="yCount">|Y|.</param>
    /// <param name="beta">The trade-off β ≥ 0 (finite).</param>
    /// <param name="clusters">|T| ≥ 1, the most clusters the assignment may use.</param>
    /// <param name="seed">Seeds the random initial assignment.</param>
    /// <param name="maxIterations">The iteration limit; ≥ 1.</param>
    /// <param name="logBase">The unit of the informations; nats by default.</param>
    /// <returns>
    /// A one-hot encoder with I(X;T) = H(T) and I(T;Y) in the unit of <paramref name="logBase"/>; clusters that
    /// lose all their members stay empty (p(t) = 0).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have the stated shape, has a bad entry or does not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1, the |X| × |T| encoder or |T| × |Y| decoder would not fit one array (named <paramref name="clusters"/>), <paramref name="beta"/> is negative or not finite, or <paramref name="maxIterations"/> is below 1.</exception>
    /// <remarks>
    /// Ties go to the lowest cluster index. Small β merges everything into one cluster (H(T) = 0); large β
    /// approaches a hard clustering that keeps I(X;Y). A row with p(x) = 0 joins the largest cluster. Reference as the class.
    /// </remarks>
    public static BottleneckSolution Solve(
        ReadOnlySpan<double> joint, int xCount, int yCount, double beta, int clusters, int seed = 0,
        int maxIterations = 1_000, LogBase logBase = default)
    {
        var problem = new BottleneckProblem(joint, xCount, yCount, clusters);
        BottleneckGuard.Beta(beta, nameof(beta));
        BottleneckGuard.IterationLimit(maxIterations);
        return Solve(problem, beta, seed, maxIterations, logBase);
    }

    /// <summary>Solves the deterministic IB at every β of a sweep, each from the same seeded random assignment.</summary>
    /// <param name="joint">p(x, y), row-major <paramref name="xCount"/> × <paramref name="yCount"/>.</param>
    /// <param name="xCount">|X|.</param>
    /// <param name="yCount">|Y|.</param>
    /// <param name="betas">The trade-offs; finite and ≥ 0, in any order.</param>
    /// <param name="clusters">|T| ≥ 1.</param>
    /// <param name="seed">Seeds the initial assignment of every β.</param>
    /// <param name="maxIterations">The per-β iteration limit; ≥ 1.</param>
    /// <param name="logBase">The unit of the informations; nats by default.</param>
    /// <returns>One solution per β, in the order given: the deterministic IB curve H(T) vs I(T;Y).</returns>
    /// <exception cref="ArgumentException">As <see cref="Solve(ReadOnlySpan{double}, int, int, double, int, int, int, LogBase)"/>; also when <paramref name="betas"/> is empty or has a negative or non-finite entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Solve(ReadOnlySpan{double}, int, int, double, int, int, int, LogBase)"/>.</exception>
    /// <remarks>
    /// Every β restarts from the random assignment instead of the previous β's answer: a hard clustering that has
    /// merged into fewer clusters can never split again, so warm starts would stay stuck. Reference as the class.
    /// </remarks>
    public static BottleneckSolution[] Sweep(
        ReadOnlySpan<double> joint, int xCount, int yCount, ReadOnlySpan<double> betas, int clusters, int seed = 0,
        int maxIterations = 1_000, LogBase logBase = default)
    {
        var problem = new BottleneckProblem(joint, xCount, yCount, clusters);
        InformationBottleneck.Betas(betas, nameof(betas), nonDecreasing: false);
        BottleneckGuard.IterationLimit(maxIterations);
        var solutions = new BottleneckSolution[betas.Length];
        for (int i = 0; i < betas.Length; i++)
        {
            solutions[i] = Solve(problem, betas[i], seed, maxIterations, logBase);
        }

        return solutions;
    }

    private static BottleneckSolution Solve(BottleneckProblem problem, double beta, int seed, int maxIterations, LogBase logBase)
    {
        int xCount = problem.XCount;
        int clusters = problem.Clusters;
        var encoder = problem.RandomEncoder(new Random(seed), hard: true);
        var scores = new double[clusters * xCount];
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            problem.Update(encoder);
            problem.Scores(beta, scores);
            bool changed = false;
            for (int x = 0; x < xCount; x++)
            {
                int best = 0;
                int current = 0;
                for (int t = 0; t < clusters; t++)
                {
                    if (scores[(t * xCount) + x] > scores[(best * xCount) + x])
                    {
                        best = t;
                    }

                    if (encoder[(t * xCount) + x] == 1.0)
                    {
                        current = t;
                    }
                }

                if (best != current)
                {
                    encoder[(current * xCount) + x] = 0.0;
                    encoder[(best * xCount) + x] = 1.0;
                    changed = true;
                }
            }

            if (!changed)
            {
                return problem.Solution(encoder, beta, iteration, converged: true, logBase);
            }
        }

        return problem.Solution(encoder, beta, maxIterations, converged: false, logBase);
    }
}
