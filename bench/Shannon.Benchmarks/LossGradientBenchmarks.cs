using BenchmarkDotNet.Attributes;
using Shannon.Losses;

namespace Shannon.Benchmarks;

/// <summary>
/// Losses with their gradients at the shapes issue 21 names: NT-Xent of 2N = 4096 embeddings of D = 128, and the binary
/// cross-entropy with logits on 10⁷ elements, float32. The inputs are the hashed values bench/peers/loss_gradients.py gives
/// PyTorch, so both sides print the same loss.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class LossGradientBenchmarks
{
    private const int Anchors = 4096;
    private const int Dimension = 128;
    private const int Elements = 10_000_000;
    private float[] _embeddings = [];
    private float[] _embeddingGradient = [];
    private float[] _logits = [];
    private float[] _targets = [];
    private float[] _logitGradient = [];

    /// <summary>Value k = ((k · 2654435761 + salt) mod 2³²) / 2³² · (high − low) + low, as float32.</summary>
    public static float[] Hashed(int length, uint salt, double low, double high)
    {
        var values = new float[length];
        for (int k = 0; k < length; k++)
        {
            uint h = unchecked(((uint)k * 2654435761u) + salt);
            values[k] = (float)((h / 4294967296.0 * (high - low)) + low);
        }

        return values;
    }

    [GlobalSetup]
    public void Setup()
    {
        _embeddings = Hashed(Anchors * Dimension, 12345u, -1.0, 1.0);
        _embeddingGradient = new float[_embeddings.Length];
        _logits = Hashed(Elements, 777u, -8.0, 8.0);
        _targets = Hashed(Elements, 99u, 0.0, 1.0);
        for (int i = 0; i < _targets.Length; i++)
        {
            _targets[i] = _targets[i] < 0.5f ? 0f : 1f;
        }

        _logitGradient = new float[Elements];
        Console.WriteLine($"// value NtXent_WithGradient = {NtXent_WithGradient():R}");
        Console.WriteLine($"// value BceWithLogits_WithGradient = {BceWithLogits_WithGradient():R}");
    }

    [Benchmark]
    public double NtXent_WithGradient() => InfoNce.NtXent(_embeddings, Dimension, 0.5, gradient: _embeddingGradient).Value;

    [Benchmark]
    public double NtXent() => InfoNce.NtXent(_embeddings, Dimension, 0.5).Value;

    [Benchmark]
    public double BceWithLogits_WithGradient() => BinaryCrossEntropy.FromLogits(_logits, _targets, gradient: _logitGradient).Value;

    [Benchmark]
    public double BceWithLogits() => BinaryCrossEntropy.FromLogits(_logits, _targets).Value;
}
