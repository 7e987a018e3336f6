using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Shannon.Data.Npy;

namespace Shannon.Cli.Tests;

/// <summary>
/// <c>-</c> reads standard input for every data, text, distribution and label argument, through one helper
/// (<see cref="CliInput"/>): each command must give the same output from stdin as from the file, name stdin (never
/// the spooled temporary file) in its messages, and leave no spooled file behind.
/// </summary>
public sealed class StdinTests() : ScratchDirectoryTests("shannon-stdin-tests-")
{
    public static TheoryData<string[]> DataCommands() => new()
    {
        { ["features", "{data}", "--target", "target", "--json"] },
        { ["features", "{data}", "--target", "target", "--method", "mrmr", "--k", "2"] },
        { ["tree", "{data}", "--target", "target", "--max-depth", "2", "--json"] },
        { ["mi", "{data}", "--x", "petal_length_cm", "--y", "target", "--json"] },
        { ["entropy", "--samples", "{data}", "--column", "sepal_length_cm", "--json"] },
    };

    [Theory]
    [MemberData(nameof(DataCommands))]
    public void Csv_on_stdin_gives_what_the_file_gives(string[] template)
    {
        string iris = Data("iris.csv");
        var fromFile = CliRunner.Run(Fill(template, iris));
        var fromStdin = CliRunner.RunWithStdin(System.IO.File.ReadAllText(iris), Fill(template, "-"));
        Assert.True(fromFile.Code == 0, fromFile.Err);
        Assert.Equal((fromFile.Code, fromFile.Out, fromFile.Err), (fromStdin.Code, fromStdin.Out, fromStdin.Err));
    }

    [Fact]
    public void Parquet_and_gzip_on_stdin_are_recognised_by_their_first_bytes()
    {
        string parquet = PathOf("iris.parquet");
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{Data("iris.csv")}')) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        var expected = CliRunner.Run("features", Data("iris.csv"), "--target", "target", "--json");
        var fromParquet = CliRunner.RunWithStdinBytes(System.IO.File.ReadAllBytes(parquet), "features", "-", "--target", "target", "--json");
        Assert.True(fromParquet.Code == 0, fromParquet.Err);
        Assert.Equal(expected.Out, fromParquet.Out);

        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(System.IO.File.ReadAllBytes(Data("iris.csv")));
        }

        var fromGzip = CliRunner.RunWithStdinBytes(gzipped.ToArray(), "features", "-", "--target", "target", "--json");
        Assert.True(fromGzip.Code == 0, fromGzip.Err);
        Assert.Equal(expected.Out, fromGzip.Out);
    }

    private static byte[] CutGzip(string csv)
    {
        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(System.IO.File.ReadAllBytes(csv));
        }

        byte[] whole = gzipped.ToArray();
        return whole[..(whole.Length * 2 / 3)];
    }

    /// <summary>
    /// A cut .csv.gz (a partial download, <c>head -c</c>) is an error on every command and on stdin, exit 2 and one line:
    /// DuckDB's gzip reader used to analyse the rows it could decompress as if they were the whole file, with rows_dropped 0.
    /// </summary>
    [Theory]
    [InlineData("mi", "{data}", "--x", "pixel_0_2", "--y", "target", "--json")]
    [InlineData("features", "{data}", "--target", "target", "--json")]
    [InlineData("report", "{data}", "--target", "target", "-o", "{out}", "--permutations", "5", "--replicates", "0")]
    [InlineData("tree", "{data}", "--target", "target", "--max-depth", "2", "--json")]
    public void A_truncated_gzip_table_exits_2_from_a_file_and_from_stdin(params string[] template)
    {
        byte[] cut = CutGzip(Data("digits.csv"));
        string path = PathOf("cut.csv.gz");
        System.IO.File.WriteAllBytes(path, cut);
        string[] Args(string data) => [.. template.Select(a => a.Replace("{data}", data).Replace("{out}", PathOf("report-out")))];

        var fromFile = CliRunner.Run(Args(path));
        Assert.Equal(2, fromFile.Code);
        Assert.Equal(string.Empty, fromFile.Out);
        Assert.StartsWith($"error: truncated gzip: '{path}'", fromFile.Err);
        Assert.Single(fromFile.Err.Trim().Split('\n'));

        var fromStdin = CliRunner.RunWithStdinBytes(cut, Args("-"));
        Assert.Equal(2, fromStdin.Code);
        Assert.StartsWith("error: truncated gzip: 'stdin'", fromStdin.Err);
        Assert.Single(fromStdin.Err.Trim().Split('\n'));
    }

    [Fact]
    public void The_spooled_copy_of_stdin_is_deleted_after_success_and_after_failure()
    {
        byte[] iris = System.IO.File.ReadAllBytes(Data("iris.csv"));
        var ok = CliRunner.RunWithStdinBytes(iris, "features", "-", "--target", "target");
        Assert.Equal(0, ok.Code);
        Assert.NotNull(ok.Context.SpoolFile);
        Assert.False(System.IO.File.Exists(ok.Context.SpoolFile));
        Assert.False(Directory.Exists(Path.GetDirectoryName(ok.Context.SpoolFile)));

        var bad = CliRunner.RunWithStdinBytes(iris, "features", "-", "--target", "no_such_column");
        Assert.Equal(2, bad.Code);
        Assert.False(System.IO.File.Exists(bad.Context.SpoolFile));
    }

    [Fact]
    public void Messages_name_stdin_not_the_temporary_file()
    {
        var (code, output, error) = CliRunner.RunWithStdin(System.IO.File.ReadAllText(Data("iris.csv")), "features", "-", "--target", "no_such_column");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("'stdin'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("shannon-stdin-", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), error, StringComparison.Ordinal);

        var empty = CliRunner.RunWithStdin(string.Empty, "tree", "-", "--target", "y");
        Assert.Equal(2, empty.Code);
        Assert.Single(empty.Err.TrimEnd().Split('\n'));
        Assert.DoesNotContain("shannon-stdin-", empty.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_from_stdin_names_its_source_stdin()
    {
        string output = PathOf("report");
        var (code, _, error) = CliRunner.RunWithStdin(System.IO.File.ReadAllText(Data("iris.csv")), "report", "-", "--target", "target",
            "--permutations", "5", "--replicates", "5", "-o", output, "--json");
        Assert.True(code == 0, error);
        string html = System.IO.File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("stdin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("shannon-stdin-", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Perplexity_and_ngram_train_read_text_from_stdin()
    {
        const string text = "in the beginning god created the heaven and the earth\n\nand the earth was without form\n";
        string file = File("text.txt", text);
        var fromFile = CliRunner.Run("perplexity", file, "--json");
        var fromStdin = CliRunner.RunWithStdin(text, "perplexity", "-", "--json");
        Assert.True(fromFile.Code == 0, fromFile.Err);
        Assert.Equal(fromFile.Out, fromStdin.Out);

        string model = PathOf("m.kn");
        var train = CliRunner.RunWithStdin(text, "ngram", "train", "-", "--order", "2", "-o", model);
        Assert.True(train.Code == 0, train.Err);
        var trained = CliRunner.RunWithStdin(text, "perplexity", "-", "--model", "ngram:" + model, "--json");
        var trainedFromFile = CliRunner.Run("perplexity", file, "--train", file, "--order", "2", "--json");
        Assert.True(trained.Code == 0, trained.Err);
        Assert.Equal(
            JsonDocument.Parse(trainedFromFile.Out).RootElement.GetProperty("perplexity").GetDouble(),
            JsonDocument.Parse(trained.Out).RootElement.GetProperty("perplexity").GetDouble());

        var fromStdinModel = CliRunner.RunWithStdinBytes(System.IO.File.ReadAllBytes(model), "perplexity", file, "--model", "ngram:-", "--json");
        Assert.True(fromStdinModel.Code == 0, fromStdinModel.Err);
        Assert.Equal(trained.Out.Replace("from m.kn", "from stdin", StringComparison.Ordinal), fromStdinModel.Out);

        var withTrain = CliRunner.RunWithStdin(text, "perplexity", file, "--train", "-", "--order", "2", "--json");
        Assert.Equal(trainedFromFile.Out.Replace("trained on text.txt", "trained on stdin", StringComparison.Ordinal), withTrain.Out);
    }

    [Fact]
    public void Logprobs_jsonl_from_stdin()
    {
        const string line = """{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-0.5},{"token":" b","logprob":-1.5}]}}]}""";
        var fromFile = CliRunner.Run("perplexity", "--logprobs", File("r.jsonl", line + "\n"), "--json");
        var fromStdin = CliRunner.RunWithStdin(line + "\n", "perplexity", "--logprobs", "-", "--json");
        Assert.True(fromStdin.Code == 0, fromStdin.Err);
        Assert.Equal(
            JsonDocument.Parse(fromFile.Out).RootElement.GetProperty("perplexity").GetDouble(),
            JsonDocument.Parse(fromStdin.Out).RootElement.GetProperty("perplexity").GetDouble());

        var bad = CliRunner.RunWithStdin("{}\n{bad\n", "perplexity", "--logprobs", "-");
        Assert.Equal(2, bad.Code);
        Assert.DoesNotContain("shannon-stdin-", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Loss_reads_npy_logits_or_text_targets_from_stdin()
    {
        string logits = PathOf("z.npy");
        NpyFile.Write(logits, [2f, 1f, 0.1f, -431f, 279f, 427f], [2, 3]);
        string targets = File("y.txt", "0\n0\n");
        var fromFiles = CliRunner.Run("loss", "--logits", logits, "--targets", targets, "--json");
        Assert.True(fromFiles.Code == 0, fromFiles.Err);

        var npyOnStdin = CliRunner.RunWithStdinBytes(System.IO.File.ReadAllBytes(logits), "loss", "--logits", "-", "--targets", targets, "--json");
        Assert.True(npyOnStdin.Code == 0, npyOnStdin.Err);
        Assert.Equal(fromFiles.Out, npyOnStdin.Out);

        var targetsOnStdin = CliRunner.RunWithStdin("0\n0\n", "loss", "--logits", logits, "--targets", "-", "--json");
        Assert.True(targetsOnStdin.Code == 0, targetsOnStdin.Err);
        Assert.Equal(fromFiles.Out, targetsOnStdin.Out);

        var csvOnStdin = CliRunner.RunWithStdin("2,1,0.1\n-431,279,427\n", "loss", "--logits", "-", "--targets", targets, "--json");
        Assert.True(csvOnStdin.Code == 0, csvOnStdin.Err);
        Assert.Equal(
            JsonDocument.Parse(fromFiles.Out).RootElement.GetProperty("value").GetDouble(),
            JsonDocument.Parse(csvOnStdin.Out).RootElement.GetProperty("value").GetDouble(), 6);
    }

    [Fact]
    public void Distributions_tables_and_labels_from_stdin()
    {
        Assert.Equal(CliRunner.Run("kl", "0.9,0.1", "0.5,0.5").Out, CliRunner.RunWithStdin("0.5 0.5\n", "kl", "0.9,0.1", "-").Out);
        Assert.Equal(CliRunner.Run("cross-entropy", "0.9,0.1", "0.5,0.5").Out, CliRunner.RunWithStdin("0.9,0.1", "cross-entropy", "-", "0.5,0.5").Out);
        Assert.Equal(CliRunner.Run("info", "--joint", "0.25,0,0,0.25,0,0.25,0.25,0", "--shape", "2,2,2").Out,
            CliRunner.RunWithStdin("0.25,0,0,0.25,0,0.25,0.25,0", "info", "--joint", "-", "--shape", "2,2,2").Out);
        Assert.Equal(CliRunner.Run("ib", "--joint", File("j.csv", "0.4,0.1\n0.1,0.4\n"), "--beta", "5", "--clusters", "2").Out,
            CliRunner.RunWithStdin("0.4,0.1\n0.1,0.4\n", "ib", "--joint", "-", "--beta", "5", "--clusters", "2").Out);
        string labels = File("a.txt", "x\ny\nx\ny\n");
        Assert.Equal(CliRunner.Run("mi", "--labels", labels, labels).Out, CliRunner.RunWithStdin("x\ny\nx\ny\n", "mi", "--labels", "-", labels).Out);
    }

    [Fact]
    public void Stdin_can_be_read_once_and_emit_sql_needs_a_file()
    {
        var twice = CliRunner.RunWithStdin("0.5,0.5", "kl", "-", "-");
        Assert.Equal(2, twice.Code);
        Assert.Contains("stdin can be read only once", twice.Err, StringComparison.Ordinal);
        Assert.Single(twice.Err.TrimEnd().Split('\n'));

        var loss = CliRunner.RunWithStdin("1,2\n", "loss", "--logits", "-", "--targets", "-");
        Assert.Equal(2, loss.Code);
        Assert.StartsWith("error: --logits and --targets both read stdin", loss.Err, StringComparison.Ordinal);

        var sql = CliRunner.RunWithStdin(System.IO.File.ReadAllText(Data("iris.csv")), "features", "-", "--target", "target", "--emit-sql");
        Assert.Equal(2, sql.Code);
        Assert.Contains("--emit-sql needs DATA as a file path", sql.Err, StringComparison.Ordinal);
    }

    private static string[] Fill(string[] template, string data) => [.. template.Select(a => a == "{data}" ? data : a)];

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);
}
