using ScottPlot;
using SkiaSharp;

namespace Shannon.Reports.Plots;

/// <summary>
/// The one sans-serif family of every figure and of the report's page: the first of <see cref="Preferred"/> that the
/// machine has. ScottPlot would otherwise take the system default face, which on Debian is DejaVu Serif.
/// </summary>
internal static class FigureFont
{
    /// <summary>Sans-serif families in order of preference; the page's CSS lists the same ones (<see cref="CssStack"/>).</summary>
    public static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI", "Noto Sans"];

    private static readonly Lazy<string?> Installed = new(() =>
    {
        var families = new HashSet<string>(SKFontManager.Default.FontFamilies, StringComparer.OrdinalIgnoreCase);
        return Preferred.FirstOrDefault(families.Contains);
    });

    /// <summary>The family the figures are drawn in, or null when none of <see cref="Preferred"/> is installed (the default face then).</summary>
    public static string? Family => Installed.Value;

    /// <summary>The CSS font-family value that names the same families, then the generic sans-serif.</summary>
    public static string CssStack => string.Join(',', Preferred.Select(f => $"\"{f}\"")) + ",sans-serif";

    /// <summary>Sets every text of <paramref name="plot"/> (title, axis labels, ticks, legend, colour bars) in <see cref="Family"/>.</summary>
    public static Plot Apply(Plot plot)
    {
        if (Family is { } family)
        {
            plot.Font.Set(family);

            // A colour bar is a panel, which the plot's font styler does not reach.
            foreach (var colorBar in plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>())
            {
                colorBar.Axis.TickLabelStyle.FontName = family;
                colorBar.Axis.Label.FontName = family;
                colorBar.LabelStyle.FontName = family;
            }
        }

        return plot;
    }
}
