using System.Text.Json;

namespace Shannon.Cli.Tests;

public class TourCommandTests
{
    [Fact]
    public void Tour_prints_every_section_and_the_tally()
    {
        var (code, output, error) = CliRunner.Run("tour");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("§1 ", output, StringComparison.Ordinal);
        Assert.Contains("Lesson values checked:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_one_alone()
    {
        var (code, output, _) = CliRunner.Run("tour", "--section", "1");
        Assert.Equal(0, code);
        Assert.StartsWith("§1 ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("§2 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_one_object_with_sections()
    {
        var (code, output, _) = CliRunner.Run("tour", "--section", "1", "--json");
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var section = document.RootElement.GetProperty("sections")[0];
        Assert.Equal(1, section.GetProperty("number").GetInt32());
        Assert.True(section.GetProperty("lines").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("999")]
    public void Section_out_of_range_is_exit_2(string section)
    {
        var (code, _, error) = CliRunner.Run("tour", "--section", section);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --section must be in 1–", error, StringComparison.Ordinal);
    }
}
