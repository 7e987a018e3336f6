using BenchmarkDotNet.Attributes;
using Shannon.Measures;

namespace Shannon.Benchmarks;

/// <summary>Entropy of a seeded random distribution at the lengths the issues name.</summary>
[MemoryDiagnoser]
public class EntropyBenchmarks
{
    private double[] _p = [];

    [Params(128, 3079, 10_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup() => _p = BenchData.RandomDistribution(Length, seed: 42);

    [Benchmark]
    public double Shannon() => Entropy.Shannon(_p);
}
