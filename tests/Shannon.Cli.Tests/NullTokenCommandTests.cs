using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>
/// A CSV with "NA" cells in a numeric column, through the commands that read tables: the column stays numeric (a
/// continuous feature is not turned into a categorical one), the NA cells are counted and reported, and the numbers
/// equal those of the same file with those rows removed (pairwise for features and report).
/// </summary>
public sealed class NullTokenCommandTests : ScratchDirectoryTests
{
    private readonly string withNa;
    private readonly string withoutNa;

    public NullTokenCommandTests()
        : base("shannon-na-")
    {
        var random = new Random(7);
        var na = new StringBuilder("x,z,y\n");
        var clean = new StringBuilder("x,z,y\n");
        for (int i = 0; i < 80; i++)
        {
            double x = (random.NextDouble() * 4) - 2;
            string y = x + (random.NextDouble() - 0.5) > 0 ? "a" : "b";
            string z = i % 3 == 0 ? "u" : "v";
            string xText = x.ToString("R", CultureInfo.InvariantCulture);
            bool missing = i is 4 or 17 or 33;
            na.Append(missing ? (i == 17 ? "N/A" : "NA") : xText).Append(',').Append(z).Append(',').Append(y).Append('\n');
            if (!missing)
            {
                clean.Append(xText).Append(',').Append(z).Append(',').Append(y).Append('\n');
            }
        }

        withNa = PathOf("na.csv");
        withoutNa = PathOf("clean.csv");
        System.IO.File.WriteAllText(withNa, na.ToString());
        System.IO.File.WriteAllText(withoutNa, clean.ToString());
    }

    [Fact]
    public void Mi_on_columns_drops_the_NA_rows_says_so_and_equals_the_file_without_them()
    {
        var (code, output, error) = CliRunner.Run("mi", withNa, "--x", "x", "--y", "y", "--json");
        Assert.Equal(0, code);
        Assert.Equal("note: dropped 3 of 80 rows with missing values: 'x' 3 NA.\n", error.ReplaceLineEndings("\n"));
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("ross", json.GetProperty("estimator").GetString()); // continuous x with discrete y, not plug-in on text
        Assert.Equal(3, json.GetProperty("rows_dropped").GetProperty("columns").GetProperty("x").GetProperty("na").GetInt64());
        var clean = JsonDocument.Parse(CliRunner.Run("mi", withoutNa, "--x", "x", "--y", "y", "--json").Out).RootElement;
        Assert.Equal(clean.GetProperty("value").GetDouble(), json.GetProperty("value").GetDouble());
        Assert.Equal(77, json.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Features_scores_x_as_continuous_on_its_pairwise_rows_and_notes_the_NA_cells()
    {
        var (code, output, error) = CliRunner.Run("features", withNa, "--target", "y", "--json");
        Assert.Equal(0, code);
        Assert.Equal("note: missing feature cells leave out only their own feature's rows (pairwise-complete): 'x' 3 NA.\n", error.ReplaceLineEndings("\n"));
        var scores = Features(output);
        var clean = Features(CliRunner.Run("features", withoutNa, "--target", "y", "--json").Out);
        Assert.Equal("continuous", scores["x"].GetProperty("kind").GetString());
        Assert.Equal(77, scores["x"].GetProperty("rows").GetInt32());
        Assert.Equal(80, scores["z"].GetProperty("rows").GetInt32());
        Assert.Equal(clean["x"].GetProperty("mi").GetDouble(), scores["x"].GetProperty("mi").GetDouble());
    }

    [Fact]
    public void Report_reads_x_as_a_number_and_counts_its_missing_cells()
    {
        var (code, output, error) = CliRunner.Run("report", withNa, "--target", "y", "-o", PathOf("report"), "--json");
        Assert.True(code == 0, error);
        var features = JsonDocument.Parse(output).RootElement.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        var clean = JsonDocument.Parse(CliRunner.Run("report", withoutNa, "--target", "y", "-o", PathOf("clean"), "--json").Out)
            .RootElement.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal("number", features["x"].GetProperty("read_as").GetString());
        Assert.Equal("continuous", features["x"].GetProperty("kind").GetString());
        Assert.Equal(3, features["x"].GetProperty("missing").GetInt32());
        Assert.Equal(clean["x"].GetProperty("mi").GetDouble(), features["x"].GetProperty("mi").GetDouble());
    }

    private static Dictionary<string, JsonElement> Features(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
}
