namespace Shannon.Numerics;

/// <summary>
/// One-dimensional radius counts on a sorted copy of the values. A uniform bucket index over the value range
/// (one bucket per value on average) gives each search a starting position next to its boundary, and a galloping
/// search from there finds the exact boundary: O(1) expected for spread-out data, O(log n) at worst.
/// </summary>
/// <remarks>
/// The distance is |v − c| computed in double, and the radius test is |v − c| ≤ r, exactly the predicate a
/// Chebyshev k-d tree evaluates, so counts agree with scikit-learn's KDTree.query_radius even at ties. The
/// searches use that predicate directly (it is monotone on each side of c), not c ± r, whose rounding could move
/// a point across the boundary; the buckets only choose where a search starts, so they cannot change a count.
/// Sorting is a bucket sort with the same buckets (insertion sort inside small buckets, introsort inside
/// crowded ones), O(n) expected for spread-out data and O(n log n) for heavy-tailed data.
/// </remarks>
internal sealed class SortedLine : IOwnNeighbourSearch
{
    private const int InsertionSortLimit = 24;

    private readonly double[] _sorted;
    private readonly int[] _rank;
    private readonly int[] _order;
    private readonly int[]? _bucketStart;
    private readonly double _minimum;
    private readonly double _bucketsPerUnit;
    private readonly int _buckets;

    /// <summary>Sorts a copy of the finite <paramref name="values"/> and records where each input value landed.</summary>
    public SortedLine(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        _sorted = GC.AllocateUninitializedArray<double>(n);
        var order = GC.AllocateUninitializedArray<int>(n);
        _minimum = n == 0 ? 0.0 : System.Numerics.Tensors.TensorPrimitives.Min(values);
        double range = n == 0 ? 0.0 : System.Numerics.Tensors.TensorPrimitives.Max(values) - _minimum;
        _bucketsPerUnit = n / range;
        if (n >= 2 && double.IsFinite(_bucketsPerUnit) && _bucketsPerUnit > 0)
        {
            _buckets = n;
            _bucketStart = BucketSort(values, order);
        }
        else
        {
            values.CopyTo(_sorted);
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            Array.Sort(_sorted, order);
        }

        _order = order;
        _rank = GC.AllocateUninitializedArray<int>(n);
        for (int position = 0; position < n; position++)
        {
            _rank[order[position]] = position;
        }
    }

    /// <inheritdoc />
    public int Count => _sorted.Length;

    /// <inheritdoc />
    public int OriginalIndex(int position) => _order[position];

    /// <summary>
    /// As <see cref="IOwnNeighbourSearch.KthNeighbourDistanceAt"/>: the k nearest values of a sorted position are the
    /// k nearest of its k left and k right neighbours, merged outwards in O(k).
    /// </summary>
    public double KthNeighbourDistanceAt(int position, int k, Span<int> neighbours, Span<double> distances)
    {
        double[] v = _sorted;
        double center = v[position];
        int left = position - 1;
        int right = position + 1;
        for (int found = 0; found < k; found++)
        {
            double toLeft = left >= 0 ? Math.Abs(v[left] - center) : double.PositiveInfinity;
            double toRight = right < v.Length ? Math.Abs(v[right] - center) : double.PositiveInfinity;
            if (toLeft <= toRight)
            {
                (neighbours[found], distances[found]) = (left >= 0 ? _order[left] : -1, toLeft);
                left--;
            }
            else
            {
                (neighbours[found], distances[found]) = (_order[right], toRight);
                right++;
            }
        }

        return distances[k - 1];
    }

    /// <summary>The number of values v with |v − xᵢ| ≤ <paramref name="radius"/> (≥ 0), xᵢ being input value <paramref name="index"/> (counted itself).</summary>
    public int CountWithinOf(int index, double radius)
    {
        int position = _rank[index];
        double center = _sorted[position];
        int first = FirstWithin(position, center, radius, BucketFirst(center - radius, position));
        int last = LastWithin(position, center, radius, BucketLast(center + radius, position));
        return last - first + 1;
    }

    /// <summary>
    /// The sorted positions [first, last] of the values v with |v − xᵢ| ≤ <paramref name="radius"/> (≥ 0), xᵢ being input
    /// value <paramref name="index"/>: a contiguous run that holds xᵢ's own position.
    /// </summary>
    public (int First, int Last) RangeWithinOf(int index, double radius)
    {
        int position = _rank[index];
        double center = _sorted[position];
        return (FirstWithin(position, center, radius, BucketFirst(center - radius, position)),
            LastWithin(position, center, radius, BucketLast(center + radius, position)));
    }

    /// <summary>The position of input value <paramref name="index"/> in sorted order (ties in an unspecified but fixed order).</summary>
    public int PositionOf(int index) => _rank[index];

    /// <summary>Buckets are monotone in the value: v ≤ w implies Bucket(v) ≤ Bucket(w), so sorting by bucket first is consistent.</summary>
    private int Bucket(double value)
    {
        double scaled = (value - _minimum) * _bucketsPerUnit;
        int last = _buckets - 1;
        return scaled <= 0 ? 0 : scaled >= last ? last : (int)scaled;
    }

    private int BucketFirst(double value, int fallback) => _bucketStart is null ? fallback : _bucketStart[Bucket(value)];

    private int BucketLast(double value, int fallback) => _bucketStart is null ? fallback : _bucketStart[Bucket(value) + 1] - 1;

    private int[] BucketSort(ReadOnlySpan<double> values, int[] order)
    {
        int n = values.Length;
        var start = new int[n + 1];
        int[] bucketOf = System.Buffers.ArrayPool<int>.Shared.Rent(n);
        for (int i = 0; i < n; i++)
        {
            bucketOf[i] = Bucket(values[i]);
            start[bucketOf[i] + 1]++;
        }

        for (int b = 0; b < n; b++)
        {
            start[b + 1] += start[b];
        }

        // Scatter with the start array as the cursor, then shift it back: start[b] ends where bucket b + 1 begins.
        for (int i = 0; i < n; i++)
        {
            int slot = start[bucketOf[i]]++;
            _sorted[slot] = values[i];
            order[slot] = i;
        }

        System.Buffers.ArrayPool<int>.Shared.Return(bucketOf);
        for (int b = n; b > 0; b--)
        {
            start[b] = start[b - 1];
        }

        start[0] = 0;
        for (int b = 0; b < n; b++)
        {
            int begin = start[b];
            int length = start[b + 1] - begin;
            if (length > InsertionSortLimit)
            {
                Array.Sort(_sorted, order, begin, length);
            }
            else if (length > 1)
            {
                InsertionSort(begin, begin + length, order);
            }
        }

        return start;
    }

    private void InsertionSort(int begin, int end, int[] order)
    {
        for (int i = begin + 1; i < end; i++)
        {
            double value = _sorted[i];
            int item = order[i];
            int j = i - 1;
            while (j >= begin && _sorted[j] > value)
            {
                _sorted[j + 1] = _sorted[j];
                order[j + 1] = order[j];
                j--;
            }

            _sorted[j + 1] = value;
            order[j + 1] = item;
        }
    }

    /// <summary>The first index in [0, position] within the radius (the predicate is false, then true, there), searched from <paramref name="hint"/>.</summary>
    private int FirstWithin(int position, double center, double radius, int hint)
    {
        double[] v = _sorted;
        hint = Math.Clamp(hint, 0, position);
        int low;
        int high;
        int step = 1;
        if (Math.Abs(v[hint] - center) <= radius)
        {
            high = hint;
            while (hint - step >= 0 && Math.Abs(v[hint - step] - center) <= radius)
            {
                high = hint - step;
                step <<= 1;
            }

            low = Math.Max(0, hint - step + 1);
        }
        else
        {
            low = hint + 1;
            while (hint + step < position && Math.Abs(v[hint + step] - center) > radius)
            {
                low = hint + step + 1;
                step <<= 1;
            }

            high = Math.Min(position, hint + step);
        }

        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (Math.Abs(v[middle] - center) <= radius)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>The last index in [position, n − 1] within the radius (the predicate is true, then false, there), searched from <paramref name="hint"/>.</summary>
    private int LastWithin(int position, double center, double radius, int hint)
    {
        double[] v = _sorted;
        hint = Math.Clamp(hint, position, v.Length - 1);
        int low;
        int high;
        int step = 1;
        if (Math.Abs(v[hint] - center) <= radius)
        {
            low = hint;
            while (hint + step < v.Length && Math.Abs(v[hint + step] - center) <= radius)
            {
                low = hint + step;
                step <<= 1;
            }

            high = Math.Min(v.Length - 1, hint + step - 1);
        }
        else
        {
            high = hint - 1;
            while (hint - step > position && Math.Abs(v[hint - step] - center) > radius)
            {
                high = hint - step - 1;
                step <<= 1;
            }

            low = Math.Max(position, hint - step);
        }

        while (low < high)
        {
            int middle = (low + high + 1) >>> 1;
            if (Math.Abs(v[middle] - center) <= radius)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
