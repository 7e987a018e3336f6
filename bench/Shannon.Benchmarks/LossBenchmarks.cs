using BenchmarkDotNet.Attributes;
using Shannon.Losses;

namespace Shannon.Benchmarks;

/// <summary>
/// Cross-entropy from logits at the shape issue 3 names: 1024 rows × 50,257 classes (GPT-2's vocabulary), float32.
/// The logits and targets are the hashed values bench/peers/losses.py gives PyTorch, so both sides print the same loss.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class LossBenchmarks
{
    private const int Rows = 1024;
    private const int Classes = 50_257;
    private static readonly CrossEntropyOptions Smoothing = new() { LabelSmoothing = 0.1 };
    private float[] _logits = [];
    private int[] _targets = [];
    private float[] _gradient = [];

    /// <summary>Logit k = ((k · 2654435761) mod 2³²) / 2³² · 8 − 4, in [−4, 4); target i = (i · 7919) mod C.</summary>
    public static (float[] Logits, int[] Targets) HashedLogits(int rows, int classes)
    {
        var logits = new float[rows * classes];
        for (int k = 0; k < logits.Length; k++)
        {
            uint h = unchecked((uint)k * 2654435761u);
            logits[k] = (float)((h / 4294967296.0 * 8.0) - 4.0);
        }

        var targets = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            targets[i] = (int)((long)i * 7919 % classes);
        }

        return (logits, targets);
    }

    [GlobalSetup]
    public void Setup()
    {
        (_logits, _targets) = HashedLogits(Rows, Classes);
        _gradient = new float[_logits.Length];
        Console.WriteLine($"// value CrossEntropy = {CrossEntropy():R}");
        Console.WriteLine($"// value CrossEntropy_LabelSmoothing = {CrossEntropy_LabelSmoothing():R}");
    }

    [Benchmark(Baseline = true)]
    public double CrossEntropy() => CrossEntropyLoss.FromLogits(_logits, Classes, _targets).Value;

    [Benchmark]
    public double CrossEntropy_LabelSmoothing() => CrossEntropyLoss.FromLogits(_logits, Classes, _targets, Smoothing).Value;

    [Benchmark]
    public double CrossEntropy_WithGradient() => CrossEntropyLoss.FromLogits(_logits, Classes, _targets, gradient: _gradient).Value;
}
