using System.Text.Json;
using Shannon.Data.Npy;

namespace Shannon.Cli.Tests;

public sealed class LogisticCommandTests() : ScratchDirectoryTests("shannon-logistic-")
{
    private static readonly string Digits = Path.Combine(AppContext.BaseDirectory, "data", "digits.csv");

    [Fact]
    public void Held_out_digits_logits_feed_the_calibration_command()
    {
        string logits = PathOf("z.npy");
        string labels = PathOf("y.txt");
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
        Assert.Equal(539, System.IO.File.ReadAllLines(labels).Length);

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

        Bad("no column 'label'", Digits, "--target", "label", "--logits", PathOf("z.npy"), "--labels", PathOf("y.txt"));
        Bad("must end in .npy", Digits, "--target", "target", "--logits", PathOf("z.csv"), "--labels", PathOf("y.txt"));
        Bad("also an input", Digits, "--target", "target", "--logits", PathOf("z.npy"), "--labels", Digits);
        Bad("--logits and --labels name the same file", Digits, "--target", "target", "--logits", PathOf("lg.npy"), "--labels", PathOf("lg.npy"));
        Directory.CreateSymbolicLink(PathOf("dl"), Scratch);
        Bad("--logits and --labels name the same file", Digits, "--target", "target", "--logits", PathOf("lg.npy"), "--labels", PathOf("dl/lg.npy"));
        Assert.False(System.IO.File.Exists(PathOf("lg.npy")));
        Bad("--test-fraction must be in [0.05, 0.95]", Digits, "--target", "target", "--logits", PathOf("z.npy"), "--labels", PathOf("y.txt"), "--test-fraction", "1");
        Bad("--epochs must be in 1–100000", Digits, "--target", "target", "--logits", PathOf("z.npy"), "--labels", PathOf("y.txt"), "--epochs", "0");
        Assert.False(System.IO.File.Exists(PathOf("z.npy")));
    }
}
