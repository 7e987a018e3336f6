namespace Shannon.Cli.Tests;

/// <summary>Wrong or silent answers a hostile-user review reproduced, each now an exit 2 with one line naming the option and the value.</summary>
public class HostileReviewTests
{
    private static string Iris => Path.Combine(AppContext.BaseDirectory, "data", "iris.csv");

    [Theory]
    [InlineData(new[] { "perplexity", "--logits", "x.npy", "--temperatures", "1,,2" }, "--temperatures '1,,2' has an empty element at position 2")]
    [InlineData(new[] { "kl", "0.5,,0.5", "0.5,0.5" }, "has an empty element at position 2")]
    [InlineData(new[] { "mi", "IRIS", "--x", "sepal_length_cm,", "--y", "target" }, "--x 'sepal_length_cm,' has an empty element at position 2")]
    [InlineData(new[] { "info", "--joint", "0.25,0.25,0.25,0.25", "--shape", "2,,2", "--measure", "entropy" }, "--shape '2,,2' has an empty element at position 2")]
    [InlineData(new[] { "mi", "IRIS", "--x", "sepal_length_cm", "--y", "target", "--bins", "5" }, "--bins 5 applies to --estimator binned; the automatic estimator")]
    [InlineData(new[] { "mi", "IRIS", "--x", "sepal_length_cm", "--y", "target", "--estimator", "ksg1", "--bins", "5" }, "--bins 5 applies to --estimator binned; --estimator ksg1 does not bin")]
    [InlineData(new[] { "mi", "IRIS", "--x", "nope", "--y", "target" }, "--x 'nope' is not a column of")]
    [InlineData(new[] { "mi", "IRIS", "--x", "sepal_length_cm", "--y", "nope" }, "--y 'nope' is not a column of")]
    [InlineData(new[] { "tree", "IRIS", "--target", "nope" }, "--target: there is no column 'nope'")]
    [InlineData(new[] { "features", "IRIS", "--target", "nope" }, "--target: there is no column 'nope'")]
    public void Bad_input_exits_2_with_one_line_naming_the_option(string[] args, string expected)
    {
        var (code, output, error) = CliRunner.Run([.. args.Select(a => a == "IRIS" ? Iris : a)]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_column_lists_the_columns_there_are()
    {
        var (_, _, error) = CliRunner.Run("mi", Iris, "--x", "nope", "--y", "target");
        Assert.Contains("it has: sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm, target.", error);
        Assert.DoesNotContain("Columns", error);
    }

    [Fact]
    public void Bins_with_the_binned_estimator_is_applied()
    {
        var five = CliRunner.Run("mi", Iris, "--x", "sepal_length_cm", "--y", "target", "--estimator", "binned", "--bins", "5");
        var twenty = CliRunner.Run("mi", Iris, "--x", "sepal_length_cm", "--y", "target", "--estimator", "binned", "--bins", "20");
        Assert.Equal(0, five.Code);
        Assert.NotEqual(five.Out, twenty.Out);
    }
}
