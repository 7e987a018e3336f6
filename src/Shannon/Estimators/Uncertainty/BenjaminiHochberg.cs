namespace Shannon.Estimators.Uncertainty;

/// <summary>Benjamini–Hochberg adjusted p-values (q-values) controlling the false discovery rate across many tests.</summary>
public static class BenjaminiHochberg
{
    /// <summary>The BH-adjusted p-value of each test: rejecting every test with q ≤ α keeps the expected false discovery rate ≤ α.</summary>
    /// <param name="pValues">The m p-values, each in [0, 1].</param>
    /// <returns>q₍ᵢ₎ = min over j ≥ i of min(1, m p₍ⱼ₎ / j) for the p-values sorted ascending, returned in input order; unitless in [0, 1].</returns>
    /// <exception cref="ArgumentException"><paramref name="pValues"/> is empty or has a value outside [0, 1] (NaN included).</exception>
    /// <remarks>
    /// Valid for independent or positively dependent tests. q ≥ p; equal p-values get equal q-values; one test gives q = p.
    /// Equals scipy's <c>scipy.stats.false_discovery_control(p, method='bh')</c> and R's <c>p.adjust(p, "BH")</c>.
    /// Reference: Benjamini, Y. &amp; Hochberg, Y. (1995), Controlling the false discovery rate: a practical and powerful
    /// approach to multiple testing, Journal of the Royal Statistical Society B 57(1), 289–300,
    /// doi:10.1111/j.2517-6161.1995.tb02031.x.
    /// </remarks>
    public static double[] QValues(ReadOnlySpan<double> pValues)
    {
        if (pValues.IsEmpty)
        {
            throw new ArgumentException("pValues is empty; there is nothing to adjust.", nameof(pValues));
        }

        for (int i = 0; i < pValues.Length; i++)
        {
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
            {
                throw new ArgumentException($"pValues[{i}] = {pValues[i]} is not a probability in [0, 1].", nameof(pValues));
            }
        }

        int m = pValues.Length;
        int[] order = new int[m];
        for (int i = 0; i < m; i++)
        {
            order[i] = i;
        }

        double[] sorted = pValues.ToArray();
        Array.Sort((double[])sorted.Clone(), order);
        var q = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--)
        {
            int index = order[rank - 1];
            running = Math.Min(running, Math.Min(1.0, m * sorted[index] / rank));
            q[index] = Math.Max(running, sorted[index]); // q ≥ p exactly, also where m p / m rounds below p
        }

        return q;
    }
}
