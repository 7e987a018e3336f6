using System.Text.Json;

namespace Shannon.Cli.Tests;

public class ChannelCommandTests
{
    [Fact]
    public void Capacity_of_binary_symmetric_channel_in_bits()
    {
        var (code, output, error) = CliRunner.RunWithStdin("0.9 0.1\n0.1 0.9\n", "channel", "capacity", "--matrix", "-", "--base", "2");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("C = 0.5310044064 bits", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_line_inside_the_matrix_is_refused_but_comments_and_the_end_of_the_file_are_not()
    {
        var blank = CliRunner.RunWithStdin("0.9 0.1\n\n0.1 0.9\n", "channel", "capacity", "--matrix", "-");
        Assert.Equal(2, blank.Code);
        Assert.Equal("error: --matrix line 2 is blank: each line is one row, so a blank line inside the data would shift the rows after it; delete it or fill it in.", blank.Err.Trim());
        var (code, output, error) = CliRunner.RunWithStdin("# a binary symmetric channel\n0.9 0.1\n0.1 0.9\n\n\n", "channel", "capacity", "--matrix", "-", "--base", "2");
        Assert.True(code == 0, error);
        Assert.StartsWith("C = 0.5310044064 bits", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_json_has_value_unit_and_input()
    {
        var (code, output, _) = CliRunner.RunWithStdin("1,0\n0.5,0.5\n", "channel", "capacity", "--matrix", "-", "--json", "--base", "bits");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Math.Log2(1.25), root.GetProperty("capacity").GetDouble(), 10);
        Assert.Equal("bits", root.GetProperty("unit").GetString());
        Assert.Equal(0.6, root.GetProperty("input")[0].GetDouble(), 6);
    }

    [Fact]
    public void Rate_distortion_of_bernoulli_source_follows_entropy_difference()
    {
        var (code, output, error) = CliRunner.RunWithStdin("0 1\n1 0\n", "channel", "rate-distortion", "--source", "0.3,0.7", "--distortion", "-", "--points", "12", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        static double H(double p) => p <= 0 ? 0 : (-p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));
        var points = JsonDocument.Parse(output).RootElement.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(12, points.Length);
        foreach (var point in points)
        {
            double d = point.GetProperty("distortion").GetDouble();
            double expected = Math.Max(0, H(0.3) - H(Math.Min(d, 0.3)));
            Assert.Equal(expected, point.GetProperty("rate").GetDouble(), 8);
        }
    }

    [Fact]
    public void Rate_distortion_plot_is_written()
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-rd-{Guid.NewGuid():N}.svg");
        try
        {
            var (code, _, _) = CliRunner.RunWithStdin("0 1\n1 0\n", "channel", "rate-distortion", "--source", "0.5,0.5", "--distortion", "-", "--plot", path);
            Assert.Equal(0, code);
            Assert.Contains("<svg", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_input_is_exit_2_with_one_line()
    {
        var (code, _, error) = CliRunner.RunWithStdin("0.5 0.5\n0.5 0.4\n", "channel", "capacity", "--matrix", "-");
        Assert.Equal(2, code);
        Assert.StartsWith("error: channel row 1 sums to 0.9", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.RunWithStdin("0 1\n1\n", "channel", "capacity", "--matrix", "-");
        Assert.Equal(2, code);
        Assert.Contains("line 2 has 1 entries", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.RunWithStdin("0 1\n1 0\n", "channel", "rate-distortion", "--source", "0.2,0.3,0.5", "--distortion", "-");
        Assert.Equal(2, code);
        Assert.Contains("2 rows but --source has 3", error, StringComparison.Ordinal);
        (code, _, _) = CliRunner.Run("channel", "capacity");
        Assert.Equal(2, code);

        // Review 5: a distortion of 1e-310 made β = 0.1/d₀ infinite and the error named "beta", an option rate-distortion does not have.
        var (tinyCode, tinyOutput, tiny) = CliRunner.RunWithStdin("0 1e-310\n1e-310 0\n", "channel", "rate-distortion", "--source", "0.5,0.5", "--distortion", "-");
        Assert.Equal(2, tinyCode);
        Assert.Equal(string.Empty, tinyOutput);
        Assert.StartsWith("error: --distortion's smallest positive entry 1E-310 is too small", tiny, StringComparison.Ordinal);
        Assert.Single(tiny.TrimEnd('\n').Split('\n'));
    }
}
