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
    /// p-value is then clearly resolved) or until <see cref="AdaptivePermutations.Maximum"/>.
    /// </summary>
    /// <param name="estimate">The estimate on the original pairing.</param>
    /// <param name="rows">n, the number of rows.</param>
    /// <param name="statisticOfPermutation">The estimator's raw value with the second variable's rows in the given order.</param>
    /// <param name="schedule">Batch sizes and stopping rules.</param>
    /// <param name="seed">The seed of the shuffler; shuffle b is <see cref="Shuffle"/>(n, seed, b) as in <see cref="PValue(Estimate, int, Func{int[], double}, int, int)"/>.</param>
    /// <returns>
    /// The counted p-value (1 + b) / (1 + B) after B permutations of which b reached the observed statistic, with B and b;
    /// when b = 0 (<see cref="PermutationOutcome.IsBound"/>) it is 1/(B + 1), the smallest value B permutations can show,
    /// and reads as the bound p &lt; 1/(B + 1).
    /// </returns>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An invalid schedule, or fewer than 2 rows.</exception>
    /// <remarks>
    /// <para>Stopping after h exceedances is Besag &amp; Clifford's sequential test: a feature with a large p-value costs
    /// about h/p permutations, a feature beyond every permutation costs the maximum. The p-value is always the counted one,
    /// never an extrapolation: under independence P(p ≤ α) ≤ α at every α for this schedule (the size is computed
    /// exactly in the tests by the Pólya-urn law of the exceedances, and checked by simulation with the estimators).
    /// A Gaussian or χ² tail fitted beyond the permutations (this method's earlier form) gave p-values such as 10⁻¹⁴⁴
    /// that 160 draws cannot support, and the permutation null of mutual information is right-skewed, so a Gaussian tail
    /// is anti-conservative.</para>
    /// <para>To make a result beyond every permutation decisive among m tests at false discovery rate q, choose
    /// <see cref="AdaptivePermutations.Maximum"/> ≥ m/q − 1: then 1/(B + 1) ≤ q/m and Benjamini–Hochberg rejects it
    /// whatever the other p-values are.</para>
    /// <para>References: Besag, J. &amp; Clifford, P. (1991), Sequential Monte Carlo p-values, Biometrika 78(2), 301–304,
    /// doi:10.1093/biomet/78.2.301; Phipson, B. &amp; Smyth, G. K. (2010), Permutation p-values should never be zero,
    /// Statistical Applications in Genetics and Molecular Biology 9(1), doi:10.2202/1544-6115.1585.</para>
    /// </remarks>
    public static PermutationOutcome Adaptive(
        Estimate estimate, int rows, Func<int[], double> statisticOfPermutation, AdaptivePermutations schedule, int seed = EstimatorDefaults.Seed)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(statisticOfPermutation);
        ArgumentNullException.ThrowIfNull(schedule);
        schedule.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var values = new double[schedule.Maximum];
        int done = 0;
        int atLeast = 0;
        while (atLeast < schedule.Exceedances && done < schedule.Maximum)
        {
            int next = schedule.NextCheckpoint(done);
            int from = done;
            ParallelLoop.For(from, next, b => values[b] = statisticOfPermutation(Shuffle(rows, seed, b)));
            for (int b = from; b < next; b++)
            {
                atLeast += values[b] >= estimate.RawValue ? 1 : 0;
            }

            done = next;
        }

        double mean = CompensatedSum.Of(values.AsSpan(0, done)) / done;
        return new PermutationOutcome((1.0 + atLeast) / (1.0 + done), done, atLeast, "permutation", mean);
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
