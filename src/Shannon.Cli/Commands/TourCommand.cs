using System.CommandLine;
using Shannon.Reports.Tour;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon tour [--section N] [--json]</c>: the lessons' "Build it" steps with Shannon computing every number,
/// each next to the value the lesson states, and the reason wherever the lesson is wrong.
/// </summary>
internal static class TourCommand
{
    public static Command Create(CliContext context)
    {
        var section = new Option<int?>("--section") { Description = "Only section N." }.Within(1, TourContent.Count);
        var json = CommonOptions.Json();
        var command = new Command("tour", "Walk through the lessons with Shannon computing every number; flags the lessons' wrong values.\nExamples:\n  shannon tour\n  shannon tour --section 2 --json")
        {
            section, json,
        };
        command.SetAction(parse =>
        {
            var sections = parse.GetValue(section) is { } number ? [Select(number)] : TourContent.All();
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [new("sections", sections.Select(Describe).ToArray())]);
            }
            else
            {
                TourRenderer.Write(context.Out, sections);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static TourSection Select(int number) =>
        number >= 1 && number <= TourContent.Count ? TourContent.Section(number)
        : throw new UsageException($"--section must be between 1 and {TourContent.Count}; got {number}.");

    private static Dictionary<string, object?> Describe(TourSection section) => new()
    {
        ["number"] = section.Number,
        ["title"] = section.Title,
        ["lines"] = section.Lines.Select(line => new Dictionary<string, object?>
        {
            ["label"] = line.Label,
            ["value"] = line.Value,
            ["unit"] = line.Unit,
            ["lesson"] = line.Claim?.Lesson,
            ["lesson_value"] = line.Claim?.Stated,
            ["lesson_is_right"] = line.LessonIsRight,
            ["why"] = line.LessonIsRight == false ? line.Claim?.Why : null,
        }).ToArray(),
        ["statements"] = section.Statements.Select(LessonClaims.Get).Select(claim => new Dictionary<string, object?>
        {
            ["lesson"] = claim.Lesson,
            ["statement"] = claim.Quantity,
            ["why"] = claim.Why,
        }).ToArray(),
        ["notes"] = section.Notes,
    };
}
