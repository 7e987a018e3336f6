using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

public class CalibrationBinningTests
{
    [Fact]
    public void Uniform_edges_are_numpys_linspace_not_i_over_b()
    {
        // numpy.linspace(0, 1, 11): i·(1/10), so the fourth edge is 0.30000000000000004 and the seventh 0.6000000000000001.
        double[] expected = [0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1.0];
        Assert.Equal(expected, CalibrationBinning.UniformEdges(10));
        Assert.Equal([0.0, 1.0], CalibrationBinning.UniformEdges(1));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 0)]
    [InlineData(0.30000000000000004, 2)]
    [InlineData(0.3, 2)]
    [InlineData(0.3000000000000001, 3)]
    [InlineData(1.0, 9)]
    [InlineData(0.95, 9)]
    [InlineData(1e-300, 0)]
    public void Bins_are_right_closed_with_zero_in_the_first_as_numpys_searchsorted(double value, int bin)
    {
        // numpy.searchsorted(linspace(0, 1, 11)[1:-1], value) gives these bins.
        var edges = CalibrationBinning.UniformEdges(10);
        Assert.Equal(bin, CalibrationBinning.Locate(edges, value, uniform: true));
        Assert.Equal(bin, CalibrationBinning.Locate(edges, value, uniform: false));
    }

    [Fact]
    public void Quantile_edges_are_numpys_linear_percentiles()
    {
        // numpy.percentile([0.3, 0.1, 0.7, 0.2, 0.9, 0.55, 0.05], linspace(0, 1, 4) * 100)
        var edges = CalibrationBinning.QuantileEdges([0.3, 0.1, 0.7, 0.2, 0.9, 0.55, 0.05], 3);
        Assert.Equal([0.05, 0.19999999999999996, 0.5499999999999998, 0.9], edges);
    }

    [Fact]
    public void Every_value_lands_in_the_bin_that_searchsorted_names()
    {
        var random = new Random(5);
        for (int bins = 1; bins <= 40; bins++)
        {
            var edges = CalibrationBinning.UniformEdges(bins);
            for (int i = 0; i < 2000; i++)
            {
                double value = i < bins + 1 ? edges[i] : random.NextDouble();
                int expected = edges.Skip(1).Take(bins - 1).Count(e => e < value);
                Assert.Equal(expected, CalibrationBinning.Locate(edges, value, uniform: true));
                Assert.Equal(expected, CalibrationBinning.Locate(edges, value, uniform: false));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(512)]
    [InlineData(513)]
    [InlineData(5000)]
    public void The_table_locator_gives_searchsorteds_bin_at_every_edge_and_table_boundary(int bins)
    {
        // The table's entries are [i/2048, (i + 1)/2048); an edge inside one (or on its lower end, as 0.5 for 2 bins)
        // must send the values of that entry to Locate. Probe each edge, each entry's ends, their float and double
        // neighbours, values outside [0, 1] and NaN.
        var edges = CalibrationBinning.UniformEdges(bins);
        var locator = new UniformBinLocator(edges);
        var values = new List<double> { 0.0, -0.0, 1.0, 1.0 + (1.0 / 4096), 1.5, -1e-300, double.NaN, double.PositiveInfinity };
        foreach (double point in edges.Concat(Enumerable.Range(0, 2050).Select(i => i / 2048.0)))
        {
            float single = (float)point;
            values.AddRange([point, Math.BitDecrement(point), Math.BitIncrement(point), single, MathF.BitDecrement(single), MathF.BitIncrement(single)]);
        }

        var random = new Random(bins);
        values.AddRange(Enumerable.Range(0, 20_000).Select(_ => random.NextDouble()));
        foreach (double value in values)
        {
            int expected = CalibrationBinning.Locate(edges, value, uniform: true);
            Assert.Equal(expected, locator.Locate(value));
            if (bins <= 100 && value is >= 0.0 and <= 1.0)
            {
                Assert.Equal(edges.Skip(1).Take(bins - 1).Count(e => e < value), expected);
            }
        }
    }
}
