using BenchmarkDotNet.Attributes;
using Shannon.Language.NGrams;

namespace Shannon.Benchmarks;

/// <summary>Kneser–Ney training and scoring throughput on the King James Bible (948,622 word tokens; 4,150,828 characters).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KneserNeyBenchmarks
{
    private KneserNeyModel _model = null!;
    private string _text = string.Empty;

    [Params(NGramLevel.Word, NGramLevel.Character)]
    public NGramLevel Level { get; set; }

    private int Order => Level == NGramLevel.Word ? 3 : 5;

    [GlobalSetup]
    public void Setup()
    {
        _text = KingJamesBible.Text;
        _model = KneserNeyModel.Train(_text, Order, Level);
    }

    [Benchmark]
    public long Train() => KneserNeyModel.Train(_text, Order, Level).TrainingTokens;

    [Benchmark]
    public int Score() => _model.Score(_text).Count;
}
