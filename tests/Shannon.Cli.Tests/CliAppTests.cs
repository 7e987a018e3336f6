namespace Shannon.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public void Help_usage_line_names_the_tool_shannon()
    {
        var (code, output, error) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("\n  shannon [command] [options]", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Shannon.Cli", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Subcommand_usage_line_starts_with_shannon()
    {
        var (code, output, _) = CliRunner.Run("kl", "--help");
        Assert.Equal(0, code);
        Assert.Contains("\n  shannon kl <P> <Q> [options]", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    // The help of every estimating command names the automatic rule's discrete estimator as the commands run it (it
    // once said "plugin" after the default had become Grassberger).
    [Theory]
    [InlineData("mi")]
    [InlineData("entropy")]
    [InlineData("features")]
    [InlineData("info")]
    [InlineData("te")]
    [InlineData("ais")]
    public void Help_names_the_default_discrete_estimator_the_command_runs(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        string help = string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        string name = new Shannon.Estimators.Automatic().DiscreteEstimator.Name;
        Assert.Matches($@"(default auto: |auto \(default\) is ){name}[ ,]", help);
        Assert.DoesNotMatch(@"(default auto: |auto \(default\) is )plugin", help);
    }

    [Fact]
    public void Version_is_the_tool_name_and_the_package_version()
    {
        var (code, output, error) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Matches(@"^shannon \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", output.Trim());
        Assert.Equal($"shannon {CliApp.Version}", output.Trim());
    }

    [Fact]
    public void No_command_exits_2_with_one_line()
    {
        var (code, output, error) = CliRunner.Run();
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Trim().Split('\n'));
    }
}
