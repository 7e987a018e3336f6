namespace Shannon.Estimators.Discrete;

/// <summary>
/// Label coding, written once: dense integer codes 0…m−1 for labels of any type (in order of first appearance),
/// joint codes for tuples, and counts per code. <see cref="Variable"/> and every discrete estimator use it.
/// </summary>
public static class LabelCodes
{
    /// <summary>Codes in order of first appearance; <paramref name="distinct"/> receives m.</summary>
    public static int[] Encode<T>(ReadOnlySpan<T> labels, out int distinct)
        where T : notnull
    {
        var codes = new int[labels.Length];
        var general = new Dictionary<T, int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (!general.TryGetValue(labels[i], out int code))
            {
                code = general.Count;
                general.Add(labels[i], code);
            }

            codes[i] = code;
        }

        distinct = general.Count;
        return codes;
    }

    /// <summary>Codes of the pairs (a, b), where b has <paramref name="bDistinct"/> codes; <paramref name="distinct"/> receives the number of observed pairs.</summary>
    public static int[] Combine(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int bDistinct, out int distinct)
    {
        var pairs = new long[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            pairs[i] = ((long)a[i] * bDistinct) + b[i];
        }

        return Encode<long>(pairs, out distinct);
    }

    /// <summary>Occurrences of each code 0…m−1.</summary>
    public static long[] Counts(ReadOnlySpan<int> codes, int m)
    {
        var counts = new long[m];
        foreach (int code in codes)
        {
            counts[code]++;
        }

        return counts;
    }
}
