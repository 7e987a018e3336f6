using Shannon.Numerics;

namespace Shannon.Bottleneck;

/// <summary>
/// The agglomerative information bottleneck of Slonim &amp; Tishby: start with every x its own cluster and greedily
/// merge the pair whose merge loses the least relevant information I(T;Y).
/// </summary>
/// <remarks>
/// Merging clusters i and j costs δI = (pᵢ + pⱼ) · JS_π(p(y|i), p(y|j)) with weights π = (pᵢ, pⱼ)/(pᵢ + pⱼ): the
/// drop in I(T;Y) (the β → ∞ limit of the IB merge criterion). The result is deterministic: ties go to the pair
/// found first in index order. Costs O(|X|² |Y|) time and O(|X|²) memory. Reference: Slonim, N. &amp; Tishby, N.
/// (1999), Agglomerative information bottleneck, Advances in Neural Information Processing Systems 12, 617–623,
/// https://papers.nips.cc/paper/1651-agglomerative-information-bottleneck.
/// </remarks>
public static class AgglomerativeBottleneck
{
    /// <summary>Builds the merge hierarchy of a joint distribution p(x, y).</summary>
    /// <param name="joint">p(x, y), row-major <paramref name="xCount"/> × <paramref name="yCount"/>; non-negative, summing to 1.</param>
    /// <param name="xCount">|X|, the rows.</param>
    /// <param name="yCount">|Y|, the columns.</param>
    /// <param name="logBase">The unit of the informations; nats by default.</param>
    /// <returns>The |X| − 1 merges with their costs and the (H(T), I(T;Y)) after each, in the unit of <paramref name="logBase"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have the stated shape, has a bad entry or does not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="xCount"/> or <paramref name="yCount"/> is below 1, or the |X| × |X| merge costs would not fit one array.</exception>
    /// <remarks>Rows with p(x) = 0 cost nothing to merge and go first. Reference as the class.</remarks>
    public static AgglomerativeHierarchy Merge(ReadOnlySpan<double> joint, int xCount, int yCount, LogBase logBase = default)
    {
        BottleneckGuard.Joint(joint, xCount, yCount, nameof(joint), nameof(xCount), nameof(yCount));
        BottleneckGuard.Cells(xCount, xCount, "The merge costs", nameof(xCount));
        return Build(joint.ToArray(), xCount, yCount, logBase);
    }

    /// <summary>Builds the merge hierarchy of the empirical joint of paired samples (x, y).</summary>
    /// <param name="x">The labels of X; each ≥ 0. |X| is the largest label + 1.</param>
    /// <param name="y">The labels of Y, paired with <paramref name="x"/>; each ≥ 0.</param>
    /// <param name="logBase">The unit of the informations; nats by default.</param>
    /// <returns>As <see cref="Merge"/> on p(x, y) = count(x, y) / n; leaves are the x labels 0..max(x).</returns>
    /// <exception cref="ArgumentException">The samples are empty, differ in length, or have a negative label.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The labels are so large that the (max x + 1) × (max y + 1) joint or the |X| × |X| merge costs would not fit one array (named <paramref name="x"/>).</exception>
    /// <remarks>The plug-in joint of the samples is clustered; its I(X;Y) is biased upward for small samples. Reference as the class.</remarks>
    public static AgglomerativeHierarchy FromSamples(ReadOnlySpan<int> x, ReadOnlySpan<int> y, LogBase logBase = default)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        long xCount = Labels(x, nameof(x));
        long yCount = Labels(y, nameof(y));
        BottleneckGuard.Cells(xCount, yCount, "The joint of the labels", nameof(x));
        BottleneckGuard.Cells(xCount, xCount, "The merge costs", nameof(x));
        return Tally(x, y, (int)xCount, (int)yCount, logBase);
    }

    /// <summary>The plug-in joint count(x, y) / n of labels already checked to fit, clustered.</summary>
    private static AgglomerativeHierarchy Tally(ReadOnlySpan<int> x, ReadOnlySpan<int> y, int xCount, int yCount, LogBase logBase)
    {
        var counts = new long[xCount * yCount];
        for (int i = 0; i < x.Length; i++)
        {
            counts[(x[i] * yCount) + y[i]]++;
        }

        var joint = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            joint[i] = (double)counts[i] / x.Length;
        }

        return Build(joint, xCount, yCount, logBase);
    }

    /// <summary>The number of labels, max + 1, in 64 bits (a label of <see cref="int.MaxValue"/> has int.MaxValue + 1).</summary>
    private static long Labels(ReadOnlySpan<int> labels, string paramName)
    {
        long max = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                throw new ArgumentException($"{paramName} has a negative label {labels[i]} at index {i}.", paramName);
            }

            max = Math.Max(max, labels[i]);
        }

        return max + 1;
    }

    private static AgglomerativeHierarchy Build(double[] rows, int xCount, int yCount, LogBase logBase)
    {
        var mass = new double[xCount];
        StochasticMatrix.RowSums(rows, xCount, yCount, mass);
        var id = new int[xCount];
        var active = new bool[xCount];
        for (int i = 0; i < xCount; i++)
        {
            id[i] = i;
            active[i] = true;
        }

        // cost[i, j] for i < j, and each row's cheapest partner j > i.
        var cost = new double[xCount * xCount];
        var best = new int[xCount];
        for (int i = 0; i < xCount; i++)
        {
            for (int j = i + 1; j < xCount; j++)
            {
                cost[(i * xCount) + j] = MergeCost(rows, mass, i, j, yCount);
            }
        }

        for (int i = 0; i < xCount; i++)
        {
            best[i] = Cheapest(cost, active, i, xCount);
        }

        double compression = StochasticMatrix.Entropy(mass);
        double relevant = StochasticMatrix.MutualInformation(rows, xCount, yCount);
        double initialCompression = compression;
        double initialRelevant = relevant;
        var merges = new List<AgglomerativeMerge>(xCount - 1);
        for (int step = 0; step < xCount - 1; step++)
        {
            int left = -1;
            for (int i = 0; i < xCount; i++)
            {
                if (active[i] && best[i] >= 0 && (left < 0 || cost[(i * xCount) + best[i]] < cost[(left * xCount) + best[left]]))
                {
                    left = i;
                }
            }

            int right = best[left];
            double delta = Math.Max(0.0, cost[(left * xCount) + right]);
            compression -= MergedEntropyLoss(mass[left], mass[right]);
            relevant = Math.Max(0.0, relevant - delta);
            merges.Add(new AgglomerativeMerge(
                id[left], id[right], logBase.FromNats(delta), xCount - step - 1,
                logBase.FromNats(Math.Max(0.0, compression)), logBase.FromNats(relevant)));

            // The merged cluster lives in slot `left`; slot `right` retires.
            var target = rows.AsSpan(left * yCount, yCount);
            var source = rows.AsSpan(right * yCount, yCount);
            for (int y = 0; y < yCount; y++)
            {
                target[y] += source[y];
            }

            mass[left] += mass[right];
            active[right] = false;
            id[left] = xCount + step;
            for (int k = 0; k < xCount; k++)
            {
                if (active[k] && k != left)
                {
                    (int a, int b) = k < left ? (k, left) : (left, k);
                    cost[(a * xCount) + b] = MergeCost(rows, mass, a, b, yCount);
                }
            }

            for (int k = 0; k < xCount; k++)
            {
                if (active[k] && (k <= left || best[k] == left || best[k] == right))
                {
                    best[k] = Cheapest(cost, active, k, xCount);
                }
            }
        }

        return new AgglomerativeHierarchy(xCount, logBase.FromNats(initialCompression), logBase.FromNats(initialRelevant), merges, logBase);
    }

    /// <summary>The cheapest active partner j &gt; i of cluster i, or −1.</summary>
    private static int Cheapest(double[] cost, bool[] active, int i, int xCount)
    {
        int best = -1;
        for (int j = i + 1; j < xCount; j++)
        {
            if (active[j] && (best < 0 || cost[(i * xCount) + j] < cost[(i * xCount) + best]))
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>
    /// δI = Σ_y [a log(a/pᵢ) + b log(b/pⱼ) − (a + b) log((a + b)/(pᵢ + pⱼ))] with a = p(i, y), b = p(j, y): the
    /// drop in I(T;Y) from merging clusters i and j, in nats.
    /// </summary>
    private static double MergeCost(double[] rows, double[] mass, int i, int j, int yCount)
    {
        double pi = mass[i];
        double pj = mass[j];
        if (pi == 0.0 || pj == 0.0)
        {
            return 0.0;
        }

        double merged = pi + pj;
        double sum = 0.0;
        var a = rows.AsSpan(i * yCount, yCount);
        var b = rows.AsSpan(j * yCount, yCount);
        for (int y = 0; y < yCount; y++)
        {
            double ay = a[y];
            double by = b[y];
            double both = ay + by;
            if (both == 0.0)
            {
                continue;
            }

            sum += SpecialFunctions.XLogY(ay, ay / pi) + SpecialFunctions.XLogY(by, by / pj) - (both * Math.Log(both / merged));
        }

        return Math.Max(0.0, sum);
    }

    /// <summary>The drop in H(T) when clusters of mass a and b merge: (a + b) H(a/(a+b), b/(a+b)), in nats.</summary>
    private static double MergedEntropyLoss(double a, double b)
    {
        double merged = a + b;
        return merged == 0.0 ? 0.0 : -SpecialFunctions.XLogY(a, a / merged) - SpecialFunctions.XLogY(b, b / merged);
    }
}
