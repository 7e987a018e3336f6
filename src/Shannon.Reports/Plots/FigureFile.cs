using System.Globalization;
using ScottPlot;
using Shannon.Data.Files;
using SkiaSharp;

namespace Shannon.Reports.Plots;

/// <summary>Saves a plot as PNG or SVG, chosen by the file's extension, or renders it for embedding in HTML.</summary>
internal static class FigureFile
{
    /// <summary>Writes <paramref name="plot"/> to <paramref name="path"/> (.png or .svg), atomically (<see cref="AtomicFile"/>).</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">The image file.</param>
    /// <param name="inputs">Files the command read; the image must not replace one of them.</param>
    /// <param name="width">Pixels across.</param>
    /// <param name="height">Pixels down.</param>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    /// <exception cref="IOException">The path is a directory, device or FIFO, or one of <paramref name="inputs"/>.</exception>
    public static void Save(Plot plot, string path, IEnumerable<string>? inputs = null, int width = LessonFigures.Width, int height = LessonFigures.Height)
    {
        switch (Check(path, inputs))
        {
            case ".png":
                AtomicFile.WriteAllBytes(path, Png(plot, width, height), inputs);
                break;
            default:
                AtomicFile.WriteAllText(path, Svg(plot, width, height), inputs);
                break;
        }
    }

    /// <summary>Checks an image path before the work that draws it: its extension and that it may be written.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="inputs">Files the command reads.</param>
    /// <returns>The lower-case extension, .png or .svg.</returns>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    /// <exception cref="IOException">The path is a directory, device or FIFO, or one of <paramref name="inputs"/>.</exception>
    public static string Check(string path, IEnumerable<string>? inputs = null)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            throw new ArgumentException($"The output '{path}' must end in .png or .svg.", nameof(path));
        }

        AtomicFile.Target(path, inputs);
        return extension;
    }

    /// <summary>The plot as an SVG document, for inlining in a self-contained HTML page.</summary>
    /// <remarks>
    /// Skia's SVG canvas has no path effects: a dashed or dotted line makes its native code print "Unsupported path
    /// effect" on the process's stderr (which a command must keep for its one error line) and is drawn solid anyway.
    /// So patterned lines are drawn solid here, for SVG only, and their patterns restored for the PNG.
    /// </remarks>
    public static string Svg(Plot plot, int width = LessonFigures.Width, int height = LessonFigures.Height)
    {
        var patterned = plot.GetPlottables().OfType<IHasLine>()
            .Select(p => (Plottable: p, p.LineStyle.Pattern))
            .Where(p => !p.Pattern.Equals(LinePattern.Solid))
            .ToList();
        foreach (var (plottable, _) in patterned)
        {
            plottable.LineStyle.Pattern = LinePattern.Solid;
        }

        try
        {
            return FigureFont.Apply(plot).GetSvgXml(width, height);
        }
        finally
        {
            foreach (var (plottable, pattern) in patterned)
            {
                plottable.LineStyle.Pattern = pattern;
            }
        }
    }

    /// <summary>The plot as PNG bytes.</summary>
    public static byte[] Png(Plot plot, int width = LessonFigures.Width, int height = LessonFigures.Height) =>
        FigureFont.Apply(plot).GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>
    /// Writes two plots stacked vertically as one image of <paramref name="width"/> × (<paramref name="topHeight"/> +
    /// <paramref name="bottomHeight"/>) pixels, .png or .svg by the extension, atomically (<see cref="AtomicFile"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    /// <exception cref="IOException">The target is a directory, a device, or one of <paramref name="inputs"/>.</exception>
    public static void SaveStacked(Plot top, int topHeight, Plot bottom, int bottomHeight, string path, int width, IEnumerable<string>? inputs = null)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".png":
                AtomicFile.WriteAllBytes(path, StackedPng(top, topHeight, bottom, bottomHeight, width), inputs);
                break;
            case ".svg":
                AtomicFile.WriteAllText(path, StackedSvg(top, topHeight, bottom, bottomHeight, width), inputs);
                break;
            default:
                throw new ArgumentException($"The output '{path}' must end in .png or .svg.", nameof(path));
        }
    }

    /// <summary>Two plots stacked as one PNG: each rendered at its own height, drawn onto one canvas.</summary>
    public static byte[] StackedPng(Plot top, int topHeight, Plot bottom, int bottomHeight, int width)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, topHeight + bottomHeight));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var upper = SKBitmap.Decode(Png(top, width, topHeight)))
        {
            canvas.DrawBitmap(upper, 0, 0);
        }

        using (var lower = SKBitmap.Decode(Png(bottom, width, bottomHeight)))
        {
            canvas.DrawBitmap(lower, 0, topHeight);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Two plots stacked as one SVG document: each plot's own SVG nested at its offset.</summary>
    public static string StackedSvg(Plot top, int topHeight, Plot bottom, int bottomHeight, int width)
    {
        int height = topHeight + bottomHeight;
        return string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">")
            + Nested(Svg(top, width, topHeight), 0) + Nested(Svg(bottom, width, bottomHeight), topHeight) + "</svg>";
    }

    /// <summary>An SVG document as an &lt;svg&gt; element placed at vertical offset <paramref name="y"/> (its XML declaration dropped).</summary>
    private static string Nested(string svg, int y)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"<svg x=\"0\" y=\"{y}\"") + svg[(start + 4)..];
    }
}
