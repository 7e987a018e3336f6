using System.Diagnostics;
using DuckDB.NET.Data;
using Shannon.Data.Counts;
using Shannon.Data.Tables;
using Shannon.Measures;
using Shannon.Selection;

namespace Shannon.Data.Tests.Counts;

public sealed class ContingencyQueryTests : IDisposable
{
    private readonly TempFiles temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CountsInsideDuckDbEqualCountsOfTheTableInMemory()
    {
        string path = DataFiles.Path("digits.csv");
        string[] features = ["pixel_0_2", "pixel_3_4", "pixel_6_5"];
        var counted = ContingencyQuery.Count(path, "target", features);
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)), counted.Classes);

        var table = TableReader.Read(path, new TableReadOptions { Categorical = [.. features, "target"] });
        var target = table["target"];
        var expected = ContingencyRanking.Rank([.. features.Select(f => new KeyValuePair<string, ContingencyTable>(
            f, ContingencyTable.FromLabels(table[f].Codes, target.Codes)))]);
        var actual = counted.Rank();
        Assert.Equal(expected.Features.Select(f => f.Name), actual.Features.Select(f => f.Name));
        for (int i = 0; i < features.Length; i++)
        {
            Assert.Equal(expected.Features[i].Score, actual.Features[i].Score, 1e-14);
        }
    }

    [Fact]
    public void EmittedSqlRunElsewhereRoundTripsThroughACountsFile()
    {
        string hostile = "x\"; DROP TABLE data; --";
        string data = temp.Write("it's data.csv", $"\"{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\",b,y\n1,p,u\n1,q,u\n2,q,v\n2,p,v\n,q,v\n");
        string sql = ContingencyQuery.Sql(data, "y", [hostile, "b"]);
        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("UNION ALL", sql, StringComparison.Ordinal);

        string counts = temp.Path("counts.csv");
        Execute($"COPY ({sql}) TO '{counts}' (HEADER, DELIMITER ',')");
        var fromFile = ContingencyQuery.ReadCountsFile(counts, "y");
        var direct = ContingencyQuery.Count(data, "y", [hostile, "b"]);
        Assert.Equal([hostile, "b"], direct.Features.Select(f => f.Feature));
        Assert.Equal(["b", hostile], fromFile.Features.Select(f => f.Feature));
        Assert.Equal(direct.Rank().Features.Select(f => (f.Name, f.Score)), fromFile.Rank().Features.Select(f => (f.Name, f.Score)));
        Assert.Equal(Math.Log(2), direct.Rank().Features[0].Score, 1e-15);
        Assert.Equal(4, direct.Features[0].Table.Total);
    }

    [Fact]
    public void AWideCountsTableIsSummedDownPerFeature()
    {
        string wide = temp.Write("wide.csv", "a,b,y,count\n0,0,0,5\n0,1,0,5\n1,0,1,5\n1,1,1,5\n");
        var tables = ContingencyQuery.ReadCountsFile(wide, "y");
        var ranking = tables.Rank();
        Assert.Equal(["a", "b"], ranking.Features.Select(f => f.Name));
        Assert.Equal(Math.Log(2), ranking.Features[0].Score, 1e-15);
        Assert.Equal(0.0, ranking.Features[1].Score);
        Assert.Equal(20, tables.Features[1].Table.Total);
    }

    [Fact]
    public void MissingValuesAreDroppedPairwiseOrCounted()
    {
        string path = temp.Write("m.csv", "a,y\nu,0\n,0\nv,1\nu,\n");
        var dropped = ContingencyQuery.Count(path, "y");
        Assert.Equal(2, dropped.Features[0].Table.Total);
        Assert.Equal(4, dropped.Dropped.RowsRead);
        Assert.Equal(1, dropped.Dropped.Dropped); // the row without a target leaves every table; a's empty cell only a's
        Assert.Equal([new MissingCells("a", 1, 0, 0), new MissingCells("y", 1, 0, 0)], dropped.Dropped.Columns);

        string counts = temp.Write("mc.csv", "feature,value,y,count\na,u,0,3\na,,0,2\na,v,,4\na,v,1,1\n");
        var cells = ContingencyQuery.ReadCountsFile(counts, "y");
        Assert.Equal(new DroppedRows(4, 2, cells.Dropped.Columns), cells.Dropped);
        Assert.Equal([new MissingCells("value", 1, 0, 0), new MissingCells("y", 1, 0, 0)], cells.Dropped.Columns);
        var kept = ContingencyQuery.Count(path, "y", missing: MissingValuePolicy.OwnCategory);
        Assert.Equal(4, kept.Features[0].Table.Total);
        Assert.Equal([null, "u", "v"], kept.Features[0].Values);
        Assert.Equal([null, "0", "1"], kept.Classes);
    }

    [Fact]
    public void Each_feature_is_counted_on_the_rows_where_it_and_the_target_are_present()
    {
        // Missing cells in different rows: listwise deletion would leave 4 rows for every feature.
        string path = temp.Write("pairs.csv", "a,b,f,y\nu,p,1.5,0\n,q,2.5,1\nv,,nan,0\nu,p,NA,1\nv,q,1.5,\nu,q,2.5,0\nv,p,inf,1\nu,p,1.5,1\n");
        var counted = ContingencyQuery.Count(path, "y");
        var cells = TableReader.Read(path, new TableReadOptions { MissingValues = MissingValuePolicy.KeepCells });
        foreach (var feature in counted.Features)
        {
            int[] rows = PairwiseComplete.Rows(cells[feature.Feature], cells["y"]);
            Assert.Equal(rows.Length, feature.Table.Total);
        }

        Assert.Equal([6L, 6, 4], counted.Features.Select(f => f.Table.Total));
        Assert.Equal(1, counted.Dropped.Dropped);
        Assert.Equal(
            [new MissingCells("a", 1, 0, 0), new MissingCells("b", 1, 0, 0), new MissingCells("f", 0, 1, 1, 1), new MissingCells("y", 1, 0, 0)],
            counted.Dropped.Columns);

        string sql = ContingencyQuery.Sql(path, "y", ["a", "b", "f"]);
        Assert.DoesNotContain("data WHERE \"a\" IS NOT NULL AND \"b\"", sql, StringComparison.Ordinal);
        string counts = temp.Path("pair-counts.csv");
        Execute($"COPY ({sql}) TO '{counts}' (HEADER, DELIMITER ',')");
        Assert.Equal(counted.Rank().Features.Select(f => (f.Name, f.Score)), ContingencyQuery.ReadCountsFile(counts, "y").Rank().Features.Select(f => (f.Name, f.Score)));
    }

    [Fact]
    public void BadRequestsThrowTypedExceptions()
    {
        string iris = DataFiles.Path("iris.csv");
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => ContingencyQuery.Count(iris, "nope")).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => ContingencyQuery.Count(iris, "target", ["nope"])).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => ContingencyQuery.Sql(iris, "target", [])).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => ContingencyQuery.Sql(iris, "count", ["a"])).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => ContingencyQuery.ReadCountsFile(iris, "target")).ParamName);
        Assert.Throws<InvalidDataException>(() => ContingencyQuery.ReadCountsFile(temp.Write("neg.csv", "feature,value,y,count\na,1,0,-3\n"), "y"));
        Assert.Throws<FileNotFoundException>(() => ContingencyQuery.Count(temp.Path("absent.parquet"), "y"));
    }

    [Fact]
    public void AFractionalCountIsRefusedNotRounded()
    {
        // CAST(2.5 AS BIGINT) would round: the table the scores come from would not be the user's.
        var longForm = Assert.Throws<InvalidDataException>(() => ContingencyQuery.ReadCountsFile(temp.Write("half.csv", "feature,value,y,count\na,1,p,2.5\na,2,q,3\n"), "y"));
        Assert.Contains("not a whole number (2.5)", longForm.Message, StringComparison.Ordinal);
        var wide = Assert.Throws<InvalidDataException>(() => ContingencyQuery.ReadCountsFile(temp.Write("wide-half.csv", "a,y,count\n1,p,2\n2,q,3.5\n"), "y"));
        Assert.Contains("not a whole number (3.5)", wide.Message, StringComparison.Ordinal);
        var whole = ContingencyQuery.ReadCountsFile(temp.Write("whole.csv", "feature,value,y,count\na,1,p,2.0\na,2,q,3\na,1,q,1\n"), "y");
        Assert.Equal(["p", "q"], whole.Classes);
        Assert.Equal("a", Assert.Single(whole.Features).Feature);
    }

    [Fact]
    public void TenMillionRowParquetIsRankedByStreamingCounts()
    {
        string parquet = temp.Path("big.parquet");
        // y has 4 classes; f_strong determines y's high bit, f_weak agrees with its low bit 3 times in 4, f_noise is independent.
        Execute($"""
            COPY (SELECT (i % 4) AS y, ((i % 4) // 2) AS f_strong,
                         CASE WHEN (i // 4) % 4 = 0 THEN 1 - (i % 2) ELSE i % 2 END AS f_weak,
                         (i // 16) % 7 AS f_noise
                  FROM range(10000000) t(i)) TO '{parquet}' (FORMAT parquet)
            """);
        var clock = Stopwatch.StartNew();
        var ranking = ContingencyQuery.Count(parquet, "y").Rank();
        clock.Stop();
        Assert.Equal(["f_strong", "f_weak", "f_noise"], ranking.Features.Select(f => f.Name));
        Assert.Equal(Math.Log(2), ranking.Features[0].Score, 1e-12);
        double weak = Math.Log(2) + (0.25 * Math.Log(0.25)) + (0.75 * Math.Log(0.75));
        Assert.Equal(weak, ranking.Features[1].Score, 1e-12);
        Assert.Equal(0.0, ranking.Features[2].Score, 1e-9);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"ranking took {clock.Elapsed}");
    }

    private static void Execute(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
