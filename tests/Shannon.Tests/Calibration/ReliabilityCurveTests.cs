using CsCheck;
using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

public class ReliabilityCurveTests
{
    [Fact]
    public void Two_uniform_bins_of_four_predictions()
    {
        var curve = ReliabilityCurve.FromProbabilities([0.1, 0.2, 0.9, 0.95], [0, 1, 1, 1], bins: 2);
        Assert.Equal([0.5, 1.0], curve.ProbTrue);
        Assert.Equal([0.15000000000000002, 0.925], curve.ProbPred);
        Assert.Equal([2L, 2L], curve.Counts);
    }

    [Fact]
    public void Empty_bins_are_left_out_and_edges_belong_to_the_bin_below()
    {
        // 0.5 is the edge of two bins: it belongs to the first, as in sklearn.
        var curve = ReliabilityCurve.FromProbabilities([0.5, 0.5, 1.0], [0, 1, 1], bins: 2);
        Assert.Equal([0.5, 1.0], curve.ProbTrue);
        Assert.Equal([2L, 1L], curve.Counts);
        Assert.Single(ReliabilityCurve.FromProbabilities([0.72, 0.75], [1, 1], bins: 10).ProbTrue);
    }

    [Fact]
    public void Quantile_bins_hold_equal_numbers_of_distinct_values()
    {
        Gen.Select(Gen.Int[2, 12], Gen.Int[1, 20]).Sample((bins, perBin) =>
        {
            int n = bins * perBin;
            var p = Enumerable.Range(0, n).Select(i => (i + 0.5) / n).ToArray();
            var y = p.Select(v => v > 0.5 ? 1 : 0).ToArray();
            var curve = ReliabilityCurve.FromProbabilities(p, y, bins, BinStrategy.Quantile);
            return curve.Counts.Sum() == n && curve.Counts.All(c => Math.Abs(c - perBin) <= 1);
        });
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => ReliabilityCurve.FromProbabilities([0.5, 1.2], [0, 1])).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => ReliabilityCurve.FromProbabilities([double.NaN], [0])).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => ReliabilityCurve.FromProbabilities([], [])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ReliabilityCurve.FromProbabilities([0.5], [2])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ReliabilityCurve.FromProbabilities([0.5], [0, 1])).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => ReliabilityCurve.FromProbabilities([0.5], [0], bins: 0)).ParamName);
    }
}
