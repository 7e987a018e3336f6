using Shannon.Measures;
using Shannon.Numerics;

namespace Shannon.Selection;

/// <summary>Information-gain split search for decision trees: the best threshold of a continuous feature, the multiway split of a categorical one.</summary>
public static partial class SplitSearch
{
    /// <summary>Gains closer than this (in nats) count as tied; the earlier candidate (lower threshold, lower feature index) wins.</summary>
    internal const double TieTolerance = 1e-12;

    /// <summary>The threshold with the largest information gain for class labels <paramref name="y"/>.</summary>
    /// <param name="x">The feature's values; finite.</param>
    /// <param name="y">Class codes in [0, <paramref name="classCount"/>), one per value.</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="minLeaf">The fewest rows allowed on either side; ≥ 1.</param>
    /// <returns>The best split, or null when no threshold separates two distinct values with at least <paramref name="minLeaf"/> rows per side.</returns>
    /// <exception cref="ArgumentException">Empty input, lengths differ, a non-finite value, or a class code out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> or <paramref name="minLeaf"/> is not positive.</exception>
    /// <remarks>
    /// One sort and one sweep, O(n log n + nC): moving a row from the right to the left updates Σ c log c on both
    /// sides in O(1), so each candidate costs O(1). Candidates are the midpoints between neighbouring distinct
    /// sorted values, as in scikit-learn's DecisionTreeClassifier; among gains tied within 1e-12 nats the lowest
    /// threshold wins. Gain = H(Y) − (n_L H(Y_L) + n_R H(Y_R)) / n in nats.
    /// Reference: Quinlan, J. R. (1986), Induction of decision trees, Machine Learning 1, 81–106,
    /// doi:10.1007/BF00116251; Breiman, L. et al. (1984), Classification and Regression Trees, Wadsworth.
    /// </remarks>
    public static ThresholdSplit? BestThreshold(ReadOnlySpan<double> x, ReadOnlySpan<int> y, int classCount, int minLeaf = 1)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.AllFinite(x, nameof(x));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minLeaf);
        CheckCodes(y, classCount, nameof(y));
        int[] order = new int[x.Length];
        double[] sorted = x.ToArray();
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        var labels = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            labels[i] = y[order[i]];
        }

        return Sweep(sorted, labels, classCount, minLeaf, new long[classCount], new long[classCount]);
    }

    /// <summary>The information gain and gain ratio of splitting on every category of a discrete feature.</summary>
    /// <param name="x">Category codes, one per row.</param>
    /// <param name="y">Class codes, one per row.</param>
    /// <returns>The split's gain, gain ratio and branch sizes.</returns>
    /// <exception cref="ArgumentException">Empty input or lengths differ.</exception>
    /// <remarks>
    /// Gain = H(Y) − H(Y|X) = I(X;Y) (plug-in, nats, from <see cref="InformationGain.Of(ContingencyTable, LogBase)"/>);
    /// gain ratio = gain / H(X), which corrects the gain's preference for many-valued features. The table is sparse
    /// when large, so a feature with millions of categories costs memory only for its occupied cells.
    /// Reference: Quinlan, J. R. (1993), C4.5: Programs for Machine Learning, Morgan Kaufmann, ISBN 1-55860-238-0.
    /// </remarks>
    public static CategoricalSplit Categorical(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        var table = ContingencyTable.FromLabels(x, y);
        return new CategoricalSplit(InformationGain.Of(table), InformationGain.GainRatio(table), table.RowSums.ToArray());
    }

    /// <summary>The sweep over rows sorted by x; <paramref name="left"/> and <paramref name="right"/> are scratch of length classCount.</summary>
    internal static ThresholdSplit? Sweep(ReadOnlySpan<double> sorted, ReadOnlySpan<int> labels, int classCount, int minLeaf, long[] left, long[] right)
    {
        int n = sorted.Length;
        Array.Clear(left);
        Array.Clear(right);
        foreach (int label in labels)
        {
            right[label]++;
        }

        double rightXLogX = 0.0;
        for (int c = 0; c < classCount; c++)
        {
            rightXLogX += SpecialFunctions.XLogX(right[c]);
        }

        double parent = Math.Log(n) - (rightXLogX / n);
        double leftXLogX = 0.0;
        double bestChildren = double.PositiveInfinity;
        int bestPosition = -1;
        for (int p = 1; p < n; p++)
        {
            int label = labels[p - 1];
            leftXLogX += SpecialFunctions.XLogX(left[label] + 1) - SpecialFunctions.XLogX(left[label]);
            rightXLogX += SpecialFunctions.XLogX(right[label] - 1) - SpecialFunctions.XLogX(right[label]);
            left[label]++;
            right[label]--;
            if (!(sorted[p] > sorted[p - 1]) || p < minLeaf || n - p < minLeaf)
            {
                continue;
            }

            // n_L H_L + n_R H_R = n_L log n_L − Σ_L c log c + n_R log n_R − Σ_R c log c.
            double children = SpecialFunctions.XLogX(p) - leftXLogX + SpecialFunctions.XLogX(n - p) - rightXLogX;
            if (children < bestChildren - (TieTolerance * n))
            {
                bestChildren = children;
                bestPosition = p;
            }
        }

        if (bestPosition < 0)
        {
            return null;
        }

        double gain = Math.Max(0.0, parent - (bestChildren / n));
        double threshold = (sorted[bestPosition - 1] / 2.0) + (sorted[bestPosition] / 2.0);
        if (threshold == sorted[bestPosition] || double.IsInfinity(threshold))
        {
            threshold = sorted[bestPosition - 1];
        }

        double fractionLeft = (double)bestPosition / n;
        double splitInformation = -SpecialFunctions.XLogX(fractionLeft) - SpecialFunctions.XLogX(1.0 - fractionLeft);
        return new ThresholdSplit(threshold, gain, gain / splitInformation, bestPosition, n - bestPosition);
    }

    internal static void CheckCodes(ReadOnlySpan<int> codes, int count, string paramName)
    {
        for (int i = 0; i < codes.Length; i++)
        {
            if ((uint)codes[i] >= (uint)count)
            {
                throw new ArgumentException($"{paramName} has the code {codes[i]} at index {i}, outside [0, {count}).", paramName);
            }
        }
    }
}
