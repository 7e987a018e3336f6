namespace Shannon.Reports.Information;

/// <summary>
/// Discretises a numeric column into at most <c>bins</c> equal-frequency bins (ties share a bin), so that
/// entropies and NMI can be taken on codes. Columns with no more distinct values than bins keep one code per value.
/// </summary>
internal static class QuantileBins
{
    /// <summary>Bin codes 0 … m − 1 for <paramref name="values"/>; <paramref name="distinct"/> is m.</summary>
    public static int[] Codes(ReadOnlySpan<double> values, int bins, out int distinct)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        double[] unique = sorted.Distinct().ToArray();
        double[] edges = unique.Length <= bins
            ? unique[1..]
            : Enumerable.Range(1, bins - 1).Select(i => sorted[(int)((long)i * sorted.Length / bins)]).Distinct().ToArray();
        var codes = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int at = Array.BinarySearch(edges, values[i]);
            codes[i] = at >= 0 ? at + 1 : ~at;
        }

        distinct = edges.Length + 1;
        return codes;
    }

    /// <summary>How many distinct values <paramref name="values"/> holds.</summary>
    public static int DistinctCount(ReadOnlySpan<double> values) => new HashSet<double>(values.ToArray()).Count;
}
