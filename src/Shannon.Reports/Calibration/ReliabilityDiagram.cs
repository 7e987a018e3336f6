using System.Globalization;
using ScottPlot;
using Shannon.Calibration;
using Shannon.Reports.Plots;

namespace Shannon.Reports.Calibration;

/// <summary>
/// The reliability diagram of a <see cref="CalibrationReport"/> (Guo et al. 2017, figure 1): per top-label bin, a bar
/// of the accuracy with a gap bar up or down to the mean confidence and the diagonal of perfect calibration, the ECE in
/// the title; beneath it the histogram of confidences over the same bins, with the accuracy and mean confidence marked.
/// </summary>
internal static class ReliabilityDiagram
{
    /// <summary>Image width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Height of the diagram panel in pixels.</summary>
    public const int DiagramHeight = 560;

    /// <summary>Height of the histogram panel beneath it in pixels.</summary>
    public const int HistogramHeight = 240;

    // The same left and right padding in both panels, so that their x axes line up.
    private const float Left = 80;
    private const float Right = 20;

    private static readonly Color Accuracy = Color.FromHex("#1f77b4");
    private static readonly Color Gap = Color.FromHex("#d62728");

    /// <summary>The two panels: the diagram and the confidence histogram.</summary>
    public static (Plot Diagram, Plot Histogram) Create(CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var filled = report.Bins.Where(b => b.Count > 0).ToArray();
        var diagram = new Plot();
        var accuracy = diagram.Add.Bars(filled.Select(b => new Bar
        {
            Position = Middle(b),
            Size = b.Upper - b.Lower,
            Value = b.Accuracy,
            FillColor = Accuracy.WithAlpha(0.85),
            LineColor = Colors.Black,
            LineWidth = 1,
        }).ToArray());
        accuracy.LegendText = "accuracy";
        var gaps = diagram.Add.Bars(filled.Select(b => new Bar
        {
            Position = Middle(b),
            Size = b.Upper - b.Lower,
            ValueBase = b.Accuracy,
            Value = b.Confidence,
            FillColor = Gap.WithAlpha(0.35),
            LineColor = Gap,
            LineWidth = 1,
        }).ToArray());
        gaps.LegendText = "gap to mean confidence";
        var diagonal = diagram.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LineColor = Colors.Gray;
        diagonal.LegendText = "perfect calibration";
        string strategy = report.Strategy == BinStrategy.Uniform ? "equal-width" : "equal-mass";
        diagram.Title(string.Create(CultureInfo.InvariantCulture, $"Reliability diagram: ECE = {report.Ece:0.0000} ({report.Bins.Count} {strategy} bins, n = {report.N})"));
        diagram.YLabel("accuracy");
        diagram.Axes.SetLimits(0, 1, 0, 1);
        diagram.ShowLegend(Alignment.UpperLeft);
        diagram.Layout.Fixed(new PixelPadding(Left, Right, 30, 50));

        var histogram = new Plot();
        histogram.Add.Bars(filled.Select(b => new Bar
        {
            Position = Middle(b),
            Size = b.Upper - b.Lower,
            Value = b.Count,
            FillColor = Colors.Gray.WithAlpha(0.6),
            LineColor = Colors.Black,
            LineWidth = 1,
        }).ToArray());
        double meanConfidence = report.Bins.Where(b => b.Count > 0).Sum(b => b.Confidence * b.Count) / report.N;
        var accuracyLine = histogram.Add.VerticalLine(report.Accuracy);
        accuracyLine.LineColor = Accuracy;
        accuracyLine.LinePattern = LinePattern.Dashed;
        accuracyLine.LegendText = string.Create(CultureInfo.InvariantCulture, $"accuracy {report.Accuracy:0.000}");
        var confidenceLine = histogram.Add.VerticalLine(meanConfidence);
        confidenceLine.LineColor = Gap;
        confidenceLine.LinePattern = LinePattern.Dotted;
        confidenceLine.LegendText = string.Create(CultureInfo.InvariantCulture, $"mean confidence {meanConfidence:0.000}");
        histogram.XLabel("confidence (top-label probability)");
        histogram.YLabel("samples");
        histogram.Axes.SetLimits(0, 1, 0, 1.15 * Math.Max(1, filled.Length == 0 ? 1 : filled.Max(b => b.Count)));
        histogram.ShowLegend(Alignment.UpperLeft);
        histogram.Layout.Fixed(new PixelPadding(Left, Right, 55, 10));
        return (diagram, histogram);
    }

    /// <summary>Writes the diagram to <paramref name="path"/> (.png or .svg) atomically, refusing a path that is one of <paramref name="inputs"/>.</summary>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    /// <exception cref="IOException">The path is a directory, a device, or one of the inputs.</exception>
    public static void Save(CalibrationReport report, string path, IEnumerable<string>? inputs = null)
    {
        var (diagram, histogram) = Create(report);
        FigureFile.SaveStacked(diagram, DiagramHeight, histogram, HistogramHeight, path, Width, inputs);
    }

    private static double Middle(CalibrationBin bin) => 0.5 * (bin.Lower + bin.Upper);
}
