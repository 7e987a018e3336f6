using System.Numerics.Tensors;
using Shannon.Numerics;

namespace Shannon.Bottleneck;

/// <summary>
/// A validated joint p(x, y) with what every bottleneck update needs, laid out cluster-major so that the inner
/// loops run over x (long, vectorised): p(x), p(y|x) transposed, Σ_y p(y|x) log p(y|x); plus p(t), p(y|t) and
/// log p(y|t) at a given |T|. Encoders here are transposed, |T| × |X|.
/// </summary>
internal sealed class BottleneckProblem
{
    private readonly double[] _jointByColumn;
    private readonly double[] _conditionalByColumn;
    private readonly double[] _negativeEntropy;
    private readonly double[] _logDecoder;
    private readonly double[] _logClusterMarginal;
    private readonly bool[] _decoderHasZero;

    internal BottleneckProblem(ReadOnlySpan<double> joint, int xCount, int yCount, int clusters)
    {
        BottleneckGuard.Joint(joint, xCount, yCount, nameof(joint), nameof(xCount), nameof(yCount));
        BottleneckGuard.Dimension(clusters, nameof(clusters));
        BottleneckGuard.Cells(xCount, clusters, "The encoder p(t|x)", nameof(clusters));
        BottleneckGuard.Cells(clusters, yCount, "The decoder p(y|t)", nameof(clusters));
        XCount = xCount;
        YCount = yCount;
        Clusters = clusters;
        Marginal = new double[xCount];
        StochasticMatrix.RowSums(joint, xCount, yCount, Marginal);
        _jointByColumn = new double[yCount * xCount];
        _conditionalByColumn = new double[yCount * xCount];
        _negativeEntropy = new double[xCount];
        var conditional = new double[yCount];
        for (int x = 0; x < xCount; x++)
        {
            for (int y = 0; y < yCount; y++)
            {
                double pxy = joint[(x * yCount) + y];
                _jointByColumn[(y * xCount) + x] = pxy;
                conditional[y] = Marginal[x] == 0.0 ? 0.0 : pxy / Marginal[x];
                _conditionalByColumn[(y * xCount) + x] = conditional[y];
            }

            _negativeEntropy[x] = -StochasticMatrix.Entropy(conditional);
        }

        MutualInformation = StochasticMatrix.MutualInformation(joint, xCount, yCount);
        ClusterMarginal = new double[clusters];
        Decoder = new double[clusters * yCount];
        _logDecoder = new double[clusters * yCount];
        _logClusterMarginal = new double[clusters];
        _decoderHasZero = new bool[clusters];
    }

    internal int XCount { get; }

    internal int YCount { get; }

    internal int Clusters { get; }

    /// <summary>I(X;Y) in nats.</summary>
    internal double MutualInformation { get; }

    /// <summary>p(x).</summary>
    internal double[] Marginal { get; }

    /// <summary>p(t) after <see cref="Update"/>.</summary>
    internal double[] ClusterMarginal { get; }

    /// <summary>p(y|t), row-major |T| × |Y|, after <see cref="Update"/>.</summary>
    internal double[] Decoder { get; }

    /// <summary>Recomputes p(t), p(y|t) and log p(y|t) from a transposed encoder p(t|x) (|T| × |X|).</summary>
    internal void Update(ReadOnlySpan<double> encoderByCluster)
    {
        int xCount = XCount;
        int yCount = YCount;
        for (int t = 0; t < Clusters; t++)
        {
            var weights = encoderByCluster.Slice(t * xCount, xCount);
            double mass = TensorPrimitives.Dot(weights, Marginal);
            ClusterMarginal[t] = mass;
            var decoderRow = Decoder.AsSpan(t * yCount, yCount);
            var logRow = _logDecoder.AsSpan(t * yCount, yCount);
            if (mass == 0.0)
            {
                decoderRow.Clear();
                logRow.Fill(double.NegativeInfinity);
                _logClusterMarginal[t] = double.NegativeInfinity;
                _decoderHasZero[t] = true;
                continue;
            }

            for (int y = 0; y < yCount; y++)
            {
                decoderRow[y] = Math.Max(0.0, TensorPrimitives.Dot(weights, _jointByColumn.AsSpan(y * xCount, xCount)) / mass);
            }

            _logClusterMarginal[t] = Math.Log(mass);
            TensorPrimitives.Log(decoderRow, logRow);
            _decoderHasZero[t] = TensorPrimitives.Min(decoderRow) == 0.0;
        }
    }

    /// <summary>
    /// Writes s(t, x) = log p(t) − β D(p(y|x) ‖ p(y|t)) into <paramref name="destination"/> (|T| × |X|): −∞ for an
    /// unused cluster or where p(y|t) = 0 &lt; p(y|x). A row with p(x) = 0 scores log p(t).
    /// </summary>
    internal void Scores(double beta, Span<double> destination) => Scores(beta, 0, XCount, destination);

    /// <summary>
    /// The scores of <see cref="Scores(double, Span{double})"/> for the x in [<paramref name="start"/>,
    /// <paramref name="start"/> + <paramref name="length"/>) only, written as |T| rows of <paramref name="length"/>
    /// (a block small enough to stay in cache while the caller normalises it).
    /// </summary>
    internal void Scores(double beta, int start, int length, Span<double> destination)
    {
        int xCount = XCount;
        var negativeEntropy = _negativeEntropy.AsSpan(start, length);
        for (int t = 0; t < Clusters; t++)
        {
            var row = destination.Slice(t * length, length);
            if (ClusterMarginal[t] == 0.0)
            {
                row.Fill(double.NegativeInfinity);
                continue;
            }

            if (_decoderHasZero[t])
            {
                ScoresWithZeros(t, beta, start, row);
                continue;
            }

            // s = log p(t) + β (Σ_y p(y|x) log p(y|t) − Σ_y p(y|x) log p(y|x)), clamped at log p(t) (D ≥ 0).
            TensorPrimitives.Multiply(negativeEntropy, -beta, row);
            for (int y = 0; y < YCount; y++)
            {
                double weight = beta * _logDecoder[(t * YCount) + y];
                TensorPrimitives.MultiplyAdd(_conditionalByColumn.AsSpan((y * xCount) + start, length), weight, row, row);
            }

            TensorPrimitives.Add(row, _logClusterMarginal[t], row);
            TensorPrimitives.Min(row, _logClusterMarginal[t], row);
        }
    }

    /// <summary>The solution record for a transposed encoder, with I(X;T), I(T;Y) and H(T) in <paramref name="logBase"/>.</summary>
    internal BottleneckSolution Solution(ReadOnlySpan<double> encoderByCluster, double beta, int iterations, bool converged, LogBase logBase)
    {
        Update(encoderByCluster);
        var encoder = new double[XCount * Clusters];
        var jointXT = new double[XCount * Clusters];
        for (int x = 0; x < XCount; x++)
        {
            for (int t = 0; t < Clusters; t++)
            {
                double weight = encoderByCluster[(t * XCount) + x];
                encoder[(x * Clusters) + t] = weight;
                jointXT[(x * Clusters) + t] = Marginal[x] * weight;
            }
        }

        var jointTY = new double[Clusters * YCount];
        for (int t = 0; t < Clusters; t++)
        {
            TensorPrimitives.Multiply(Decoder.AsSpan(t * YCount, YCount), ClusterMarginal[t], jointTY.AsSpan(t * YCount, YCount));
        }

        double compression = StochasticMatrix.MutualInformation(jointXT, XCount, Clusters);
        double relevant = StochasticMatrix.MutualInformation(jointTY, Clusters, YCount);
        double entropy = StochasticMatrix.Entropy(ClusterMarginal);
        return new BottleneckSolution(
            beta, Clusters, encoder, (double[])ClusterMarginal.Clone(), (double[])Decoder.Clone(),
            logBase.FromNats(compression), logBase.FromNats(relevant), logBase.FromNats(entropy), logBase.FromNats(MutualInformation), iterations, converged, logBase);
    }

    /// <summary>A random transposed encoder from <paramref name="random"/>: soft columns u/Σu, or one-hot columns with a uniform cluster.</summary>
    internal double[] RandomEncoder(Random random, bool hard)
    {
        var encoder = new double[Clusters * XCount];
        for (int x = 0; x < XCount; x++)
        {
            if (hard)
            {
                encoder[(random.Next(Clusters) * XCount) + x] = 1.0;
                continue;
            }

            double total = 0.0;
            for (int t = 0; t < Clusters; t++)
            {
                double u = 1.0 - random.NextDouble();
                encoder[(t * XCount) + x] = u;
                total += u;
            }

            for (int t = 0; t < Clusters; t++)
            {
                encoder[(t * XCount) + x] /= total;
            }
        }

        return encoder;
    }

    private void ScoresWithZeros(int t, double beta, int start, Span<double> row)
    {
        int xCount = XCount;
        var logRow = _logDecoder.AsSpan(t * YCount, YCount);
        for (int i = 0; i < row.Length; i++)
        {
            int x = start + i;
            double cross = 0.0;
            for (int y = 0; y < YCount; y++)
            {
                double conditional = _conditionalByColumn[(y * xCount) + x];
                if (conditional > 0.0)
                {
                    cross += conditional * logRow[y];
                }
            }

            double divergence = Math.Max(0.0, _negativeEntropy[x] - cross);
            row[i] = double.IsPositiveInfinity(divergence) ? double.NegativeInfinity : _logClusterMarginal[t] - (beta * divergence);
        }
    }
}
