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
    public void Grid_includes_both_ends()
    {
        double[] grid = FigureCurves.Grid(-1.0, 1.0, 5);
        Assert.Equal([-1.0, -0.5, 0.0, 0.5, 1.0], grid);
    }
}
