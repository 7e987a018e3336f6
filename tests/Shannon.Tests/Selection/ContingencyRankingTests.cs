using CsCheck;
using Shannon.Measures;
using Shannon.Selection;

namespace Shannon.Tests.Selection;

public class ContingencyRankingTests
{
    [Fact]
    public void ACopyOfAUniformTargetScoresLogKAndIndependenceScoresZero()
    {
        int[] y = [0, 1, 2, 3, 0, 1, 2, 3];
        int[] constant = [0, 0, 0, 0, 0, 0, 0, 0];
        int[] balanced = [0, 0, 0, 0, 1, 1, 1, 1];
        var ranking = ContingencyRanking.Rank(
        [
            new("constant", ContingencyTable.FromLabels(constant, y)),
            new("copy", ContingencyTable.FromLabels(y, y)),
            new("independent", ContingencyTable.FromLabels(balanced, y)),
        ]);
        // Zero up to rounding (1e-15): the two zero scores may rank either way.
        Assert.Equal("copy", ranking.Features[0].Name);
        Assert.Equal(Math.Log(4), ranking.Features[0].Score, 1e-15);
        Assert.Equal(0.0, ranking.Features[1].Score, 1e-15);
        Assert.Equal(0.0, ranking.Features[2].Score, 1e-15);
        Assert.Equal([1, 2, 3], ranking.Features.Select(f => f.Rank));
        Assert.Equal("nats", ranking.Unit);
        Assert.Equal("mi", ranking.Method);
    }

    [Fact]
    public void ABinaryChannelMatchesItsClosedForm()
    {
        // X uniform on {0,1}; Y = X flipped with probability 1/4: I = log 2 − H_b(1/4).
        var table = ContingencyTable.FromCounts([3, 1, 1, 3], 2, 2);
        double expected = Math.Log(2) + (0.25 * Math.Log(0.25)) + (0.75 * Math.Log(0.75));
        Assert.Equal(expected, ContingencyRanking.Rank([new("x", table)]).Features[0].Score, 1e-15);
    }

    [Fact]
    public void MutualInformationIsSymmetricAndBoundedByTheEntropies()
    {
        Gen.Int[0, 3].Array[2, 60].SelectMany(x => Gen.Int[0, 2].Array[x.Length].Select(y => (x, y))).Sample(pair =>
        {
            double xy = ContingencyRanking.Rank([new("x", ContingencyTable.FromLabels(pair.x, pair.y))]).Features[0].Score;
            double yx = ContingencyRanking.Rank([new("y", ContingencyTable.FromLabels(pair.y, pair.x))]).Features[0].Score;
            Assert.Equal(xy, yx, 1e-12);
            Assert.InRange(xy, 0.0, Math.Min(PlugInEntropy(pair.x), PlugInEntropy(pair.y)) + 1e-12);
        });
    }

    [Fact]
    public void TopAndAtLeastKeepTheRankOrder()
    {
        var ranking = new FeatureRanking("mi", [new("a", 1, 0.5, 1), new("b", 0, 0.2, 2), new("c", 2, 0.1, 3)]);
        Assert.Equal(["a", "b"], ranking.Top(2).Features.Select(f => f.Name));
        Assert.Equal(3, ranking.Top(10).Features.Count);
        Assert.Equal(["a", "b"], ranking.AtLeast(0.2).Features.Select(f => f.Name));
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => ranking.Top(-1)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => ranking.AtLeast(double.NaN)).ParamName);
    }

    [Fact]
    public void EmptyInputIsRejected()
    {
        Assert.Equal("tables", Assert.Throws<ArgumentException>(() => ContingencyRanking.Rank([])).ParamName);
    }

    private static double PlugInEntropy(int[] codes) =>
        -codes.GroupBy(c => c).Sum(g => (double)g.Count() / codes.Length * Math.Log((double)g.Count() / codes.Length));
}
