using Shannon.Numerics;

namespace Shannon.Selection;

/// <summary>Plug-in (maximum-likelihood) information terms of discrete variables from their counts.</summary>
internal static class DiscreteInformation
{
    /// <summary>
    /// Plug-in I(X;Y) = Σᵢⱼ (nᵢⱼ/N) log(N nᵢⱼ / (nᵢ· n·ⱼ)) in nats, clamped at 0 against rounding; the form of
    /// scikit-learn's mutual_info_score.
    /// </summary>
    public static double MutualInformation(Contingency table)
    {
        if (table.Total == 0)
        {
            return 0.0;
        }

        long[] rowTotals = table.RowTotals();
        long[] columnTotals = table.ColumnTotals();
        double total = table.Total;
        var sum = default(CompensatedSum);
        var rows = table.Rows;
        var columns = table.Columns;
        var counts = table.Counts;
        for (int i = 0; i < counts.Length; i++)
        {
            long n = counts[i];
            if (n > 0)
            {
                // One log of the ratio, so exact independence (N nᵢⱼ = nᵢ· n·ⱼ) contributes exactly 0.
                sum.Add(n * Math.Log(n * total / ((double)rowTotals[rows[i]] * columnTotals[columns[i]])));
            }
        }

        return Math.Max(0.0, sum.Value / table.Total);
    }
}
