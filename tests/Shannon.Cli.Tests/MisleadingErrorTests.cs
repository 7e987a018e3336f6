using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>
/// Errors that exited 2 with one line but named the wrong thing (a column "column0", "Categorical", "rows ('3')",
/// "Arithmetic operation resulted in an overflow", "The file is too long", "p sums to 0"): each now names the option or
/// file and the offending value.
/// </summary>
public sealed class MisleadingErrorTests() : ScratchDirectoryTests("shannon-errors-")
{
    [Fact]
    public void An_empty_csv_is_called_empty_not_a_file_with_a_column_named_column0()
    {
        // Before: "There is no column 'y' in 'empty.csv'; it has: column0."
        string empty = File("empty.csv", string.Empty);
        CliRunner.AssertOneErrorLine(CliRunner.Run("features", empty, "--target", "y"), $"'{empty}' is empty: a table needs a header row of column names and at least one data row.");
        string blank = File("blank.csv", "\n  \r\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", blank, "--x", "a", "--y", "b"), $"'{blank}' is empty: a table needs a header row of column names and at least one data row.");
    }

    [Fact]
    public void Types_and_discrete_naming_a_missing_column_say_which_option_named_it()
    {
        // Before: "Categorical names 'nope', which is not a column; the file has: x, y."
        string data = File("d.csv", "x,y\n1,a\n2,b\n3,a\n4,b\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("features", data, "--target", "y", "--types", "nope=text"), $"--types names column 'nope', which '{data}' does not have; its columns are: x, y.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", data, "--x", "x", "--y", "y", "--types", "x=number,nope=bool"), $"--types names column 'nope', which '{data}' does not have; its columns are: x, y.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("features", data, "--target", "y", "--discrete", "x,nope"), $"--discrete names column 'nope', which '{data}' does not have; its columns are: x, y.");
        Assert.Equal(0, CliRunner.Run("features", data, "--target", "y", "--types", "x=text").Code);
    }

    [Fact]
    public void Ci_on_fewer_than_four_rows_names_the_option_the_file_and_the_count()
    {
        // Before: "rows ('3') must be greater than or equal to '4'."
        string data = File("tiny.csv", "x,y\n1,a\n2,b\n3,a\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", data, "--x", "x", "--y", "y", "--ci", "0.9"), $"--ci 0.9 needs at least 4 rows with values (the interval recomputes the estimate on halves of them); {data} has 3.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", "--samples", data, "--column", "x", "--ci", "0.95"), $"--ci 0.95 needs at least 4 rows with values (the interval recomputes the estimate on halves of them); {data} has 3.");
        var features = CliRunner.Run("features", data, "--target", "y", "--ci", "0.9");
        Assert.Equal(0, features.Code); // a feature without an interval gets a note on its own line of the table
        Assert.Contains("(too sparse: n = 3 rows for 3 × 2 = 6 cells (fewer than 2 rows per cell)", features.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", features.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_of_two_to_the_63_minus_one_is_refused_by_name_not_as_an_arithmetic_overflow()
    {
        // Before: "Arithmetic operation resulted in an overflow."
        string counts = File("counts.csv", "feature,value,y,count\na,u,p,9223372036854775807\na,v,q,1\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("features", "--counts", counts, "--target", "y"), $"'{counts}': the counts of feature 'a' sum past 2^63 - 1 = 9223372036854775807; a table's total must fit in a 64-bit integer.");

        // Before: "--counts entry 1 is 9.223372037E+18; an estimator needs whole, non-negative counts." (it is whole and non-negative)
        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", "9223372036854775807,1", "--counts", "--estimator", "plugin"),
            "--counts entry 1 is 9.223372036854776E+18, more than the largest count an estimator takes (10^18; counts are held as 64-bit integers, at most 2^63 - 1, and summed).");
        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", "2.5,1", "--counts", "--estimator", "plugin"), "--counts entry 1 is 2.5; an estimator needs whole, non-negative counts (weights that are not counts: divide them by their sum and give the distribution without --counts).");
    }

    [Fact]
    public void A_3_GiB_P_file_is_refused_by_its_size_naming_the_file_and_the_limit()
    {
        // Before: "The file is too long. This operation is currently limited to supporting files less than 2 gigabytes in size."
        string path = PathOf("p.txt");
        using (var stream = System.IO.File.Create(path))
        {
            stream.SetLength(3L << 30); // sparse
        }

        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", path), $"P '{path}' is 3221225472 bytes (3.0 GiB), more than the 1073741824 bytes (1 GiB) a text input may hold: it is read whole into memory.");
    }

    [Fact]
    public void Counts_whose_total_overflows_a_double_are_refused_by_name_not_reported_as_summing_to_zero()
    {
        // Before: "p sums to 0, not 1 (tolerance 1e-9); normalise it explicitly" — after --counts had normalised them by +inf.
        // Counts are observations for an estimator now (as a column of DATA is), and 1e308 is more than any count.
        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", "1e308,1e308", "--counts", "--json"),
            "--counts entry 1 is 1E+308, more than the largest count an estimator takes (10^18; counts are held as 64-bit integers, at most 2^63 - 1, and summed).");
        // Weights of any size stay a distribution for the commands without estimators.
        var run = CliRunner.Run("js", "1e308,1e308", "1,1", "--counts", "--json");
        Assert.Equal(0, run.Code);
        Assert.Equal(0.0, JsonDocument.Parse(run.Out).RootElement.GetProperty("value").GetDouble(), 1e-15);
    }
}
