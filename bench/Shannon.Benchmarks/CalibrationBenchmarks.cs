using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Shannon.Calibration;
using Shannon.Data.Npy;

namespace Shannon.Benchmarks;

/// <summary>
/// The calibration report (NLL, Brier, top-label ECE/MCE, classwise ECE, 15 bins) and the temperature fit on float32
/// logits memory-mapped from the .npy files bench/peers/calibration.py writes (bench/data/calibration_NxC_*.npy), the
/// same files the PyTorch and numpy peers read. Run the peer once first to write them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class CalibrationBenchmarks
{
    private NpyMap? _map;
    private int[] _labels = [];

    /// <summary>N×C of the logits file.</summary>
    [Params("1000000x10", "1000000x1000")]
    public string Shape { get; set; } = "1000000x10";

    [GlobalSetup]
    public void Setup()
    {
        string stem = Path.Combine(BenchData.RepositoryRoot(), "bench", "data", $"calibration_{Shape}");
        if (!File.Exists(stem + "_logits.npy"))
        {
            throw new FileNotFoundException($"{stem}_logits.npy is missing: run /usr/bin/python3 bench/peers/calibration.py {Shape.Replace('x', ' ')} first (it writes the shared inputs).");
        }

        _map = NpyFile.Map(stem + "_logits.npy");
        _labels = NpyFile.Read(stem + "_labels.npy").ToInt32();
        var report = CalibrationReport.FromLogits(_map.Singles, _map.Columns, _labels, new CalibrationOptions { FitTemperature = true });
        Console.WriteLine($"// value {Shape}: accuracy {report.Accuracy:R} nll {report.Nll:R} brier {report.Brier:R} ece {report.Ece:R} mce {report.Mce:R} classwise {report.EceClasswise:R}");
        Console.WriteLine($"// value {Shape}: T* {report.Temperature!.Temperature:R} nll after {report.Temperature.NllAfter:R} ece after {report.Temperature.EceAfter:R} passes {report.Temperature.Passes}");
    }

    [GlobalCleanup]
    public void Cleanup() => _map?.Dispose();

    [Benchmark(Baseline = true)]
    public double Report() => CalibrationReport.FromLogits(_map!.Singles, _map.Columns, _labels).Ece;

    [Benchmark]
    public double ReportAndTemperature() =>
        CalibrationReport.FromLogits(_map!.Singles, _map.Columns, _labels, new CalibrationOptions { FitTemperature = true }).Temperature!.Temperature;
}
