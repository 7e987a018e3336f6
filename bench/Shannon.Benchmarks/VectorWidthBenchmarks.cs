using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Shannon.Measures;

namespace Shannon.Benchmarks;

/// <summary>
/// Entropy and cross-entropy of 10⁷ doubles with the machine's full vector width and with AVX switched off
/// (DOTNET_EnableAVX=0: SSE4.2 and 128-bit vectors, no FMA, as on x64 without AVX; ARM64 runs the same two-lane
/// code on NEON), in one run: the no-AVX job should stay within 3× of the default.
/// Run: dotnet run -c Release --project bench/Shannon.Benchmarks -- --filter '*VectorWidth*'
/// </summary>
[Config(typeof(Config))]
public class VectorWidthBenchmarks
{
    private double[] _p = [];
    private double[] _q = [];

    [GlobalSetup]
    public void Setup()
    {
        _p = BenchData.HashedDistribution(10_000_000, salt: 0);
        _q = BenchData.HashedDistribution(10_000_000, salt: 500);
    }

    [Benchmark]
    public double Entropy10M() => Entropy.Of(_p);

    [Benchmark]
    public double CrossEntropy10M() => CrossEntropy.Of(_p, _q);

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config()
        {
            var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);
            AddJob(job.WithId("default"));
            AddJob(job.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_EnableAVX", "0")).WithId("no-AVX"));
            AddJob(job.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_EnableAVX2", "0")).WithId("no-AVX2"));
            WithBuildTimeout(TimeSpan.FromMinutes(15)); // the generated project builds slowly on a busy 2-core machine
        }
    }
}
