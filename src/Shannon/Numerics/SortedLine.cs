namespace Shannon.Numerics;

/// <summary>
/// One-dimensional radius counts on a sorted copy of the values: for a query that is one of the values, a galloping
/// search outwards from its sorted position, O(log m) for m values within the radius.
/// </summary>
/// <remarks>
/// The distance is |v − c| computed in double, and the radius test is |v − c| ≤ r, exactly the predicate a
/// Chebyshev k-d tree evaluates, so counts agree with scikit-learn's KDTree.query_radius even at ties. The
/// searches use that predicate directly (it is monotone on each side of c), not c ± r, whose rounding could move
/// a point across the boundary.
/// </remarks>
internal sealed class SortedLine
{
    private readonly double[] _sorted;
    private readonly int[] _rank;

    /// <summary>Sorts a copy of <paramref name="values"/> and records where each input value landed.</summary>
    public SortedLine(ReadOnlySpan<double> values)
    {
        _sorted = values.ToArray();
        var order = new int[_sorted.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(_sorted, order);
        _rank = new int[order.Length];
        for (int position = 0; position < order.Length; position++)
        {
            _rank[order[position]] = position;
        }
    }

    /// <summary>The number of values v with |v − xᵢ| ≤ <paramref name="radius"/> (≥ 0), xᵢ being input value <paramref name="index"/> (counted itself).</summary>
    public int CountWithinOf(int index, double radius)
    {
        double[] v = _sorted;
        int position = _rank[index];
        double center = v[position];

        // Left of position the distance shrinks towards it: gallop to bracket the first index within the radius.
        int bound = 1;
        while (position - bound >= 0 && Math.Abs(v[position - bound] - center) <= radius)
        {
            bound <<= 1;
        }

        int low = Math.Max(0, position - bound + 1);
        int high = position - (bound >> 1);
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (Math.Abs(v[mid] - center) <= radius)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        int first = low;

        // Right of position the distance grows: gallop to bracket the last index within the radius.
        bound = 1;
        while (position + bound < v.Length && Math.Abs(v[position + bound] - center) <= radius)
        {
            bound <<= 1;
        }

        low = position + (bound >> 1);
        high = Math.Min(v.Length - 1, position + bound - 1);
        while (low < high)
        {
            int mid = (low + high + 1) >>> 1;
            if (Math.Abs(v[mid] - center) <= radius)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low - first + 1;
    }
}
