using System.Globalization;
using System.Text;
using System.Text.Json;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.HigherOrder;

namespace Shannon.Cli.Tests;

public sealed class InfoSamplesTests() : ScratchDirectoryTests("shannon-info-")
{
    [Theory]
    [InlineData("o-information", -1.0)]
    [InlineData("s-information", 3.0)]
    public void Xor_table_in_bits(string measure, double expected)
    {
        var (code, output, error) = CliRunner.Run("info", "--joint", "0.25,0,0,0.25,0,0.25,0.25,0", "--shape", "2,2,2", "--measure", measure, "--base", "2", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(expected, doc.RootElement.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal(measure, doc.RootElement.GetProperty("measure").GetString());
        Assert.Equal("bits", doc.RootElement.GetProperty("unit").GetString());
    }

    [Fact]
    public void Columns_give_the_library_estimate()
    {
        var random = new Random(5);
        int n = 500;
        double[][] columns = [new double[n], new double[n], new double[n]];
        for (int i = 0; i < n; i++)
        {
            columns[0][i] = random.NextDouble();
            columns[1][i] = random.NextDouble();
            columns[2][i] = columns[0][i] + columns[1][i] + (0.1 * random.NextDouble());
        }

        var text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < n; i++)
        {
            text.Append(string.Join(',', columns.Select(c => c[i].ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        }

        string path = PathOf("sum.csv");
        System.IO.File.WriteAllText(path, text.ToString());
        Variable[] variables = [.. columns.Select((c, j) => Variable.Continuous(((char)('a' + j)).ToString(), c))];
        var (code, output, error) = CliRunner.Run("info", path, "--columns", "a,b,c", "--measure", "o-information", "--estimator", "gaussian", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(OInformation.Estimate(new Gaussian(), variables).Value, doc.RootElement.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal(n, doc.RootElement.GetProperty("n").GetInt64());
        var (ksgCode, human, _) = CliRunner.Run("info", path, "--columns", "a,b,c", "--measure", "s-information");
        Assert.Equal(0, ksgCode);
        Assert.StartsWith("S-information(a,b,c) = ", human, StringComparison.Ordinal);
        Assert.EndsWith("nats (ksg1, n = 500)", human.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_sparse_discrete_joint_table_is_noted_in_text_and_json_as_mi_does()
    {
        string path = PathOf("sparse.csv");
        System.IO.File.WriteAllLines(path, ["a,b,c", .. Enumerable.Range(0, 30).Select(t => $"{t % 6},{t / 5 % 6},{t % 4}")]);
        var (code, output, error) = CliRunner.Run("info", path, "--columns", "a,b,c", "--measure", "o-information");
        Assert.Equal(0, code);
        Assert.StartsWith("O-information(a,b,c) = ", output, StringComparison.Ordinal);
        Assert.StartsWith("note: too sparse: n = 30 rows for 6 × 6 × 4 = 144 cells", error, StringComparison.Ordinal);
        (code, output, _) = CliRunner.Run("info", path, "--columns", "a,b,c", "--measure", "s-information", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.StartsWith("too sparse: n = 30 rows for 6 × 6 × 4 = 144 cells", doc.RootElement.GetProperty("ci_withheld").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("ci").ValueKind);
    }

    [Theory]
    [InlineData("info needs exactly one input", "--measure", "o-information")]
    [InlineData("--columns needs at least two column names", "DATA", "--columns", "a", "--measure", "o-information")]
    [InlineData("--measure tc takes a --joint table", "DATA", "--columns", "a,b", "--measure", "tc")]
    [InlineData("--joint needs --shape", "--joint", "0.5,0.5", "--measure", "o-information")]
    [InlineData("--estimator spacing does not estimate I(X;Y)", "DATA", "--columns", "a,b", "--measure", "o-information", "--estimator", "spacing")]
    [InlineData("--k 3: 'a' and 'b' have 3 rows with values in ", "DATA", "--columns", "a,b", "--measure", "o-information", "--estimator", "ksg1")]
    [InlineData("--k 5: 'a', 'b' and 'c' have 3 rows with values in", "DATA", "--columns", "a,b,c", "--measure", "s-information", "--estimator", "ksg2", "--k", "5")]
    public void Bad_input_exits_2_with_one_line(string expected, params string[] options)
    {
        string path = PathOf("small.csv");
        System.IO.File.WriteAllText(path, "a,b,c\n1,2,3\n2,1,1\n3,3,2\n");
        var (code, output, error) = CliRunner.Run(["info", .. options.Select(o => o == "DATA" ? path : o)]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
