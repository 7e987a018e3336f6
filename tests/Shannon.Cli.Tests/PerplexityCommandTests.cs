using System.Text.Json;

namespace Shannon.Cli.Tests;

public sealed class PerplexityCommandTests() : ScratchDirectoryTests("shannon-ppl-")
{
    /// <summary>Writes <paramref name="content"/> to a text file of its own in the directory and returns its path.</summary>
    private string TempFile(string content) => File($"{Guid.NewGuid():N}.txt", content);

    [Fact]
    public void Trained_model_reports_the_documented_json_keys()
    {
        string corpus = TempFile("the cat sat on the mat\nthe dog sat on the log\n");
        string text = TempFile("the cat sat on the log\n\nthe dog sat\n");
        var (code, output, error) = CliRunner.Run("perplexity", text, "--train", corpus, "--order", "2", "--json", "--per-token");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        double ppl = root.GetProperty("perplexity").GetDouble();
        Assert.Equal(Math.Exp(root.GetProperty("cross_entropy").GetDouble()), ppl, 12);
        Assert.Equal(11, root.GetProperty("tokens").GetInt64());
        Assert.Equal(2, root.GetProperty("documents").GetInt32());
        Assert.Equal("nats per token", root.GetProperty("unit").GetString());
        Assert.True(root.GetProperty("perplexity_stderr").GetDouble() > 0);
        Assert.True(root.GetProperty("bits_per_byte").GetDouble() > 0);
        Assert.Equal(11, root.GetProperty("per_token").GetArrayLength());
        Assert.Equal("cat", root.GetProperty("per_token")[1].GetProperty("text").GetString());
    }

    [Fact]
    public void Ngram_train_then_score_with_the_saved_model()
    {
        string corpus = TempFile("a b a b a c\n");
        string model = PathOf("model.kn");
        var train = CliRunner.Run("ngram", "train", corpus, "--order", "2", "-o", model, "--json");
        Assert.Equal(0, train.Code);
        using (var json = System.Text.Json.JsonDocument.Parse(train.Out))
        {
            Assert.Equal(2, json.RootElement.GetProperty("order").GetInt32());
            Assert.Equal("word", json.RootElement.GetProperty("level").GetString());
            Assert.True(json.RootElement.GetProperty("vocabulary").GetInt32() >= 3);
        }

        var (code, output, _) = CliRunner.Run("perplexity", TempFile("a b a\n"), "--model", "ngram:" + model);
        Assert.Equal(0, code);
        Assert.StartsWith("perplexity = ", output);
    }

    [Fact]
    public void A_tiny_vocabulary_reports_its_oov_tokens_and_pays_for_them_in_bits_per_byte()
    {
        // The hostile review: a model of 8 words scored 0.29 bits per byte on the Bible, 3.99 from compress.
        string corpus = TempFile("the lord said unto him and god was\n");
        string bible = TempFile(string.Join('\n', System.IO.File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "kjv.txt")).Take(200)) + "\n");
        var (code, output, error) = CliRunner.Run("perplexity", bible, "--train", corpus, "--order", "3", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        long oov = root.GetProperty("oov").GetInt64();
        long tokens = root.GetProperty("tokens").GetInt64();
        Assert.True(oov > tokens / 2, $"{oov} of {tokens}");
        Assert.Equal((double)oov / tokens, root.GetProperty("oov_rate").GetDouble(), 14);
        long spelled = root.GetProperty("spelled_bytes").GetInt64();
        double bitsPerByte = root.GetProperty("bits_per_byte").GetDouble();
        Assert.True(bitsPerByte >= 8.0 * spelled / root.GetProperty("bytes").GetInt64(), $"{bitsPerByte}");
        Assert.True(bitsPerByte > 4, $"{bitsPerByte}"); // more than the adaptive compressor needs for the same text

        var text = CliRunner.Run("perplexity", bible, "--train", corpus, "--order", "3");
        Assert.Contains($"out of vocabulary: {oov} of {tokens} tokens", text.Out);
        Assert.Contains($"spelled out: {spelled} bytes", text.Out);
    }

    [Fact]
    public void A_text_inside_the_vocabulary_reports_zero_oov()
    {
        string corpus = TempFile("a b a b a c\n");
        var (code, output, error) = CliRunner.Run("perplexity", TempFile("a b a\n"), "--train", corpus, "--order", "2");
        Assert.True(code == 0, error);
        Assert.Contains("out of vocabulary: 0 of 4 tokens (0%)", output);
        Assert.DoesNotContain("spelled out", output);
    }

    [Fact]
    public void Empty_text_bad_model_file_and_bad_level_exit_2()
    {
        var empty = CliRunner.Run("perplexity", TempFile("\n  \n"), "--train", TempFile("a b\n"));
        Assert.Equal(2, empty.Code);
        Assert.Contains("empty or blank", empty.Err);
        var bad = CliRunner.Run("perplexity", TempFile("a\n"), "--model", "ngram:" + TempFile("not a model"));
        Assert.Equal(2, bad.Code);
        Assert.Contains("SHNNGRAM", bad.Err);
        Assert.Equal(2, CliRunner.Run("perplexity", TempFile("a\n"), "--level", "byte").Code);
        Assert.Equal(2, CliRunner.Run("perplexity", TempFile("a\n"), "--model", "gpt9").Code);
    }

    [Theory]
    [InlineData("--order 5", "--order does not apply to --model ngram:")]
    [InlineData("--level char", "--level does not apply to --model ngram:")]
    [InlineData("--train CORPUS", "--train does not apply to --model ngram:")]
    [InlineData("--per-token", "--per-token goes with --json")]
    [InlineData("--window 64", "--window goes with --onnx")]
    [InlineData("--stride 8", "--stride goes with --onnx")]
    [InlineData("--bos", "--bos goes with --onnx")]
    [InlineData("--colour rank", "--colour goes with --html")]
    [InlineData("--tokens IDS", "--tokens goes with --logits")]
    [InlineData("--format openai", "--format goes with --logprobs")]
    public void An_option_the_saved_model_would_ignore_exits_2_naming_it(string extra, string expected)
    {
        string corpus = TempFile("a b a b a c\n");
        string model = PathOf("model.kn");
        Assert.Equal(0, CliRunner.Run("ngram", "train", corpus, "--order", "2", "-o", model).Code);
        string[] args = [.. extra.Split(' ').Select(a => a == "CORPUS" ? corpus : a == "IDS" ? TempFile("1 2\n") : a)];
        var (code, output, error) = CliRunner.Run(["perplexity", TempFile("a b a\n"), "--model", "ngram:" + model, .. args]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ngram_options_with_another_source_exit_2_and_the_json_names_the_model_file()
    {
        string ids = TempFile("1 2 3\n");
        foreach (string option in new[] { "--order", "--level", "--train", "--model" })
        {
            string value = option switch { "--order" => "5", "--level" => "char", "--model" => "ngram", _ => ids };
            var (code, _, error) = CliRunner.Run("perplexity", "--logits", "x.npy", "--tokens", ids, option, value);
            Assert.Equal(2, code);
            Assert.Contains($"{option} does not apply to --logits", error, StringComparison.Ordinal);
        }

        Assert.Contains("--logprobs and --logits are two sources", CliRunner.Run("perplexity", "--logprobs", ids, "--logits", ids).Err, StringComparison.Ordinal);
        string corpus = TempFile("a b a b a c\n");
        string model = PathOf("model.kn");
        Assert.Equal(0, CliRunner.Run("ngram", "train", corpus, "--order", "2", "-o", model).Code);
        var saved = CliRunner.Run("perplexity", TempFile("a b a\n"), "--model", "ngram:" + model, "--json");
        Assert.Equal(0, saved.Code);
        Assert.Equal($"ngram order 2 word from {Path.GetFileName(model)}", JsonDocument.Parse(saved.Out).RootElement.GetProperty("model").GetString());
        var trained = CliRunner.Run("perplexity", TempFile("a b a\n"), "--train", corpus, "--order", "2", "--json");
        Assert.Equal($"ngram order 2 word trained on {Path.GetFileName(corpus)}", JsonDocument.Parse(trained.Out).RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void Logprobs_from_an_engine_report_their_perplexity()
    {
        const string line = """{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-0.5},{"token":" b","logprob":-1.5}]}}]}""";
        var (code, output, error) = CliRunner.Run("perplexity", "--logprobs", TempFile(line + "\n"), "--format", "openai", "--json", "--per-token");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Math.E, root.GetProperty("perplexity").GetDouble(), 14);
        Assert.Equal(2, root.GetProperty("tokens").GetInt64());
        Assert.Equal(" b", root.GetProperty("per_token")[1].GetProperty("text").GetString());
    }

    [Fact]
    public void Malformed_logprobs_line_exits_2_with_the_line_number()
    {
        var (code, _, error) = CliRunner.Run("perplexity", "--logprobs", TempFile("{}\n{bad\n"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error);
        Assert.Contains("line 1", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal(2, CliRunner.Run("perplexity", "--logprobs", TempFile("{}"), "--format", "bard").Code);
        Assert.Equal(2, CliRunner.Run("perplexity").Code);
    }

    private static string LanguageFixture(string name) =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Shannon.Language.Tests", "Fixtures", name);

    [Fact]
    public void Logit_dump_with_reference_and_temperature_sweep()
    {
        var (code, output, error) = CliRunner.Run("perplexity", "--logits", LanguageFixture("logits_model.npy"), "--tokens", LanguageFixture("logits_tokens.npy"),
            "--reference", LanguageFixture("logits_reference.npy"), "--temperatures", "0.5,1,2", "--json");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(6, root.GetProperty("tokens").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("bits_per_byte").ValueKind);
        var reference = root.GetProperty("reference");
        Assert.True(reference.GetProperty("kl_mean").GetDouble() > 0);
        Assert.Equal(6, reference.GetProperty("kl_per_token").GetArrayLength());
        Assert.Equal(3, root.GetProperty("temperature_sweep").GetArrayLength());
        Assert.Equal(root.GetProperty("perplexity").GetDouble(), root.GetProperty("temperature_sweep")[1].GetProperty("perplexity").GetDouble(), 12);
    }

    [Fact]
    public void Logit_dump_human_output_and_bad_inputs()
    {
        string ids = TempFile("0 1 2 3 4 5 6");
        var (code, output, _) = CliRunner.Run("perplexity", "--logits", LanguageFixture("logits_model.npy"), "--tokens", ids, "--temperatures", "1,2");
        Assert.Equal(0, code);
        Assert.Contains("temperature   perplexity", output);
        Assert.DoesNotContain("bits per byte", output);
        Assert.Equal(2, CliRunner.Run("perplexity", "--logits", LanguageFixture("logits_model.npy")).Code);
        Assert.Equal(2, CliRunner.Run("perplexity", "--logits", LanguageFixture("logits_model.npy"), "--tokens", TempFile("0 1 x")).Code);
        Assert.Equal(2, CliRunner.Run("perplexity", "--logits", LanguageFixture("logits_model.npy"), "--tokens", TempFile("0 1 2")).Code);
        Assert.Equal(2, CliRunner.Run("perplexity", "--logits", LanguageFixture("logits_model.npy"), "--tokens", ids, "--temperatures", "0").Code);
        Assert.Equal(2, CliRunner.Run("perplexity", TempFile("a b\n"), "--temperatures", "1").Code);
    }

    [Fact]
    public void Html_page_escapes_a_script_token()
    {
        const string line = """{"choices":[{"logprobs":{"content":[{"token":"<script>","logprob":-0.5},{"token":"alert(1)","logprob":-9.5},{"token":"</script>","logprob":-0.1}]}}]}""";
        string page = PathOf("page.html");
        var (code, _, error) = CliRunner.Run("perplexity", "--logprobs", TempFile(line), "--html", page, "--colour", "rank");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        string html = System.IO.File.ReadAllText(page);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Equal(2, CliRunner.Run("perplexity", "--logprobs", TempFile(line), "--html", page, "--colour", "blue").Code);
    }

    [Fact]
    public void Html_page_for_an_ngram_model_carries_entropy_and_rank()
    {
        string corpus = TempFile("the cat sat on the mat\nthe dog sat on the log\n");
        string page = PathOf("page.html");
        Assert.Equal(0, CliRunner.Run("perplexity", TempFile("the cat sat\n"), "--train", corpus, "--html", page).Code);
        string html = System.IO.File.ReadAllText(page);
        Assert.Contains("entropy ", html);
        Assert.Contains("rank ", html);
    }

    [Fact]
    public void Onnx_model_scores_each_document_with_sliding_windows()
    {
        string text = TempFile("Entropy is the average surprisal of a source.\n\nThe cat sat on the mat.\n");
        string model = LanguageFixture("tiny_lm.onnx");
        var (code, output, error) = CliRunner.Run("perplexity", text, "--onnx", model, "--tokenizer", "gpt2", "--window", "6", "--stride", "2", "--json", "--temperatures", "1,2");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, root.GetProperty("documents").GetInt32());
        long unscoredFirst = root.GetProperty("tokens").GetInt64();
        var withBos = JsonDocument.Parse(CliRunner.Run("perplexity", text, "--onnx", model, "--bos", "--json").Out).RootElement;
        Assert.Equal(unscoredFirst + 2, withBos.GetProperty("tokens").GetInt64());
        Assert.Equal(root.GetProperty("perplexity").GetDouble(), root.GetProperty("temperature_sweep")[0].GetProperty("perplexity").GetDouble(), 6);
    }

    [Fact]
    public void Onnx_bad_inputs_exit_2()
    {
        string text = TempFile("Entropy is the average surprisal of a source.\n");
        Assert.Equal(2, CliRunner.Run("perplexity", text, "--onnx", LanguageFixture("tiny_lm_v100.onnx")).Code);
        Assert.Equal(2, CliRunner.Run("perplexity", text, "--onnx", LanguageFixture("tiny_lm.onnx"), "--tokenizer", "bert").Code);
        Assert.Equal(2, CliRunner.Run("perplexity", text, "--onnx", LanguageFixture("tiny_lm.onnx"), "--window", "4", "--stride", "9").Code);
        Assert.Equal(2, CliRunner.Run("perplexity", text, "--onnx", LanguageFixture("missing.onnx")).Code);
        var past = CliRunner.Run("perplexity", text, "--onnx", LanguageFixture("tiny_lm_past.onnx"));
        Assert.Equal(2, past.Code);
        Assert.Single(past.Err.Trim().Split('\n'));
        Assert.Contains("input 'past_key_values.0.key' (float [batch, 2, past_sequence, 4]) that cannot be filled", past.Err, StringComparison.Ordinal);
        var int32 = CliRunner.Run("perplexity", text, "--onnx", LanguageFixture("tiny_lm_int32.onnx"), "--json");
        Assert.True(int32.Code == 0, int32.Err);
        Assert.Equal(CliRunner.Run("perplexity", text, "--onnx", LanguageFixture("tiny_lm.onnx"), "--json").Out.Replace("tiny_lm.onnx", "tiny_lm_int32.onnx", StringComparison.Ordinal), int32.Out);
        var mismatch = CliRunner.Run("perplexity", text, "--onnx", LanguageFixture("tiny_lm_v100.onnx"));
        Assert.Contains("does not match", mismatch.Err);
    }

    [Fact]
    public void Help_names_every_source()
    {
        var (code, output, _) = CliRunner.Run("perplexity", "--help");
        Assert.Equal(0, code);
        foreach (string option in new[] { "--logprobs", "--logits", "--reference", "--temperatures", "--onnx", "--window", "--stride", "--bos", "--html" })
        {
            Assert.Contains(option, output);
        }
    }
}
