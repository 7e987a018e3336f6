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

    [Fact]
    public void Every_json_key_is_snake_case_and_a_wrong_lesson_value_is_named_with_its_verdict()
    {
        // Review 5: the lines said "lessonValue" and "lessonIsRight" while every other command's keys are snake_case.
        var (code, output, _) = CliRunner.Run("tour", "--json");
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var keys = new List<string>();
        Collect(document.RootElement, keys);
        Assert.All(keys, key => Assert.Matches("^[a-z][a-z0-9_]*$", key));
        var wrong = document.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(section => section.GetProperty("lines").EnumerateArray())
            .First(line => line.GetProperty("lesson_is_right").ValueKind == JsonValueKind.False);
        Assert.Equal(JsonValueKind.String, wrong.GetProperty("lesson_value").ValueKind);
    }

    private static void Collect(JsonElement element, List<string> keys)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                keys.Add(property.Name);
                Collect(property.Value, keys);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, keys);
            }
        }
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
