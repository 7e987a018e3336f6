namespace Shannon.Bottleneck;

/// <summary>The merge tree of the agglomerative information bottleneck, from |X| singleton clusters down to one.</summary>
/// <param name="XCount">|X|, the number of leaves.</param>
/// <param name="InitialCompressionInformation">I(X;T) = H(X) with every x its own cluster, in <paramref name="Unit"/>.</param>
/// <param name="InitialRelevantInformation">I(X;Y) with every x its own cluster, in <paramref name="Unit"/>.</param>
/// <param name="Merges">The |X| − 1 merges in order; cluster |X| + s is the one made by merge s.</param>
/// <param name="Unit">The unit of every information in the hierarchy.</param>
public sealed record AgglomerativeHierarchy(
    int XCount, double InitialCompressionInformation, double InitialRelevantInformation, IReadOnlyList<AgglomerativeMerge> Merges, LogBase Unit)
{
    /// <summary>The hard clustering with a given number of clusters: the state after |X| − <paramref name="clusters"/> merges.</summary>
    /// <param name="clusters">The number of clusters, 1 ≤ k ≤ |X|.</param>
    /// <returns>For every x its cluster label in 0..k−1, labels numbered by first appearance in x order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusters"/> is outside 1..|X|.</exception>
    public int[] Assignment(int clusters)
    {
        if (clusters < 1 || clusters > XCount)
        {
            throw new ArgumentOutOfRangeException(nameof(clusters), clusters, $"clusters must be between 1 and {XCount}; got {clusters}.");
        }

        // Union–find over node ids: leaves 0..|X|−1, merge s creates node |X| + s.
        var parent = new int[XCount + Merges.Count];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        for (int s = 0; s < XCount - clusters; s++)
        {
            parent[Merges[s].Left] = XCount + s;
            parent[Merges[s].Right] = XCount + s;
        }

        var labels = new int[XCount];
        var names = new Dictionary<int, int>();
        for (int x = 0; x < XCount; x++)
        {
            int root = x;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            if (!names.TryGetValue(root, out int label))
            {
                label = names.Count;
                names[root] = label;
            }

            labels[x] = label;
        }

        return labels;
    }
}
