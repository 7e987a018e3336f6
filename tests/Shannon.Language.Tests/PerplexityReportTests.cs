using CsCheck;

namespace Shannon.Language.Tests;

public class PerplexityReportTests
{
    /// <summary>A text of <paramref name="logProbabilities"/>.Length one-character tokens "a b c …".</summary>
    private static ScoredText Text(params double[] logProbabilities)
    {
        int n = logProbabilities.Length;
        string text = string.Join(' ', Enumerable.Repeat("a", n));
        return new ScoredText(text, logProbabilities, [.. Enumerable.Range(0, n).Select(i => 2 * i)], [.. Enumerable.Repeat(1, n)]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(50257)]
    public void Uniform_model_over_V_tokens_has_perplexity_V(int v)
    {
        var report = PerplexityReport.Of([Text([.. Enumerable.Repeat(-Math.Log(v), 7)])]);
        Assert.Equal(v, report.Perplexity, 1e-9 * v);
        Assert.Equal(Math.Log(v), report.CrossEntropy, 14);
        Assert.Equal(Math.Log2(v), report.CrossEntropyBits, 12);
        Assert.Equal(0.0, report.PerplexityStandardError, 9);
    }

    [Fact]
    public void Corpus_perplexity_differs_from_the_mean_of_document_perplexities()
    {
        double ln2 = Math.Log(2), ln4 = Math.Log(4);
        var report = PerplexityReport.Of([Text(-ln2), Text(-ln4, -ln4, -ln4)]);
        Assert.Equal(Math.Pow(2, 1.75), report.Perplexity, 12);
        Assert.Equal(3.3636, report.Perplexity, 4);
        Assert.Equal(3.0, report.MeanDocumentPerplexity, 12);
        Assert.Equal(4, report.Tokens);
        Assert.Equal(2, report.Documents);
    }

    [Fact]
    public void Standard_error_is_the_sample_deviation_over_root_n_times_perplexity()
    {
        var report = PerplexityReport.Of([Text(-1, -2, -3, -4)]);
        double s = Math.Sqrt(((1.5 * 1.5) + (0.5 * 0.5) + (0.5 * 0.5) + (1.5 * 1.5)) / 3);
        Assert.Equal(s / 2, report.CrossEntropyStandardError, 14);
        Assert.Equal(Math.Exp(2.5) * s / 2, report.PerplexityStandardError, 12);
        Assert.True(double.IsNaN(PerplexityReport.Of([Text(-1)]).PerplexityStandardError));
    }

    [Fact]
    public void Bits_per_byte_is_log2_of_byte_perplexity_and_counts_are_reported()
    {
        Gen.Double[-9, -0.001].Array[1, 30].Sample(lps =>
        {
            var report = PerplexityReport.Of([Text(lps)]);
            Assert.Equal(Math.Log2(report.BytePerplexity), report.BitsPerByte, 10);
            Assert.Equal((2 * lps.Length) - 1, report.Bytes);
            Assert.Equal(lps.Length, report.Words);
            Assert.Equal(-lps.Sum() / Math.Log(2) / report.Characters, report.BitsPerCharacter, 10);
            Assert.Equal(Math.Exp(-lps.Sum() / lps.Length), report.WordPerplexity, 1e-9 * report.WordPerplexity);
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Lesson_surprisals_in_bits()
    {
        Assert.Equal(1.322, new TokenScore("the", 0, Math.Log(0.40), double.NaN, 0, []).SurprisalBits, 3);
        Assert.Equal(13.288, new TokenScore("eigenvector", 0, Math.Log(0.0001), double.NaN, 0, []).SurprisalBits, 3);
        Assert.Equal(-Math.Log(0.4), new TokenScore("the", 0, Math.Log(0.40), double.NaN, 0, []).SurprisalNats, 15);
    }

    [Theory]
    [InlineData(0, GltrBucket.Unknown)]
    [InlineData(1, GltrBucket.Top10)]
    [InlineData(10, GltrBucket.Top10)]
    [InlineData(11, GltrBucket.Top100)]
    [InlineData(1000, GltrBucket.Top1000)]
    [InlineData(1001, GltrBucket.Beyond1000)]
    public void Gltr_buckets(int rank, GltrBucket bucket) => Assert.Equal(bucket, TokenScore.BucketOf(rank));

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => PerplexityReport.Of([])).ParamName);
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => PerplexityReport.Of([new ScoredText("", [], [], [])])).ParamName);
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => TokenScore.BucketOf(-1)).ParamName);
    }

    [Fact]
    public void A_token_of_probability_zero_makes_every_figure_infinite_not_nan()
    {
        var report = PerplexityReport.Of([Text(Math.Log(0.5), double.NegativeInfinity), Text(Math.Log(0.25))]);
        Assert.Equal(double.PositiveInfinity, report.CrossEntropy);
        Assert.Equal(double.PositiveInfinity, report.Perplexity);
        Assert.Equal(double.PositiveInfinity, report.CrossEntropyStandardError);
        Assert.Equal(double.PositiveInfinity, report.PerplexityStandardError);
        Assert.Equal(double.PositiveInfinity, report.MeanDocumentPerplexity);
        Assert.Equal(double.PositiveInfinity, report.BitsPerByte);
        Assert.Equal(double.PositiveInfinity, report.WordPerplexity);
    }

    [Fact]
    public void One_token_has_no_standard_error_and_equal_nlls_have_zero_even_when_perplexity_overflows()
    {
        var one = PerplexityReport.Of([Text(Math.Log(0.5))]);
        Assert.Equal(2.0, one.Perplexity, 1e-12);
        Assert.True(double.IsNaN(one.PerplexityStandardError));
        var huge = PerplexityReport.Of([Text(-800, -800, -800)]);
        Assert.Equal(double.PositiveInfinity, huge.Perplexity);
        Assert.Equal(0, huge.PerplexityStandardError);
    }

    [Fact]
    public void Out_of_vocabulary_tokens_are_counted_and_charged_their_spelling_in_the_per_byte_figures()
    {
        // "ab xyz": "ab" known at ln p = −1, "xyz" unknown (<unk> at ln p = −0.5): 3 bytes + an end mark at ln 257 each.
        var text = new ScoredText("ab xyz", [-1.0, -0.5], [0, 3], [2, 3], outOfVocabulary: [false, true]);
        Assert.Equal(1, text.OutOfVocabulary);
        Assert.Equal(3, text.SpelledBytes);
        Assert.Equal(4 * Math.Log(257), text.SpellingNats, 14);
        var report = PerplexityReport.Of([text]);
        Assert.Equal(1, report.OutOfVocabulary);
        Assert.Equal(0.5, report.OutOfVocabularyRate);
        Assert.Equal(Math.Exp(0.75), report.Perplexity, 14); // per-token perplexity: <unk> scored as a token
        double nats = 1.5 + 4 * Math.Log(257);
        Assert.Equal(nats / (Math.Log(2) * 6), report.BitsPerByte, 14);
        Assert.Equal(nats / (Math.Log(2) * 6), report.BitsPerCharacter, 14);
        Assert.Equal(Math.Exp(nats / 2), report.WordPerplexity, 10);
    }

    [Fact]
    public void An_unscored_prefix_is_charged_its_spelling() =>
        Gen.Int[0, 5].Sample(prefix =>
        {
            var text = new ScoredText("hello world", [-2.0], [6], [5], unscoredPrefix: prefix);
            Assert.Equal(prefix, text.SpelledBytes);
            Assert.Equal(prefix == 0 ? 0 : (prefix + 1) * Math.Log(257), text.SpellingNats, 14);
            Assert.Equal(0, text.OutOfVocabulary);
        });

    [Fact]
    public void Spelling_arguments_are_checked()
    {
        Assert.Equal("outOfVocabulary", Assert.Throws<ArgumentException>(() => new ScoredText("ab", [-1.0], [0], [2], outOfVocabulary: [true, false])).ParamName);
        Assert.Equal("unscoredPrefix", Assert.Throws<ArgumentException>(() => new ScoredText("ab", [-1.0], [0], [2], unscoredPrefix: 3)).ParamName);
        Assert.Equal("unscoredPrefix", Assert.Throws<ArgumentException>(() => new ScoredText("ab", [-1.0], [0], [2], unscoredPrefix: -1)).ParamName);
    }

    [Fact]
    public void A_tiny_vocabulary_cannot_claim_fewer_bits_per_byte_than_spelling_its_unknown_words()
    {
        // Property: whatever share of a text falls outside the vocabulary, bits per byte ≥ 8 × (spelled bytes / bytes).
        var model = Shannon.Language.NGrams.KneserNeyModel.Train("the lord said unto him and god was\n", order: 3);
        string text = "in the beginning god created the heaven and the earth\nand the earth was without form and void\n";
        var report = PerplexityReport.Of([model.Score(text)]);
        Assert.Equal(9, report.OutOfVocabulary); // every word but the, god, and, was
        Assert.True(report.BitsPerByte >= 8.0 * report.SpelledBytes / report.Bytes, $"{report.BitsPerByte}");
        Assert.True(report.BitsPerByte > 4, $"{report.BitsPerByte}");
    }
}
