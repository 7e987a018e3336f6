using Shannon.Reports.Plots;

namespace Shannon.Reports.Tests.Plots;

public class FigureCurvesTests
{
    [Fact]
    public void Temperature_entropy_rises_towards_log_k()
    {
        double[] temperatures = FigureCurves.Grid(0.05, 50.0, 100);
        double[] h = FigureCurves.TemperatureEntropy([2.0, 1.0, 0.1], temperatures);
        Assert.True(h.Zip(h.Skip(1)).All(pair => pair.Second >= pair.First));
        Assert.InRange(h[0], 0.0, 1e-6);
        Assert.InRange(h[^1], Math.Log(3) - 1e-3, Math.Log(3));
    }

    [Fact]
    public void Mutual_information_grows_with_the_absolute_correlation()
    {
        // 2,000 seeded samples: the KSG estimate of −½ log2(1 − ρ²) is within 0.05 bits (its spread at this n is ~0.02).
        double[] rho = [0.0, 0.5, 0.9];
        var (ksg, binned, gaussian) = FigureCurves.MutualInformationVersusCorrelation(rho, 2000, 10);
        for (int i = 0; i < rho.Length; i++)
        {
            double exact = -0.5 * Math.Log2(1 - (rho[i] * rho[i]));
            Assert.InRange(ksg[i], exact - 0.05, exact + 0.05);
            Assert.InRange(gaussian[i], exact - 0.05, exact + 0.05);
        }

        Assert.True(binned[0] < binned[1] && binned[1] < binned[2]);
    }

    [Fact]
    public void Kl_curves_vanish_only_at_q_equal_p_and_differ_elsewhere()
    {
        var (forward, reverse) = FigureCurves.KlAsymmetry([0.8, 0.2], [0.3, 0.8]);
        Assert.Equal(0.0, forward[1], 15);
        Assert.Equal(0.0, reverse[1], 15);
        Assert.True(forward[0] > 0 && reverse[0] > 0 && Math.Abs(forward[0] - reverse[0]) > 0.01);
    }

    [Fact]
    public void Forward_kl_is_minimised_between_the_modes_and_reverse_kl_at_a_mode()
    {
        var (forward, reverse) = FigureCurves.ForwardReverse();
        double[] means = Shannon.Reports.Tour.Sections.KlDirectionSection.Means;
        Assert.InRange(means[Array.IndexOf(forward, forward.Min())], 4.5, 5.5);
        double mode = means[Array.IndexOf(reverse, reverse.Min())];
        Assert.True(Math.Abs(mode - 2) < 0.5 || Math.Abs(mode - 8) < 0.5);
    }

    [Fact]
    public void Grid_includes_both_ends()
    {
        double[] grid = FigureCurves.Grid(-1.0, 1.0, 5);
        Assert.Equal([-1.0, -0.5, 0.0, 0.5, 1.0], grid);
    }
}
