using BenchmarkDotNet.Attributes;
using Shannon.Measures;

namespace Shannon.Benchmarks;

/// <summary>N-dimensional measures on a 100×100×100 closed-form table that bench/peers/joint.py also builds.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class JointBenchmarks
{
    private JointDistribution _joint = null!;

    [GlobalSetup]
    public void Setup()
    {
        _joint = new JointDistribution(BenchData.HashedDistribution(1_000_000, salt: 0), [100, 100, 100]);
        Console.WriteLine(
            $"// I(Y;Z|X) = {MutualInformation.Conditional(_joint, [1], [2], [0]):R}, TC = {Multivariate.TotalCorrelation(_joint):R}, " +
            $"co-information = {Multivariate.CoInformation(_joint):R} nats");
    }

    [Benchmark]
    public JointDistribution MarginalXZ() => _joint.Marginal([0, 2]);

    [Benchmark]
    public double ConditionalMutualInformation() => MutualInformation.Conditional(_joint, [1], [2], [0]);

    [Benchmark]
    public double TotalCorrelation() => Multivariate.TotalCorrelation(_joint);

    [Benchmark]
    public double CoInformation() => Multivariate.CoInformation(_joint);
}
