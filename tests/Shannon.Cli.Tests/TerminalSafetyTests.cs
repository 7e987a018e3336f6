using System.Text.Json;
using static Shannon.Cli.Tests.CliRunner;

namespace Shannon.Cli.Tests;

/// <summary>
/// Text read from a user's file reaches the terminal with its control characters shown: a column name holding an escape
/// sequence prints as <c>\u001b[31m</c>, it does not recolour or move the terminal; JSON keeps the name exact.
/// </summary>
public sealed class TerminalSafetyTests() : ScratchDirectoryTests("shannon-terminal-")
{
    private const string Hostile = "a\u001b[31mX\u0007";

    private string HostileTable()
    {
        var text = new System.Text.StringBuilder($"\"{Hostile}\",y\n");
        for (int i = 0; i < 60; i++)
        {
            text.Append(i % 3).Append(',').Append((i % 3 + i / 30) % 2).Append('\n');
        }

        return File("hostile.csv", text.ToString());
    }

    private static void AssertShown(string output)
    {
        Assert.DoesNotContain(output, c => char.IsControl(c) && c is not '\n' and not '\t');
        Assert.Contains(@"a\u001b[31mX\u0007", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mi", "--x", Hostile, "--y", "y")]
    [InlineData("features", "--target", "y")]
    [InlineData("report", "--target", "y", "--permutations", "0")]
    public void A_column_name_with_control_characters_prints_them_as_escapes(params string[] arguments)
    {
        string path = HostileTable();
        var (code, output, error) = Run([arguments[0], path, .. arguments[1..]]);

        Assert.True(code == 0, error);
        AssertShown(output);
        Assert.DoesNotContain(error, c => char.IsControl(c) && c != '\n');
    }

    [Fact]
    public void An_error_line_shows_the_name_as_results_do()
    {
        string path = HostileTable();
        var (code, output, error) = Run("mi", path, "--x", "absent", "--y", "y");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        AssertShown(error);
    }

    [Fact]
    public void Json_keeps_the_name_exact()
    {
        string path = HostileTable();
        var (code, output, error) = Run("features", path, "--target", "y", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(Hostile, json.RootElement.GetProperty("features")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("tab\tand\nline", "tab\\u0009and\\u000aline")]
    [InlineData("crlf\r\n", "crlf\\u000d\\u000a")]
    [InlineData("c1\u009bq", "c1\\u009bq")]
    public void Visible_writes_every_control_character_as_an_escape(string text, string expected) =>
        Assert.Equal(expected, CommandOutput.Visible(text));

    [Fact]
    public void Held_output_keeps_line_breaks_and_the_consoles_own_codes()
    {
        using var output = new CommandOutput(TextWriter.Null);
        output.Write("name \u001b[2J\r\n");
        output.Raw.Write("\u001b[1mbold\u001b[0m");
        output.Write("\tend\r");

        Assert.Equal("name \\u001b[2J\r\n\u001b[1mbold\u001b[0m\tend\\u000d", output.Shown());
    }
}
