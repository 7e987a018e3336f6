using System.Text.Json;

namespace Shannon.Cli.Tests;

public class PerplexityCommandTests
{
    private static string TempFile(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-ppl-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }

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
        string model = Path.Combine(Path.GetTempPath(), $"shannon-kn-{Guid.NewGuid():N}.kn");
        Assert.Equal(0, CliRunner.Run("ngram", "train", corpus, "--order", "2", "-o", model).Code);
        var (code, output, _) = CliRunner.Run("perplexity", TempFile("a b a\n"), "--model", "ngram:" + model);
        Assert.Equal(0, code);
        Assert.StartsWith("perplexity = ", output);
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
}
