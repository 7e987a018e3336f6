namespace Shannon.Cli.Tests;

public class PlotCommandTests
{
    [Theory]
    [InlineData(".png")]
    [InlineData(".svg")]
    public void Writes_the_requested_file(string extension)
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-plot-{Guid.NewGuid():N}{extension}");
        try
        {
            var (code, output, error) = CliRunner.Run("plot", "binary-entropy", "-o", path);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            Assert.Contains(path, output, StringComparison.Ordinal);
            Assert.True(new FileInfo(path).Length > 1000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unknown_figure_is_exit_2()
    {
        var (code, _, error) = CliRunner.Run("plot", "pie-chart");
        Assert.Equal(2, code);
        Assert.StartsWith("error: There is no figure 'pie-chart'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_extension_is_exit_2()
    {
        var (code, _, error) = CliRunner.Run("plot", "binary-entropy", "-o", Path.Combine(Path.GetTempPath(), "figure.gif"));
        Assert.Equal(2, code);
        Assert.Contains("must end in .png or .svg", error, StringComparison.Ordinal);
    }
}
