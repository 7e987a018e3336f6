using Shannon.Reports.Plots;
using SkiaSharp;

namespace Shannon.Reports.Tests.Plots;

public class LessonFiguresTests
{
    public static TheoryData<string> Names() => [.. FigureNames.All];

    [Theory]
    [MemberData(nameof(Names))]
    public void Png_decodes_at_the_requested_size(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-{name}-{Guid.NewGuid():N}.png");
        try
        {
            FigureFile.Save(LessonFigures.Create(FigureNames.Parse(name)), path, width: 640, height: 400);
            using var bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            Assert.Equal(640, bitmap.Width);
            Assert.Equal(400, bitmap.Height);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Svg_is_an_svg_document_of_the_requested_size(string name)
    {
        string svg = FigureFile.Svg(LessonFigures.Create(FigureNames.Parse(name)), 640, 400);
        var document = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Equal("640", document.Root.Attribute("width")!.Value);
        Assert.Equal("400", document.Root.Attribute("height")!.Value);
    }

    [Fact]
    public void Binary_entropy_curve_is_one_bit_at_one_half_and_zero_at_the_ends()
    {
        double[] h = FigureCurves.BinaryEntropy([0.0, 0.5, 1.0]);
        Assert.Equal([0.0, 1.0, 0.0], h);
    }

    [Fact]
    public void Unknown_figure_names_the_parameter_and_lists_the_figures()
    {
        var ex = Assert.Throws<ArgumentException>(() => FigureNames.Parse("pie-chart"));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("binary-entropy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_extension_names_the_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => FigureFile.Save(LessonFigures.Create(LessonFigure.BinaryEntropy), "figure.jpg"));
        Assert.Equal("path", ex.ParamName);
    }
}
