using System.Text;
using Shannon.Data.Npy;
using Shannon.Language.NGrams;

namespace Shannon.Cli.Tests;

/// <summary>
/// One rule for every output option (OutputPaths): <c>-</c> is stdout where the output is a stream, refused with the
/// reason where it cannot be, and never a file literally named <c>-</c>; <c>./-</c> still writes such a file.
/// </summary>
public sealed class OutputPathTests() : ScratchDirectoryTests("shannon-outputs-")
{
    private readonly string _previous = Environment.CurrentDirectory;

    private string Corpus => File("corpus.txt", "in the beginning was the word\nand the word was with god\n");

    [Fact]
    public void Ngram_train_writes_the_model_to_stdout_and_the_summary_to_stderr()
    {
        var (code, stdout, text, summary) = CliRunner.RunBinary([], "ngram", "train", Corpus, "--order", "2", "-o", "-");
        Assert.True(code == 0, summary);
        Assert.Equal(string.Empty, text);
        Assert.StartsWith("trained order-2 word model", summary);
        var model = KneserNeyFile.Load(new MemoryStream(stdout));
        Assert.Equal(2, model.Order);
        Assert.False(System.IO.File.Exists(PathOf("-")));
        Assert.False(System.IO.File.Exists("-"));
    }

    [Fact]
    public void Loss_grad_to_stdout_is_a_npy_array()
    {
        string logits = File("z.csv", "1,2,3\n0,0,1\n");
        string targets = File("y.txt", "0\n2\n");
        var (code, stdout, text, summary) = CliRunner.RunBinary([], "loss", "--logits", logits, "--targets", targets, "--grad", "-");
        Assert.True(code == 0, summary);
        Assert.Equal(string.Empty, text);
        Assert.StartsWith("cross-entropy", summary.ToLowerInvariant());
        string file = PathOf("grad.npy");
        System.IO.File.WriteAllBytes(file, stdout);
        var grad = NpyFile.Read(file);
        Assert.Equal([2, 3], grad.Shape);
    }

    [Fact]
    public void Perplexity_html_to_stdout_is_the_page()
    {
        var (code, stdout, text, summary) = CliRunner.RunBinary([], "perplexity", Corpus, "--html", "-");
        Assert.True(code == 0, summary);
        Assert.Equal(string.Empty, text);
        Assert.StartsWith("<!DOCTYPE html>", Encoding.UTF8.GetString(stdout));
        Assert.StartsWith("perplexity = ", summary);
    }

    [Fact]
    public void A_file_named_dash_is_reachable_as_dot_slash_dash()
    {
        Environment.CurrentDirectory = Scratch;
        try
        {
            var (code, _, error) = CliRunner.Run("ngram", "train", Corpus, "--order", "2", "-o", "./-");
            Assert.True(code == 0, error);
            Assert.Equal(2, KneserNeyFile.Load(PathOf("-")).Order);
        }
        finally
        {
            Environment.CurrentDirectory = _previous;
        }
    }

    [Theory]
    [InlineData(new[] { "plot", "entropy", "-o", "-" }, "--output '-' cannot be stdout: the image format comes from the file's extension")]
    [InlineData(new[] { "channel", "rate-distortion", "--source", "0.5,0.5", "--distortion", "0,1;1,0", "--plot", "-" }, "--plot '-' cannot be stdout")]
    [InlineData(new[] { "calibration", "P", "L", "--plot", "-" }, "--plot '-' cannot be stdout")]
    [InlineData(new[] { "ib", "--joint", "0.25,0.25;0.25,0.25", "--plot", "-" }, "--plot '-' cannot be stdout")]
    [InlineData(new[] { "report", "data/iris.csv", "-o", "-" }, "--output '-' cannot be stdout: it is the directory that receives report.html")]
    [InlineData(new[] { "infoplane", "-o", "-" }, "--output '-' cannot be stdout: it is the directory that receives the plots")]
    [InlineData(new[] { "ngram", "train", "CORPUS", "-o", "-", "--json" }, "--json prints on stdout, where --output - writes the model")]
    [InlineData(new[] { "perplexity", "CORPUS", "--html", "-", "--json" }, "--json prints on stdout, where --html - writes the HTML page")]
    [InlineData(new[] { "loss", "--kind", "gaussian-kl", "--mu", "P", "--logvar", "P", "--grad", "-", "--grad2", "-" }, "would both write to stdout")]
    [InlineData(new[] { "logistic", "data/iris.csv", "--target", "species", "--logits", "-", "--labels", "-" }, "would both write to stdout")]
    public void Dash_where_stdout_cannot_hold_the_output_exits_2_naming_the_option(string[] args, string expected)
    {
        string corpus = Corpus;
        string numbers = File("p.txt", "0.5\n0.5\n");
        string labels = File("l.txt", "1\n");
        string[] resolved = [.. args.Select(a => a switch
        {
            "CORPUS" => corpus,
            "P" => numbers,
            "L" => labels,
            "data/iris.csv" => Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"),
            _ => a,
        })];
        var (code, stdout, text, error) = CliRunner.RunBinary([], resolved);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal(string.Empty, text);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(System.IO.File.Exists("-"));
    }
}
