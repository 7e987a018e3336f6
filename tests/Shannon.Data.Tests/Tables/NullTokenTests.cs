using System.Globalization;
using CsCheck;
using Shannon.Data.Counts;
using Shannon.Data.Tables;

namespace Shannon.Data.Tests.Tables;

/// <summary>
/// "NA" and its kin in a CSV column of numbers: the column stays numeric, the tokens are missing cells counted by
/// reason, and the numbers are those of the same file with the rows removed; text with "NA" stays text.
/// </summary>
public sealed class NullTokenTests : IDisposable
{
    private readonly TempFiles temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_numeric_column_with_NA_cells_stays_numeric_and_the_tokens_are_counted()
    {
        string path = temp.Write("na.csv", "x,n,c\n1.5,1,a\nNA,2,b\n2.5,N/A,a\n,3,b\n3.5,null,a\n4.5,4,b\n");
        Assert.Equal(ColumnKind.Numeric, TableReader.ColumnKinds(path)["x"]);
        Assert.Equal(ColumnKind.Numeric, TableReader.ColumnKinds(path)["n"]);
        var table = TableReader.Read(path);
        Assert.Equal(ColumnKind.Numeric, table["x"].Kind);
        Assert.Equal("number", table["x"].ReadAs);
        Assert.Equal([1.5, 4.5], table["x"].Values.ToArray());
        Assert.Equal([1.0, 4.0], table["n"].Values.ToArray());
        Assert.Equal(new MissingCells("x", 1, 0, 0, 1), table.Dropped.Columns[0]);
        Assert.Equal(new MissingCells("n", 0, 0, 0, 2), table.Dropped.Columns[1]);
        Assert.Equal("dropped 4 of 6 rows with missing values: 'x' 1 empty, 1 NA; 'n' 2 NA", table.Dropped.Describe());
        Assert.Equal([("empty", 1L), ("na", 1L)], table.Dropped.Columns[0].Reasons());
    }

    [Fact]
    public void Text_stays_text_with_its_NA_cells_and_a_column_read_as_text_keeps_its_tokens()
    {
        string path = temp.Write("text.csv", "country,x\nNA,1\nFR,NA\nDE,3\nNA,4\n");
        var table = TableReader.Read(path);
        Assert.Equal(ColumnKind.Categorical, table["country"].Kind);
        Assert.Equal(["DE", "NA"], table["country"].Categories); // FR's row has no x: dropped, and counted
        Assert.Equal(new MissingCells("x", 0, 0, 0, 1), Assert.Single(table.Dropped.Columns));
        Assert.Equal([1.0, 3.0, 4.0], table["x"].Values.ToArray());

        var asText = TableReader.Read(path, new TableReadOptions { Categorical = ["x"] });
        Assert.Equal(["1", "3", "4", "NA"], asText["x"].Categories);
        Assert.Equal(0, asText.Dropped.Dropped);
        Assert.Equal(ColumnKind.Categorical, TableReader.ColumnKinds(path, new TableReadOptions { Categorical = ["x"] })["x"]);
    }

    [Fact]
    public void Other_spellings_are_not_tokens_and_keep_a_column_text()
    {
        // "na", "-", "missing" and a padded " NA" are not in the set: the column holds text, and it stays text.
        foreach (string token in new[] { "na", "-", "missing", "N.A.", " NA" })
        {
            string path = temp.Write("other.csv", $"x\n1\n{token}\n3\n");
            Assert.Equal(ColumnKind.Categorical, TableReader.Read(path)["x"].Kind);
        }

        Assert.All(TableSource.NullTokens, token =>
            Assert.Equal(ColumnKind.Numeric, TableReader.Read(temp.Write("t.csv", $"x\n1\n{token}\n3\n"))["x"].Kind));
    }

    [Fact]
    public void A_row_that_starts_with_a_hash_is_a_row_not_a_comment()
    {
        // DuckDB's sniffer would take '#' for a comment character and skip these rows without a word.
        var table = TableReader.Read(temp.Write("hash.csv", "x,y\n1.5,0\n#N/A,1\n2.5,2\n#N/A,0\n3,1\n"));
        Assert.Equal(5, table.Dropped.RowsRead);
        Assert.Equal(new MissingCells("x", 0, 0, 0, 2), Assert.Single(table.Dropped.Columns));
        Assert.Equal(["#tag", "a"], TableReader.Read(temp.Write("text.csv", "c\n#tag\na\n"))["c"].Categories);
    }

    [Fact]
    public void Keeping_cells_holds_a_token_as_NaN_and_the_counting_query_leaves_it_out()
    {
        string path = temp.Write("keep.csv", "x,y\n1,a\nNA,b\n2,a\n2,b\n");
        var kept = TableReader.Read(path, new TableReadOptions { MissingValues = MissingValuePolicy.KeepCells });
        Assert.Equal(4, kept.RowCount);
        Assert.True(kept["x"].IsMissing(1));
        Assert.Equal(new MissingCells("x", 0, 0, 0, 1), Assert.Single(kept.Dropped.Columns));

        var counts = ContingencyQuery.Count(path, "y", ["x"]);
        Assert.Equal(3, Assert.Single(counts.Features).Table.Total);
        Assert.Equal(0, counts.Dropped.Dropped); // x's NA leaves x's table only (pairwise); the target is complete
        Assert.Equal(new MissingCells("x", 0, 0, 0, 1), Assert.Single(counts.Dropped.Columns));
    }

    [Fact]
    public void Property_a_file_with_NA_cells_reads_as_the_same_file_with_those_rows_removed()
    {
        Gen.Select(Gen.Double[-1e6, 1e6].Array[2, 30], Gen.Int[0, 3].Array[30], Gen.Int[0, 8])
            .Sample((values, marks, tokenIndex) =>
            {
                string token = TableSource.NullTokens[tokenIndex];
                var withNa = new System.Text.StringBuilder("x,y\n");
                var without = new System.Text.StringBuilder("x,y\n");
                for (int i = 0; i < values.Length; i++)
                {
                    string x = values[i].ToString("R", CultureInfo.InvariantCulture);
                    string y = (i % 3).ToString(CultureInfo.InvariantCulture);
                    bool na = marks[i] == 0 && i > 0; // the first row stays a number, so no column is all tokens
                    withNa.Append(na ? token : x).Append(',').Append(y).Append('\n');
                    if (!na)
                    {
                        without.Append(x).Append(',').Append(y).Append('\n');
                    }
                }

                string name = Guid.NewGuid().ToString("N"); // samples run in parallel: a file of its own each
                var a = TableReader.Read(temp.Write(name + "-na.csv", withNa.ToString()));
                var b = TableReader.Read(temp.Write(name + ".csv", without.ToString()));
                Assert.Equal(ColumnKind.Numeric, a["x"].Kind);
                Assert.Equal(b["x"].Values.ToArray(), a["x"].Values.ToArray());
                Assert.Equal(b["y"].Values.ToArray(), a["y"].Values.ToArray());
                Assert.Equal(a.Dropped.RowsRead - b.Dropped.RowsRead, a.Dropped.Dropped);
                Assert.Equal(a.Dropped.Dropped, a.Dropped.Columns.Sum(c => c.NullToken));
            }, iter: 25);
    }
}
