namespace Shannon.Reports.Plots;

/// <summary>Command-line names of the figures (<c>binary-entropy</c>, …) and back.</summary>
internal static class FigureNames
{
    private static readonly (string Name, LessonFigure Figure)[] Names =
    [
        ("binary-entropy", LessonFigure.BinaryEntropy),
        ("kl-asymmetry", LessonFigure.KlAsymmetry),
        ("forward-reverse-kl", LessonFigure.ForwardReverseKl),
        ("temperature-entropy", LessonFigure.TemperatureEntropy),
        ("mi-vs-rho", LessonFigure.MiVsRho),
    ];

    /// <summary>Every name, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(entry => entry.Name).ToArray();

    /// <summary>The figure called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No figure has that name; the message lists the names.</exception>
    public static LessonFigure Parse(string name)
    {
        foreach (var (known, figure) in Names)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return figure;
            }
        }

        throw new ArgumentException($"There is no figure '{name}'; choose one of {string.Join(", ", All)}.", nameof(name));
    }

    /// <summary>The command-line name of <paramref name="figure"/>.</summary>
    public static string NameOf(LessonFigure figure) => Names.Single(entry => entry.Figure == figure).Name;
}
