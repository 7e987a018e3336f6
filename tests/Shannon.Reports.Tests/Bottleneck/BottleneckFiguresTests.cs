using Shannon.Bottleneck;
using Shannon.Reports.Bottleneck;
using Shannon.Reports.Plots;

namespace Shannon.Reports.Tests.Bottleneck;

public class BottleneckFiguresTests
{
    [Fact]
    public void Information_curve_labels_axes_in_the_solutions_unit()
    {
        double[] joint = [0.3, 0.1, 0.1, 0.5];
        var solutions = InformationBottleneck.Anneal(joint, 2, 2, [1, 5, 20], 2, logBase: LogBase.Bits);
        string svg = FigureFile.Svg(BottleneckFigures.InformationCurve(solutions));
        Assert.Contains("I(X;T) (bits)", svg, StringComparison.Ordinal);
        Assert.Contains("I(T;Y) (bits)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_distortion_plot_labels_the_rate_unit()
    {
        var curve = BlahutArimoto.RateDistortionCurve([0.5, 0.5], [0, 1, 1, 0], 2, [0.5, 2, 8]);
        string svg = FigureFile.Svg(BottleneckFigures.RateDistortion(curve));
        Assert.Contains("rate R (nats)", svg, StringComparison.Ordinal);
    }
}
