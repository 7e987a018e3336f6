using CsCheck;
using Shannon.Language.NGrams;

namespace Shannon.Language.Tests.NGrams;

public class KneserNeyModelTests
{
    private const string Tiny = "the cat sat on the mat\nthe dog sat on the log\nthe cat ate the fish\n";

    private static readonly string Genesis = string.Join('\n', KingJamesBible.Text.Split('\n').Take(300));

    [Fact]
    public void Training_reports_the_tokens_counted_in_order_up_to_the_training_tokens()
    {
        var reports = new List<WorkDone>();
        var model = KneserNeyModel.Train(Genesis, 3, NGramLevel.Word, progress: new Recorder(reports));
        Assert.InRange(reports.Count, 2, 258);
        Assert.All(reports, r => Assert.Equal(model.TrainingTokens, r.Total));
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Done > pair.First.Done));
        Assert.Equal(new WorkDone(model.TrainingTokens, model.TrainingTokens), reports[^1]);
        Assert.Equal(KneserNeyModel.Train(Genesis, 3, NGramLevel.Word).LogProbability("light", "be"), model.LogProbability("light", "be"));
    }

    private sealed class Recorder(List<WorkDone> reports) : IProgress<WorkDone>
    {
        public void Report(WorkDone value) => reports.Add(value);
    }

    [Theory]
    [InlineData(1, NGramLevel.Word)]
    [InlineData(2, NGramLevel.Word)]
    [InlineData(3, NGramLevel.Word)]
    [InlineData(4, NGramLevel.Character)]
    [InlineData(6, NGramLevel.Character)]
    public void Probabilities_sum_to_one_after_every_stored_history(int order, NGramLevel level)
    {
        var model = KneserNeyModel.Train(Genesis, order, level, minCount: 2);
        var table = model.Table;
        var p = new double[model.Vocabulary.Count];
        for (int c = 0; c < table.ContextCount; c++)
        {
            table.Distribution(HistoryOf(table, c, order), p);
            Assert.Equal(0.0, p[0]);
            Assert.Equal(1.0, p.Sum(), 12);
            Assert.All(p.Skip(1), x => Assert.True(x > 0));
        }
    }

    [Fact]
    public void Probabilities_sum_to_one_after_any_history_and_match_LogProbability()
    {
        var model = KneserNeyModel.Train(Genesis, 3, NGramLevel.Word);
        int v = model.Vocabulary.Count;
        Gen.Int[0, v - 1].Array[0, 4].Select(Gen.Int[1, v - 1]).Sample((ids, word) =>
        {
            var p = new double[v];
            string[] history = [.. ids.Select(i => model.Vocabulary[i])];
            model.Distribution(history, p);
            Assert.Equal(1.0, p.Sum(), 12);
            double logP = model.LogProbability(model.Vocabulary[word], history);
            Assert.True(Math.Abs(Math.Log(p[word]) - logP) <= 1e-12 * Math.Abs(logP), $"{Math.Log(p[word])} vs {logP}");
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Unigram_model_with_no_repeats_uses_the_fallback_discount_and_the_uniform_floor()
    {
        // Counts: a 1, b 1, </s> 1 → every D = 0.5, total 3, γ = 1.5/3; V = 4 (</s>, <unk>, a, b).
        var model = KneserNeyModel.Train("a b\n", order: 1);
        Assert.Equal(4, model.VocabularySize);
        Assert.Equal(Math.Log((0.5 / 3) + (0.5 * 0.25)), model.LogProbability("a"), 14);
        Assert.Equal(Math.Log(0.5 * 0.25), model.LogProbability("zebra"), 14);
        Assert.Equal(Math.Log(0.5 * 0.25), model.LogProbability(KneserNeyModel.Unknown), 14);
    }

    [Fact]
    public void Min_count_maps_rare_tokens_to_unk_with_real_counts()
    {
        var model = KneserNeyModel.Train(Tiny, order: 2, minCount: 2);
        Assert.Equal(["<s>", "</s>", "<unk>", "the", "cat", "sat", "on"], model.Vocabulary);
        Assert.Equal(model.LogProbability("mat", "the"), model.LogProbability("zebra", "the"));
        Assert.True(model.LogProbability("<unk>", "the") > model.LogProbability("cat", "sat"));
    }

    [Fact]
    public void History_shorter_than_the_order_is_a_sentence_start()
    {
        var model = KneserNeyModel.Train(Tiny, order: 3);
        Assert.Equal(model.LogProbability("cat", "<s>", "the"), model.LogProbability("cat", "the"));
        Assert.Equal(model.LogProbability("cat", "x", "y", "on", "the"), model.LogProbability("cat", "on", "the"));
    }

    [Fact]
    public void Score_gives_every_token_and_the_newline_as_end_of_sentence()
    {
        var model = KneserNeyModel.Train(Tiny, order: 3);
        const string text = "the cat sat.\n\nthe dog";
        var scored = model.Score(text);
        string[] tokens = [.. Enumerable.Range(0, scored.Count).Select(i => scored[i].Text)];
        Assert.Equal(["the", "cat", "sat", ".", "\n", "the", "dog", ""], tokens);
        Assert.Equal(model.LogProbability("cat", "the"), scored.LogProbabilities[1]);
        Assert.Equal(model.LogProbability(KneserNeyModel.EndOfSentence, "sat", "."), scored.LogProbabilities[4]);
        Assert.Equal(model.LogProbability("dog", "the"), scored.LogProbabilities[6]);
        Assert.Equal(14, scored.Offsets[5]);
    }

    [Fact]
    public void Character_level_splits_surrogate_pairs_as_one_token()
    {
        var model = KneserNeyModel.Train("ab😀a\n", order: 2, level: NGramLevel.Character);
        Assert.Contains("😀", model.Vocabulary);
        var scored = model.Score("a😀");
        Assert.Equal(["a", "😀", ""], Enumerable.Range(0, scored.Count).Select(i => scored[i].Text));
    }

    [Fact]
    public void Word_tokens_keep_inner_apostrophes_and_split_punctuation()
    {
        var model = KneserNeyModel.Train("don't stop, LORD'S house' x\n", order: 1);
        Assert.Equal(["<s>", "</s>", "<unk>", "don't", "stop", ",", "LORD'S", "house", "'", "x"], model.Vocabulary);
    }

    [Fact]
    public void Details_give_entropy_rank_and_top_alternatives_of_the_distribution()
    {
        var model = KneserNeyModel.Train(Tiny, order: 2);
        var scored = model.Score("the cat", details: true, topK: 3);
        var p = new double[model.Vocabulary.Count];
        model.Distribution(["the"], p);
        double entropy = -p.Where(x => x > 0).Sum(x => x * Math.Log(x));
        var token = scored[1];
        Assert.Equal(entropy, token.Entropy, 12);
        Assert.Equal(1 + p.Count(x => x > p[model.Vocabulary.ToList().IndexOf("cat")]), token.Rank);
        Assert.Equal(3, token.Alternatives.Count);
        Assert.Equal(p.Max(), Math.Exp(token.Alternatives[0].LogProbability), 14);
        Assert.True(token.Alternatives[0].LogProbability >= token.Alternatives[1].LogProbability);
        Assert.True(token.Alternatives[1].LogProbability >= token.Alternatives[2].LogProbability);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => KneserNeyModel.Train(" \n\n")).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => KneserNeyModel.Train(Tiny, 0)).ParamName);
        Assert.Equal("minCount", Assert.Throws<ArgumentOutOfRangeException>(() => KneserNeyModel.Train(Tiny, 2, minCount: 0)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => KneserNeyModel.Train(Tiny, 2, (NGramLevel)7)).ParamName);
        var model = KneserNeyModel.Train(Tiny, 2);
        Assert.Equal("token", Assert.Throws<ArgumentException>(() => model.LogProbability("<s>")).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => model.Score("  ")).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => model.Distribution([], new double[3])).ParamName);
    }

    /// <summary>The history (oldest first) whose context id is <paramref name="context"/>, padded to n − 1.</summary>
    private static int[] HistoryOf(KneserNeyTable table, int context, int order)
    {
        var words = new List<int>();
        for (int c = context; c != 0; c = table.ContextParents[c])
        {
            words.Add(table.ContextWords[c]);
        }

        var history = new int[Math.Max(order - 1, 0)];
        words.CopyTo(0, history, history.Length - words.Count, words.Count);
        return history;
    }

    [Fact]
    public void A_long_text_scores_as_its_sentences_scored_one_by_one()
    {
        // Over 100k tokens the scorer splits the text into parallel runs at sentence boundaries; a sentence's scores
        // depend only on the sentence, so the whole equals the concatenation of single-sentence scores.
        string[] lines = KingJamesBible.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(4000).ToArray();
        var model = KneserNeyModel.Train(string.Join('\n', lines.Take(2000)), 3, NGramLevel.Word);
        var whole = model.Score(string.Join('\n', lines) + "\n");
        Assert.True(whole.Count > 100_000);
        var expected = lines.Where(l => !string.IsNullOrWhiteSpace(l)).SelectMany(l => model.Score(l + "\n").LogProbabilities.ToArray()).ToArray();
        Assert.Equal(expected, whole.LogProbabilities.ToArray());
    }
}
