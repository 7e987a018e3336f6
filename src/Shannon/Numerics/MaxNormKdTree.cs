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
internal sealed class MaxNormKdTree : IOwnNeighbourSearch
{
    private const int LeafSize = 16;

    private readonly int _dimensions;
    private readonly double[] _points;
    private readonly int[] _original;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _cellLower;
    private readonly double[] _cellUpper;

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
        _cellLower = new double[nodes * dimensions];
        _cellUpper = new double[nodes * dimensions];
        _cellLower.AsSpan(dimensions, dimensions).Fill(double.NegativeInfinity);
        _cellUpper.AsSpan(dimensions, dimensions).Fill(double.PositiveInfinity);
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
    /// with the original indices of the k nearest points, nearest first, and <paramref name="distances"/> with their distances.
    /// </summary>
    public double KthNeighbourDistance(ReadOnlySpan<double> query, int k, int exclude, Span<int> neighbours, Span<double> distances)
    {
        NearestList.Clear(neighbours[..k], distances[..k]);
        Search(1, 0, Count, query, k, exclude, neighbours, distances);
        return distances[k - 1];
    }

    /// <summary>
    /// As <see cref="KthNeighbourDistance"/> for the tree's own point at <paramref name="position"/> (tree order),
    /// itself excluded. The search starts in the point's own leaf and climbs: at each ancestor it searches the
    /// sibling subtree if the sibling's box is nearer than the current k-th distance, and it stops as soon as the
    /// ball of that radius lies inside the current node's cell, so most queries touch two or three leaves.
    /// </summary>
    public double KthNeighbourDistanceAt(int position, int k, Span<int> neighbours, Span<double> distances)
    {
        NearestList.Clear(neighbours[..k], distances[..k]);
        ReadOnlySpan<double> query = PointAt(position);
        int exclude = _original[position];
        Span<int> pathNode = stackalloc int[64];
        Span<int> pathBegin = stackalloc int[64];
        Span<int> pathEnd = stackalloc int[64];
        int depth = 0;
        int node = 1;
        int begin = 0;
        int end = Count;
        pathNode[0] = node;
        pathBegin[0] = begin;
        pathEnd[0] = end;
        while (end - begin > LeafSize)
        {
            int middle = begin + ((end - begin) / 2);
            if (position < middle)
            {
                node = 2 * node;
                end = middle;
            }
            else
            {
                node = (2 * node) + 1;
                begin = middle;
            }

            depth++;
            pathNode[depth] = node;
            pathBegin[depth] = begin;
            pathEnd[depth] = end;
        }

        ScanLeaf(begin, end, query, k, exclude, neighbours, distances);
        for (int level = depth; level > 0; level--)
        {
            if (BallInsideCell(pathNode[level], query, distances[k - 1]))
            {
                break;
            }

            int parentBegin = pathBegin[level - 1];
            int parentEnd = pathEnd[level - 1];
            int parentMiddle = parentBegin + ((parentEnd - parentBegin) / 2);
            int sibling = pathNode[level] ^ 1;
            (int siblingBegin, int siblingEnd) = (sibling & 1) == 0 ? (parentBegin, parentMiddle) : (parentMiddle, parentEnd);
            if (BoxDistance(sibling, query) < distances[k - 1])
            {
                Search(sibling, siblingBegin, siblingEnd, query, k, exclude, neighbours, distances);
            }
        }

        return distances[k - 1];
    }

    private bool BallInsideCell(int node, ReadOnlySpan<double> query, double radius)
    {
        int d = _dimensions;
        int offset = node * d;
        for (int j = 0; j < d; j++)
        {
            if (!(query[j] - _cellLower[offset + j] >= radius && _cellUpper[offset + j] - query[j] >= radius))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of points within max-norm distance ≤ <paramref name="radius"/> of <paramref name="query"/> (the query point itself included if it is in the tree).</summary>
    public int CountWithin(ReadOnlySpan<double> query, double radius) => CountWithin(1, 0, Count, query, radius);

    /// <summary>The smallest box holding points [begin, end).</summary>
    private void BoundingBox(int begin, int end, Span<double> lower, Span<double> upper)
    {
        int d = _dimensions;
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

    private void Build(int node, int begin, int end)
    {
        int d = _dimensions;
        Span<double> lower = _lower.AsSpan(node * d, d);
        Span<double> upper = _upper.AsSpan(node * d, d);
        if (end - begin <= LeafSize)
        {
            BoundingBox(begin, end, lower, upper);
            return;
        }

        // Split along the widest dimension of the parent's box (the root's is computed from the points).
        if (node == 1)
        {
            BoundingBox(begin, end, lower, upper);
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

        // Cells: the half-spaces the splits cut out. Every point outside a node lies beyond one of its cell's faces
        // (ties on a split plane included), which is what lets a search stop climbing.
        _cellLower.AsSpan(node * d, d).CopyTo(_cellLower.AsSpan(left * d, d));
        _cellUpper.AsSpan(node * d, d).CopyTo(_cellUpper.AsSpan(left * d, d));
        _cellLower.AsSpan(node * d, d).CopyTo(_cellLower.AsSpan(right * d, d));
        _cellUpper.AsSpan(node * d, d).CopyTo(_cellUpper.AsSpan(right * d, d));
        _cellUpper[(left * d) + split] = _points[(middle * d) + split];
        _cellLower[(right * d) + split] = _points[(middle * d) + split];
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
            ScanLeaf(begin, end, query, k, exclude, neighbours, distances);

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

    private void ScanLeaf(int begin, int end, ReadOnlySpan<double> query, int k, int exclude, Span<int> neighbours, Span<double> distances)
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
                NearestList.Insert(distance, _original[i], neighbours[..k], distances[..k]);
            }
        }
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
