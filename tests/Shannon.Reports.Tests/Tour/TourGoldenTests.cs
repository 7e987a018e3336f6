using Shannon.Reports.Tour;

namespace Shannon.Reports.Tests.Tour;

public class TourGoldenTests
{
    public static TheoryData<int> Sections() => [.. Enumerable.Range(1, TourContent.Count)];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_value_matches_numpy_scipy_torch(int number)
    {
        foreach (var line in TourContent.Section(number).Lines.Where(line => line.ReferenceId is not null))
        {
            double expected = TourReference.Value(line.ReferenceId!);
            double tolerance = line.ReferenceTolerance * Math.Max(1.0, Math.Abs(expected));
            Assert.True(Math.Abs(line.Value - expected) <= tolerance, $"{line.Label}: Shannon {line.Value:R}, reference {expected:R}");
        }
    }

    /// <summary>
    /// Lines checked against torch's float32 results with the looser <see cref="TourLine.Float32Tolerance"/> must still
    /// print the reference's digits, so the tolerance never shows.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sections))]
    public void Lines_with_a_float32_reference_print_the_references_digits(int number)
    {
        foreach (var line in TourContent.Section(number).Lines.Where(line => line.ReferenceId is not null && line.ReferenceTolerance > 1e-12))
        {
            Assert.Equal(TourLine.Round(TourReference.Value(line.ReferenceId!), line.Digits), TourLine.Round(line.Value, line.Digits));
        }
    }

    [Fact]
    public void Only_torch_float32_references_get_the_looser_tolerance()
    {
        string[] loose = TourContent.All().SelectMany(section => section.Lines).Where(line => line.ReferenceTolerance != 1e-12)
            .Select(line => line.ReferenceId!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["infonce.exercise.perfect", "infonce.exercise.random", "infonce.exercise.random.t1", "infonce.random", "infonce.random.t1", "infonce.similar", "nll.torch.seed42"],
            loose);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Lesson_values_are_judged_as_the_reference_judges_them(int number)
    {
        foreach (var line in TourContent.Section(number).Lines.Where(line => line.LessonIsRight is not null))
        {
            Assert.True(TourReference.ClaimIsCorrect(line.ClaimId!) == line.LessonIsRight, line.Label);
        }
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Right_values_print_the_lessons_digits_and_wrong_ones_print_shannons_value_and_why(int number)
    {
        foreach (var line in TourContent.Section(number).Lines.Where(line => line.Claim is { Stated: not null }))
        {
            string text = TourRenderer.Format(line);
            var claim = line.Claim!;
            Assert.Contains($"lesson {claim.LessonNumber}: {claim.Stated}", text, StringComparison.Ordinal);
            if (line.LessonIsRight == true)
            {
                Assert.EndsWith("✓", text, StringComparison.Ordinal);
                // "≈0" checked to two decimals is right when Shannon's value rounds to 0.00.
                double stated = double.Parse(claim.Stated!.TrimStart('~', '≈'), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(TourLine.Round(stated, claim.Digits!.Value), TourLine.Round(line.Value, claim.Digits!.Value));
            }
            else
            {
                Assert.Contains($"✗ wrong: Shannon gives {TourLine.Round(line.Value, claim.Digits!.Value)} — {claim.Why}", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_claim_the_tour_names_exists_in_the_reference()
    {
        var known = TourReference.ClaimIds().ToHashSet();
        foreach (var section in TourContent.All())
        {
            Assert.All(section.Lines.Where(line => line.ClaimId is not null), line => Assert.Contains(line.ClaimId!, known));
            Assert.All(section.Statements, id => Assert.Contains(id, known));
        }
    }

    /// <summary>
    /// Every number the reference computes from the lessons (their stated values and their code's printed results) is a
    /// line of the tour, so no lesson number is left out (lesson 000's perplexity e^0.417 ≈ 1.517 once was, and lesson
    /// 003's analytic gradient, and the values of the lessons' torch and Python random streams). The reference's checks
    /// of numpy's generator (numpy.*) are inputs, not lesson numbers.
    /// </summary>
    [Fact]
    public void Every_lesson_number_the_reference_computes_is_printed_by_the_tour()
    {
        var printed = TourContent.All().SelectMany(section => section.Lines).Select(line => line.ReferenceId).OfType<string>().ToHashSet();
        var missing = TourReference.ValueIds().Where(id => !id.StartsWith("numpy.", StringComparison.Ordinal) && !printed.Contains(id)).ToArray();
        Assert.True(missing.Length == 0, "not in the tour: " + string.Join(", ", missing));
        var writer = new StringWriter();
        TourRenderer.Write(writer, TourContent.All());
        Assert.Matches(@"perplexity = e\^loss = e\^0\.417 .*1\.5174", writer.ToString());
    }

    [Fact]
    public void Rendered_tour_ends_with_the_tally()
    {
        var writer = new StringWriter();
        TourRenderer.Write(writer, TourContent.All());
        Assert.Matches(@"Lesson values checked: \d+ — \d+ right, \d+ wrong", writer.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Section_out_of_range_names_the_parameter(int number)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TourContent.Section(number));
        Assert.Equal("number", ex.ParamName);
    }
}
