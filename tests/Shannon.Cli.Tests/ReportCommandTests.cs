using System.Text.Json;

namespace Shannon.Cli.Tests;

public sealed class ReportCommandTests() : ScratchDirectoryTests("shannon-report-test-")
{
    [Fact]
    public void Demo_report_writes_html_and_a_summary()
    {
        var (code, output, error) = CliRunner.Run("report", "-o", Scratch, "--permutations", "20", "--replicates", "10");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Breast Cancer Wisconsin", output, StringComparison.Ordinal);
        Assert.Contains("569 rows, 31 columns, target target", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        string html = System.IO.File.ReadAllText(PathOf("report.html"));
        Assert.Contains("malignant", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_names_the_html_and_ranks_the_features()
    {
        var (code, output, _) = CliRunner.Run("report", Path.Combine(RepositoryRoot(), "data", "iris.csv"), "--target", "target", "-o", Scratch, "--json", "--permutations", "10", "--replicates", "0", "--base", "2");
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        Assert.Equal("bits", document.RootElement.GetProperty("unit").GetString());
        // The automatic rule's Grassberger H of 50 + 50 + 50 classes, 1e-4 bits below log₂ 3.
        Assert.Equal(new Shannon.Estimators.Discrete.Grassberger().Entropy([50L, 50L, 50L], LogBase.Bits).Value, document.RootElement.GetProperty("target_entropy").GetDouble(), 12);
        Assert.Equal(4, document.RootElement.GetProperty("features").GetArrayLength());
        Assert.True(System.IO.File.Exists(document.RootElement.GetProperty("html").GetString()));
    }

    // A feature beyond every permutation has the counted p-value 1/(B + 1), kept as a number in the JSON with
    // p_value_is_bound, and printed as a bound in the table ("< 0.001"), never an extrapolated tail such as 6.4e-144.
    [Fact]
    public void Default_p_values_are_counted_and_a_bound_is_shown_as_one()
    {
        string iris = Path.Combine(RepositoryRoot(), "data", "iris.csv");
        var (code, output, _) = CliRunner.Run("report", iris, "--target", "target", "-o", Scratch, "--json", "--replicates", "0");
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            Assert.Equal("permutation", feature.GetProperty("p_method").GetString());
            double p = feature.GetProperty("p_value").GetDouble();
            int permutations = feature.GetProperty("permutations").GetInt32();
            Assert.True(p >= 1.0 / (permutations + 1), $"p = {p} after {permutations} permutations");
            Assert.Equal(p == 1.0 / (permutations + 1), feature.GetProperty("p_value_is_bound").GetBoolean());
        }

        var petal = document.RootElement.GetProperty("features")[0];
        Assert.True(petal.GetProperty("p_value_is_bound").GetBoolean());
        Assert.Equal(1.0 / 1001, petal.GetProperty("p_value").GetDouble());

        var (tableCode, table, _) = CliRunner.Run("report", iris, "--target", "target", "-o", Scratch, "--replicates", "0");
        Assert.Equal(0, tableCode);
        Assert.Contains("< 0.001 ", table, StringComparison.Ordinal);
        Assert.Contains("≤ 0.001 ", table, StringComparison.Ordinal);
        Assert.DoesNotContain("E-", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_column_names_show_as_text()
    {
        string csv = PathOf("hostile.csv");
        System.IO.File.WriteAllText(csv, "\"<script>alert(1)</script>\",target\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => $"{i % 7},{(i % 2 == 0 ? "<b>yes</b>" : "no")}")) + "\n");
        var (code, output, _) = CliRunner.Run("report", csv, "-o", Scratch, "--permutations", "5", "--replicates", "0");
        Assert.Equal(0, code);
        Assert.Contains("<script>alert(1)</script>", output, StringComparison.Ordinal);
        string html = System.IO.File.ReadAllText(PathOf("report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>yes</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;yes&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_target_is_exit_2()
    {
        var (code, _, error) = CliRunner.Run("report", Path.Combine(RepositoryRoot(), "data", "iris.csv"), "--target", "species", "-o", Scratch);
        Assert.Equal(2, code);
        Assert.StartsWith("error: The target column 'species' is not in the data", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_exit_2()
    {
        var (code, _, error) = CliRunner.Run("report", "no-such-file.csv");
        Assert.Equal(2, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Shannon.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Shannon.slnx not found above the test binaries.");
    }
}
