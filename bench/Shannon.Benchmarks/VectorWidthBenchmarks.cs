using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Shannon.Calibration;
using Shannon.Losses;
using Shannon.Measures;

namespace Shannon.Benchmarks;

/// <summary>
/// Entropy and cross-entropy of 10⁷ doubles with the machine's full vector width and with AVX switched off
/// (DOTNET_EnableAVX=0: SSE4.2 and 128-bit vectors, no FMA, as on x64 without AVX; ARM64 runs the same two-lane
/// code on NEON), in one run: the no-AVX job should stay within 3× of the default. Also the kernels written once on
/// <see cref="System.Numerics.Vector{T}"/>: the calibration report and temperature fit of 10⁵ × 10 float logits, the
/// binary cross-entropy of 10⁶ float logits and InfoNCE on 1024 pairs of 128-dimensional float embeddings.
/// Run: dotnet run -c Release --project bench/Shannon.Benchmarks -- --filter '*VectorWidth*'
/// </summary>
[Config(typeof(Config))]
public class VectorWidthBenchmarks
{
    private double[] _p = [];
    private double[] _q = [];
    private float[] _logits = [];
    private int[] _labels = [];
    private float[] _binaryLogits = [];
    private float[] _targets = [];
    private float[] _z1 = [];
    private float[] _z2 = [];

    [GlobalSetup]
    public void Setup()
    {
        _p = BenchData.HashedDistribution(10_000_000, salt: 0);
        _q = BenchData.HashedDistribution(10_000_000, salt: 500);
        var random = new Random(2026);
        _labels = Enumerable.Range(0, 100_000).Select(_ => random.Next(10)).ToArray();
        _logits = Enumerable.Range(0, 1_000_000).Select(i => (float)((random.NextDouble() * 6) - 3 + (i % 10 == _labels[i / 10] ? 3 : 0))).ToArray();
        _binaryLogits = Enumerable.Range(0, 1_000_000).Select(_ => (float)((random.NextDouble() * 8) - 4)).ToArray();
        _targets = Enumerable.Range(0, 1_000_000).Select(_ => (float)random.Next(2)).ToArray();
        _z1 = Enumerable.Range(0, 1024 * 128).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        _z2 = Enumerable.Range(0, 1024 * 128).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }

    [Benchmark]
    public double Entropy10M() => Entropy.Of(_p);

    [Benchmark]
    public double CrossEntropy10M() => CrossEntropy.Of(_p, _q);

    [Benchmark]
    public double CalibrationReport100kx10() => CalibrationReport.FromLogits(_logits, 10, _labels).Ece;

    [Benchmark]
    public double TemperatureFit100kx10() => TemperatureScaling.FromLogits(_logits, 10, _labels).Temperature;

    [Benchmark]
    public double BinaryCrossEntropy1M() => BinaryCrossEntropy.FromLogits(_binaryLogits, _targets).Value;

    [Benchmark]
    public double InfoNce1024x128() => InfoNce.FromEmbeddings(_z1, _z2, 128).Loss;

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
