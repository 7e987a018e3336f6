using Shannon.Language.LogProbs;

namespace Shannon.Language.Tests.LogProbs;

public class LogProbReaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static IReadOnlyList<ScoredText> Parse(string jsonl, LogProbFormat? format = null) =>
        LogProbReader.Read(new StringReader(jsonl), "test.jsonl", format);

    [Fact]
    public void OpenAI_chat_keeps_split_characters_whole_and_ranks_listed_tokens()
    {
        var documents = LogProbReader.Read(Fixture("openai_chat.jsonl"));
        Assert.Equal(2, documents.Count);
        var first = documents[0];
        Assert.Equal("The café", first.Text);
        Assert.Equal([-0.5, -2.0, -0.25, -0.125], first.LogProbabilities.ToArray());
        Assert.Equal([0, 3, 7, 8], first.Offsets.ToArray());
        Assert.Equal([3, 4, 1, 0], first.Lengths.ToArray());
        Assert.Equal(9, first.Bytes);
        Assert.Equal(1, first[0].Rank);
        Assert.Equal(2, first[1].Rank);
        Assert.Equal(GltrBucket.Unknown, first[3].Bucket);
        Assert.Equal(new TokenAlternative(" dog", -1.0), first[1].Alternatives[0]);
        Assert.Equal(0, documents[1][0].Rank);
        var report = PerplexityReport.Of(documents);
        Assert.Equal(5, report.Tokens);
        Assert.Equal(Math.Exp((0.5 + 2.0 + 0.25 + 0.125 + 3.0) / 5), report.Perplexity, 12);
    }

    [Fact]
    public void OpenAI_legacy_completion_leaves_the_unscored_echoed_token_in_the_text()
    {
        var document = Assert.Single(LogProbReader.Read(Fixture("openai_completion.jsonl")));
        Assert.Equal("Hello world!", document.Text);
        Assert.Equal(2, document.Count);
        Assert.Equal(" world", document[0].Text);
        Assert.Equal(5, document[0].Offset);
        Assert.Equal(2, document[0].Rank);
        Assert.Equal(new TokenAlternative(" there", -0.5), document[0].Alternatives[0]);
        Assert.Equal(1, document[1].Rank);
    }

    [Fact]
    public void LlamaCpp_current_shape_with_logprobs_and_with_post_sampling_probs()
    {
        var documents = LogProbReader.Read(Fixture("llamacpp.jsonl"));
        Assert.Equal(2, documents.Count);
        Assert.Equal(" Paris is", documents[0].Text);
        Assert.Equal([-0.2, -1.5], documents[0].LogProbabilities.ToArray());
        Assert.Equal(1, documents[0][0].Rank);
        Assert.Equal(2, documents[0][1].Rank);
        Assert.Equal(Math.Log(0.5), documents[1].LogProbabilities[0], 15);
        Assert.Equal(new TokenAlternative(" Lyon", Math.Log(0.25)), documents[1][0].Alternatives[1]);
    }

    [Fact]
    public void LlamaCpp_older_shape_finds_the_chosen_token_among_its_probs()
    {
        var document = Assert.Single(LogProbReader.Read(Fixture("llamacpp_older.jsonl"), LogProbFormat.LlamaCpp));
        Assert.Equal(" Paris is", document.Text);
        Assert.Equal(Math.Log(0.8), document.LogProbabilities[0], 15);
        Assert.Equal(Math.Log(0.25), document.LogProbabilities[1], 15);
        Assert.Equal(2, document[1].Rank);
    }

    [Fact]
    public void LlamaCpp_older_shape_without_the_chosen_token_names_line_and_entry()
    {
        const string line = """{"completion_probabilities":[{"content":" x","probs":[{"tok_str":" y","prob":0.9}]}]}""";
        var error = Assert.Throws<LogProbFormatException>(() => Parse("\n" + line));
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("completion_probabilities[0]", error.Message);
    }

    [Fact]
    public void Vllm_prompt_logprobs_use_prompt_token_ids_or_the_first_key()
    {
        var documents = LogProbReader.Read(Fixture("vllm.jsonl"));
        Assert.Equal(2, documents.Count);
        Assert.Equal(" cat sat", documents[0].Text);
        Assert.Equal([-4.0, -0.5], documents[0].LogProbabilities.ToArray());
        Assert.Equal(12, documents[0][0].Rank);
        Assert.Equal(GltrBucket.Top100, documents[0][0].Bucket);
        Assert.Equal([new TokenAlternative(" the", -1.0)], documents[0][0].Alternatives);
        Assert.Equal(",", documents[1].Text);
        Assert.Equal(3, documents[1][0].Rank);
        Assert.Equal([new TokenAlternative(".", -0.5)], documents[1][0].Alternatives);
    }

    [Fact]
    public void Detects_each_format_from_the_shape_of_the_line()
    {
        foreach (var (file, format) in new[] { ("openai_chat.jsonl", LogProbFormat.OpenAI), ("llamacpp.jsonl", LogProbFormat.LlamaCpp), ("vllm.jsonl", LogProbFormat.Vllm) })
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadLines(Fixture(file)).First());
            Assert.Equal(format, LogProbReader.Detect(json.RootElement));
        }
    }

    [Theory]
    [InlineData("{not json", 1)]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a"}]}}]}""", 1)]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":0.5}]}}]}""", 1)]
    [InlineData("""{"choices":[{"logprobs":{"content":[]}}]}""", 1)]
    [InlineData("""{"completion_probabilities":[{"token":"a","prob":1.5}]}""", 1)]
    [InlineData("""{"prompt_logprobs":[null,{"5":{"rank":1}}]}""", 1)]
    public void Malformed_lines_give_the_typed_exception_with_the_line_number(string line, int expected)
    {
        var error = Assert.Throws<LogProbFormatException>(() => Parse(line));
        Assert.Equal(expected, error.LineNumber);
        Assert.StartsWith($"test.jsonl line {expected}: ", error.Message);
    }

    [Fact]
    public void A_bad_line_after_good_ones_is_reported_with_its_own_number()
    {
        string good = File.ReadLines(Fixture("openai_chat.jsonl")).First();
        var error = Assert.Throws<LogProbFormatException>(() => Parse(good + "\n\n" + """{"choices":[{"logprobs":{"content":[{"token":"a","logprob":"x"}]}}]}"""));
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("content[0].logprob", error.Message);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        Assert.Throws<InvalidDataException>(() => Parse("\n \n"));
        Assert.Equal("format", Assert.Throws<ArgumentOutOfRangeException>(() => Parse("{}", (LogProbFormat)9)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => LogProbReader.Read(null!, "x")).ParamName);
    }
}
