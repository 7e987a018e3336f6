namespace Shannon.Numerics;

/// <summary>
/// A k-d tree over n points in d dimensions (row-major) for k-nearest-neighbour and radius-count queries under
/// the max-norm (Chebyshev distance) ‖u − v‖∞ = maxⱼ |uⱼ − vⱼ|, the metric of the KSG family of estimators.
/// </summary>
/// <remarks>
/// Nodes are implicit (heap numbering: root 1, children 2i and 2i + 1); node i covers a contiguous range of the
/// reordered points, split at its middle along the dimension of widest spread, and stores its bounding box, so a
/// query prunes every box that is farther than the current k-th distance and counts whole boxes that lie inside a
/// radius. Building is O(n log n); a query is O(log n) on average for small d. The tree is read-only after
/// construction, so queries may run in parallel. Distances are computed exactly as |uⱼ − vⱼ| in double, the same
/// arithmetic as scikit-learn's Chebyshev metric, so ties fall the same way.
/// Reference: Bentley, J. L. (1975), Multidimensional binary search trees used for associative searching,
/// Communications of the ACM 18(9), 509–517, doi:10.1145/361002.361007.
/// </remarks>
internal sealed class MaxNormKdTree
{
    private const int LeafSize = 16;

    private readonly int _dimensions;
    private readonly double[] _points;
    private readonly int[] _original;
    private readonly double[] _lower;
    private readonly double[] _upper;

    /// <summary>Builds the tree over <paramref name="count"/> rows of <paramref name="dimensions"/> values.</summary>
    public MaxNormKdTree(ReadOnlySpan<double> rows, int count, int dimensions)
    {
        _dimensions = dimensions;
        Count = count;
        _points = rows[..(count * dimensions)].ToArray();
        _original = new int[count];
        for (int i = 0; i < count; i++)
        {
            _original[i] = i;
        }

        int nodes = 2;
        while (nodes / 2 * LeafSize < count)
        {
            nodes *= 2;
        }

        nodes *= 2;
        _lower = new double[nodes * dimensions];
        _upper = new double[nodes * dimensions];
        Build(1, 0, count);
    }

    /// <summary>The number of points in the tree.</summary>
    public int Count { get; }

    /// <summary>
    /// The point stored at <paramref name="position"/> in tree order. Querying points in tree order keeps
    /// neighbouring queries in cache; <see cref="OriginalIndex"/> maps the position back to the input row.
    /// </summary>
    public ReadOnlySpan<double> PointAt(int position) => _points.AsSpan(position * _dimensions, _dimensions);

    /// <summary>The input row of the point stored at <paramref name="position"/> in tree order.</summary>
    public int OriginalIndex(int position) => _original[position];

    /// <summary>
    /// The distance from <paramref name="query"/> to its k-th nearest point, skipping the point with original
    /// index <paramref name="exclude"/> (pass −1 to skip none). Fills <paramref name="neighbours"/> (length ≥ k)
    /// with the original indices of the k nearest points, nearest first.
    /// </summary>
    public double KthNeighbourDistance(ReadOnlySpan<double> query, int k, int exclude, Span<int> neighbours, Span<double> distances)
    {
        distances[..k].Fill(double.PositiveInfinity);
        neighbours[..k].Fill(-1);
        Search(1, 0, Count, query, k, exclude, neighbours, distances);
        return distances[k - 1];
    }

    /// <summary>The number of points within max-norm distance ≤ <paramref name="radius"/> of <paramref name="query"/> (the query point itself included if it is in the tree).</summary>
    public int CountWithin(ReadOnlySpan<double> query, double radius) => CountWithin(1, 0, Count, query, radius);

    private void Build(int node, int begin, int end)
    {
        int d = _dimensions;
        Span<double> lower = _lower.AsSpan(node * d, d);
        Span<double> upper = _upper.AsSpan(node * d, d);
        if (end - begin <= LeafSize)
        {
            lower.Fill(double.PositiveInfinity);
            upper.Fill(double.NegativeInfinity);
            for (int i = begin; i < end; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    double v = _points[(i * d) + j];
                    lower[j] = Math.Min(lower[j], v);
                    upper[j] = Math.Max(upper[j], v);
                }
            }

            return;
        }

        // Split along the widest dimension of the parent's box (the root's is computed from the points).
        if (node == 1)
        {
            lower.Fill(double.PositiveInfinity);
            upper.Fill(double.NegativeInfinity);
            for (int i = begin; i < end; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    double v = _points[(i * d) + j];
                    lower[j] = Math.Min(lower[j], v);
                    upper[j] = Math.Max(upper[j], v);
                }
            }
        }

        int split = 0;
        double widest = -1;
        for (int j = 0; j < d; j++)
        {
            if (upper[j] - lower[j] > widest)
            {
                widest = upper[j] - lower[j];
                split = j;
            }
        }

        int middle = begin + ((end - begin) / 2);
        Select(begin, end - 1, middle, split);
        int left = 2 * node;
        int right = left + 1;

        // Children inherit the parent's box, cut at the split value, as the estimate to choose their own split.
        _lower.AsSpan(node * d, d).CopyTo(_lower.AsSpan(left * d, d));
        _upper.AsSpan(node * d, d).CopyTo(_upper.AsSpan(left * d, d));
        _lower.AsSpan(node * d, d).CopyTo(_lower.AsSpan(right * d, d));
        _upper.AsSpan(node * d, d).CopyTo(_upper.AsSpan(right * d, d));
        _upper[(left * d) + split] = _points[(middle * d) + split];
        _lower[(right * d) + split] = _points[(middle * d) + split];
        Build(left, begin, middle);
        Build(right, middle, end);

        // The node's box is the exact union of its children's boxes.
        for (int j = 0; j < d; j++)
        {
            lower[j] = Math.Min(_lower[(left * d) + j], _lower[(right * d) + j]);
            upper[j] = Math.Max(_upper[(left * d) + j], _upper[(right * d) + j]);
        }
    }

    /// <summary>Quickselect (Hoare partition): afterwards the point at <paramref name="target"/> has rank target − left along <paramref name="dimension"/>.</summary>
    private void Select(int left, int right, int target, int dimension)
    {
        int d = _dimensions;
        while (right > left)
        {
            double pivot = _points[((left + ((right - left) / 2)) * d) + dimension];
            int i = left;
            int j = right;
            while (i <= j)
            {
                while (_points[(i * d) + dimension] < pivot)
                {
                    i++;
                }

                while (_points[(j * d) + dimension] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(i, j);
                    i++;
                    j--;
                }
            }

            if (target <= j)
            {
                right = j;
            }
            else if (target >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private void Swap(int a, int b)
    {
        (_original[a], _original[b]) = (_original[b], _original[a]);
        int d = _dimensions;
        for (int j = 0; j < d; j++)
        {
            (_points[(a * d) + j], _points[(b * d) + j]) = (_points[(b * d) + j], _points[(a * d) + j]);
        }
    }

    private double BoxDistance(int node, ReadOnlySpan<double> query)
    {
        int d = _dimensions;
        int offset = node * d;
        double distance = 0.0;
        for (int j = 0; j < d; j++)
        {
            double q = query[j];
            double gap = Math.Max(_lower[offset + j] - q, q - _upper[offset + j]);
            distance = Math.Max(distance, gap);
        }

        return distance;
    }

    private double FarthestBoxDistance(int node, ReadOnlySpan<double> query)
    {
        int d = _dimensions;
        int offset = node * d;
        double distance = 0.0;
        for (int j = 0; j < d; j++)
        {
            double q = query[j];
            distance = Math.Max(distance, Math.Max(q - _lower[offset + j], _upper[offset + j] - q));
        }

        return distance;
    }

    private double Distance(int point, ReadOnlySpan<double> query)
    {
        int d = _dimensions;
        int offset = point * d;
        double distance = 0.0;
        for (int j = 0; j < d; j++)
        {
            distance = Math.Max(distance, Math.Abs(_points[offset + j] - query[j]));
        }

        return distance;
    }

    private void Search(int node, int begin, int end, ReadOnlySpan<double> query, int k, int exclude, Span<int> neighbours, Span<double> distances)
    {
        if (end - begin <= LeafSize)
        {
            for (int i = begin; i < end; i++)
            {
                if (_original[i] == exclude)
                {
                    continue;
                }

                double distance = Distance(i, query);
                if (distance < distances[k - 1])
                {
                    Insert(distance, _original[i], k, neighbours, distances);
                }
            }

            return;
        }

        int middle = begin + ((end - begin) / 2);
        int left = 2 * node;
        int right = left + 1;
        double leftDistance = BoxDistance(left, query);
        double rightDistance = BoxDistance(right, query);
        if (leftDistance <= rightDistance)
        {
            if (leftDistance < distances[k - 1])
            {
                Search(left, begin, middle, query, k, exclude, neighbours, distances);
            }

            if (rightDistance < distances[k - 1])
            {
                Search(right, middle, end, query, k, exclude, neighbours, distances);
            }
        }
        else
        {
            if (rightDistance < distances[k - 1])
            {
                Search(right, middle, end, query, k, exclude, neighbours, distances);
            }

            if (leftDistance < distances[k - 1])
            {
                Search(left, begin, middle, query, k, exclude, neighbours, distances);
            }
        }
    }

    private static void Insert(double distance, int index, int k, Span<int> neighbours, Span<double> distances)
    {
        int position = k - 1;
        while (position > 0 && distances[position - 1] > distance)
        {
            distances[position] = distances[position - 1];
            neighbours[position] = neighbours[position - 1];
            position--;
        }

        distances[position] = distance;
        neighbours[position] = index;
    }

    private int CountWithin(int node, int begin, int end, ReadOnlySpan<double> query, double radius)
    {
        if (BoxDistance(node, query) > radius)
        {
            return 0;
        }

        if (FarthestBoxDistance(node, query) <= radius)
        {
            return end - begin;
        }

        if (end - begin <= LeafSize)
        {
            int count = 0;
            for (int i = begin; i < end; i++)
            {
                if (Distance(i, query) <= radius)
                {
                    count++;
                }
            }

            return count;
        }

        int middle = begin + ((end - begin) / 2);
        return CountWithin(2 * node, begin, middle, query, radius) + CountWithin((2 * node) + 1, middle, end, query, radius);
    }
}
