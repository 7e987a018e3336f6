using System.Numerics.Tensors;
using Shannon.Numerics;

namespace Shannon.Bottleneck;

/// <summary>
/// The iterative information bottleneck of Tishby, Pereira &amp; Bialek: a soft encoder p(t|x) that minimises
/// I(X;T) − β I(T;Y) for a joint p(x, y), and deterministic annealing over β to trace the IB curve.
/// </summary>
/// <remarks>
/// The self-consistent equations p(t|x) ∝ p(t) exp(−β D(p(y|x) ‖ p(y|t))), p(t) = Σₓ p(x) p(t|x) and
/// p(y|t) = Σₓ p(y|x) p(t|x) p(x) / p(t) are iterated to a fixed point; each step does not increase the objective.
/// References: Tishby, N., Pereira, F. C. &amp; Bialek, W. (1999), The information bottleneck method, Proc. 37th
/// Allerton Conference, 368–377, arXiv:physics/0004057, doi:10.48550/arXiv.physics/0004057; Slonim, N. (2002),
/// The Information Bottleneck: Theory and Applications, PhD thesis, Hebrew University, ch. 3 (deterministic annealing).
/// </remarks>
public static class InformationBottleneck
{
    /// <summary>The relative size of the seeded multiplicative noise that lets annealing split clusters at each new β.</summary>
    private const double AnnealingPerturbation = 0.02;

    /// <summary>Starts tried by <see cref="Iterative"/> by default: the seeded random start, an annealed start and six more random ones.</summary>
    public const int DefaultRestarts = 8;

    /// <summary>The smallest β of the annealed start's schedule (below every first split, which needs β ≥ 1).</summary>
    private const double AnnealingFrom = 0.1;

    /// <summary>Steps of the annealed start's geometric schedule up to the target β.</summary>
    private const int AnnealingSteps = 40;

    /// <summary>The x values normalised together: |T| × 256 doubles (up to 60 KB at |T| = 30) stay in cache.</summary>
    private const int BlockLength = 256;

    /// <summary>Solves the IB at one β from several seeded starts, keeping the encoder with the least IB Lagrangian I(X;T) − β I(T;Y).</summary>
    /// <param name="joint">p(x, y), row-major <paramref name="xCount"/> × <paramref name="yCount"/>; non-negative, summing to 1.</param>
    /// <param name="xCount">|X|, the rows of <paramref name="joint"/>.</param>
    /// <param name="yCount">|Y|, the columns of <paramref name="joint"/>.</param>
    /// <param name="beta">The trade-off β ≥ 0 (finite): 0 compresses everything away, large β keeps all relevant information.</param>
    /// <param name="clusters">|T| ≥ 1, the cardinality of the bottleneck variable.</param>
    /// <param name="seed">Seeds the starts; the result is a deterministic function of the inputs.</param>
    /// <param name="tolerance">Stop when no entry of p(t|x) moves by more than this in one iteration; &gt; 0.</param>
    /// <param name="maxIterations">The iteration limit of each start; ≥ 1.</param>
    /// <param name="logBase">The unit of the informations; nats by default.</param>
    /// <param name="restarts">Starts to try, ≥ 1: the random encoder of <paramref name="seed"/>, then a deterministic-annealing start, then random encoders of seeds derived from <paramref name="seed"/>.</param>
    /// <returns>
    /// The best fixed point found, with I(X;T) and I(T;Y) in the unit of <paramref name="logBase"/>;
    /// 0 ≤ I(T;Y) ≤ min(I(X;T), I(X;Y)). <see cref="BottleneckSolution.Restarts"/> is <paramref name="restarts"/>;
    /// <see cref="BottleneckSolution.Converged"/> and <see cref="BottleneckSolution.Iterations"/> are those of the chosen start.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have the stated shape, has a bad entry or does not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1, the |X| × |T| encoder or |T| × |Y| decoder would not fit one array (named <paramref name="clusters"/>), <paramref name="beta"/> is negative or not finite, <paramref name="tolerance"/> is not positive, or <paramref name="maxIterations"/> or <paramref name="restarts"/> is below 1.</exception>
    /// <remarks>
    /// Each fixed point is a local optimum, and from one random start it can be a poor one (on a 17 × 10 joint from the
    /// digits data, I(T;Y) = 0.058 nats where other starts reach 0.294), so several starts are compared by the objective
    /// the iteration minimises. The annealed start follows Slonim (2002, ch. 3): β rises geometrically from
    /// min(0.1, β) in 40 steps, each from the previous encoder slightly perturbed, so clusters split at their critical
    /// β as they do in a sweep. Ties keep the earlier start. As β → 0 the encoder forgets X (I(X;T) → 0);
    /// as β → ∞ with |T| ≥ |X| it keeps all of I(X;Y). Rows with p(x) = 0 get p(t|x) = p(t) (they weigh nothing).
    /// References as the class.
    /// </remarks>
    public static BottleneckSolution Iterative(
        ReadOnlySpan<double> joint, int xCount, int yCount, double beta, int clusters, int seed = 0,
        double tolerance = 1e-9, int maxIterations = 10_000, LogBase logBase = default, int restarts = DefaultRestarts)
    {
        var problem = new BottleneckProblem(joint, xCount, yCount, clusters);
        BottleneckGuard.Beta(beta, nameof(beta));
        Guard.Positive(tolerance, nameof(tolerance));
        BottleneckGuard.IterationLimit(maxIterations);
        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        var workspace = new Workspace(problem);
        double[]? best = null;
        (int Iterations, bool Converged) bestRun = default;
        double bestObjective = double.PositiveInfinity;
        for (int start = 0; start < restarts; start++)
        {
            // Start 0 is the seed's own random encoder (the single-start answer); 1 anneals; the rest use derived seeds.
            var random = new Random(start == 0 ? seed : unchecked((seed * 7919) + start));
            var encoder = start == 1 ? AnnealedStart(problem, workspace, beta, random, tolerance, maxIterations) : problem.RandomEncoder(random, hard: false);
            var run = Iterate(problem, workspace, encoder, beta, tolerance, maxIterations);
            var point = problem.Solution(encoder, beta, run.Iterations, run.Converged, LogBase.Nats);
            double objective = point.CompressionInformation - (beta * point.RelevantInformation);
            if (best is null || objective < bestObjective)
            {
                (best, bestRun, bestObjective) = (encoder, run, objective);
            }
        }

        return problem.Solution(best!, beta, bestRun.Iterations, bestRun.Converged, logBase) with { Restarts = restarts };
    }

    /// <summary>
    /// The deterministic-annealing start for β: a random encoder carried through a geometric schedule from
    /// min(<see cref="AnnealingFrom"/>, β) up to just below β, perturbed before each step as in <see cref="Anneal"/>.
    /// </summary>
    private static double[] AnnealedStart(BottleneckProblem problem, Workspace workspace, double beta, Random random, double tolerance, int maxIterations)
    {
        var encoder = problem.RandomEncoder(random, hard: false);
        if (beta == 0)
        {
            return encoder;
        }

        double from = Math.Min(AnnealingFrom, beta);
        for (int i = 0; i < AnnealingSteps; i++)
        {
            if (i > 0)
            {
                Perturb(encoder, problem.XCount, problem.Clusters, random);
            }

            Iterate(problem, workspace, encoder, from * Math.Pow(beta / from, i / (double)AnnealingSteps), tolerance, maxIterations);
        }

        Perturb(encoder, problem.XCount, problem.Clusters, random);
        return encoder;
    }

    /// <summary>Traces the IB curve by deterministic annealing: each β starts from the previous β's encoder, slightly perturbed.</summary>
    /// <param name="joint">p(x, y), row-major <paramref name="xCount"/> × <paramref name="yCount"/>; non-negative, summing to 1.</param>
    /// <param name="xCount">|X|.</param>
    /// <param name="yCount">|Y|.</param>
    /// <param name="betas">The trade-offs, finite, ≥ 0 and non-decreasing (annealing cools from small to large β).</param>
    /// <param name="clusters">|T| ≥ 1.</param>
    /// <param name="seed">Seeds the initial encoder and the perturbations.</param>
    /// <param name="tolerance">The per-β stopping rule on the largest change of p(t|x); &gt; 0.</param>
    /// <param name="maxIterations">The per-β iteration limit; ≥ 1.</param>
    /// <param name="logBase">The unit of the informations; nats by default.</param>
    /// <param name="progress">Told the number of β solved after each one (1, 2, …, <c>betas.Length</c>), on the calling thread; null for none.</param>
    /// <returns>One solution per β in the order given: the points (I(X;T), I(T;Y)) of the IB curve, both non-decreasing in β up to the tolerance.</returns>
    /// <exception cref="ArgumentException">As <see cref="Iterative"/>; also when <paramref name="betas"/> is empty, has a negative or non-finite entry, or decreases.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Iterative"/>.</exception>
    /// <remarks>
    /// Clusters split at critical β values (phase transitions); the seeded multiplicative noise of 2 % added at every
    /// step breaks the symmetry of coincident clusters so that they can split. References as the class.
    /// </remarks>
    public static BottleneckSolution[] Anneal(
        ReadOnlySpan<double> joint, int xCount, int yCount, ReadOnlySpan<double> betas, int clusters, int seed = 0,
        double tolerance = 1e-9, int maxIterations = 10_000, LogBase logBase = default, IProgress<int>? progress = null)
    {
        var problem = new BottleneckProblem(joint, xCount, yCount, clusters);
        Betas(betas, nameof(betas), nonDecreasing: true);
        Guard.Positive(tolerance, nameof(tolerance));
        BottleneckGuard.IterationLimit(maxIterations);
        var random = new Random(seed);
        var encoder = problem.RandomEncoder(random, hard: false);
        var solutions = new BottleneckSolution[betas.Length];
        var workspace = new Workspace(problem);
        for (int i = 0; i < betas.Length; i++)
        {
            if (i > 0)
            {
                Perturb(encoder, xCount, clusters, random);
            }

            (int iterations, bool converged) = Iterate(problem, workspace, encoder, betas[i], tolerance, maxIterations);
            solutions[i] = problem.Solution(encoder, betas[i], iterations, converged, logBase);
            progress?.Report(i + 1);
        }

        return solutions;
    }

    /// <summary>Validates a β sweep: not empty, finite, ≥ 0, and (when asked) non-decreasing.</summary>
    internal static void Betas(ReadOnlySpan<double> betas, string paramName, bool nonDecreasing)
    {
        Guard.NotEmpty(betas, paramName);
        Guard.NonNegativeFinite(betas, paramName);
        for (int i = 1; nonDecreasing && i < betas.Length; i++)
        {
            if (betas[i] < betas[i - 1])
            {
                throw new ArgumentException(
                    $"{paramName} decreases at index {i} ({Guard.Format(betas[i - 1])} then {Guard.Format(betas[i])}); annealing needs β in non-decreasing order.",
                    paramName);
            }
        }
    }

    /// <summary>
    /// Iterates the self-consistent equations from <paramref name="encoder"/> (updated in place) until no p(t|x) moves by
    /// more than <paramref name="tolerance"/>. Each iteration recomputes p(t) and p(y|t), then, block by block of
    /// <see cref="BlockLength"/> x values so that the |T| × block scores stay in cache, scores, normalises over t
    /// (max-shifted) and writes the new encoder, in the <paramref name="workspace"/> allocated once per solve or sweep.
    /// </summary>
    private static (int Iterations, bool Converged) Iterate(
        BottleneckProblem problem, Workspace workspace, double[] encoder, double beta, double tolerance, int maxIterations)
    {
        int xCount = problem.XCount;
        int block = workspace.Column.Length;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            problem.Update(encoder);
            double change = 0.0;
            for (int start = 0; start < xCount; start += block)
            {
                int length = Math.Min(block, xCount - start);
                change = Math.Max(change, NormaliseBlock(problem, beta, encoder, start, length, workspace.Scores, workspace.Column.AsSpan(0, length)));
            }

            if (change <= tolerance)
            {
                return (iteration, true);
            }
        }

        return (maxIterations, false);
    }

    /// <summary>
    /// p(t|x) = exp(s(t, x) − maxₜ s) / Σₜ exp(s(t, x) − maxₜ s) for the x in one block, written into the transposed
    /// <paramref name="encoder"/>; returns the largest change of an entry.
    /// </summary>
    private static double NormaliseBlock(
        BottleneckProblem problem, double beta, double[] encoder, int start, int length, double[] scores, Span<double> column)
    {
        int xCount = problem.XCount;
        int clusters = problem.Clusters;
        var block = scores.AsSpan(0, clusters * length);
        problem.Scores(beta, start, length, block);

        // Rows of the |T| × length block are combined element-wise: the max over t, then the sum over t.
        block[..length].CopyTo(column);
        for (int t = 1; t < clusters; t++)
        {
            TensorPrimitives.Max(column, block.Slice(t * length, length), column);
        }

        for (int t = 0; t < clusters; t++)
        {
            var row = block.Slice(t * length, length);
            TensorPrimitives.Subtract(row, column, row);
        }

        TensorPrimitives.Exp(block, block);
        block[..length].CopyTo(column);
        for (int t = 1; t < clusters; t++)
        {
            TensorPrimitives.Add(column, block.Slice(t * length, length), column);
        }

        double change = 0.0;
        for (int t = 0; t < clusters; t++)
        {
            var row = block.Slice(t * length, length);
            var current = encoder.AsSpan((t * xCount) + start, length);
            TensorPrimitives.Divide(row, column, row);
            TensorPrimitives.Subtract(current, row, current);
            change = Math.Max(change, Math.Abs(TensorPrimitives.MaxMagnitude<double>(current)));
            row.CopyTo(current);
        }

        return change;
    }

    /// <summary>The buffers of <see cref="Iterate"/>, allocated once per solve or sweep: |T| × block scores and the block's column sums.</summary>
    private sealed record Workspace(double[] Scores, double[] Column)
    {
        public Workspace(BottleneckProblem problem)
            : this(new double[problem.Clusters * Math.Min(problem.XCount, BlockLength)], new double[Math.Min(problem.XCount, BlockLength)])
        {
        }
    }

    /// <summary>Multiplies every p(t|x) by 1 + 0.02 u with u uniform on [−1, 1], then renormalises each x.</summary>
    private static void Perturb(double[] encoder, int xCount, int clusters, Random random)
    {
        for (int x = 0; x < xCount; x++)
        {
            double total = 0.0;
            for (int t = 0; t < clusters; t++)
            {
                ref double weight = ref encoder[(t * xCount) + x];
                weight *= 1.0 + (AnnealingPerturbation * ((2.0 * random.NextDouble()) - 1.0));
                total += weight;
            }

            for (int t = 0; t < clusters; t++)
            {
                encoder[(t * xCount) + x] /= total;
            }
        }
    }
}
