using Shannon.Data.Tables;

namespace Shannon.Data.Tests.Tables;

public sealed class PairwiseCompleteTests : IDisposable
{
    private readonly TempFiles temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Keeping_cells_drops_no_row_counts_each_columns_missing_cells_and_pairs_leave_out_only_their_own()
    {
        string path = temp.Write("m.csv", "a,b,c,y\n1.5,,u,0\n,2.5,v,1\n3.5,3.5,,0\n4.5,4.5,w,\nnan,5.5,u,1\n");
        var table = TableReader.Read(path, new TableReadOptions { MissingValues = MissingValuePolicy.KeepCells });
        Assert.Equal(5, table.RowCount);
        Assert.Equal(0, table.Dropped.Dropped);
        Assert.Equal([2, 1, 1, 1], table.Columns.Select(c => c.MissingCount()));
        Assert.Equal(["a", "b", "c", "y"], table.Dropped.Columns.Select(c => c.Column));
        Assert.True(table["a"].IsMissing(1) && table["a"].IsMissing(4) && !table["a"].IsMissing(0));
        Assert.True(table["c"].IsMissing(2));

        Assert.Equal([0, 2], PairwiseComplete.Rows(table["a"], table["y"]));
        Assert.Equal([1, 2, 4], PairwiseComplete.Rows(table["b"], table["y"]));
        var b = PairwiseComplete.Variable(table["b"], PairwiseComplete.Rows(table["b"], table["y"]));
        Assert.Equal([2.5, 3.5, 5.5], b.Values.ToArray());
        var c = PairwiseComplete.Variable(table["c"], PairwiseComplete.Rows(table["c"], table["y"]));
        Assert.Equal(3, c.Rows);
        Assert.True(c.IsDiscrete);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => PairwiseComplete.Rows(table["a"], TableColumn.Numeric("y", [1.0]))).ParamName);
    }

    [Fact]
    public void Iso_dates_date_times_and_times_of_day_are_read_as_seconds_when_asked_and_stay_text_otherwise()
    {
        string path = temp.Write("t.csv", "day,stamp,clock,mixed,note\n2024-01-31,2024-01-31T08:15:00,08:15,2024-01-31,a\n2024-02-01,2024-02-01 09:00:30.5,23:59:59,08:15,b\n1970-01-02,1970-01-01T00:00:01Z,00:00,2024-02-01,c\n");
        var table = TableReader.Read(path, new TableReadOptions { Times = true });
        Assert.Equal("date", table["day"].ReadAs);
        Assert.Equal(ColumnKind.Numeric, table["day"].Kind);
        Assert.Equal(86_400.0, table["day"].Values[2]);
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), table["day"].Values[0]);
        Assert.Equal("date-time", table["stamp"].ReadAs);
        Assert.Equal(1.0, table["stamp"].Values[2]);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 9, 0, 30, 500, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0, table["stamp"].Values[1]);
        Assert.Equal("time", table["clock"].ReadAs);
        Assert.Equal([29_700.0, 86_399.0, 0.0], table["clock"].Values.ToArray());
        Assert.True(table["clock"].ToVariable().IsContinuous);
        Assert.Equal("text", table["mixed"].ReadAs);
        Assert.Equal("text", table["note"].ReadAs);

        Assert.Equal("text", TableReader.Read(path)["day"].ReadAs);
        Assert.Equal("text", TableReader.Read(path, new TableReadOptions { Times = true, Categorical = ["day"] })["day"].ReadAs);
    }
}
