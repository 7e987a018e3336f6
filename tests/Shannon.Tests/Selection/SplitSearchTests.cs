using CsCheck;
using Shannon.Selection;

namespace Shannon.Tests.Selection;

public class SplitSearchTests
{
    [Fact]
    public void APerfectThresholdGainsTheWholeEntropy()
    {
        var split = SplitSearch.BestThreshold([3.0, 1.0, 4.0, 2.0], [1, 0, 1, 0], 2)!;
        Assert.Equal(2.5, split.Threshold);
        Assert.Equal(Math.Log(2), split.Gain, 1e-15);
        Assert.Equal(1.0, split.GainRatio, 1e-15);
        Assert.Equal((2, 2), (split.LeftCount, split.RightCount));
    }

    [Fact]
    public void ConstantFeaturesAndTooSmallLeavesHaveNoSplit()
    {
        Assert.Null(SplitSearch.BestThreshold([1.0, 1.0, 1.0], [0, 1, 0], 2));
        Assert.Null(SplitSearch.BestThreshold([1.0, 2.0, 3.0], [0, 1, 0], 2, minLeaf: 2));
    }

    [Fact]
    public void TheSweepEqualsABruteForceSearchOverEveryMidpoint()
    {
        Gen.Int[0, 6].Array[2, 40].Select(Gen.Int[0, 2].Array[40]).Sample((xs, ys) =>
        {
            double[] x = [.. xs.Select(v => (double)v)];
            int[] y = ys[..x.Length];
            var split = SplitSearch.BestThreshold(x, y, 3);
            double best = double.NegativeInfinity;
            double bestThreshold = double.NaN;
            foreach (double t in x.Distinct().Order().Zip(x.Distinct().Order().Skip(1), (a, b) => (a / 2) + (b / 2)))
            {
                double gain = Gain(x, y, t);
                if (gain > best + 1e-12)
                {
                    (best, bestThreshold) = (gain, t);
                }
            }

            if (x.Distinct().Count() == 1)
            {
                Assert.Null(split);
                return;
            }

            Assert.Equal(best, split!.Gain, 1e-12);
            Assert.Equal(bestThreshold, split.Threshold);
        });
    }

    [Fact]
    public void CategoricalGainIsTheMutualInformationAndTheRatioDividesByH()
    {
        var split = SplitSearch.Categorical([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 1]);
        Assert.Equal(Math.Log(3) - (4.0 / 6 * Math.Log(2)), split.Gain, 1e-15);
        Assert.Equal(split.Gain / Math.Log(3), split.GainRatio, 1e-15);
        Assert.Equal([2L, 2, 2], split.BranchCounts);
        Assert.Equal(0.0, SplitSearch.Categorical([5, 5], [0, 1]).GainRatio);
    }

    [Fact]
    public void BadInputsNameTheParameter()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => SplitSearch.BestThreshold([], [], 2)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => SplitSearch.BestThreshold([1.0], [0, 1], 2)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => SplitSearch.BestThreshold([double.NaN], [0], 2)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => SplitSearch.BestThreshold([1.0], [2], 2)).ParamName);
        Assert.Equal("classCount", Assert.Throws<ArgumentOutOfRangeException>(() => SplitSearch.BestThreshold([1.0], [0], 0)).ParamName);
        Assert.Equal("minLeaf", Assert.Throws<ArgumentOutOfRangeException>(() => SplitSearch.BestThreshold([1.0], [0], 1, 0)).ParamName);
    }

    private static double Gain(double[] x, int[] y, double threshold)
    {
        int[] left = [.. y.Where((_, i) => x[i] <= threshold)];
        int[] right = [.. y.Where((_, i) => x[i] > threshold)];
        return H(y) - (((left.Length * H(left)) + (right.Length * H(right))) / y.Length);
    }

    private static double H(int[] labels) =>
        -labels.GroupBy(l => l).Sum(g => (double)g.Count() / labels.Length * Math.Log((double)g.Count() / labels.Length));
}
