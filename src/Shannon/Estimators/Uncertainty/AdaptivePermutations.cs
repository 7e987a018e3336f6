namespace Shannon.Estimators.Uncertainty;

/// <summary>
/// How many permutations <see cref="PermutationTest.Adaptive"/> spends: few where the p-value is clearly large, more
/// where it is small, and none beyond the point where the answer is decided.
/// </summary>
public sealed record AdaptivePermutations
{
    /// <summary>The first batch; later batches double the total. 25 by default.</summary>
    public int Initial { get; init; } = 25;

    /// <summary>The most permutations any one test runs. 1000 by default.</summary>
    public int Maximum { get; init; } = 1000;

    /// <summary>Stop once this many permuted statistics reach the observed one (Besag &amp; Clifford's h). 10 by default.</summary>
    public int Exceedances { get; init; } = 10;

    /// <summary>
    /// The schedule under which a statistic beyond every permutation is decided among <paramref name="tests"/> tests at
    /// false discovery rate <paramref name="falseDiscoveryRate"/>: the defaults with Maximum = max(1000, ⌈m/q⌉ − 1), at most
    /// <paramref name="ceiling"/>.
    /// </summary>
    /// <param name="tests">m, the number of p-values that will be adjusted together.</param>
    /// <param name="falseDiscoveryRate">q, the Benjamini–Hochberg level, in (0, 1).</param>
    /// <param name="ceiling">The most permutations spent on one test, at least 1000 (cost grows as m/q per decided test).</param>
    /// <returns>A schedule whose smallest p-value 1/(Maximum + 1) is at most q/m while m/q − 1 ≤ <paramref name="ceiling"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">m &lt; 1, q outside (0, 1), or a ceiling below 1000.</exception>
    /// <remarks>With p = 1/(B + 1) ≤ q/m, the test is rejected by Benjamini–Hochberg at level q whatever the other m − 1
    /// p-values are (Benjamini, Y. &amp; Hochberg, Y. (1995), JRSS B 57(1), 289–300, doi:10.1111/j.2517-6161.1995.tb02031.x);
    /// below that the counted p-value cannot tell a strong effect from a merely significant one, which no honest p-value
    /// can without more permutations.</remarks>
    public static AdaptivePermutations Decisive(int tests, double falseDiscoveryRate, int ceiling = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tests, 1);
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(falseDiscoveryRate), falseDiscoveryRate, $"falseDiscoveryRate must be in (0, 1); got {falseDiscoveryRate}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ceiling, 1000);
        double needed = Math.Ceiling((tests / falseDiscoveryRate) - 1);
        return new AdaptivePermutations { Maximum = (int)Math.Min(ceiling, Math.Max(1000, needed)) };
    }

    /// <summary>The permutation count at which the test next looks at its exceedances, after <paramref name="done"/>.</summary>
    /// <param name="done">Permutations run so far, in [0, Maximum).</param>
    /// <returns><see cref="Initial"/> after none; then twice <paramref name="done"/>; never more than <see cref="Maximum"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="done"/> is negative or at least Maximum.</exception>
    public int NextCheckpoint(int done)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(done);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(done, Maximum);
        return (int)Math.Min(Maximum, done == 0 ? Initial : 2L * done);
    }

    /// <summary>Checks the schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Initial &lt; 1, Maximum &lt; Initial, or Exceedances &lt; 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Initial, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Maximum, Initial);
        ArgumentOutOfRangeException.ThrowIfLessThan(Exceedances, 1);
    }
}

/// <summary>What an adaptive permutation test found.</summary>
/// <param name="PValue">The counted p-value (1 + exceedances) / (1 + permutations); with no exceedance 1/(B + 1), to be read as the bound p &lt; 1/(B + 1) (<see cref="IsBound"/>).</param>
/// <param name="Permutations">Permutations run.</param>
/// <param name="Exceedances">Permuted statistics at least the observed one.</param>
/// <param name="Method"><c>permutation</c>: the p-value is always counted, never extrapolated beyond the permutations.</param>
/// <param name="NullMean">The mean of the permuted statistics, in the estimate's unit.</param>
public sealed record PermutationOutcome(double PValue, int Permutations, int Exceedances, string Method, double NullMean)
{
    /// <summary>
    /// True when no permutation reached the observed statistic: the permutations show only that the exact permutation
    /// p-value is below 1/(B + 1), and <see cref="PValue"/> = 1/(B + 1) is that bound (still a valid p-value: under
    /// independence P(p ≤ α) ≤ α).
    /// </summary>
    public bool IsBound => Exceedances == 0;
}
