using System.Text.Json;
using Shannon.Language.Logits;
using Shannon.Language.Onnx;

namespace Shannon.Language.Tests.Onnx;

public sealed class OnnxCausalLanguageModelTests : IDisposable
{
    // ONNX Runtime's float32 sin may differ from NumPy's by a few ulp; logits of size ~6 then differ by ~1e-6.
    private const double Tolerance = 1e-5;

    private static readonly Lazy<Microsoft.ML.Tokenizers.TiktokenTokenizer> Gpt2 = new(() => Tokenizers.Create(TokenizerChoice.Gpt2));

    private readonly JsonElement _reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "onnx_reference.json"))).RootElement;
    private readonly OnnxCausalLanguageModel _model = new(Fixture("tiny_lm.onnx"), Gpt2.Value);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private double[] Numbers(string name) => [.. _reference.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];

    private string Text => _reference.GetProperty("text").GetString()!;

    public void Dispose() => _model.Dispose();

    [Fact]
    public void Gpt2_tokenizer_gives_the_reference_ids()
    {
        int[] ids = [.. _reference.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32())];
        Assert.Equal(ids, Gpt2.Value.EncodeToIds(Text));
        Assert.Equal(_reference.GetProperty("bos").GetInt32(), _model.BeginOfSequence);
    }

    [Fact]
    public void Logits_agree_with_numpy()
    {
        float[] logits = _model.Logits([14539], out int vocabulary);
        Assert.Equal(50257, vocabulary);
        var expected = Numbers("first_row_logits");
        for (int v = 0; v < expected.Length; v++)
        {
            Assert.Equal(expected[v], logits[v], Tolerance);
        }
    }

    [Fact]
    public void Scores_every_token_but_the_first_against_numpy()
    {
        var scored = _model.Score(Text, new SlidingWindow(1024, 512));
        var expected = Numbers("log_probabilities");
        var entropies = Numbers("entropies");
        int[] ranks = [.. _reference.GetProperty("ranks").EnumerateArray().Select(e => e.GetInt32())];
        Assert.Equal(expected.Length, scored.Count);
        for (int t = 0; t < scored.Count; t++)
        {
            Assert.Equal(expected[t], scored.LogProbabilities[t], Tolerance);
            Assert.Equal(entropies[t], scored[t].Entropy, Tolerance);
            // Logits within ~1e-6 of NumPy's can swap near-ties among 50,257 values.
            Assert.InRange(scored[t].Rank, ranks[t] - 3, ranks[t] + 3);
        }

        Assert.Equal(Text, scored.Text);
        Assert.Equal("ropy", scored[0].Text);
        Assert.Equal(3, scored[0].Offset);
        // "☕" is split across two byte-level tokens: the second covers no character of its own.
        Assert.Equal(0, scored.Lengths[scored.Count - 2]);
    }

    [Fact]
    public void Bos_scores_the_first_token_too()
    {
        var scored = _model.Score(Text, new SlidingWindow(64, 32), prependBos: true);
        var expected = Numbers("bos_log_probabilities");
        Assert.Equal(expected.Length, scored.Count);
        Assert.Equal(expected.Length, _reference.GetProperty("ids").GetArrayLength());
        Assert.Equal("Ent", scored[0].Text);
        for (int t = 0; t < scored.Count; t++)
        {
            Assert.Equal(expected[t], scored.LogProbabilities[t], Tolerance);
        }
    }

    [Fact]
    public void A_context_free_model_gives_the_same_scores_in_strided_windows()
    {
        var whole = _model.Score(Text, new SlidingWindow(1024, 1024));
        var sweep = new TemperatureSweep([1.0, 2.0]);
        var strided = _model.Score(Text, new SlidingWindow(12, 5), sweep: sweep);
        Assert.Equal(whole.Count, strided.Count);
        for (int t = 0; t < whole.Count; t++)
        {
            // float32 MatMul over a different sequence length may round differently: ~1e-10 observed.
            Assert.Equal(whole.LogProbabilities[t], strided.LogProbabilities[t], 1e-7);
            Assert.Equal(whole.Offsets[t], strided.Offsets[t]);
        }

        Assert.Equal(whole.Count, sweep.Tokens);
        double perplexity = PerplexityReport.Of([whole]).Perplexity;
        Assert.Equal(perplexity, sweep.Points()[0].Perplexity, 1e-8 * perplexity);
    }

    [Fact]
    public void A_tokenizer_that_does_not_match_the_model_is_an_error()
    {
        using var small = new OnnxCausalLanguageModel(Fixture("tiny_lm_v100.onnx"), Gpt2.Value);
        var error = Assert.Throws<ArgumentException>(() => small.Score(Text, new SlidingWindow(16, 8)));
        Assert.Contains("does not match", error.Message);
        Assert.Equal("text", error.ParamName);
    }

    [Fact]
    public void Int32_input_ids_give_the_same_scores_as_int64()
    {
        using var int32 = new OnnxCausalLanguageModel(Fixture("tiny_lm_int32.onnx"), Gpt2.Value);
        var expected = _model.Score(Text, new SlidingWindow(8, 4));
        var scored = int32.Score(Text, new SlidingWindow(8, 4));
        Assert.Equal(expected.LogProbabilities.ToArray(), scored.LogProbabilities.ToArray());
    }

    [Fact]
    public void An_input_a_text_cannot_fill_is_refused_naming_it_and_its_type()
    {
        var error = Assert.Throws<InvalidDataException>(() => new OnnxCausalLanguageModel(Fixture("tiny_lm_past.onnx"), Gpt2.Value));
        Assert.Equal("tiny_lm_past.onnx has an input 'past_key_values.0.key' (float [batch, 2, past_sequence, 4]) that cannot be filled from a text: only input_ids, attention_mask and position_ids are fed (export the model without a past key-value cache, e.g. use_cache=False).", error.Message);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => _model.Score("Hi", new SlidingWindow(4, 2))).ParamName);
        Assert.Equal(1, _model.Score("Hi", new SlidingWindow(4, 2), prependBos: true).Count);
        Assert.Throws<FileNotFoundException>(() => new OnnxCausalLanguageModel(Fixture("missing.onnx"), Gpt2.Value));
        Assert.Throws<InvalidDataException>(() => new OnnxCausalLanguageModel(Fixture("openai_chat.jsonl"), Gpt2.Value));
        Assert.Equal("choice", Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizers.Create((TokenizerChoice)9)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => Tokenizers.Parse("bert")).ParamName);
        Assert.Equal(TokenizerChoice.Cl100k, Tokenizers.Parse("CL100K"));
    }
}
