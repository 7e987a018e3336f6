namespace Shannon.Selection;

/// <summary>Counting of code pairs: a dense array when the product of the category counts is small, a hash map otherwise.</summary>
internal static class CodeCounting
{
    /// <summary>Largest xCount·yCount for which a dense count array is used (32 MB of longs).</summary>
    private const long DenseLimit = 1L << 22;

    /// <summary>Non-empty cells keyed by x·yCount + y, in ascending key order.</summary>
    public static List<KeyValuePair<long, long>> CountPairs(ReadOnlySpan<int> x, ReadOnlySpan<int> y, int yCount)
    {
        int xMax = 0;
        foreach (int code in x)
        {
            xMax = Math.Max(xMax, code);
        }

        long cellsNeeded = (xMax + 1L) * yCount;
        var cells = new List<KeyValuePair<long, long>>();
        if (cellsNeeded <= DenseLimit)
        {
            var dense = new long[cellsNeeded];
            for (int i = 0; i < x.Length; i++)
            {
                dense[((long)x[i] * yCount) + y[i]]++;
            }

            for (long key = 0; key < dense.LongLength; key++)
            {
                if (dense[key] > 0)
                {
                    cells.Add(new(key, dense[key]));
                }
            }

            return cells;
        }

        var sparse = new Dictionary<long, long>();
        for (int i = 0; i < x.Length; i++)
        {
            long key = ((long)x[i] * yCount) + y[i];
            sparse[key] = sparse.GetValueOrDefault(key) + 1;
        }

        cells.AddRange(sparse.OrderBy(pair => pair.Key));
        return cells;
    }
}
