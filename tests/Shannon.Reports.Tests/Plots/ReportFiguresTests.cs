using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shannon.Reports.Information;
using Shannon.Reports.Plots;
using SkiaSharp;

namespace Shannon.Reports.Tests.Plots;

public partial class ReportFiguresTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static InformationReport WithRedundancy(string[] names, double[] matrix) => new(
        "test",
        10,
        "target",
        [],
        [],
        [],
        names,
        matrix,
        [new ClassShare("a", 5), new ClassShare("b", 5)],
        1.0,
        [],
        new ReportSettings(3, 10, 0, 0, 0.95, 0, LogBase.Nats));

    /// <summary>
    /// Reads the heatmap's SVG: the y-axis labels (text left of the cells, top to bottom) and, through the cell bitmap
    /// and the transform that places it, the colours of the row beside each label. Each label's row must be its
    /// matrix row in the colour map: a, b, c, d from the top, and label i's row coloured by row i of the matrix.
    /// </summary>
    [Fact]
    public void Heatmap_rows_are_labelled_with_their_own_features_top_to_bottom()
    {
        string[] names = ["alpha", "beta", "gamma", "delta"];
        double[] matrix =
        [
            1.0, 0.1, 0.5, 0.0,
            0.1, 1.0, 0.3, 0.7,
            0.5, 0.3, 1.0, 0.2,
            0.0, 0.7, 0.2, 1.0,
        ];
        var document = XDocument.Parse(FigureFile.Svg(ReportFigures.Redundancy(WithRedundancy(names, matrix)), 800, 600));
        var image = document.Descendants(Svg + "image").Single(i => (string?)i.Attribute("width") == "4" && (string?)i.Attribute("height") == "4"); // the colour bar is the other image
        var use = document.Descendants(Svg + "use").Single(u => (string?)u.Attribute(XLink + "href") == "#" + (string?)image.Attribute("id"));
        double[] placement = Numbers(Matrix().Match((string)use.Attribute("transform")!).Groups[1].Value);
        double scaleX = placement[0], scaleY = placement[3], left = placement[4], top = placement[5];
        string href = (string)image.Attribute(XLink + "href")!;
        using var cells = SKBitmap.Decode(Convert.FromBase64String(href[(href.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        Assert.Equal(4, cells.Width);
        Assert.Equal(4, cells.Height);

        var yLabels = document.Descendants(Svg + "text")
            .Select(t => (Text: t.Value.Trim(), At: Numbers(Translate().Match((string?)t.Attribute("transform") ?? string.Empty).Groups[1].Value)))
            .Where(t => names.Contains(t.Text) && t.At.Length == 2 && t.At[0] < left)
            .OrderBy(t => t.At[1])
            .ToArray();
        Assert.Equal(names, yLabels.Select(t => t.Text));

        var colormap = new ScottPlot.Colormaps.Viridis();
        foreach (var (label, at) in yLabels)
        {
            int i = Array.IndexOf(names, label);
            int row = (int)Math.Floor((at[1] - top) / scaleY);
            Assert.InRange(row, 0, 3);
            for (int j = 0; j < 4; j++)
            {
                var pixel = cells.GetPixel(j, row);
                var expected = colormap.GetColor(matrix[(i * 4) + j]);
                Assert.True(
                    Math.Abs(pixel.Red - expected.R) <= 2 && Math.Abs(pixel.Green - expected.G) <= 2 && Math.Abs(pixel.Blue - expected.B) <= 2,
                    $"row labelled {label}, column {j}: pixel {pixel} is not the colour of {matrix[(i * 4) + j]}");
            }
        }

        Assert.True(scaleX > 0);
    }

    [Fact]
    public void Every_text_of_a_figure_is_in_the_one_sans_serif_family()
    {
        string svg = FigureFile.Svg(ReportFigures.Redundancy(WithRedundancy(["x", "y"], [1.0, 0.2, 0.2, 1.0])), 400, 300);
        var families = XDocument.Parse(svg).Descendants(Svg + "text").Select(t => (string?)t.Attribute("font-family") ?? string.Empty).Distinct().ToArray();
        Assert.NotEmpty(families);
        if (FigureFont.Family is { } family)
        {
            Assert.Equal([family], families);
        }

        Assert.All(families, f => Assert.DoesNotContain("Serif", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Class_conditional_panels_draw_for_continuous_and_discrete_features()
    {
        var continuous = new FeatureHistogram("width", true, [0.0, 1.0, 2.0], [], ["a", "b"], [[1.0, 0.0], [0.25, 0.75]]);
        var discrete = new FeatureHistogram("colour", false, [], ["red", "green", "other"], ["a", "b"], [[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]]);
        foreach (var histogram in new[] { continuous, discrete })
        {
            using var bitmap = SKBitmap.Decode(FigureFile.Png(ReportFigures.ClassConditional(histogram), 560, 400));
            Assert.Equal(560, bitmap.Width);
            Assert.Equal(400, bitmap.Height);
            string svg = FigureFile.Svg(ReportFigures.ClassConditional(histogram), 560, 400);
            Assert.Contains(histogram.Name, svg, StringComparison.Ordinal);
        }
    }

    private static double[] Numbers(string text) =>
        [.. text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"matrix\(([^)]*)\)")]
    private static partial Regex Matrix();

    [GeneratedRegex(@"^translate\(([^)]*)\)")]
    private static partial Regex Translate();
}
