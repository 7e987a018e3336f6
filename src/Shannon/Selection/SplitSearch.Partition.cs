using Shannon.Numerics;

namespace Shannon.Selection;

/// <summary>The best binary partition of a categorical feature's categories.</summary>
public static partial class SplitSearch
{
    /// <summary>Categories up to which every two-way partition is tried when there are more than two classes.</summary>
    public const int ExhaustivePartitionLimit = 16;

    /// <summary>The two-way grouping of the categories of <paramref name="x"/> with the largest information gain about <paramref name="y"/>.</summary>
    /// <param name="x">Category codes in [0, <paramref name="categoryCount"/>), one per row.</param>
    /// <param name="categoryCount">The number of categories.</param>
    /// <param name="y">Class codes in [0, <paramref name="classCount"/>), one per row.</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="minLeaf">The fewest rows allowed on either side; ≥ 1.</param>
    /// <returns>The best partition, or null when fewer than two categories occur or no partition leaves <paramref name="minLeaf"/> rows per side.</returns>
    /// <exception cref="ArgumentException">Empty input, lengths differ, or a code out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="categoryCount"/>, <paramref name="classCount"/> or <paramref name="minLeaf"/> is not positive.</exception>
    /// <remarks>
    /// <para>Gain in nats from the class counts of the two sides, as in <see cref="BestThreshold"/>; categories absent
    /// from the data belong to neither side. Ties within 1e-12 nats keep the first partition found.</para>
    /// <para>Two classes: the categories sorted by p(y = 1 | category) and the m − 1 prefix splits of that order —
    /// exact for any concave impurity, entropy included (Breiman et al. 1984, Theorem 4.5), O(n + m log m).
    /// More classes and at most <see cref="ExhaustivePartitionLimit"/> categories: all 2^(m−1) − 1 partitions, visited
    /// in Gray-code order so that each costs O(C). Beyond that: the categories ordered by their class-probability
    /// vectors' projection on the first principal component (weighted by rows) and the prefix splits of that order, a
    /// heuristic whose result is marked <see cref="CategoryPartition.Exact"/> = false.</para>
    /// <para>References: Breiman, L., Friedman, J. H., Olshen, R. A. &amp; Stone, C. J. (1984), Classification and
    /// Regression Trees, Wadsworth, ISBN 0-534-98053-8, §4.2.2; Coppersmith, D., Hong, S. J. &amp; Hosking, J. R. M.
    /// (1999), Partitioning nominal attributes in decision trees, Data Mining and Knowledge Discovery 3, 197–217,
    /// doi:10.1023/A:1009869804967.</para>
    /// </remarks>
    public static CategoryPartition? BestBinaryPartition(ReadOnlySpan<int> x, int categoryCount, ReadOnlySpan<int> y, int classCount, int minLeaf = 1)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(categoryCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minLeaf);
        CheckCodes(x, categoryCount, nameof(x));
        CheckCodes(y, classCount, nameof(y));

        var counts = new long[categoryCount * classCount];
        for (int i = 0; i < x.Length; i++)
        {
            counts[(x[i] * classCount) + y[i]]++;
        }

        var present = new List<int>();
        var rows = new long[categoryCount];
        for (int category = 0; category < categoryCount; category++)
        {
            rows[category] = SumRow(counts, category, classCount);
            if (rows[category] > 0)
            {
                present.Add(category);
            }
        }

        if (present.Count < 2)
        {
            return null;
        }

        var search = new PartitionSearch(counts, rows, classCount, x.Length, minLeaf);
        if (classCount > 2 && present.Count <= ExhaustivePartitionLimit)
        {
            return search.Exhaustive(present);
        }

        bool exact = classCount <= 2;
        int[] order = exact ? ByClassOneShare(present, counts, rows, classCount) : ByPrincipalComponent(present, counts, rows, classCount);
        return search.Prefixes(order, exact);
    }

    private static long SumRow(long[] counts, int category, int classCount)
    {
        long total = 0;
        for (int c = 0; c < classCount; c++)
        {
            total += counts[(category * classCount) + c];
        }

        return total;
    }

    private static int[] ByClassOneShare(List<int> present, long[] counts, long[] rows, int classCount) =>
        [.. present.OrderBy(category => classCount == 1 ? 0.0 : (double)counts[(category * classCount) + 1] / rows[category]).ThenBy(category => category)];

    /// <summary>Orders categories by the projection of p(y | category) on the leading eigenvector of their row-weighted covariance (power iteration).</summary>
    private static int[] ByPrincipalComponent(List<int> present, long[] counts, long[] rows, int classCount)
    {
        double total = present.Sum(category => (double)rows[category]);
        var mean = new double[classCount];
        foreach (int category in present)
        {
            for (int c = 0; c < classCount; c++)
            {
                mean[c] += counts[(category * classCount) + c] / total;
            }
        }

        var covariance = new double[classCount * classCount];
        foreach (int category in present)
        {
            double weight = rows[category] / total;
            for (int a = 0; a < classCount; a++)
            {
                double da = ((double)counts[(category * classCount) + a] / rows[category]) - mean[a];
                for (int b = 0; b < classCount; b++)
                {
                    double db = ((double)counts[(category * classCount) + b] / rows[category]) - mean[b];
                    covariance[(a * classCount) + b] += weight * da * db;
                }
            }
        }

        double[] direction = Enumerable.Range(0, classCount).Select(c => 1.0 + (c * 1e-3)).ToArray();
        var next = new double[classCount];
        for (int iteration = 0; iteration < 200; iteration++)
        {
            for (int a = 0; a < classCount; a++)
            {
                next[a] = 0.0;
                for (int b = 0; b < classCount; b++)
                {
                    next[a] += covariance[(a * classCount) + b] * direction[b];
                }
            }

            double norm = Math.Sqrt(next.Sum(v => v * v));
            if (norm == 0.0)
            {
                break;
            }

            for (int a = 0; a < classCount; a++)
            {
                direction[a] = next[a] / norm;
            }
        }

        return [.. present.OrderBy(category => Projection(category, counts, rows, classCount, direction)).ThenBy(category => category)];
    }

    private static double Projection(int category, long[] counts, long[] rows, int classCount, double[] direction)
    {
        double projection = 0.0;
        for (int c = 0; c < classCount; c++)
        {
            projection += direction[c] * counts[(category * classCount) + c] / rows[category];
        }

        return projection;
    }

    /// <summary>Scores two-way partitions by n_L H_L + n_R H_R = n_L log n_L − Σ_L c log c + n_R log n_R − Σ_R c log c.</summary>
    private sealed class PartitionSearch(long[] counts, long[] rows, int classCount, long n, int minLeaf)
    {
        private readonly long[] _left = new long[classCount];
        private readonly long[] _right = new long[classCount];
        private readonly long[] _totals = ClassTotals(counts, rows.Length, classCount);
        private double _bestChildren = double.PositiveInfinity;
        private List<int> _bestLeft = [];
        private long _bestLeftCount;

        public CategoryPartition? Prefixes(int[] order, bool exact)
        {
            long leftRows = 0;
            Array.Clear(_left);
            for (int split = 1; split < order.Length; split++)
            {
                Move(order[split - 1], +1, ref leftRows);
                Consider(leftRows, () => order[..split]);
            }

            return Result(exact);
        }

        public CategoryPartition? Exhaustive(List<int> present)
        {
            // The first category stays left; Gray code over the others flips one category per step.
            long leftRows = 0;
            Array.Clear(_left);
            Move(present[0], +1, ref leftRows);
            int others = present.Count - 1;
            int previous = 0;
            for (int step = 1; step < 1 << others; step++)
            {
                int gray = step ^ (step >> 1);
                int changed = System.Numerics.BitOperations.TrailingZeroCount(gray ^ previous);
                Move(present[changed + 1], (gray & (1 << changed)) != 0 ? +1 : -1, ref leftRows);
                previous = gray;
                if (gray != (1 << others) - 1)
                {
                    int mask = gray;
                    Consider(leftRows, () => [present[0], .. Enumerable.Range(0, others).Where(j => (mask & (1 << j)) != 0).Select(j => present[j + 1])]);
                }
            }

            // The partition with only the first category left (gray = 0) is not visited by the loop above.
            Array.Clear(_left);
            leftRows = 0;
            Move(present[0], +1, ref leftRows);
            Consider(leftRows, () => [present[0]]);
            return Result(exact: true);
        }

        private void Move(int category, int sign, ref long leftRows)
        {
            for (int c = 0; c < classCount; c++)
            {
                _left[c] += sign * counts[(category * classCount) + c];
            }

            leftRows += sign * rows[category];
        }

        private void Consider(long leftRows, Func<IEnumerable<int>> left)
        {
            long rightRows = n - leftRows;
            if (leftRows < minLeaf || rightRows < minLeaf)
            {
                return;
            }

            double children = SpecialFunctions.XLogX(leftRows) + SpecialFunctions.XLogX(rightRows);
            for (int c = 0; c < classCount; c++)
            {
                _right[c] = _totals[c] - _left[c];
                children -= SpecialFunctions.XLogX(_left[c]) + SpecialFunctions.XLogX(_right[c]);
            }

            if (children < _bestChildren - (TieTolerance * n))
            {
                _bestChildren = children;
                _bestLeft = [.. left()];
                _bestLeftCount = leftRows;
            }
        }

        private static long[] ClassTotals(long[] counts, int categories, int classCount)
        {
            var totals = new long[classCount];
            for (int category = 0; category < categories; category++)
            {
                for (int c = 0; c < classCount; c++)
                {
                    totals[c] += counts[(category * classCount) + c];
                }
            }

            return totals;
        }

        private CategoryPartition? Result(bool exact)
        {
            if (_bestLeft.Count == 0)
            {
                return null;
            }

            double parent = Measures.Entropy.CountsNats(_totals, n);
            double gain = Math.Max(0.0, parent - (_bestChildren / n));
            double fractionLeft = (double)_bestLeftCount / n;
            double splitInformation = -SpecialFunctions.XLogX(fractionLeft) - SpecialFunctions.XLogX(1.0 - fractionLeft);
            _bestLeft.Sort();
            return new CategoryPartition(_bestLeft, gain, gain / splitInformation, _bestLeftCount, n - _bestLeftCount, exact);
        }
    }
}
