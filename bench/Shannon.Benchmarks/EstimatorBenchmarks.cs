using BenchmarkDotNet.Attributes;
using Shannon.Estimators.Continuous;

namespace Shannon.Benchmarks;

/// <summary>
/// KSG mutual information (k = 3, scikit-learn's mutual_info_regression computation) on the pairs that
/// bench/peers/estimators.py writes to bench/data/ksg_&lt;n&gt;.f64; run that script first.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class EstimatorBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchData.Pairs(N);

    [Benchmark]
    public double MutualInfoRegression() => ScikitLearnParity.MutualInfoRegression(_x, _y).Value;

    /// <summary>The estimator every command runs for two continuous columns: KSG 1 with the default jitter (seed 0).</summary>
    [Benchmark]
    public double DefaultKsg() => new Ksg().MutualInformation(_x, _y).Value;

    [Benchmark]
    public double KsgAlgorithm2() => new Ksg(Algorithm: 2).MutualInformation(_x, _y).Value;
}
