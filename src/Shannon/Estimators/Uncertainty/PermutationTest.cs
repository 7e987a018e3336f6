using Shannon.Numerics;

namespace Shannon.Estimators.Uncertainty;

/// <summary>
/// The one permutation loop of Shannon: p-values against independence from the statistic recomputed with one
/// variable's rows shuffled, with the +1 correction so that no p-value is 0.
/// </summary>
/// <remarks>
/// p = (1 + #{b : T_b ≥ T}) / (1 + B), comparing raw (unclipped) values. Shuffle b depends only on (seed, b, n)
/// (<see cref="Shuffle"/>), so several statistics (one per feature) tested with one seed see the same shuffles and
/// their p-values are comparable; permutations run in parallel with the same result on any core count. The smallest
/// attainable p-value is 1/(B + 1): to pass a multiple-testing threshold α/m, B must exceed m/α − 1.
/// Reference: Phipson, B. &amp; Smyth, G. K. (2010), Permutation p-values should never be zero, Statistical Applications in
/// Genetics and Molecular Biology 9(1), doi:10.2202/1544-6115.1585.
/// </remarks>
public static class PermutationTest
{
    private const int Purpose = 0x5045524d; // "PERM"

    /// <summary>The tail probability of the observed statistic: the G-test's χ², or a Gaussian fitted to the permuted values.</summary>
    private static double Tail(Estimate estimate, ReadOnlySpan<double> permuted, double? chiSquareDegrees)
    {
        if (chiSquareDegrees is double degrees)
        {
            double g = 2.0 * estimate.N * estimate.Unit.ToNats(Math.Max(0.0, estimate.RawValue));
            return degrees <= 0 ? 1.0 : IncompleteGamma.ChiSquareSurvival(g, degrees);
        }

        double mean = CompensatedSum.Of(permuted) / permuted.Length;
        var squares = default(CompensatedSum);
        foreach (double v in permuted)
        {
            squares.Add((v - mean) * (v - mean));
        }

        double sd = Math.Sqrt(squares.Value / Math.Max(1, permuted.Length - 1));
        if (!(sd > 0))
        {
            return 1.0; // every permutation gave the same value: no spread to extrapolate from
        }

        return IncompleteGamma.NormalCdf(-(estimate.RawValue - mean) / sd);
    }

    /// <summary>Attaches a permutation p-value against independence to an estimate.</summary>
    /// <param name="estimate">The estimate on the original pairing.</param>
    /// <param name="rows">n, the number of rows.</param>
    /// <param name="statisticOfPermutation">The estimator's raw value with the second variable's rows taken in the given order (a permutation of 0…n−1).</param>
    /// <param name="permutations">The number of permutations B.</param>
    /// <param name="seed">The seed of the shuffler; <see cref="EstimatorDefaults.Seed"/> by default.</param>
    /// <returns>The estimate with PValue = (1 + #{b : T_b ≥ T}) / (1 + B).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> or <paramref name="statisticOfPermutation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 permutation or fewer than 2 rows.</exception>
    public static Estimate PValue(Estimate estimate, int rows, Func<int[], double> statisticOfPermutation, int permutations, int seed = EstimatorDefaults.Seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        return PValue(estimate, b => Shuffle(rows, seed, b), statisticOfPermutation, permutations);
    }

    /// <summary>
    /// Attaches a permutation p-value to an estimate, with surrogates drawn by the caller: restricted permutations that keep
    /// a structure of the data (trials, blocks) which the null hypothesis does not break.
    /// </summary>
    /// <param name="estimate">The estimate on the original pairing.</param>
    /// <param name="orderOfPermutation">Permutation b of the rows, a function of b alone (seed it from b) so that the result does not depend on the schedule.</param>
    /// <param name="statisticOfPermutation">The estimator's raw value with the permuted variable's rows taken in the given order.</param>
    /// <param name="permutations">The number of permutations B.</param>
    /// <returns>The estimate with PValue = (1 + #{b : T_b ≥ T}) / (1 + B).</returns>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 permutation.</exception>
    /// <remarks>The p-value is exact (valid at every B) when the surrogates are exchangeable with the original under the
    /// null hypothesis, as for <see cref="Shuffle"/> and for permutations within blocks or of whole blocks; see Phipson &amp;
    /// Smyth (2010), doi:10.2202/1544-6115.1585.</remarks>
    public static Estimate PValue(Estimate estimate, Func<int, int[]> orderOfPermutation, Func<int[], double> statisticOfPermutation, int permutations)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(orderOfPermutation);
        ArgumentNullException.ThrowIfNull(statisticOfPermutation);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        int atLeast = 0;
        ParallelLoop.For(0, permutations, b =>
        {
            if (statisticOfPermutation(orderOfPermutation(b)) >= estimate.RawValue)
            {
                Interlocked.Increment(ref atLeast);
            }
        });
        return estimate with { PValue = (1.0 + atLeast) / (1.0 + permutations) };
    }

    /// <summary>
    /// An adaptive permutation test against independence: the same shuffles as <see cref="PValue(Estimate, int, Func{int[], double}, int, int)"/>, run in batches that
    /// double until <see cref="AdaptivePermutations.Exceedances"/> permuted statistics reach the observed one (the
    /// p-value is then clearly resolved), until a statistic beyond every permutation is decided by a tail
    /// approximation, or until <see cref="AdaptivePermutations.Maximum"/>.
    /// </summary>
    /// <param name="estimate">The estimate on the original pairing.</param>
    /// <param name="rows">n, the number of rows.</param>
    /// <param name="statisticOfPermutation">The estimator's raw value with the second variable's rows in the given order.</param>
    /// <param name="schedule">Batch sizes and stopping rules.</param>
    /// <param name="seed">The seed of the shuffler; shuffle b is <see cref="Shuffle"/>(n, seed, b) as in <see cref="PValue(Estimate, int, Func{int[], double}, int, int)"/>.</param>
    /// <param name="chiSquareDegrees">
    /// For the plug-in estimate: (r − 1)(c − 1), and the tail is the G-test's χ² survival of G = 2 n Î (Î in nats);
    /// null for a Gaussian fitted to the permuted statistics' mean and standard deviation.
    /// </param>
    /// <returns>The p-value with the permutations spent and the method that gave it.</returns>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An invalid schedule, or fewer than 2 rows.</exception>
    /// <remarks>
    /// Stopping after h exceedances is Besag &amp; Clifford's sequential test (p = h / B there; here (1 + h)/(1 + B), the
    /// same +1 form as <see cref="PValue(Estimate, int, Func{int[], double}, int, int)"/>): a feature with a large p-value costs about h/p permutations. With no
    /// exceedance, the count can say only p ≤ 1/(B + 1); below that the p-value is the tail approximation (capped at
    /// 1/(B + 1)), so strong effects are told apart without 10⁵ permutations each. The tail is an approximation and
    /// the method says so. References: Besag, J. &amp; Clifford, P. (1991), Sequential Monte Carlo p-values, Biometrika
    /// 78(2), 301–304, doi:10.1093/biomet/78.2.301; Knijnenburg, T. A. et al. (2009), Fewer permutations, more accurate
    /// P-values, Bioinformatics 25(12), i161–i168, doi:10.1093/bioinformatics/btp211.
    /// </remarks>
    public static PermutationOutcome Adaptive(
        Estimate estimate, int rows, Func<int[], double> statisticOfPermutation, AdaptivePermutations schedule, int seed = EstimatorDefaults.Seed, double? chiSquareDegrees = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(statisticOfPermutation);
        ArgumentNullException.ThrowIfNull(schedule);
        schedule.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var values = new double[schedule.Maximum];
        int done = 0;
        int atLeast = 0;
        double tail = 1.0;
        while (true)
        {
            int next = Math.Min(schedule.Maximum, done == 0 ? schedule.Initial : 2 * done);
            int from = done;
            ParallelLoop.For(from, next, b => values[b] = statisticOfPermutation(Shuffle(rows, seed, b)));
            for (int b = from; b < next; b++)
            {
                atLeast += values[b] >= estimate.RawValue ? 1 : 0;
            }

            done = next;
            if (atLeast >= schedule.Exceedances || done == schedule.Maximum)
            {
                break;
            }

            if (atLeast == 0 && done >= 100)
            {
                tail = Tail(estimate, values.AsSpan(0, done), chiSquareDegrees);
                if (tail < schedule.DecisiveTail)
                {
                    break;
                }
            }
        }

        double counted = (1.0 + atLeast) / (1.0 + done);
        double mean = CompensatedSum.Of(values.AsSpan(0, done)) / done;
        if (atLeast > 0)
        {
            return new PermutationOutcome(counted, done, atLeast, "permutation", mean);
        }

        tail = Tail(estimate, values.AsSpan(0, done), chiSquareDegrees);
        return tail < counted
            ? new PermutationOutcome(tail, done, 0, chiSquareDegrees is null ? "permutation + gaussian tail" : "permutation + chi-square tail", mean)
            : new PermutationOutcome(counted, done, 0, "permutation", mean);
    }

    /// <summary>
    /// Permutation <paramref name="b"/> of 0…n−1, drawn from a generator of its own seeded from (<paramref name="seed"/>, b):
    /// the same for every statistic and every thread count, and never stored, so B × n can exceed memory.
    /// </summary>
    /// <param name="rows">n.</param>
    /// <param name="seed">The user's seed.</param>
    /// <param name="b">The permutation's index.</param>
    /// <returns>A permutation of 0…n−1.</returns>
    public static int[] Shuffle(int rows, int seed, int b)
    {
        var random = new Random(StreamSeed.Of(seed, b, Purpose));
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        return order;
    }
}
