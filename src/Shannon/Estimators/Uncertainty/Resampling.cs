using Shannon.Numerics;

namespace Shannon.Estimators.Uncertainty;

/// <summary>
/// Standard errors, confidence intervals and permutation p-values for any estimator, by resampling rows.
/// The statistic is a function of row indices (the caller gathers its own data), so one routine serves every
/// estimator. Every routine is seeded and deterministic.
/// </summary>
/// <remarks>
/// <para>Bootstrap resamples with replacement, which duplicates rows: k-NN estimators (KSG, Ross, Kozachenko–Leonenko)
/// see those duplicates as neighbours at distance 0 and are biased upward on bootstrap samples, so their bootstrap
/// intervals are wider and shifted; prefer the jackknife or a permutation test for them when n allows.</para>
/// <para>References: Efron, B. &amp; Tibshirani, R. J. (1993), An Introduction to the Bootstrap, Chapman &amp; Hall,
/// doi:10.1201/9780429246593; Efron, B. &amp; Stein, C. (1981), The jackknife estimate of variance, Annals of
/// Statistics 9(3), 586–596, doi:10.1214/aos/1176345462; Phipson, B. &amp; Smyth, G. K. (2010), Permutation p-values
/// should never be zero, Statistical Applications in Genetics and Molecular Biology 9(1), doi:10.2202/1544-6115.1585.</para>
/// </remarks>
public static class Resampling
{
    /// <summary>Attaches a bootstrap standard error and percentile confidence interval to an estimate.</summary>
    /// <param name="estimate">The estimate on all rows.</param>
    /// <param name="statistic">The estimator on a list of row indices (with repeats), returning a value in <paramref name="estimate"/>'s unit.</param>
    /// <param name="replicates">The number of bootstrap samples B; 200 by default.</param>
    /// <param name="level">The confidence level in (0, 1); 0.95 by default.</param>
    /// <param name="seed">The seed of the row sampler.</param>
    /// <returns>
    /// The estimate with StandardError = sample standard deviation of the B replicates (divisor B − 1) and
    /// ConfidenceInterval = their (1 − level)/2 and (1 + level)/2 quantiles (linear interpolation).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 replicates, or a level outside (0, 1).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> or <paramref name="statistic"/> is null.</exception>
    public static Estimate Bootstrap(Estimate estimate, Func<int[], double> statistic, int replicates = 200, double level = 0.95, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(statistic);
        CheckLevel(level);
        if (replicates < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(replicates), replicates, $"replicates must be at least 2; got {replicates}.");
        }

        int n = checked((int)estimate.N);
        var random = new Random(seed);
        var values = new double[replicates];
        var rows = new int[n];
        for (int b = 0; b < replicates; b++)
        {
            for (int i = 0; i < n; i++)
            {
                rows[i] = random.Next(n);
            }

            values[b] = statistic(rows);
        }

        Array.Sort(values);
        double low = Quantile(values, (1 - level) / 2);
        double high = Quantile(values, (1 + level) / 2);
        return estimate with { StandardError = StandardDeviation(values), ConfidenceInterval = new ConfidenceInterval(low, high, level) };
    }

    /// <summary>Attaches a jackknife (leave-one-out) standard error and normal-approximation interval to an estimate.</summary>
    /// <param name="estimate">The estimate on all N rows.</param>
    /// <param name="statistic">The estimator on a list of row indices (here: all rows but one), in <paramref name="estimate"/>'s unit.</param>
    /// <param name="level">The confidence level in (0, 1); 0.95 by default.</param>
    /// <returns>
    /// The estimate with StandardError = √((N − 1)/N Σᵢ (θ̂₍₋ᵢ₎ − θ̄)²) and ConfidenceInterval = value ± z SE, z = Φ⁻¹((1 + level)/2).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A level outside (0, 1).</exception>
    /// <exception cref="ArgumentException">The estimate has fewer than 2 rows.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> or <paramref name="statistic"/> is null.</exception>
    /// <remarks>N evaluations of the statistic: use it for cheap estimators or moderate N.</remarks>
    public static Estimate Jackknife(Estimate estimate, Func<int[], double> statistic, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(statistic);
        CheckLevel(level);
        int n = checked((int)estimate.N);
        if (n < 2)
        {
            throw new ArgumentException($"The jackknife needs at least 2 rows; the estimate has {n}.", nameof(estimate));
        }

        var values = new double[n];
        var rows = new int[n - 1];
        for (int leftOut = 0; leftOut < n; leftOut++)
        {
            for (int i = 0, r = 0; i < n; i++)
            {
                if (i != leftOut)
                {
                    rows[r++] = i;
                }
            }

            values[leftOut] = statistic(rows);
        }

        double mean = CompensatedSum.Of(values) / n;
        var squares = default(CompensatedSum);
        foreach (double v in values)
        {
            squares.Add((v - mean) * (v - mean));
        }

        double se = Math.Sqrt((n - 1.0) / n * squares.Value);
        double z = IncompleteGamma.NormalQuantile((1 + level) / 2);
        return estimate with { StandardError = se, ConfidenceInterval = new ConfidenceInterval(estimate.Value - (z * se), estimate.Value + (z * se), level) };
    }

    /// <summary>Attaches a permutation p-value against independence: the statistic recomputed with one variable's rows shuffled.</summary>
    /// <param name="estimate">The estimate on the original pairing.</param>
    /// <param name="statisticOfPermutation">The estimator with the second variable's rows taken in the given order (a permutation of 0…N−1).</param>
    /// <param name="permutations">The number of permutations B; 1000 by default.</param>
    /// <param name="seed">The seed of the shuffler.</param>
    /// <returns>The estimate with PValue = (1 + #{b : T_b ≥ T}) / (1 + B), comparing raw values (never 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 permutation.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> or <paramref name="statisticOfPermutation"/> is null.</exception>
    public static Estimate Permutation(Estimate estimate, Func<int[], double> statisticOfPermutation, int permutations = 1000, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(statisticOfPermutation);
        if (permutations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permutations), permutations, $"permutations must be at least 1; got {permutations}.");
        }

        int n = checked((int)estimate.N);
        var random = new Random(seed);
        var order = new int[n];
        int atLeast = 0;
        for (int b = 0; b < permutations; b++)
        {
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            random.Shuffle(order);
            atLeast += statisticOfPermutation(order) >= estimate.RawValue ? 1 : 0;
        }

        return estimate with { PValue = (1.0 + atLeast) / (1.0 + permutations) };
    }

    private static void CheckLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"level must be in (0, 1); got {level}.");
        }
    }

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = CompensatedSum.Of(values) / values.Length;
        var squares = default(CompensatedSum);
        foreach (double v in values)
        {
            squares.Add((v - mean) * (v - mean));
        }

        return Math.Sqrt(squares.Value / (values.Length - 1));
    }
}
