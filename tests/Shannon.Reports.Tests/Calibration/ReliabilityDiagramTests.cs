using Shannon.Calibration;
using Shannon.Reports.Calibration;
using Shannon.Reports.Plots;
using SkiaSharp;

namespace Shannon.Reports.Tests.Calibration;

public class ReliabilityDiagramTests
{
    private static CalibrationReport Report(BinStrategy strategy = BinStrategy.Uniform)
    {
        var random = new Random(3);
        var p = new double[600];
        var y = new int[300];
        for (int i = 0; i < 300; i++)
        {
            double c = 0.5 + (0.5 * random.NextDouble());
            p[2 * i] = c;
            p[(2 * i) + 1] = 1 - c;
            y[i] = random.NextDouble() < c * c ? 0 : 1;
        }

        return CalibrationReport.FromProbabilities(p, 2, y, new CalibrationOptions { Strategy = strategy });
    }

    [Fact]
    public void Png_stacks_the_diagram_over_the_histogram()
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-reliability-{Guid.NewGuid():N}.png");
        try
        {
            ReliabilityDiagram.Save(Report(), path);
            using var bitmap = SKBitmap.Decode(path);
            Assert.Equal(ReliabilityDiagram.Width, bitmap.Width);
            Assert.Equal(ReliabilityDiagram.DiagramHeight + ReliabilityDiagram.HistogramHeight, bitmap.Height);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Svg_nests_both_panels_in_one_document()
    {
        var (diagram, histogram) = ReliabilityDiagram.Create(Report(BinStrategy.Quantile));
        string svg = FigureFile.StackedSvg(diagram, 500, histogram, 200, 700);
        var document = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("700", document.Root!.Attribute("width")!.Value);
        Assert.Equal("700", document.Root.Attribute("height")!.Value);
        var panels = document.Root.Elements().Where(e => e.Name.LocalName == "svg").ToArray();
        Assert.Equal(2, panels.Length);
        Assert.Equal("200", panels[1].Attribute("height")!.Value);
        Assert.Equal("500", panels[1].Attribute("y")!.Value);
    }

    [Fact]
    public void The_title_carries_the_ece()
    {
        var report = Report();
        var (diagram, _) = ReliabilityDiagram.Create(report);
        string svg = FigureFile.Svg(diagram, 800, 560);
        Assert.Contains($"ECE = {report.Ece:0.0000}", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_extension_and_an_input_as_output_are_refused()
    {
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => ReliabilityDiagram.Save(Report(), "diagram.gif")).ParamName);
        string input = Path.Combine(Path.GetTempPath(), $"shannon-input-{Guid.NewGuid():N}.png");
        File.WriteAllText(input, "data");
        try
        {
            Assert.Throws<IOException>(() => ReliabilityDiagram.Save(Report(), input, [input]));
            Assert.Equal("data", File.ReadAllText(input));
        }
        finally
        {
            File.Delete(input);
        }
    }
}
