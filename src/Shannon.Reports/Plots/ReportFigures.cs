using ScottPlot;
using Shannon.Reports.Information;

namespace Shannon.Reports.Plots;

/// <summary>The report's figures: class balance, relevance with intervals, and the redundancy heatmap.</summary>
internal static class ReportFigures
{
    /// <summary>Bars of rows per class.</summary>
    public static Plot ClassBalance(InformationReport report)
    {
        var plot = new Plot();
        double[] counts = report.Classes.Select(c => (double)c.Count).ToArray();
        plot.Add.Bars(counts);
        LabelBottom(plot, report.Classes.Select(c => c.Label).ToArray(), rotate: false);
        plot.YLabel("rows");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>Bars of I(feature; target) in the report's unit, highest first, with the interval as error bars when there is one.</summary>
    public static Plot Relevance(InformationReport report)
    {
        var plot = new Plot();
        var features = report.Relevance;
        double[] positions = Enumerable.Range(0, features.Count).Select(i => (double)i).ToArray();
        double[] values = features.Select(f => f.MutualInformation).ToArray();
        plot.Add.Bars(positions, values);
        if (features.All(f => !double.IsNaN(f.Lower)))
        {
            double[] below = features.Select(f => Math.Max(0.0, f.MutualInformation - f.Lower)).ToArray();
            var errors = plot.Add.ErrorBar(positions, values, below);
            errors.YErrorNegative = below;
            errors.YErrorPositive = features.Select(f => Math.Max(0.0, f.Upper - f.MutualInformation)).ToArray();
            errors.Color = Colors.Black;
        }

        LabelBottom(plot, features.Select(f => f.Name).ToArray(), rotate: true);
        plot.YLabel($"I(feature; target), {report.Settings.Unit.Unit}");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>Heatmap of the normalised mutual information between every two features.</summary>
    public static Plot Redundancy(InformationReport report)
    {
        int n = report.FeatureNames.Count;
        var cells = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                cells[n - 1 - i, j] = report.Redundancy[(i * n) + j];
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        plot.Add.ColorBar(heatmap);
        string[] names = report.FeatureNames.ToArray();
        LabelBottom(plot, names, rotate: true);
        double[] rows = Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray();
        plot.Axes.Left.SetTicks(rows, names);
        return plot;
    }

    private static void LabelBottom(Plot plot, string[] labels, bool rotate)
    {
        double[] positions = Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels);
        if (rotate)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 50;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 150;
        }
    }
}
