using System.Text.Json;
using System.Text.RegularExpressions;
using Shannon.Cli.Commands;

namespace Shannon.Cli.Tests;

/// <summary>
/// The one progress mechanism of long commands: plain lines on stderr when stderr is redirected (forced here with
/// <see cref="CliContext.ProgressLines"/>), with counts, elapsed time and the time left; stdout untouched, so --json
/// still parses; nothing at all on a writer that is neither a terminal nor redirected stderr (the tests' default).
/// </summary>
public sealed partial class ProgressTests() : ScratchDirectoryTests("shannon-progress-")
{
    private static (int Code, string Out, string Err) RunWithLines(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(string.Empty), output, error) { ProgressLines = true, ProgressLineInterval = TimeSpan.Zero };
        int code = CliApp.Run(args, context);
        return (code, output.ToString(), error.ToString());
    }

    private string Joint() => File("joint.csv", "0.20,0.05,0.00\n0.05,0.20,0.05\n0.00,0.05,0.40\n");

    [Theory]
    [InlineData(false, "annealing the IB curve, β")]
    [InlineData(true, "deterministic IB, β")]
    public void Ib_sweep_counts_its_betas_on_stderr_and_leaves_json_clean(bool deterministic, string label)
    {
        string[] args = ["ib", "--joint", Joint(), "--sweep", "0.1:100:6", "--clusters", "3", "--json", .. deterministic ? new[] { "--deterministic" } : []];
        var (code, output, error) = RunWithLines(args);
        Assert.Equal(0, code);
        Assert.Equal(6, JsonDocument.Parse(output).RootElement.GetProperty("points").GetArrayLength());
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.All(lines[..^1], line => Assert.Matches(LineShape(), line));
        Assert.Contains(lines, line => line.StartsWith($"{label}: 6/6 (100%)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith($"{label}: 3/6 (50%)", StringComparison.Ordinal) && line.Contains("left", StringComparison.Ordinal));
        Assert.StartsWith($"{label}: done in ", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_distortion_counts_its_points()
    {
        string distortion = File("distortion.csv", "0,1\n1,0\n");
        var (code, _, error) = RunWithLines("channel", "rate-distortion", "--source", "0.3,0.7", "--distortion", distortion, "--points", "4");
        Assert.Equal(0, code);
        Assert.Contains("rate-distortion points: 4/4 (100%)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Perplexity_counts_its_documents_and_the_report_its_steps()
    {
        string text = File("text.txt", "In the beginning\n\nAnd the earth was\n\nLet there be light\n");
        string corpus = File("corpus.txt", "in the beginning god created the heaven and the earth\nand the earth was without form\n");
        var (code, output, error) = RunWithLines("perplexity", text, "--train", corpus, "--json");
        Assert.Equal(0, code);
        Assert.Equal(3, JsonDocument.Parse(output).RootElement.GetProperty("documents").GetInt32());
        Assert.Contains("scoring documents: 3/3 (100%)", error, StringComparison.Ordinal);

        string table = File("t.csv", "a,b,y\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => $"{i % 4},{i * 0.5},{i % 2}")) + "\n");
        var report = RunWithLines("report", table, "-o", Scratch, "--permutations", "0", "--replicates", "0", "--json");
        Assert.Equal(0, report.Code);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(report.Out).RootElement.ValueKind);
        Assert.Matches(@"\(100%\), \d+ s elapsed", report.Err);
    }

    [Fact]
    public void Features_tree_and_ngram_training_count_their_work()
    {
        string table = File("t.csv", "a,b,c,y\n" + string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i % 5},{i * 37 % 60 * 0.25},{(i * 7) % 3},{i % 2}")) + "\n");

        var ranked = RunWithLines("features", table, "--target", "y", "--json");
        Assert.Equal(0, ranked.Code);
        Assert.Equal(3, JsonDocument.Parse(ranked.Out).RootElement.GetProperty("features").GetArrayLength());
        Assert.Contains("scoring features (two passes): 6/6 (100%)", ranked.Err, StringComparison.Ordinal);

        // mRMR picking 2 of 3: the 3 relevances, then the 2 candidates left after the first pick.
        var picked = RunWithLines("features", table, "--target", "y", "--method", "mrmr", "--top", "2");
        Assert.Equal(0, picked.Code);
        Assert.Contains("mrmr: pair estimates: 5/5 (100%)", picked.Err, StringComparison.Ordinal);

        var tree = RunWithLines("tree", table, "--target", "y", "--json");
        Assert.Equal(0, tree.Code);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(tree.Out).RootElement.ValueKind);
        Assert.Contains("growing the tree: rows placed in leaves: 60/60 (100%)", tree.Err, StringComparison.Ordinal);

        string corpus = File("corpus.txt", "in the beginning god created the heaven and the earth\nand the earth was without form\n");
        var trained = RunWithLines("ngram", "train", corpus, "--order", "2", "-o", PathOf("m.kn"));
        Assert.Equal(0, trained.Code);
        Assert.Matches(@"training the n-gram model: tokens counted: (\d+)/\1 \(100%\)", trained.Err);
    }

    [Fact]
    public void A_writer_that_is_neither_a_terminal_nor_redirected_stderr_gets_nothing()
    {
        var (code, _, error) = CliRunner.Run("ib", "--joint", Joint(), "--sweep", "0.1:100:6", "--clusters", "3");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Plain_lines_state_counts_elapsed_time_and_time_left()
    {
        Assert.Equal("epochs: 5/20 (25%), 10 s elapsed, about 30 s left", WorkProgress.Line("epochs", 5, 20, TimeSpan.FromSeconds(10)));
        Assert.Equal("report: (50%), 4 s elapsed, about 4 s left", WorkProgress.Line("report", 500, 1000, TimeSpan.FromSeconds(4), fractional: true));
        Assert.Equal("training: 3 s elapsed", WorkProgress.Line("training", 0, 0, TimeSpan.FromSeconds(3)));
        Assert.Equal("epochs: 0/20 (0%), 2 min 5 s elapsed", WorkProgress.Line("epochs", 0, 20, TimeSpan.FromSeconds(125)));
    }

    [GeneratedRegex(@"^[^:]+: \d+/\d+ \(\d+%\), \d+ s elapsed(, about \d+ s left)?$")]
    private static partial Regex LineShape();
}
