using ScottPlot;
using Shannon.Data.Files;

namespace Shannon.Reports.Plots;

/// <summary>Saves a plot as PNG or SVG, chosen by the file's extension, or renders it for embedding in HTML.</summary>
internal static class FigureFile
{
    /// <summary>Writes <paramref name="plot"/> to <paramref name="path"/> (.png or .svg), atomically (<see cref="AtomicFile"/>).</summary>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Save(Plot plot, string path, int width = LessonFigures.Width, int height = LessonFigures.Height)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".png":
                AtomicFile.WriteAllBytes(path, Png(plot, width, height));
                break;
            case ".svg":
                AtomicFile.WriteAllText(path, Svg(plot, width, height));
                break;
            default:
                throw new ArgumentException($"The output '{path}' must end in .png or .svg.", nameof(path));
        }
    }

    /// <summary>The plot as an SVG document, for inlining in a self-contained HTML page.</summary>
    public static string Svg(Plot plot, int width = LessonFigures.Width, int height = LessonFigures.Height) => plot.GetSvgXml(width, height);

    /// <summary>The plot as PNG bytes.</summary>
    public static byte[] Png(Plot plot, int width = LessonFigures.Width, int height = LessonFigures.Height) =>
        plot.GetImageBytes(width, height, ImageFormat.Png);
}
