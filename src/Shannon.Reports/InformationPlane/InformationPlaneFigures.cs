using ScottPlot;

namespace Shannon.Reports.InformationPlane;

/// <summary>Plots of an information-plane run: the plane (binned, or the comparison estimates) and the training curves.</summary>
internal static class InformationPlaneFigures
{
    /// <summary>Neither axis of the plane spans less than this many bits, whatever the data's spread.</summary>
    public const double MinimumSpan = 0.5;

    /// <summary>
    /// Each layer as a coloured path through the epochs in the plane (I(X;T), I(T;Y)); the first epoch hollow, the
    /// last filled. <paramref name="neighbours"/> picks the comparison estimates (noisy I(X;T + Z), Ross's k-NN I(T;Y)) instead of the binned ones.
    /// </summary>
    /// <remarks>
    /// The axes run from 0 to the plane's ceilings (H(X) = log₂ n across, log₂ of the subsample for the comparison,
    /// and H(Y) up) or to the data when it lies beyond them, never less than <see cref="MinimumSpan"/> bits each: fitted
    /// to the data, a binned plane whose layers all sit at I(X;T) = H(X) spanned 0.001 bit and made noise look like motion.
    /// </remarks>
    public static Plot Plane(InformationPlaneResult result, bool neighbours)
    {
        var plot = new Plot();
        double right = neighbours ? Math.Log2(Math.Max(2, result.Options.NeighbourSamples)) : result.InputEntropy, top = result.LabelEntropy;
        var palette = new ScottPlot.Palettes.Category10();
        int layers = result.Epochs[0].Layers.Count;
        for (int l = 0; l < layers; l++)
        {
            double[] x = result.Epochs.Select(e => neighbours ? e.Layers[l].NoisyCompression ?? 0 : e.Layers[l].CompressionInformation).ToArray();
            double[] y = result.Epochs.Select(e => neighbours ? e.Layers[l].NeighbourRelevant ?? 0 : e.Layers[l].RelevantInformation).ToArray();
            var color = palette.GetColor(l);
            var path = plot.Add.Scatter(x, y, color);
            path.LegendText = result.Epochs[0].Layers[l].Layer;
            path.LineWidth = 2;
            path.MarkerSize = 5;
            plot.Add.Marker(x[0], y[0], MarkerShape.OpenCircle, 11, color);
            plot.Add.Marker(x[^1], y[^1], MarkerShape.FilledCircle, 11, color);
            right = Math.Max(right, x.Max());
            top = Math.Max(top, y.Max());
        }

        var ceiling = plot.Add.HorizontalLine(result.LabelEntropy);
        ceiling.LinePattern = LinePattern.Dashed;
        ceiling.Color = Colors.Gray;
        ceiling.LegendText = "H(Y) = I(X;Y)";
        string method = neighbours
            ? $"noisy I(X;T+Z) with σ² = {result.Options.NoiseVariance}, Ross k-NN I(T;Y), {result.Options.NeighbourSamples} samples"
            : $"binning, {result.Options.Bins} bins over each layer's range, {result.Samples} samples";
        plot.Title($"Information plane: {method}\n{result.Options.Epochs} epochs; open circle = start, filled = end");
        plot.XLabel(neighbours ? $"I(X;T+Z) ({result.Unit})" : $"I(X;T) ({result.Unit})");
        plot.YLabel($"I(T;Y) ({result.Unit})");
        plot.ShowLegend(Alignment.LowerRight);
        right = Math.Max(right, MinimumSpan);
        top = Math.Max(top, MinimumSpan);
        plot.Axes.SetLimits(-0.02 * right, 1.04 * right, -0.02 * top, 1.08 * top);
        return plot;
    }

    /// <summary>Train and test cross-entropy and mean predictive entropy (nats, left axis) and perplexity (right axis) per epoch.</summary>
    public static Plot Curves(InformationPlaneResult result)
    {
        var plot = new Plot();
        double[] epochs = result.Epochs.Select(e => (double)e.Epoch).ToArray();
        var loss = plot.Add.Scatter(epochs, result.Epochs.Select(e => e.Loss).ToArray());
        loss.LegendText = "train cross-entropy (nats)";
        var test = plot.Add.Scatter(epochs, result.Epochs.Select(e => e.TestLoss).ToArray());
        test.LegendText = "test cross-entropy (nats)";
        var entropy = plot.Add.Scatter(epochs, result.Epochs.Select(e => e.MeanPredictiveEntropy).ToArray());
        entropy.LegendText = "mean predictive entropy (nats)";
        var perplexity = plot.Add.Scatter(epochs, result.Epochs.Select(e => e.Perplexity).ToArray());
        perplexity.LegendText = "perplexity = exp(train loss) (right axis)";
        perplexity.Axes.YAxis = plot.Axes.Right;
        perplexity.LinePattern = LinePattern.Dashed;
        plot.Title("Training curves");
        plot.XLabel("epoch");
        plot.YLabel("nats");
        plot.Axes.Right.Label.Text = "perplexity";
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
