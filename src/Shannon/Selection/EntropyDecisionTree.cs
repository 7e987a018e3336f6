using Shannon.Numerics;

namespace Shannon.Selection;

/// <summary>
/// A classification tree grown greedily by information gain (the entropy criterion) on continuous features,
/// with binary splits x ≤ threshold: the tree of scikit-learn's DecisionTreeClassifier(criterion="entropy").
/// </summary>
public sealed class EntropyDecisionTree
{
    private readonly TreeNode[] nodes;

    private EntropyDecisionTree(TreeNode[] nodes, int featureCount, int classCount)
    {
        this.nodes = nodes;
        FeatureCount = featureCount;
        ClassCount = classCount;
    }

    /// <summary>The nodes in preorder (left subtree first); <c>Nodes[0]</c> is the root.</summary>
    public IReadOnlyList<TreeNode> Nodes => nodes;

    /// <summary>The number of features a row must have.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Grows a tree.</summary>
    /// <param name="x">The rows, row-major n × <paramref name="columns"/>; finite.</param>
    /// <param name="columns">The number of features per row.</param>
    /// <param name="y">Class codes in [0, <paramref name="classCount"/>), one per row.</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="maxDepth">The deepest level a leaf may sit at, the root being depth 0 (scikit-learn's max_depth): 0 gives a single leaf, 1 one split; null for no limit.</param>
    /// <param name="minSamplesLeaf">The fewest training rows allowed in a leaf; ≥ 1.</param>
    /// <param name="progress">Told the training rows placed in a finished leaf so far, of n (about 256 reports, the last n = n), on the calling thread; null for none.</param>
    /// <returns>The fitted tree.</returns>
    /// <exception cref="ArgumentException">Empty or non-finite <paramref name="x"/>, a shape mismatch, or a class code out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/>, <paramref name="classCount"/> or <paramref name="minSamplesLeaf"/> is not positive, or <paramref name="maxDepth"/> is negative.</exception>
    /// <remarks>
    /// A node becomes a leaf when it is pure, holds fewer than 2 or fewer than 2·minSamplesLeaf rows, reaches
    /// <paramref name="maxDepth"/>, or no feature has two distinct values with minSamplesLeaf rows on each side;
    /// otherwise it takes the split of largest gain H(Y) − (n_L H(Y_L) + n_R H(Y_R)) / n (nats), even a zero gain,
    /// as scikit-learn does. Ties within 1e-12 nats go to the lower feature index, then the lower threshold;
    /// scikit-learn visits features in a random order (random_state), so where features tie its choice can differ,
    /// with the same gain. Thresholds are midpoints of neighbouring distinct values; scikit-learn rounds inputs to
    /// float32 first, so pass float32-rounded values to reproduce its thresholds bit for bit.
    /// Reference: Quinlan, J. R. (1986), Induction of decision trees, Machine Learning 1, 81–106,
    /// doi:10.1007/BF00116251.
    /// </remarks>
    public static EntropyDecisionTree Fit(ReadOnlySpan<double> x, int columns, ReadOnlySpan<int> y, int classCount, int? maxDepth = null, int minSamplesLeaf = 1, IProgress<WorkDone>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSamplesLeaf);
        if (maxDepth is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, $"maxDepth must be ≥ 0 or null; got {maxDepth}.");
        }

        Guard.NotEmpty(x, nameof(x));
        Guard.AllFinite(x, nameof(x));
        if (x.Length % columns != 0 || x.Length / columns != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values, which is not {y.Length} rows (the length of y) × {columns} columns.", nameof(x));
        }

        SplitSearch.CheckCodes(y, classCount, nameof(y));
        var grower = new Grower(x.ToArray(), columns, y.ToArray(), classCount, maxDepth ?? int.MaxValue, minSamplesLeaf, new ProgressThrottle(y.Length, progress));
        grower.Grow([.. Enumerable.Range(0, y.Length)], 0);
        return new EntropyDecisionTree([.. grower.Nodes], columns, classCount);
    }

    /// <summary>The class probabilities of a row: the class frequencies of the training rows in its leaf.</summary>
    /// <param name="row">One row of <see cref="FeatureCount"/> values; the split features must be finite.</param>
    /// <param name="destination">Receives <see cref="ClassCount"/> probabilities summing to 1.</param>
    /// <exception cref="ArgumentException">The row has the wrong length, a NaN split value, or the destination is too small.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> row, Span<double> destination)
    {
        Guard.DestinationFits(destination, ClassCount, nameof(destination));
        var leaf = Leaf(row);
        double total = leaf.SampleCount;
        for (int c = 0; c < ClassCount; c++)
        {
            destination[c] = leaf.ClassCounts[c] / total;
        }
    }

    /// <summary>The most frequent training class in the row's leaf (the lowest code among ties, like scikit-learn's argmax).</summary>
    /// <param name="row">One row of <see cref="FeatureCount"/> values.</param>
    /// <returns>The predicted class code.</returns>
    /// <exception cref="ArgumentException">The row has the wrong length or a NaN split value.</exception>
    public int Predict(ReadOnlySpan<double> row)
    {
        var counts = Leaf(row).ClassCounts;
        int best = 0;
        for (int c = 1; c < counts.Count; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        return best;
    }

    private TreeNode Leaf(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"row has {row.Length} values but the tree was fitted on {FeatureCount} features.", nameof(row));
        }

        var node = nodes[0];
        while (!node.IsLeaf)
        {
            double value = row[node.Feature];
            if (double.IsNaN(value))
            {
                throw new ArgumentException($"row has a NaN entry at index {node.Feature}, a split feature.", nameof(row));
            }

            node = nodes[value <= node.Threshold ? node.Left : node.Right];
        }

        return node;
    }

    /// <summary>Depth-first growth in preorder, so a node's left child is the next id.</summary>
    private sealed class Grower(double[] x, int columns, int[] y, int classCount, int maxDepth, int minLeaf, ProgressThrottle placed)
    {
        public List<TreeNode> Nodes { get; } = [];

        public int Grow(int[] rows, int depth)
        {
            var counts = new long[classCount];
            foreach (int r in rows)
            {
                counts[y[r]]++;
            }

            double entropy = Measures.Entropy.CountsNats(counts, rows.Length);
            int id = Nodes.Count;
            Nodes.Add(new TreeNode(id, depth, -1, double.NaN, -1, -1, entropy, 0.0, 0.0, counts));
            bool leaf = depth >= maxDepth || rows.Length < 2 || rows.Length < 2 * minLeaf || counts.Count(c => c > 0) == 1;
            var (feature, split) = leaf ? (-1, null) : BestSplit(rows);
            if (split is null)
            {
                placed.Add(rows.Length);
                return id;
            }

            int[] left = [.. rows.Where(r => x[(r * columns) + feature] <= split.Threshold)];
            int[] right = [.. rows.Where(r => x[(r * columns) + feature] > split.Threshold)];
            int leftId = Grow(left, depth + 1);
            int rightId = Grow(right, depth + 1);
            Nodes[id] = Nodes[id] with
            {
                Feature = feature,
                Threshold = split.Threshold,
                Left = leftId,
                Right = rightId,
                Gain = split.Gain,
                GainRatio = split.GainRatio,
            };
            return id;
        }

        private (int Feature, ThresholdSplit? Split) BestSplit(int[] rows)
        {
            var splits = new ThresholdSplit?[columns];
            // Small nodes are searched on this thread: below ~10⁵ values a fork costs more than it saves.
            if ((long)rows.Length * columns >= 100_000)
            {
                ParallelLoop.For(0, columns, Search);
            }
            else
            {
                for (int f = 0; f < columns; f++)
                {
                    Search(f);
                }
            }

            void Search(int f)
            {
                var values = new double[rows.Length];
                var labels = new int[rows.Length];
                for (int i = 0; i < rows.Length; i++)
                {
                    values[i] = x[(rows[i] * columns) + f];
                    labels[i] = y[rows[i]];
                }

                Array.Sort(values, labels);
                splits[f] = SplitSearch.Sweep(values, labels, classCount, minLeaf, new long[classCount], new long[classCount]);
            }

            int best = -1;
            for (int f = 0; f < columns; f++)
            {
                if (splits[f] is { } s && (best < 0 || s.Gain > splits[best]!.Gain + SplitSearch.TieTolerance))
                {
                    best = f;
                }
            }

            return best < 0 ? (-1, null) : (best, splits[best]);
        }
    }
}
