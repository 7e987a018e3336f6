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

    [Theory]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-0.5},{"token":"b","logprob":-Infinity}]}}]}""", "choices[0].logprobs.content[1].logprob", "-Infinity", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-0.5},{"token":"b","logprob": NaN}]}}]}""", "choices[0].logprobs.content[1].logprob", "NaN", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":Infinity}]}}]}""", "choices[0].logprobs.content[0].logprob", "Infinity", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-0.5},{"token":"b","logprob":-1e400}]}}]}""", "choices[0].logprobs.content[1].logprob", "-1e400, beyond the range of a double", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":1e400}]}}]}""", "choices[0].logprobs.content[0].logprob", "1e400, beyond the range of a double", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":1e-9}]}}]}""", "choices[0].logprobs.content[0].logprob", "1e-9", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-1,"top_logprobs":[{"token":"a","logprob":-1},{"token":"c","logprob":-1e999}]}]}}]}""", "choices[0].logprobs.content[0].top_logprobs[1].logprob", "-1e999", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"tokens":["a","b"],"token_logprobs":[null,NaN]}}]}""", "choices[0].logprobs.token_logprobs[1]", "NaN", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"tokens":["a"],"token_logprobs":[-1],"top_logprobs":[{"a":-1,"b":-Infinity}]}}]}""", "choices[0].logprobs.top_logprobs[0].b", "-Infinity", "every number must be finite (a log-probability finite and ≤ 0")]
    [InlineData("""{"choices":[{"logprobs":{"tokens":["a"],"token_logprobs":[-1],"top_logprobs":[{"a":-1,"b":-1e400}]}}]}""", "choices[0].logprobs.top_logprobs[0].b", "-1e400", "a log-probability must be finite and ≤ 0")]
    [InlineData("""{"completion_probabilities":[{"token":"a","prob":1e400}]}""", "completion_probabilities[0].prob", "1e400", "a probability must lie in [0, 1]")]
    [InlineData("""{"completion_probabilities":[{"token":"a","prob":NaN}]}""", "completion_probabilities[0].prob", "NaN", "a probability must lie in [0, 1]")]
    [InlineData("""{"completion_probabilities":[{"id":1e400,"token":"a","logprob":-1}]}""", "completion_probabilities[0].id", "1e400", "a token id must be an integer 0 … 2147483647")]
    [InlineData("""{"completion_probabilities":[{"id":-1,"token":"a","logprob":-1}]}""", "completion_probabilities[0].id", "-1", "a token id must be an integer 0 … 2147483647")]
    [InlineData("""{"completion_probabilities":[{"id":3,"token":"a","logprob":-1,"top_logprobs":[{"id":2.5,"token":"a","logprob":-1}]}]}""", "completion_probabilities[0].top_logprobs[0].id", "2.5", "a token id must be an integer 0 … 2147483647")]
    [InlineData("""{"prompt_logprobs":[null,{"5":{"logprob":-1,"rank":NaN}}]}""", "prompt_logprobs[1].5.rank", "NaN", "every number must be finite")]
    [InlineData("""{"prompt_logprobs":[null,{"5":{"logprob":-1,"rank":1e400}}]}""", "prompt_logprobs[1].5.rank", "1e400", "a rank must be an integer 0 … 2147483647")]
    [InlineData("""{"prompt_logprobs":[null,{"5":{"logprob":-1}}],"prompt_token_ids":[1,5e20]}""", "prompt_token_ids[1]", "5e20", "a token id must be an integer 0 … 2147483647")]
    [InlineData("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-1,"bytes":[1e400]}]}}]}""", "choices[0].logprobs.content[0].bytes[0]", "1e400", "not a byte (0–255)")]
    public void A_number_that_is_not_finite_or_out_of_range_names_the_line_the_field_and_the_value(string line, string field, string found, string rule)
    {
        var error = Assert.Throws<LogProbFormatException>(() => Parse("\n" + line));
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"test.jsonl line 2: {field} is {found}", error.Message);
        Assert.Contains(rule, error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void Other_json_errors_give_the_byte_and_the_field_near_them_and_missing_fields_their_path()
    {
        var syntax = Assert.Throws<LogProbFormatException>(() => Parse("""{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-1}}]}"""));
        Assert.Contains("not valid JSON at byte", syntax.Message);
        Assert.Contains("near choices[0].logprobs.content", syntax.Message);
        Assert.DoesNotContain("LineNumber", syntax.Message);
        Assert.Contains("not valid JSON at byte 2 (near the line)", Assert.Throws<LogProbFormatException>(() => Parse("{not json")).Message);

        var missing = Assert.Throws<LogProbFormatException>(() => Parse("""{"choices":[{"logprobs":{"content":[{"token":"a"}]}}]}"""));
        Assert.Equal("choices[0].logprobs.content[0].logprob", missing.Field);
        Assert.Null(Assert.Throws<LogProbFormatException>(() => Parse("""{"choices":[{"logprobs":{"content":[]}}]}""")).Field);
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
