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
        LessonFigure.TemperatureEntropy => TemperatureEntropy(),
        LessonFigure.MiVsRho => MiVsRho(),
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

    private static Plot TemperatureEntropy()
    {
        double[] logits = [2.0, 1.0, 0.1];
        double[] temperatures = FigureCurves.Grid(0.05, 5.0, 200);
        var plot = new Plot();
        var curve = plot.Add.ScatterLine(temperatures, FigureCurves.TemperatureEntropy(logits, temperatures));
        curve.LegendText = "H(softmax([2, 1, 0.1] / T))";
        curve.LineWidth = 2;
        var ceiling = plot.Add.HorizontalLine(Math.Log(logits.Length));
        ceiling.LegendText = "log 3 (uniform)";
        ceiling.LinePattern = LinePattern.Dashed;
        plot.Title("Temperature raises entropy: T → 0 is argmax, T → ∞ is uniform");
        plot.XLabel("temperature T");
        plot.YLabel("H (nats)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static Plot MiVsRho()
    {
        double[] rho = FigureCurves.Grid(-0.95, 0.95, 39);
        var (ksg, binned, gaussian) = FigureCurves.MutualInformationVersusCorrelation(rho, 2000, 10);
        var plot = new Plot();
        var g = plot.Add.ScatterLine(rho, gaussian);
        g.LegendText = "Gaussian, −½ log₂(1 − ρ̂²)";
        g.LinePattern = LinePattern.Dashed;
        var k = plot.Add.Scatter(rho, ksg);
        k.LegendText = "KSG (k = 3)";
        var b = plot.Add.Scatter(rho, binned);
        b.LegendText = "plug-in, 10 × 10 equal-frequency bins";
        plot.Title("Mutual information of a bivariate Gaussian against ρ (2,000 samples)");
        plot.XLabel("correlation ρ");
        plot.YLabel("I(X;Y) (bits)");
        plot.ShowLegend(Alignment.UpperCenter);
        return plot;
    }
}
