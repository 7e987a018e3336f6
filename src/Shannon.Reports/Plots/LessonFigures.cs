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
        LessonFigure.KlAsymmetry => KlAsymmetry(),
        LessonFigure.ForwardReverseKl => ForwardReverseKl(),
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

    private static Plot KlAsymmetry()
    {
        double[] q = FigureCurves.Grid(0.01, 0.99, 197);
        var (forward, reverse) = FigureCurves.KlAsymmetry([0.8, 0.2], q);
        var plot = new Plot();
        var f = plot.Add.ScatterLine(q, forward);
        f.LegendText = "KL(P‖Q)";
        f.LineWidth = 2;
        var r = plot.Add.ScatterLine(q, reverse);
        r.LegendText = "KL(Q‖P)";
        r.LineWidth = 2;
        plot.Add.VerticalLine(0.8).LinePattern = LinePattern.Dotted;
        plot.Title("KL is not symmetric: P = (0.8, 0.2), Q = (q, 1 − q)");
        plot.XLabel("q");
        plot.YLabel("KL (nats)");
        plot.ShowLegend(Alignment.UpperCenter);
        return plot;
    }

    private static Plot ForwardReverseKl()
    {
        double[] means = Tour.Sections.KlDirectionSection.Means;
        var (forward, reverse) = FigureCurves.ForwardReverse();
        var plot = new Plot();
        var f = plot.Add.ScatterLine(means, forward);
        f.LegendText = "forward KL(P‖Q_μ): mean-seeking";
        f.LineWidth = 2;
        var r = plot.Add.ScatterLine(means, reverse);
        r.LegendText = "reverse KL(Q_μ‖P): mode-seeking";
        r.LineWidth = 2;
        plot.Title("One Gaussian Q_μ fitted to a bimodal P (modes at 2 and 8)");
        plot.XLabel("μ");
        plot.YLabel("KL (nats)");
        plot.Axes.SetLimitsY(0, 12);
        plot.ShowLegend(Alignment.UpperCenter);
        return plot;
    }
}
