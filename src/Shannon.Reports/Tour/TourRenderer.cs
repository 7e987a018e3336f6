using System.Globalization;

namespace Shannon.Reports.Tour;

/// <summary>Writes tour sections as aligned text: Shannon's value, the lesson's value and, where the lesson is wrong, why.</summary>
internal static class TourRenderer
{
    private const int LabelWidth = 58;

    /// <summary>Writes the sections and a one-line tally of the lesson values checked.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<TourSection> sections)
    {
        int right = 0, wrong = 0;
        foreach (var section in sections)
        {
            writer.WriteLine($"§{section.Number.ToString(CultureInfo.InvariantCulture)} {section.Title}");
            foreach (var line in section.Lines)
            {
                writer.WriteLine(Format(line));
                switch (line.LessonIsRight)
                {
                    case true: right++; break;
                    case false: wrong++; break;
                }
            }

            foreach (string id in section.Statements)
            {
                var claim = LessonClaims.Get(id);
                writer.WriteLine($"  ✗ lesson {claim.LessonNumber} ({claim.Section}) says {claim.Quantity}: {claim.Why}");
                wrong++;
            }

            foreach (string note in section.Notes)
            {
                writer.WriteLine($"  · {note}");
            }

            writer.WriteLine();
        }

        writer.WriteLine($"Lesson values checked: {right + wrong} — {right} right, {wrong} wrong (the wrong ones are listed in docs/errata.md).");
    }

    /// <summary>One line: label, Shannon's value and unit, then the lesson's value with ✓ or ✗ and the reason.</summary>
    public static string Format(TourLine line)
    {
        string value = TourLine.Round(line.Value, line.Digits) + (line.Unit.Length > 0 ? " " + line.Unit : string.Empty);
        string text = $"  {line.Label.PadRight(LabelWidth)} {value,16}";
        if (line.Claim is not { } claim)
        {
            return text;
        }

        string lesson = claim.Stated is null ? string.Empty : $"   lesson {claim.LessonNumber}: {claim.Stated}";
        return line.LessonIsRight switch
        {
            true => $"{text}{lesson}  ✓",
            false => $"{text}{lesson}  ✗ wrong: Shannon gives {TourLine.Round(line.Value, claim.Digits ?? line.Digits)} — {claim.Why}",
            null => text + lesson,
        };
    }
}
