namespace Shannon.Bottleneck;

/// <summary>An information-bottleneck encoder p(t|x) with its decoder and its place in the information plane.</summary>
/// <param name="Beta">The trade-off β of the objective that was minimised.</param>
/// <param name="Clusters">|T|, the cardinality of the bottleneck variable.</param>
/// <param name="Encoder">p(t|x), row-major |X| × |T|; one-hot rows for the deterministic bottleneck.</param>
/// <param name="ClusterMarginal">p(t) = Σₓ p(x) p(t|x) (length |T|); unused clusters have mass 0.</param>
/// <param name="Decoder">p(y|t), row-major |T| × |Y|; rows of unused clusters are all 0.</param>
/// <param name="CompressionInformation">I(X;T) in <paramref name="Unit"/>: what the encoder keeps of X.</param>
/// <param name="RelevantInformation">I(T;Y) in <paramref name="Unit"/>: what T tells about Y; ≤ I(X;Y).</param>
/// <param name="ClusterEntropy">H(T) in <paramref name="Unit"/>; equals I(X;T) for a deterministic encoder.</param>
/// <param name="MutualInformation">I(X;Y) of the joint in <paramref name="Unit"/>: the ceiling of <paramref name="RelevantInformation"/>.</param>
/// <param name="Iterations">Fixed-point iterations performed.</param>
/// <param name="Converged">Whether the iteration reached its stopping rule before the limit.</param>
/// <param name="Unit">The unit of the three informations.</param>
public sealed record BottleneckSolution(
    double Beta, int Clusters, double[] Encoder, double[] ClusterMarginal, double[] Decoder,
    double CompressionInformation, double RelevantInformation, double ClusterEntropy, double MutualInformation,
    int Iterations, bool Converged, LogBase Unit)
{
    /// <summary>The starts tried for this β, the best of which by the IB Lagrangian this is (1 for a single start or a sweep point).</summary>
    public int Restarts { get; init; } = 1;
}
