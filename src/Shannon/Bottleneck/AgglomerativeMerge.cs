namespace Shannon.Bottleneck;

/// <summary>One step of the agglomerative information bottleneck: two clusters merged into a new one.</summary>
/// <param name="Left">The first merged cluster: an x in 0..|X|−1, or |X| + s for the cluster made at step s.</param>
/// <param name="Right">The second merged cluster, numbered as <paramref name="Left"/>.</param>
/// <param name="Cost">The loss of relevant information I(T;Y) this merge caused, in the hierarchy's unit; ≥ 0.</param>
/// <param name="Clusters">The number of clusters after the merge.</param>
/// <param name="CompressionInformation">I(X;T) = H(T) after the merge, in the hierarchy's unit.</param>
/// <param name="RelevantInformation">I(T;Y) after the merge, in the hierarchy's unit.</param>
public sealed record AgglomerativeMerge(int Left, int Right, double Cost, int Clusters, double CompressionInformation, double RelevantInformation);
