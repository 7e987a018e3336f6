using ScottPlot;
using Shannon.Bottleneck;

namespace Shannon.Reports.Bottleneck;

/// <summary>Plots of the information-bottleneck curve and the rate–distortion function.</summary>
internal static class BottleneckFigures
{
    /// <summary>The IB curve I(T;Y) against I(X;T), one marker per β, with the ceiling I(X;Y) dashed.</summary>
    /// <param name="solutions">The solutions of a β sweep, in β order; at least one.</param>
    public static Plot InformationCurve(IReadOnlyList<BottleneckSolution> solutions)
    {
        string unit = solutions[0].Unit.Unit;
        double mutualInformation = solutions[0].MutualInformation;
        var plot = new Plot();
        var curve = plot.Add.Scatter(
            solutions.Select(s => s.CompressionInformation).ToArray(), solutions.Select(s => s.RelevantInformation).ToArray());
        curve.LegendText = "IB solutions (β increasing)";
        curve.LineWidth = 2;
        curve.MarkerSize = 6;
        var ceiling = plot.Add.HorizontalLine(mutualInformation);
        ceiling.LinePattern = LinePattern.Dashed;
        ceiling.LegendText = "I(X;Y)";
        plot.Title("Information bottleneck curve");
        plot.XLabel($"I(X;T) ({unit})");
        plot.YLabel($"I(T;Y) ({unit})");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>The rate–distortion function R(D): rate against expected distortion, one marker per β.</summary>
    /// <param name="points">The points of a β sweep.</param>
    public static Plot RateDistortion(IReadOnlyList<RateDistortionPoint> points)
    {
        string unit = points.Count > 0 ? points[0].Unit.Unit : LogBase.Nats.Unit;
        var ordered = points.OrderBy(p => p.Distortion).ToArray();
        var plot = new Plot();
        var curve = plot.Add.Scatter(ordered.Select(p => p.Distortion).ToArray(), ordered.Select(p => p.Rate).ToArray());
        curve.LegendText = "R(D) (Blahut–Arimoto)";
        curve.LineWidth = 2;
        curve.MarkerSize = 5;
        plot.Title("Rate–distortion function");
        plot.XLabel("expected distortion D");
        plot.YLabel($"rate R ({unit})");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
