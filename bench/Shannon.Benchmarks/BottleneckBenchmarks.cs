using BenchmarkDotNet.Attributes;
using Shannon.Bottleneck;

namespace Shannon.Benchmarks;

/// <summary>
/// Issue 7's speed target: the iterative information bottleneck annealed over a 50-point geometric β sweep
/// (0.1 … 100) on a 1000 × 10 joint, at |T| = 10 and 30. The joint is
/// p(x, y) ∝ 1 + ((10x + y)·2654435761 + 17 mod 1000)/1000 + 4·[y = (x·2654435761 mod 1000) mod 10].
/// No peer: dit (the only library with an IB on a joint) is not installed here.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BottleneckBenchmarks
{
    private const int XCount = 1000;
    private const int YCount = 10;
    private double[] _joint = [];
    private double[] _betas = [];

    /// <summary>|T|, the bottleneck's cardinality.</summary>
    [Params(10, 30)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _joint = HashedJoint(XCount, YCount);
        _betas = Enumerable.Range(0, 50).Select(i => 0.1 * Math.Pow(1000.0, i / 49.0)).ToArray();
    }

    /// <summary>The benchmark's joint (see the class summary), normalised.</summary>
    public static double[] HashedJoint(int xCount, int yCount)
    {
        var joint = new double[xCount * yCount];
        double total = 0;
        for (int x = 0; x < xCount; x++)
        {
            int favourite = (int)((long)x * 2654435761L % 1000 % yCount);
            for (int y = 0; y < yCount; y++)
            {
                double weight = 1.0 + ((((long)((x * yCount) + y) * 2654435761L) + 17) % 1000 / 1000.0) + (y == favourite ? 4.0 : 0.0);
                joint[(x * yCount) + y] = weight;
                total += weight;
            }
        }

        for (int i = 0; i < joint.Length; i++)
        {
            joint[i] /= total;
        }

        return joint;
    }

    [Benchmark]
    public double AnnealSweep50() => InformationBottleneck.Anneal(_joint, XCount, YCount, _betas, Clusters, seed: 0)[^1].RelevantInformation;
}
