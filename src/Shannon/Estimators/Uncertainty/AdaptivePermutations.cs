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
    /// With no exceedance after at least 100 permutations, stop once the tail approximation's p-value is below this
    /// (the test is decided at any multiple-testing threshold above it). 1e-6 by default.
    /// </summary>
    public double DecisiveTail { get; init; } = 1e-6;

    /// <summary>Checks the schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Initial &lt; 1, Maximum &lt; Initial, Exceedances &lt; 1, or DecisiveTail outside (0, 1).</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Initial, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Maximum, Initial);
        ArgumentOutOfRangeException.ThrowIfLessThan(Exceedances, 1);
        if (!(DecisiveTail > 0 && DecisiveTail < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DecisiveTail), DecisiveTail, $"DecisiveTail must be in (0, 1); got {DecisiveTail}.");
        }
    }
}

/// <summary>What an adaptive permutation test found.</summary>
/// <param name="PValue">The p-value: (1 + exceedances) / (1 + permutations), or, with no exceedance, the smaller of that and the tail approximation.</param>
/// <param name="Permutations">Permutations run.</param>
/// <param name="Exceedances">Permuted statistics at least the observed one.</param>
/// <param name="Method"><c>permutation</c>, or <c>permutation + gaussian tail</c> / <c>permutation + chi-square tail</c> when the tail approximation gave the p-value.</param>
/// <param name="NullMean">The mean of the permuted statistics, in the estimate's unit.</param>
public sealed record PermutationOutcome(double PValue, int Permutations, int Exceedances, string Method, double NullMean);
