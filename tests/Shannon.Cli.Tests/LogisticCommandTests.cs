using System.Text.Json;
using Shannon.Data.Npy;

namespace Shannon.Cli.Tests;

public sealed class LogisticCommandTests : IDisposable
{
    private static readonly string Digits = Path.Combine(AppContext.BaseDirectory, "data", "digits.csv");
    private readonly string _directory = Directory.CreateTempSubdirectory("shannon-logistic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Path_(string name) => Path.Combine(_directory, name);

    [Fact]
    public void Held_out_digits_logits_feed_the_calibration_command()
    {
        string logits = Path_("z.npy");
        string labels = Path_("y.txt");
        var (code, output, error) = CliRunner.Run("logistic", Digits, "--target", "target", "--logits", logits, "--labels", labels, "--epochs", "60", "--json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(10, json.GetProperty("classes").GetArrayLength());
        Assert.Equal(64, json.GetProperty("features").GetInt32());
        Assert.Equal(539, json.GetProperty("test_rows").GetInt32());
        Assert.Equal(1258, json.GetProperty("train_rows").GetInt32());
        Assert.True(json.GetProperty("test_accuracy").GetDouble() > 0.85);
        var array = NpyFile.Read(logits);
        Assert.Equal([539, 10], array.Shape);
        Assert.Equal(539, File.ReadAllLines(labels).Length);

        var (calibrationCode, report, calibrationError) = CliRunner.Run("calibration", logits, labels, "--logits", "--json");
        Assert.True(calibrationCode == 0, calibrationError);
        var calibration = JsonDocument.Parse(report).RootElement;
        Assert.Equal(json.GetProperty("test_accuracy").GetDouble(), calibration.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(json.GetProperty("test_nll").GetDouble(), calibration.GetProperty("nll").GetDouble(), 12);
    }

    [Fact]
    public void Bad_input_exits_2_with_one_line()
    {
        void Bad(string expected, params string[] args)
        {
            var (code, output, error) = CliRunner.Run(["logistic", .. args]);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains(expected, error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }

        Bad("no column 'label'", Digits, "--target", "label", "--logits", Path_("z.npy"), "--labels", Path_("y.txt"));
        Bad("must end in .npy", Digits, "--target", "target", "--logits", Path_("z.csv"), "--labels", Path_("y.txt"));
        Bad("also an input", Digits, "--target", "target", "--logits", Path_("z.npy"), "--labels", Digits);
        Bad("--logits and --labels name the same file", Digits, "--target", "target", "--logits", Path_("lg.npy"), "--labels", Path_("lg.npy"));
        Directory.CreateSymbolicLink(Path_("dl"), _directory);
        Bad("--logits and --labels name the same file", Digits, "--target", "target", "--logits", Path_("lg.npy"), "--labels", Path_("dl/lg.npy"));
        Assert.False(File.Exists(Path_("lg.npy")));
        Bad("--test-fraction must be in [0.05, 0.95]", Digits, "--target", "target", "--logits", Path_("z.npy"), "--labels", Path_("y.txt"), "--test-fraction", "1");
        Bad("--epochs must be in 1–100000", Digits, "--target", "target", "--logits", Path_("z.npy"), "--labels", Path_("y.txt"), "--epochs", "0");
        Assert.False(File.Exists(Path_("z.npy")));
    }
}
