using System.Text.Json;
using Shannon.Calibration;
using Shannon.Data.Npy;

namespace Shannon.Cli.Tests;

public sealed class CalibrationCommandTests() : ScratchDirectoryTests("shannon-calibration-")
{
    // Four two-class rows: confidences 0.9, 0.6, 0.7, 0.8, predictions 0, 0, 1, 0, labels 0, 1, 1, 0.
    private const string Rows = "0.9,0.1\n0.6,0.4\n0.3,0.7\n0.8,0.2\n";
    private const string Labels = "0\n1\n1\n0\n";

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    private static void BadInput((int Code, string Out, string Err) result, string expected)
    {
        Assert.Equal(2, result.Code);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Tied_confidences_leave_out_coinciding_equal_mass_bins_and_label_the_first_closed()
    {
        // Review 4: ten rows at 0.5 under --strategy quantile gave "(0.5, 0.5]  10" (0.5 is not in (0.5, 0.5]) and
        // three more bins (0.5, 0.5] that can hold nothing.
        string probs = File("tied.csv", string.Concat(Enumerable.Repeat("0.5,0.5\n", 10)) + "0.6,0.4\n0.7,0.3\n0.8,0.2\n0.9,0.1\n0.95,0.05\n");
        string labels = File("tied.txt", "0\n1\n0\n1\n0\n1\n0\n1\n0\n1\n0\n0\n1\n0\n0\n");
        var (code, output, error) = CliRunner.Run("calibration", probs, labels, "--strategy", "quantile", "--bins", "5");
        Assert.Equal(0, code);
        string[] lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("  [0.5, 0.5]", StringComparison.Ordinal) && l.Contains(" 10  0.500000", StringComparison.Ordinal));
        Assert.DoesNotContain("(0.5, 0.5]", output, StringComparison.Ordinal);
        Assert.Contains("(3 equal-mass bins)", output, StringComparison.Ordinal);
        Assert.StartsWith("note: 2 of the 5 equal-mass bins asked for have edges that coincide with the bin before", error, StringComparison.Ordinal);
        (code, output, _) = CliRunner.Run("calibration", probs, labels, "--strategy", "quantile", "--bins", "5", "--json");
        Assert.Equal(0, code);
        var json = Json(output);
        Assert.Equal(2, json.GetProperty("bins_coincident").GetInt32());
        Assert.Equal(3, json.GetProperty("bins").GetArrayLength());
        Assert.Equal(10, json.GetProperty("bins")[0].GetProperty("count").GetInt32());
        (code, output, error) = CliRunner.Run("calibration", probs, labels, "--bins", "5", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, Json(output).GetProperty("bins_coincident").GetInt32());
    }

    [Fact]
    public void A_blank_line_inside_labels_or_rows_is_refused_with_its_number()
    {
        // 4 predictions, 5 label lines with a blank third: skipping it would pair rows 3 and 4 with the wrong labels.
        BadInput(CliRunner.Run("calibration", File("p.csv", Rows), File("y.txt", "0\n1\n\n0\n0\n")), "LABELS line 3 is blank");
        BadInput(CliRunner.Run("calibration", File("p.csv", Rows), File("y.txt", "\n0\n1\n1\n0\n")), "LABELS line 1 is blank");
        BadInput(CliRunner.Run("calibration", File("p.csv", "0.9,0.1\n0.6,0.4\n \r\n0.3,0.7\n0.8,0.2\n"), File("y.txt", Labels)), "PROBS line 3 is blank");
        // The end of the file may hold a newline, a CRLF or trailing blank lines: they come after every row.
        var (code, _, error) = CliRunner.Run("calibration", File("p.csv", Rows.Replace("\n", "\r\n") + "\r\n"), File("y.txt", Labels + "\n"));
        Assert.True(code == 0, error);
    }

    [Fact]
    public void Normalize_survives_a_row_whose_total_overflows()
    {
        var (code, output, error) = CliRunner.Run("calibration", File("p.csv", "1e308,1e308\n1,3\n"), File("y.txt", "0\n1\n"), "--normalize", "--json");
        Assert.True(code == 0, error);
        double expected = CalibrationReport.FromProbabilities([0.5, 0.5, 0.25, 0.75], 2, [0, 1]).Nll;
        Assert.Equal(expected, Json(output).GetProperty("nll").GetDouble(), 15);
    }

    [Fact]
    public void Csv_rows_give_every_key_of_the_issue_in_json()
    {
        var (code, output, error) = CliRunner.Run("calibration", File("p.csv", Rows), File("y.txt", Labels), "--json");
        Assert.True(code == 0, error);
        var json = Json(output);
        var expected = CalibrationReport.FromProbabilities([0.9, 0.1, 0.6, 0.4, 0.3, 0.7, 0.8, 0.2], 2, [0, 1, 1, 0]);
        Assert.Equal(4, json.GetProperty("n").GetInt64());
        Assert.Equal(2, json.GetProperty("classes").GetInt32());
        Assert.Equal("nats", json.GetProperty("unit").GetString());
        Assert.Equal(0.75, json.GetProperty("accuracy").GetDouble());
        Assert.Equal(expected.Nll, json.GetProperty("nll").GetDouble());
        Assert.Equal(expected.Brier, json.GetProperty("brier").GetDouble());
        Assert.Equal(0.3, json.GetProperty("ece").GetDouble(), 15);
        Assert.Equal(0.6, json.GetProperty("mce").GetDouble(), 15);
        Assert.Equal(expected.EceClasswise, json.GetProperty("ece_classwise").GetDouble());
        var bins = json.GetProperty("bins").EnumerateArray().ToArray();
        Assert.Equal(15, bins.Length);
        Assert.Equal(4, bins.Sum(b => b.GetProperty("count").GetInt64()));
        var empty = bins.First(b => b.GetProperty("count").GetInt64() == 0);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("confidence").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("accuracy").ValueKind);
        var full = bins.Single(b => b.GetProperty("count").GetInt64() == 1 && b.GetProperty("confidence").GetDouble() == 0.6);
        Assert.Equal(0.0, full.GetProperty("accuracy").GetDouble());
        Assert.True(full.GetProperty("lower").GetDouble() < 0.6 && 0.6 <= full.GetProperty("upper").GetDouble());
        Assert.False(json.TryGetProperty("curve", out _));
        Assert.False(json.TryGetProperty("temperature", out _));
    }

    [Fact]
    public void Float32_npy_logits_with_a_fitted_temperature_match_the_library()
    {
        var random = new Random(4);
        int n = 300, c = 7;
        var z = Enumerable.Range(0, n * c).Select(_ => (float)((random.NextDouble() * 12) - 6)).ToArray();
        var y = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? random.Next(c) : Array.IndexOf(z, z.Skip(i * c).Take(c).Max(), i * c) - (i * c)).ToArray();
        string logits = PathOf("z.npy");
        NpyFile.Write(logits, z, [n, c]);
        string labels = File("y.txt", string.Join('\n', y));
        var (code, output, error) = CliRunner.Run("calibration", logits, labels, "--logits", "--fit-temperature", "--bins", "10", "--strategy", "quantile", "--base", "bits", "--json");
        Assert.True(code == 0, error);
        var json = Json(output);
        var expected = CalibrationReport.FromLogits(z, c, y, new CalibrationOptions { Bins = 10, Strategy = BinStrategy.Quantile, FitTemperature = true, LogBase = LogBase.Bits });
        Assert.Equal("bits", json.GetProperty("unit").GetString());
        Assert.Equal(expected.Temperature!.Temperature, json.GetProperty("temperature").GetDouble());
        Assert.Equal(expected.Temperature.NllAfter, json.GetProperty("nll_calibrated").GetDouble());
        Assert.Equal(expected.Temperature.EceAfter, json.GetProperty("ece_calibrated").GetDouble());
        Assert.Equal(expected.Nll, json.GetProperty("nll").GetDouble());
        Assert.True(json.GetProperty("nll_calibrated").GetDouble() <= json.GetProperty("nll").GetDouble());
        Assert.Equal("quantile", json.GetProperty("strategy").GetString());
        Assert.Equal(10, json.GetProperty("bins").GetArrayLength());
        Assert.Equal(expected.Ece, json.GetProperty("ece").GetDouble());
    }

    [Fact]
    public void Binary_vector_gives_sklearns_curve_and_reads_labels_from_stdin()
    {
        double[] p = [0.1, 0.2, 0.9, 0.95, 0.5, 0.3];
        int[] y = [0, 1, 1, 1, 0, 0];
        string probs = PathOf("p.npy");
        NpyFile.Write(probs, p, [p.Length]);
        var (code, output, error) = CliRunner.RunWithStdin(string.Join('\n', y), "calibration", probs, "-", "--bins", "2", "--json");
        Assert.True(code == 0, error);
        var json = Json(output);
        var curve = ReliabilityCurve.FromProbabilities(p, y, 2);
        Assert.Equal(curve.ProbTrue, json.GetProperty("curve").GetProperty("prob_true").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(curve.ProbPred, json.GetProperty("curve").GetProperty("prob_pred").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(BrierScore.Of(p, y), json.GetProperty("brier").GetDouble());
        Assert.Equal(2, json.GetProperty("classes").GetInt32());
    }

    [Fact]
    public void An_npy_table_on_stdin_is_spooled_and_named_stdin()
    {
        string probs = PathOf("p.npy");
        NpyFile.Write(probs, [0.9f, 0.1f, 0.6f, 0.4f, 0.3f, 0.7f, 0.8f, 0.2f], [4, 2]);
        var (code, output, error, _) = CliRunner.RunWithStdinBytes(System.IO.File.ReadAllBytes(probs), "calibration", "-", File("y.txt", Labels), "--json");
        Assert.True(code == 0, error);
        Assert.Equal(0.3, Json(output).GetProperty("ece").GetDouble(), 6);
        NpyFile.Write(probs, [0.9f, 0.1f, 0.6f, 0.3f], [2, 2]);
        var bad = CliRunner.RunWithStdinBytes(System.IO.File.ReadAllBytes(probs), "calibration", "-", File("y2.txt", "0\n1\n"));
        BadInput((bad.Code, bad.Out, bad.Err), "probabilities row 1 sums to");
    }

    [Fact]
    public void Probabilities_from_stdin_and_a_human_summary()
    {
        var (code, output, error) = CliRunner.RunWithStdin(Rows, "calibration", "-", File("y.txt", Labels), "--fit-temperature", "--ci", "0.95", "--replicates", "50", "--seed", "3");
        Assert.True(code == 0, error);
        Assert.Contains("n = 4, 2 classes, accuracy = 0.75", output, StringComparison.Ordinal);
        Assert.Contains("ECE = 0.3 [", output, StringComparison.Ordinal);
        Assert.Contains("temperature T* = ", output, StringComparison.Ordinal);
        Assert.Contains("(0.8666666667, 0.9333333333]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_adds_a_half_sampling_interval_of_the_ece()
    {
        var (code, output, _) = CliRunner.Run("calibration", File("p.csv", Rows), File("y.txt", Labels), "--replicates", "40", "--ci", "0.8", "--json");
        Assert.Equal(0, code);
        var json = Json(output);
        var ci = json.GetProperty("ece_ci").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(2, ci.Length);
        Assert.True(ci[0] <= ci[1]);
        Assert.Equal(0.8, json.GetProperty("ci_level").GetDouble());
    }

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void Plot_writes_the_reliability_diagram(string extension)
    {
        string plot = PathOf($"reliability.{extension}");
        var (code, output, error) = CliRunner.Run("calibration", File("p.csv", Rows), File("y.txt", Labels), "--plot", plot);
        Assert.True(code == 0, error);
        Assert.Contains($"wrote {plot}", output, StringComparison.Ordinal);
        byte[] bytes = System.IO.File.ReadAllBytes(plot);
        if (extension == "png")
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        else
        {
            var svg = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
        }

        Assert.Single(Directory.GetFiles(Scratch, $"*.{extension}*"));
    }

    [Fact]
    public void Normalize_accepts_rows_that_do_not_sum_to_one()
    {
        var (code, output, error) = CliRunner.Run("calibration", File("p.csv", "9,1\n6,4\n3,7\n8,2\n"), File("y.txt", Labels), "--normalize", "--json");
        Assert.True(code == 0, error);
        Assert.Equal(0.3, Json(output).GetProperty("ece").GetDouble(), 15);
    }

    [Fact]
    public void A_row_that_does_not_sum_to_one_is_named()
    {
        BadInput(CliRunner.Run("calibration", File("p.csv", "0.9,0.1\n0.5,0.3\n"), File("y.txt", "0\n1\n")), "row 1 sums to 0.8, not 1 within 1e-6; normalise the rows");
    }

    [Fact]
    public void Labels_out_of_range_are_named()
    {
        BadInput(CliRunner.Run("calibration", File("p.csv", Rows), File("y.txt", "0\n1\n2\n0\n")), "labels has 2 at index 2");
        BadInput(CliRunner.Run("calibration", File("p.csv", Rows), File("y.txt", "0\n-1\n1\n0\n")), "labels has -1 at index 1");
    }

    [Fact]
    public void Length_mismatch_is_named()
    {
        BadInput(CliRunner.Run("calibration", File("p.csv", Rows), File("y.txt", "0\n1\n1\n")), "PROBS has 4 rows but LABELS has 3 labels");
    }

    [Fact]
    public void Nan_is_named_with_its_row_and_class()
    {
        BadInput(CliRunner.Run("calibration", File("p.csv", "0.5,0.5\nNaN,1\n"), File("y.txt", "0\n1\n")), "NaN entry at row 1, class 0");
        BadInput(CliRunner.Run("calibration", File("z.csv", "0.5,0.5\n1,NaN\n"), File("y.txt", "0\n1\n"), "--logits"), "NaN entry at index 3 (row 1, class 1)");
        BadInput(CliRunner.Run("calibration", File("b.csv", "0.5\nNaN\n"), File("y.txt", "0\n1\n")), "NaN");
    }

    [Fact]
    public void Other_bad_input_exits_2_with_one_line()
    {
        string probs = File("p.csv", Rows);
        string labels = File("y.txt", Labels);
        BadInput(CliRunner.Run("calibration", "-", "-"), "both read stdin");
        BadInput(CliRunner.Run("calibration", probs, labels, "--bins", "0"), "--bins must be in 1–10000");
        BadInput(CliRunner.Run("calibration", probs, labels, "--strategy", "kmeans"), "kmeans");
        BadInput(CliRunner.Run("calibration", probs, labels, "--plot", PathOf("figure.jpg")), "must end in .png or .svg");
        BadInput(CliRunner.Run("calibration", probs, labels, "--ci", "1.5"), "--ci must be in (0, 1)");
        BadInput(CliRunner.Run("calibration", probs, labels, "--ci", "0.9", "--replicates", "1"), "--replicates must be in 2–100000");
        BadInput(CliRunner.Run("calibration", probs, File("bad.txt", "0\nx\n")), "LABELS line 2 is 'x'");
        BadInput(CliRunner.Run("calibration", PathOf("missing.csv"), labels), "does not exist");
        BadInput(CliRunner.Run("calibration", probs, PathOf("missing.txt")), "does not exist");
        CliRunner.AssertOneErrorLine(CliRunner.Run("calibration", probs, PathOf("missing.npy")), $"LABELS file '{PathOf("missing.npy")}' does not exist.");
        BadInput(CliRunner.Run("calibration", File("b.csv", "0.5\n1.5\n"), File("y2.txt", "0\n1\n")), "greater than 1");
        BadInput(CliRunner.Run("calibration", File("b2.csv", "0.5\n0.5\n"), File("y3.txt", "0\n2\n")), "binary labels are 0 or 1");
        string svg = File("input.svg", "<svg/>");
        BadInput(CliRunner.Run("calibration", svg, labels, "--plot", svg), "also an input");
        string npyLabels = PathOf("labels.npy");
        NpyFile.Write(npyLabels, [0.0, 1.0, 1.0, 0.0], [4]);
        BadInput(CliRunner.Run("calibration", probs, npyLabels), "must be a vector of int32/int64");
    }

    [Fact]
    public void Every_label_on_top_has_no_temperature()
    {
        BadInput(CliRunner.Run("calibration", File("p.csv", "0.9,0.1\n0.2,0.8\n"), File("y.txt", "0\n1\n"), "--fit-temperature"), "no temperature minimises it");
    }

    [Fact]
    public void Help_lists_the_options_with_their_ranges()
    {
        var (code, output, _) = CliRunner.Run("calibration", "--help");
        Assert.Equal(0, code);
        foreach (string option in new[] { "--logits", "--bins", "--strategy", "--fit-temperature", "--plot", "--base", "--json", "--normalize", "[range 1–10000]" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }
}
