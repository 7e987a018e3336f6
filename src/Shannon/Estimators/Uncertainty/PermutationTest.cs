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
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(statisticOfPermutation);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        int atLeast = 0;
        ParallelLoop.For(0, permutations, b =>
        {
            if (statisticOfPermutation(Shuffle(rows, seed, b)) >= estimate.RawValue)
            {
                Interlocked.Increment(ref atLeast);
            }
        });
        return estimate with { PValue = (1.0 + atLeast) / (1.0 + permutations) };
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
