using ScottPlot;

namespace Shannon.Reports.Plots;

/// <summary>Draws the lessons' figures with ScottPlot from the curves in <see cref="FigureCurves"/>.</summary>
internal static class LessonFigures
{
    /// <summary>Default image width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Default image height in pixels.</summary>
    public const int Height = 500;

    /// <summary>The plot of <paramref name="figure"/>.</summary>
    public static Plot Create(LessonFigure figure) => figure switch
    {
        LessonFigure.BinaryEntropy => BinaryEntropy(),
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "Unknown figure."),
    };

    private static Plot BinaryEntropy()
    {
        double[] p = FigureCurves.Grid(0.0, 1.0, 401);
        var plot = new Plot();
        var curve = plot.Add.ScatterLine(p, FigureCurves.BinaryEntropy(p));
        curve.LegendText = "H(p, 1 − p)";
        curve.LineWidth = 2;
        plot.Title("Binary entropy: 1 bit at p = ½, 0 at certainty");
        plot.XLabel("p");
        plot.YLabel("H (bits)");
        return plot;
    }
}
