using Shannon.Reports.Tour.Sections;

namespace Shannon.Reports.Tour;

/// <summary>The tour's sections in order; each is computed only when asked for.</summary>
internal static class TourContent
{
    private static readonly Func<int, TourSection>[] Builders =
    [
        SurprisalSection.Build,
        EntropySection.Build,
        CrossEntropySection.Build,
        LogitsSection.Build,
        NegativeLogLikelihoodSection.Build,
        MutualInformationSection.Build,
        LabelSmoothingSection.Build,
        PerplexitySection.Build,
        TemperatureSection.Build,
        KlDirectionSection.Build,
        InfoNceSection.Build,
        VariationalSection.Build,
        JensenSection.Build,
        DataProcessingSection.Build,
    ];

    /// <summary>How many sections the tour has.</summary>
    public static int Count => Builders.Length;

    /// <summary>Section <paramref name="number"/> (1-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is not between 1 and <see cref="Count"/>.</exception>
    public static TourSection Section(int number)
    {
        if (number < 1 || number > Builders.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"The tour has sections 1 to {Builders.Length}; {number} is not one of them.");
        }

        return Builders[number - 1](number);
    }

    /// <summary>Every section, in order.</summary>
    public static IReadOnlyList<TourSection> All() => Enumerable.Range(1, Builders.Length).Select(Section).ToArray();
}
