using System.Globalization;
using System.Text;
using System.Text.Json;
using Shannon.Data.Npy;

namespace Shannon.Cli.Tests;

/// <summary>
/// Findings of hostile review round 4 (trust): the data contract on the classifiers, failed runs that replaced their
/// outputs, p-value bounds printed as equalities, refused float32 softmax rows and a perplexity that was not one.
/// Each test reproduces the finding's command and failed before its fix.
/// </summary>
public sealed class TrustReviewTests : IDisposable
{
    private static readonly string Iris = Path.Combine(AppContext.BaseDirectory, "data", "iris.csv");
    private readonly string directory = Directory.CreateTempSubdirectory("shannon-trust-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathOf(string name) => Path.Combine(directory, name);

    private string File(string name, string text)
    {
        string path = PathOf(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The review's tna.csv: x uniform, c = x &gt; 0.5, every sixth c written NA (10 of 60).</summary>
    private string TargetWithNa()
    {
        var random = new Random(0);
        var text = new StringBuilder("x,c\n");
        for (int i = 0; i < 60; i++)
        {
            double x = random.NextDouble();
            text.Append(x.ToString("F4", CultureInfo.InvariantCulture)).Append(',').Append(i % 6 == 0 ? "NA" : x > 0.5 ? "1" : "0").Append('\n');
        }

        return File("tna.csv", text.ToString());
    }

    [Fact]
    public void Tree_drops_and_reports_rows_whose_target_is_a_null_token_as_entropy_does()
    {
        // Before: "classes":["0","1","NA"], root n = 60, no note.
        string data = TargetWithNa();
        var (code, output, error) = CliRunner.Run("tree", data, "--target", "c", "--max-depth", "1", "--base", "2", "--json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["0", "1"], json.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(50, json.GetProperty("nodes")[0].GetProperty("samples").GetInt32());
        Assert.Equal(10, json.GetProperty("rows_dropped").GetProperty("count").GetInt32());
        Assert.Equal(10, json.GetProperty("rows_dropped").GetProperty("columns").GetProperty("c").GetProperty("na").GetInt32());
        Assert.Equal("note: dropped 10 of 60 rows with missing values: 'c' 10 NA.", error.TrimEnd('\n'));

        // The root entropy is the entropy command's plug-in H(c) over the same 50 rows.
        var entropy = CliRunner.Run("entropy", "--samples", data, "--column", "c", "--estimator", "plugin", "--base", "2", "--json");
        Assert.Equal(JsonDocument.Parse(entropy.Out).RootElement.GetProperty("value").GetDouble(), json.GetProperty("nodes")[0].GetProperty("entropy").GetDouble(), 12);

        // Asked for as text, NA is a value the user chose to keep, and a class.
        var text = CliRunner.Run("tree", data, "--target", "c", "--max-depth", "1", "--types", "c=text", "--json");
        Assert.Equal(["0", "1", "NA"], JsonDocument.Parse(text.Out).RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Logistic_drops_and_reports_rows_whose_target_is_a_null_token()
    {
        // Before: "3 classes (0, 1, NA)", exit 0, no note.
        var (code, output, error) = CliRunner.Run("logistic", TargetWithNa(), "--target", "c", "--logits", PathOf("l.npy"), "--labels", PathOf("l.txt"), "--epochs", "50", "--json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["0", "1"], json.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(50, json.GetProperty("train_rows").GetInt32() + json.GetProperty("test_rows").GetInt32());
        Assert.Equal(10, json.GetProperty("rows_dropped").GetProperty("count").GetInt32());
        Assert.Equal("note: dropped 10 of 60 rows with missing values: 'c' 10 NA.", error.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("--ignore-index", "-100")]
    [InlineData("--weights", "0,0,0,0")]
    public void A_refused_loss_replaces_no_gradient_and_writes_nothing_to_stdout(string option, string value)
    {
        // Before: exit 2, yet g.npy was a 6 × 4 array of zeros and --grad - put a .npy header on stdout.
        string logits = PathOf("lg.npy");
        NpyFile.Write(logits, Enumerable.Range(0, 24).Select(i => (double)(i % 5) - 2).ToArray(), [6, 4]);
        string targets = File("t.txt", option == "--ignore-index" ? "-100\n-100\n-100\n-100\n-100\n-100\n" : "0\n1\n2\n3\n0\n1\n");
        string grad = File("g.npy", "OLD");
        foreach (string kind in new[] { "ce", "nll" })
        {
            var run = CliRunner.Run("loss", "--kind", kind, "--input", logits, "--targets", targets, option, value, "--grad", grad);
            CliRunner.AssertOneErrorLine(run, "every row is ignored (or weighs 0), so the mean is 0/0 and undefined (PyTorch gives NaN); use --reduction sum.");
            Assert.Equal("OLD", System.IO.File.ReadAllText(grad));
            var binary = CliRunner.RunBinary([], "loss", "--kind", kind, "--input", logits, "--targets", targets, option, value, "--grad", "-");
            Assert.Equal(2, binary.Code);
            Assert.Empty(binary.Stdout);
        }
    }

    [Fact]
    public void Logistic_replaces_neither_output_when_the_second_cannot_be_written()
    {
        // Before: the logits were replaced, the labels were not, and calibration read the mismatched pair with exit 0.
        // /proc takes no new files, for root too (a read-only directory would not stop root).
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string logits = File("l.npy", "old logits");
        var run = CliRunner.Run("logistic", Iris, "--target", "target", "--logits", logits, "--labels", "/proc/l.txt", "--epochs", "20");
        CliRunner.AssertOneErrorLine(run, "cannot write '/proc/l.txt': the file system refused to create a file in its directory.");
        Assert.Equal("old logits", System.IO.File.ReadAllText(logits));
        Assert.Equal(["l.npy"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Infonce_replaces_neither_gradient_when_the_second_cannot_be_written()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string query = PathOf("q.npy");
        string keys = PathOf("k.npy");
        NpyFile.Write(query, Enumerable.Range(0, 12).Select(i => Math.Sin(i)).ToArray(), [4, 3]);
        NpyFile.Write(keys, Enumerable.Range(0, 12).Select(i => Math.Cos(i)).ToArray(), [4, 3]);
        string grad = File("g1.npy", "old");
        var run = CliRunner.Run("loss", "--kind", "infonce", "--query", query, "--keys", keys, "--grad", grad, "--grad2", "/proc/g2.npy");
        CliRunner.AssertOneErrorLine(run, "cannot write '/proc/g2.npy': the file system refused to create a file in its directory.");
        Assert.Equal("old", System.IO.File.ReadAllText(grad));
    }
}
