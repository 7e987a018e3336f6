using BenchmarkDotNet.Attributes;
using Shannon.Measures;

namespace Shannon.Benchmarks;

/// <summary>Entropy and KL of the closed-form distributions bench/peers/measures.py also builds, at the lengths.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EntropyBenchmarks
{
    private double[] _p = [];
    private double[] _q = [];

    [Params(128, 3079, 10_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _p = BenchData.HashedDistribution(Length, salt: 0);
        _q = BenchData.HashedDistribution(Length, salt: 500);
        Console.WriteLine($"// n={Length}: H(p) = {Entropy.Of(_p):R} nats, KL(p||q) = {Divergence.KullbackLeibler(_p, _q):R} nats");
    }

    [Benchmark]
    public double Shannon() => Entropy.Of(_p);

    [Benchmark]
    public double KullbackLeibler() => Divergence.KullbackLeibler(_p, _q);
}
