using System.Text.Json;

namespace Shannon.Cli.Tests;

public sealed class InfoplaneCommandTests() : ScratchDirectoryTests("shannon-infoplane-")
{
    [Fact]
    public async Task Svg_output_leaves_the_process_stderr_clean()
    {
        // Skia's SVG canvas printed "Unsupported path effect in addPaint." from native code for the dashed lines, on the
        // process's own stderr (fd 2), which no in-process writer captures: so the CLI runs as a process here.
        string directory = PathOf("infoplane");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "Shannon.Cli.dll"), "infoplane", "--epochs", "1", "--knn-samples", "0", "-o", directory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, error);
        Assert.Contains("training-curves.svg", await output);
        // Nothing but the command's own plain progress lines ("epochs: 1/2 (50%), 6 s elapsed, …"), which a slow
        // (loaded) machine prints after 5 s by design.
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("epochs: ", line, StringComparison.Ordinal));
        Assert.Contains("<svg", System.IO.File.ReadAllText(Path.Combine(directory, "training-curves.svg")));
    }

    [Fact]
    public void Writes_plots_and_json_into_the_directory()
    {
        string directory = PathOf("infoplane");
        var (code, output, error) = CliRunner.Run("infoplane", "--epochs", "2", "--bins", "20", "--seed", "3", "--knn-samples", "0", "-o", directory, "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, root.GetProperty("epochs").GetInt32());
        Assert.Equal(5, root.GetProperty("files").GetArrayLength());
        foreach (string name in new[] { "information-plane.png", "information-plane.svg", "training-curves.png", "training-curves.svg" })
        {
            Assert.True(System.IO.File.Exists(Path.Combine(directory, name)), name);
        }

        var run = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(directory, "information-plane.json"))).RootElement;
        Assert.Equal(3, run.GetProperty("epochs").GetArrayLength());
        Assert.Equal("bits", run.GetProperty("unit").GetString());
    }

    [Fact]
    public void Human_output_names_every_layer()
    {
        string directory = PathOf("infoplane");
        var (code, output, _) = CliRunner.Run("infoplane", "--epochs", "1", "--knn-samples", "40", "-o", directory);
        Assert.Equal(0, code);
        Assert.Contains("hidden 1 (32): I(X;T) = ", output, StringComparison.Ordinal);
        Assert.Contains("output (10)", output, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(Path.Combine(directory, "information-plane-comparison.svg")));
    }

    [Theory]
    [InlineData("--epochs", "0", "error: --epochs must be in 1–10000; got 0.")]
    [InlineData("--bins", "1", "error: --bins must be in 2–1000000; got 1.")]
    [InlineData("--knn-samples", "5", "error: --knn-samples must be 0 (off) or at least 20; got 5.")] // review 5: it named the property NeighbourSamples
    [InlineData("--noise-variance", "-1", "error: --noise-variance must be in (0, ∞); got -1.")]
    [InlineData("--noise-variance", "Infinity", "error: --noise-variance must be in (0, ∞)")]
    public void Bad_settings_are_exit_2(string option, string value, string message)
    {
        string directory = PathOf("infoplane");
        var (code, output, error) = CliRunner.Run("infoplane", option, value, "-o", directory);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }
}
