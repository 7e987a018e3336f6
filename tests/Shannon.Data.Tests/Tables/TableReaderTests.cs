using CsCheck;
using DuckDB.NET.Data;
using Shannon.Data.Tables;

namespace Shannon.Data.Tests.Tables;

public sealed class TableReaderTests : IDisposable
{
    private readonly TempFiles temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void IrisCsvHasFourNumericColumnsAndThreeSpecies()
    {
        var table = TableReader.Read(DataFiles.Path("iris.csv"));
        Assert.Equal(150, table.RowCount);
        Assert.Equal(["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm", "target"], table.Columns.Select(c => c.Name));
        Assert.All(table.Columns.Take(4), c => Assert.Equal(ColumnKind.Numeric, c.Kind));
        var species = table["target"];
        Assert.Equal(ColumnKind.Categorical, species.Kind);
        Assert.Equal(["setosa", "versicolor", "virginica"], species.Categories);
        Assert.Equal(5.1, table["sepal_length_cm"].Values[0]);
        Assert.Equal(0, species.Codes[0]);
        Assert.Equal(2, species.Codes[149]);
    }

    [Fact]
    public void SelectionKeepsTheRequestedOrderAndOverridesChangeTheKind()
    {
        var table = TableReader.Read(DataFiles.Path("digits.csv"), new TableReadOptions
        {
            Columns = ["target", "pixel_0_2"],
            Categorical = ["target"],
        });
        Assert.Equal(["target", "pixel_0_2"], table.Columns.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)), table["target"].Categories);
        Assert.Equal(ColumnKind.Numeric, table["pixel_0_2"].Kind);
        Assert.Equal(1797, table.RowCount);
    }

    [Fact]
    public void ColumnKindsComeFromTheSchemaInFileOrder()
    {
        var kinds = TableReader.ColumnKinds(DataFiles.Path("iris.csv"));
        Assert.Equal(["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm", "target"], kinds.Keys);
        Assert.Equal([ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Categorical], kinds.Values);
        Assert.Throws<FileNotFoundException>(() => TableReader.ColumnKinds(temp.Path("absent.parquet")));
    }

    [Theory]
    [InlineData("\uFEFF\"a b\",c\n1,x\n2,y\n", "a b")] // Excel's "CSV UTF-8": a byte-order mark, the one name that needs quotes quoted
    [InlineData("\uFEFF\"a\",\"c\"\r\n1,x\r\n2,y\r\n", "a")]
    [InlineData("\"a, b\",c\n1,x\n2,y\n", "a, b")]
    [InlineData("\uFEFFa,c\n1,x\n2,y\n", "a")]
    public void HeaderNamesLoseTheirQuotesAndTheByteOrderMark(string text, string first)
    {
        var table = TableReader.Read(temp.Write("quoted.csv", text));
        Assert.Equal([first, "c"], table.Columns.Select(c => c.Name));
        Assert.Equal([1.0, 2.0], table[first].Values);
        Assert.Equal(["x", "y"], table["c"].Categories);
    }

    [Fact]
    public void ForcedNumericTurnsTextIntoAnError()
    {
        Assert.Throws<InvalidDataException>(() => TableReader.Read(DataFiles.Path("iris.csv"), new TableReadOptions { Numeric = ["target"] }));
    }

    [Fact]
    public void ParquetWrittenByDuckDbReadsBackEqualToTheCsv()
    {
        string parquet = temp.Path("wine.parquet");
        Execute($"COPY (SELECT * FROM read_csv('{DataFiles.Path("wine.csv")}', header = true)) TO '{parquet}' (FORMAT parquet)");
        var fromCsv = TableReader.Read(DataFiles.Path("wine.csv"));
        var fromParquet = TableReader.Read(parquet);
        Assert.Equal(fromCsv.Columns.Select(c => (c.Name, c.Kind)), fromParquet.Columns.Select(c => (c.Name, c.Kind)));
        foreach (var column in fromCsv.Columns)
        {
            if (column.Kind == ColumnKind.Numeric)
            {
                Assert.Equal(column.Values.ToArray(), fromParquet[column.Name].Values.ToArray());
            }
            else
            {
                Assert.Equal(column.Codes.ToArray(), fromParquet[column.Name].Codes.ToArray());
                Assert.Equal(column.Categories, fromParquet[column.Name].Categories);
            }
        }
    }

    [Fact]
    public void HostileColumnAndFileNamesStayNames()
    {
        string hostile = "x\"; DROP TABLE t; --";
        string quoteName = "it's";
        string path = temp.Write("a'); SELECT 1; --.csv", $"\"{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{quoteName}\n1,u\n2,v\n");
        var table = TableReader.Read(path, new TableReadOptions { Columns = [quoteName, hostile] });
        Assert.Equal([quoteName, hostile], table.Columns.Select(c => c.Name));
        Assert.Equal([1.0, 2.0], table[hostile].Values.ToArray());
        Assert.Equal(["u", "v"], table[quoteName].Categories);
    }

    [Fact]
    public void MissingValuesAreDroppedOrKeptAsTheirOwnCategory()
    {
        string path = temp.Write("missing.csv", "x,c\n1,a\n,b\n3,\n4,b\nnan,a\n");
        var dropped = TableReader.Read(path);
        Assert.Equal([1.0, 4.0], dropped["x"].Values.ToArray());
        Assert.Equal(["a", "b"], dropped["c"].Categories);

        var kept = TableReader.Read(path, new TableReadOptions { MissingValues = MissingValuePolicy.OwnCategory });
        Assert.Equal([1.0, 3.0, 4.0], kept["x"].Values.ToArray());
        Assert.Equal([null, "a", "b"], kept["c"].Categories);
        Assert.Equal([1, 0, 2], kept["c"].Codes.ToArray());
    }

    [Fact]
    public void EveryDroppedRowIsCountedWithItsReasonPerColumn()
    {
        string path = temp.Write("reasons.csv", "x,y,c\n1,2,a\n,3,b\nnan,inf,b\n4,-inf,\n5,6,a\n");
        var table = TableReader.Read(path);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(new DroppedRows(5, 3, [new MissingCells("x", 1, 1, 0), new MissingCells("y", 0, 0, 2), new MissingCells("c", 1, 0, 0)]), table.Dropped with { Columns = [.. table.Dropped.Columns] }, new DroppedRowsComparer());
        Assert.Equal("dropped 3 of 5 rows with missing values: 'x' 1 empty, 1 NaN; 'y' 2 infinite; 'c' 1 empty", table.Dropped.Describe());

        var kept = TableReader.Read(path, new TableReadOptions { MissingValues = MissingValuePolicy.OwnCategory });
        Assert.Equal(3, kept.Dropped.Dropped);
        Assert.DoesNotContain(kept.Dropped.Columns, c => c.Column == "c");
        Assert.Equal(0, TableReader.Read(temp.Write("full.csv", "x\n1\n2\n")).Dropped.Dropped);
    }

    [Fact]
    public void Text_that_looks_boolean_or_like_a_date_stays_text_unless_asked()
    {
        string path = temp.Write("yesno.csv", "smoker,flag,day,n\nyes,t,2024-01-31,1\nno,f,2024-02-01,2\nYes,t,2024-02-02,3\n");
        var table = TableReader.Read(path);
        Assert.Equal(["Yes", "no", "yes"], table["smoker"].Categories);
        Assert.Equal(["f", "t"], table["flag"].Categories);
        Assert.Equal(["2024-01-31", "2024-02-01", "2024-02-02"], table["day"].Categories);
        Assert.Equal(ColumnKind.Numeric, table["n"].Kind);

        var booleans = TableReader.Read(path, new TableReadOptions { Boolean = ["smoker", "flag"] });
        Assert.Equal(["false", "true"], booleans["smoker"].Categories);
        Assert.Equal([1, 0, 1], booleans["smoker"].Codes.ToArray());
        Assert.Equal([1, 0, 1], booleans["flag"].Codes.ToArray());
        Assert.Equal(ColumnKind.Categorical, TableReader.ColumnKinds(path, new TableReadOptions { Boolean = ["n"] })["n"]);
        var error = Assert.Throws<InvalidDataException>(() => TableReader.Read(path, new TableReadOptions { Boolean = ["day"] }));
        Assert.Contains("'2024-01-31' in data row 1", error.Message);
        Assert.Throws<ArgumentException>(() => TableReader.Read(path, new TableReadOptions { Boolean = ["n"], Numeric = ["n"] }));
    }

    [Theory]
    [InlineData("data[1].csv")]
    [InlineData("data*.csv")]
    [InlineData("data?.csv")]
    [InlineData("[ab].csv")]
    public void Paths_are_literal_never_globs(string name)
    {
        temp.Write("data1.csv", "x\n100\n");
        temp.Write("a.csv", "x\n200\n");
        temp.Write("dataX.csv", "x\n300\n");
        string path = temp.Write(name, "x\n1\n2\n");
        Assert.Equal([1.0, 2.0], TableReader.Read(path)["x"].Values.ToArray());
        Assert.Equal(["x"], TableReader.ColumnKinds(path).Keys);
    }

    [Fact]
    public void A_glob_pattern_that_names_no_file_is_not_found_even_when_others_match()
    {
        temp.Write("data1.csv", "x\n100\n");
        Assert.Throws<FileNotFoundException>(() => TableReader.Read(temp.Path("data[0-9].csv")));
    }

    private sealed class DroppedRowsComparer : IEqualityComparer<DroppedRows>
    {
        public bool Equals(DroppedRows? a, DroppedRows? b) =>
            a is not null && b is not null && a.RowsRead == b.RowsRead && a.Dropped == b.Dropped && a.Columns.SequenceEqual(b.Columns);

        public int GetHashCode(DroppedRows obj) => obj.Dropped.GetHashCode();
    }

    [Fact]
    public void NoSurvivingRowIsAnError()
    {
        string path = temp.Write("empty.csv", "x,c\n,a\n");
        Assert.Throws<InvalidDataException>(() => TableReader.Read(path));
    }

    [Fact]
    public void BadInputsThrowTypedExceptions()
    {
        Assert.Throws<FileNotFoundException>(() => TableReader.Read(temp.Path("absent.csv")));
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => TableReader.Read(temp.Write("x.txt", "a\n1\n"))).ParamName);
        Assert.Throws<InvalidDataException>(() => TableReader.Read(temp.Write("bad.parquet", "not a parquet file")));
        var unknown = Assert.Throws<ArgumentException>(() => TableReader.Read(DataFiles.Path("iris.csv"), new TableReadOptions { Columns = ["nope"] }));
        Assert.Equal("options", unknown.ParamName);
        Assert.Contains("nope", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TableReader.Read(DataFiles.Path("iris.csv"), new TableReadOptions { Categorical = ["target"], Numeric = ["target"] }));
        Assert.Throws<ArgumentException>(() => TableReader.Read(DataFiles.Path("iris.csv"), new TableReadOptions { Columns = [] }));
    }

    [Fact]
    public void CodesMapBackToTheLabelsWritten()
    {
        var labels = Gen.String[Gen.Char["abc'\" ,"]].Where(s => s.Length > 0 && s.Trim() == s && s.Trim(',') == s).Array[1, 30];
        int file = 0;
        labels.Sample(
            rows =>
            {
                string path = temp.Write($"labels{file++}.csv", "label\n" + string.Concat(rows.Select(r => "\"" + r.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n")));
                var column = TableReader.Read(path, new TableReadOptions { Categorical = ["label"] })["label"];
                Assert.Equal(rows, column.Codes.ToArray().Select(c => column.Categories[c]));
                Assert.Equal(rows.Distinct().Order(StringComparer.Ordinal), column.Categories);
            },
            iter: 25);
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
