using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Shannon.Losses;
using Shannon.Measures;

namespace Shannon.Benchmarks;

/// <summary>
/// What a caller gets before the JIT's tiers settle: each "first-call" measurement is the first call in a fresh
/// process (RunStrategy.ColdStart, one invocation, five processes), "calls-2-8" discards that first call and times
/// the next seven, one invocation each; "steady" is the usual warmed-up measurement. Entropy, KL and cross-entropy
/// of 10⁷ doubles and the cross-entropy loss of 256 × 50,257 float logits; the data is built in GlobalSetup, outside
/// the timing.
/// Run: dotnet run -c Release --project bench/Shannon.Benchmarks -- --filter '*FirstCall*'
/// </summary>
[Config(typeof(Config))]
public class FirstCallBenchmarks
{
    private const int Classes = 50_257;
    private double[] _p = [];
    private double[] _q = [];
    private float[] _logits = [];
    private int[] _targets = [];

    [GlobalSetup]
    public void Setup()
    {
        _p = BenchData.HashedDistribution(10_000_000, salt: 0);
        _q = BenchData.HashedDistribution(10_000_000, salt: 500);
        (_logits, _targets) = LossBenchmarks.HashedLogits(256, Classes);
    }

    [Benchmark]
    public double Entropy10M() => Entropy.Of(_p);

    [Benchmark]
    public double KullbackLeibler10M() => Divergence.KullbackLeibler(_p, _q);

    [Benchmark]
    public double CrossEntropy10M() => CrossEntropy.Of(_p, _q);

    [Benchmark]
    public double CrossEntropyLoss256xGpt2() => CrossEntropyLoss.FromLogits(_logits, Classes, _targets).Value;

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(3).WithWarmupCount(0).WithIterationCount(1).WithInvocationCount(1).WithUnrollFactor(1).WithId("first-call"));
            AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(3).WithWarmupCount(1).WithIterationCount(7).WithInvocationCount(1).WithUnrollFactor(1).WithId("calls-2-8"));
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("steady"));
            WithBuildTimeout(TimeSpan.FromMinutes(15)); // the generated project builds slowly on a busy 2-core machine
        }
    }
}
