using CsCheck;
using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

public class BrierScoreTests
{
    [Fact]
    public void Worked_values()
    {
        Assert.Equal(0.25, BrierScore.Of([0.5, 0.5, 0.5], [0, 1, 1]));
        Assert.Equal(1.0, BrierScore.Of([1.0, 0.0], [0, 1]));
        Assert.Equal(0.0, BrierScore.Of([0.0, 1.0, 1.0, 0.0], 2, [1, 0]));
        Assert.Equal(2.0, BrierScore.Of([1.0, 0.0, 0.0, 1.0], 2, [1, 0]));
        Assert.Equal((0.01 + 0.04 + 0.09) + 0.0, BrierScore.Of([0.1, 0.2, 0.7, 0.0, 1.0, 0.0], 3, [2, 1]) * 2, 15);
    }

    [Fact]
    public void Two_class_multiclass_score_is_twice_the_binary_score()
    {
        Gen.Double[0.0, 1.0].Array[1, 40].Select(Gen.Int[0, 1].Array[40]).Sample((p, y) =>
        {
            var labels = y[..p.Length];
            var rows = p.SelectMany(v => new[] { 1 - v, v }).ToArray();
            return Math.Abs(BrierScore.Of(rows, 2, labels) - (2 * BrierScore.Of(p, labels))) <= 1e-15;
        });
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => BrierScore.Of([-0.1], [0])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => BrierScore.Of([0.1], [5])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => BrierScore.Of([0.5, 0.5], 2, [2])).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => BrierScore.Decompose([0.5], [1], bins: -1)).ParamName);
        Assert.Equal("options.Bins", Assert.Throws<ArgumentOutOfRangeException>(() => BrierScore.Decompose([0.5, 0.5], 2, [1], bins: 0)).ParamName);
    }
}
