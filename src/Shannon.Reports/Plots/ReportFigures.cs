using ScottPlot;
using Shannon.Reports.Information;

namespace Shannon.Reports.Plots;

/// <summary>The report's figures: class balance, relevance with intervals, per-feature class-conditional views, and the redundancy heatmap.</summary>
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

    /// <summary>Bars of I(feature; target) in the report's unit for the best-ranked features (at most 30), in rank order, with the interval as error bars when there is one.</summary>
    public static Plot Relevance(InformationReport report)
    {
        var plot = new Plot();
        var features = report.Relevance.Take(30).ToArray();
        double[] positions = Enumerable.Range(0, features.Length).Select(i => (double)i).ToArray();
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

    /// <summary>
    /// Heatmap of the normalised mutual information between every two features: row i of the matrix is drawn i-th from
    /// the top (ScottPlot puts a heatmap's first row at the top, at y = n − 1) and labelled with feature i.
    /// </summary>
    public static Plot Redundancy(InformationReport report)
    {
        int n = report.FeatureNames.Count;
        var cells = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                cells[i, j] = report.Redundancy[(i * n) + j];
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

    /// <summary>
    /// One small multiple: the feature's density within each class as steps over its bins (continuous), or the share of
    /// each class's rows in each category as grouped bars (discrete).
    /// </summary>
    public static Plot ClassConditional(FeatureHistogram histogram)
    {
        var plot = new Plot();
        if (histogram.Continuous)
        {
            for (int c = 0; c < histogram.Classes.Count; c++)
            {
                double[] steps = [.. histogram.Values[c], histogram.Values[c][^1]];
                var line = plot.Add.Scatter(histogram.Edges, steps);
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.MarkerSize = 0;
                line.LineWidth = 2;
                line.LegendText = histogram.Classes[c];
            }

            plot.XLabel(histogram.Name);
            plot.YLabel("density within class");
        }
        else
        {
            int groups = histogram.Categories.Count, classes = histogram.Classes.Count;
            double width = 0.8 / classes;
            for (int c = 0; c < classes; c++)
            {
                double[] positions = [.. Enumerable.Range(0, groups).Select(b => b - 0.4 + ((c + 0.5) * width))];
                var bars = plot.Add.Bars(positions, histogram.Values[c]);
                bars.LegendText = histogram.Classes[c];
                foreach (var bar in bars.Bars)
                {
                    bar.Size = width;
                    bar.LineWidth = 0;
                }
            }

            LabelBottom(plot, [.. histogram.Categories], rotate: histogram.Categories.Any(label => label.Length > 4));
            if (histogram.Categories.Any(label => label.Length > 4))
            {
                plot.Axes.Bottom.MinimumSize = 80;
            }

            plot.YLabel("share of the class's rows");
        }

        plot.Title(histogram.Name);
        plot.Axes.Margins(bottom: 0);
        plot.Legend.FontSize = 11;
        plot.ShowLegend(Alignment.UpperRight);
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
