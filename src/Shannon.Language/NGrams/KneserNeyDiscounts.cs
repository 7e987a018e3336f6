namespace Shannon.Language.NGrams;

/// <summary>The three discounts of modified Kneser–Ney for one order, from its count-of-counts.</summary>
internal static class KneserNeyDiscounts
{
    /// <summary>KenLM's <c>--discount_fallback</c> values, used when the estimates are undefined or out of range.</summary>
    internal static ReadOnlySpan<double> Fallback => [0.5, 1.0, 1.5];

    /// <summary>
    /// Y = n₁ / (n₁ + 2n₂), D₁ = 1 − 2Y n₂/n₁, D₂ = 2 − 3Y n₃/n₂, D₃₊ = 3 − 4Y n₄/n₃ (Chen &amp; Goodman 1998, eq. 26),
    /// written into <paramref name="destination"/>[1 … 3]. When some nᵢ (i = 1 … 4) is 0 or some Dᵢ falls outside
    /// (0, i], all three are replaced by <see cref="Fallback"/>.
    /// </summary>
    /// <param name="countOfCounts">Entry i (1 … 4) is the number of n-grams of this order with count exactly i.</param>
    /// <param name="destination">Four slots; slot 0 is left untouched.</param>
    internal static void Estimate(ReadOnlySpan<long> countOfCounts, Span<double> destination)
    {
        double n1 = countOfCounts[1], n2 = countOfCounts[2], n3 = countOfCounts[3], n4 = countOfCounts[4];
        if (n1 > 0 && n2 > 0 && n3 > 0 && n4 > 0)
        {
            double y = n1 / (n1 + (2 * n2));
            double d1 = 1 - (2 * y * n2 / n1);
            double d2 = 2 - (3 * y * n3 / n2);
            double d3 = 3 - (4 * y * n4 / n3);
            if (d1 is > 0 and <= 1 && d2 is > 0 and <= 2 && d3 is > 0 and <= 3)
            {
                destination[1] = d1;
                destination[2] = d2;
                destination[3] = d3;
                return;
            }
        }

        Fallback.CopyTo(destination[1..]);
    }
}
