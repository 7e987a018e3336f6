using BenchmarkDotNet.Attributes;
using Shannon.Measures;

namespace Shannon.Benchmarks;

/// <summary>
/// Label-agreement measures at the sizes issue 2 names: MI on 10⁷ label pairs of 100 × 100 classes, AMI on
/// 10⁵ pairs of 500 × 500 clusters. The labels are SplitMix64 hashes of the item index, the same ones
/// bench/peers/clustering.py gives scikit-learn, so both sides print the same value.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class ClusteringBenchmarks
{
    private int[] _miTrue = [];
    private int[] _miPredicted = [];
    private int[] _amiTrue = [];
    private int[] _amiPredicted = [];

    /// <summary>Label i of a labelling: SplitMix64(seed + (i + 1)·0x9E3779B97F4A7C15) mod classes.</summary>
    public static int[] HashedLabels(int length, int classes, ulong seed)
    {
        var labels = new int[length];
        for (int i = 0; i < length; i++)
        {
            ulong z = unchecked(seed + ((ulong)(i + 1) * 0x9E3779B97F4A7C15UL));
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            labels[i] = (int)(z % (ulong)classes);
        }

        return labels;
    }

    [GlobalSetup]
    public void Setup()
    {
        _miTrue = HashedLabels(10_000_000, 100, seed: 1);
        _miPredicted = HashedLabels(10_000_000, 100, seed: 2);
        _amiTrue = HashedLabels(100_000, 500, seed: 3);
        _amiPredicted = HashedLabels(100_000, 500, seed: 4);
        Console.WriteLine($"// value MutualInformation_1e7_100x100 = {MutualInformation_1e7_100x100():R}");
        Console.WriteLine($"// value AdjustedMutualInformation_1e5_500x500 = {AdjustedMutualInformation_1e5_500x500():R}");
    }

    [Benchmark]
    public double MutualInformation_1e7_100x100() => Clustering.MutualInformation(_miTrue, _miPredicted);

    [Benchmark]
    public double AdjustedMutualInformation_1e5_500x500() => Clustering.AdjustedMutualInformation(_amiTrue, _amiPredicted);

    [Benchmark]
    public double NormalizedMutualInformation_1e5_500x500() => Clustering.NormalizedMutualInformation(_amiTrue, _amiPredicted);
}
