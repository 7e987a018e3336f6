using CsCheck;
using Shannon.Selection;

namespace Shannon.Tests.Selection;

public class ContingencyTests
{
    [Fact]
    public void FromCodesCountsEachCellOnceAndTotalsAddUp()
    {
        var table = Contingency.FromCodes([0, 0, 1, 2, 2, 2], 3, [1, 1, 0, 0, 1, 1], 2);
        Assert.Equal([0, 1, 2, 2], table.Rows.ToArray());
        Assert.Equal([1, 0, 0, 1], table.Columns.ToArray());
        Assert.Equal([2L, 1, 1, 2], table.Counts.ToArray());
        Assert.Equal(6, table.Total);
        Assert.Equal([2L, 1, 3], table.RowTotals());
        Assert.Equal([2L, 4], table.ColumnTotals());
    }

    [Fact]
    public void HighCardinalityCodesUseTheSparsePath()
    {
        int[] x = [5_000_000, 0, 5_000_000];
        var table = Contingency.FromCodes(x, 5_000_001, [1, 0, 1], 2);
        Assert.Equal([0, 5_000_000], table.Rows.ToArray());
        Assert.Equal([1L, 2], table.Counts.ToArray());
    }

    [Fact]
    public void BadInputsNameTheParameter()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Contingency.FromCodes([], 1, [], 1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Contingency.FromCodes([0], 1, [0, 0], 1)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Contingency.FromCodes([2], 2, [0], 1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Contingency.FromCodes([0], 1, [-1], 1)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => new Contingency(1, 1, [0], [0], [-1])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => new Contingency(1, 1, [0], [0, 0], [1])).ParamName);
        Assert.Equal("rowCount", Assert.Throws<ArgumentOutOfRangeException>(() => new Contingency(0, 1, [], [], [])).ParamName);
    }

    [Fact]
    public void CellCountsSumToTheSampleSize()
    {
        Gen.Int[0, 4].Array[1, 50].SelectMany(x => Gen.Int[0, 2].Array[x.Length].Select(y => (x, y))).Sample(pair =>
        {
            var table = Contingency.FromCodes(pair.x, 5, pair.y, 3);
            Assert.Equal(pair.x.Length, table.Total);
            Assert.Equal(Enumerable.Range(0, 5).Select(v => (long)pair.x.Count(c => c == v)), table.RowTotals());
        });
    }
}
