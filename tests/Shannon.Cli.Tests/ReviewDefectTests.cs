using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>
/// Defects a hostile review found on main: each exited with a message about the wrong thing (a column named after a
/// ragged CSV's header line, an option the user never typed) or printed a silently wrong number.
/// </summary>
public sealed class ReviewDefectTests() : ScratchDirectoryTests("shannon-review-")
{
    [Fact]
    public void A_ragged_csv_names_its_line_on_every_reader_and_on_stdin()
    {
        // Before: "--x 'a' is not a column of rag2.csv; it has: a,b,c." (DuckDB's sniffer fell back to one column).
        const string Ragged = "a,b,c\n1,2,3\n4,5\n6,7,8\n";
        string path = File("rag2.csv", Ragged);
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", path, "--x", "a", "--y", "b"), $"'{path}' line 3 has 2 fields; the header has 3.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("features", path, "--target", "c"), $"'{path}' line 3 has 2 fields; the header has 3.");
        CliRunner.AssertOneErrorLine(CliRunner.RunWithStdin(Ragged, "features", "-", "--target", "c"), "'stdin' line 3 has 2 fields; the header has 3.");
        string tsv = File("rag.tsv", "a\tb\tc\n1,5\t2\t3\n4\t5\n6\t7\t8\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", tsv, "--x", "a", "--y", "b"), $"'{tsv}' line 3 has 2 fields; the header has 3.");
    }

    [Fact]
    public void A_duplicated_header_is_refused_not_renamed_x_1()
    {
        // Before: `mi dup.csv --x x_1 --y y` printed an estimate for a column the user never wrote.
        string path = File("dup.csv", "x,x,y\n1,2,3\n4,5,6\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", path, "--x", "x_1", "--y", "y"), $"'{path}' names column 'x' twice (columns 1 and 2); column names must be unique.");
    }

    /// <summary>Iris with one more column, <paramref name="value"/> of the row number, written as the text it returns.</summary>
    private string IrisWith(string name, string column, Func<int, string> value)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"));
        var text = new StringBuilder(lines[0]).Append(',').Append(column).Append('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            text.Append(lines[i]).Append(',').Append(value(i - 1)).Append('\n');
        }

        return File(name, text.ToString());
    }

    private static JsonElement Feature(JsonElement root, string name) =>
        root.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    [Theory]
    [InlineData("ts")]
    [InlineData("third")]
    public void A_row_index_written_as_non_integers_is_id_like_and_never_ranked_or_selected(string column)
    {
        // Before: ts = 1700000000.5 + 37.5 row ranked 1 [leakage_suspect] and was mRMR's first pick; written as integers it was id_like.
        Func<int, string> value = column == "ts"
            ? i => (1700000000.5 + 37.5 * i).ToString("R", CultureInfo.InvariantCulture)
            : i => (i / 3.0).ToString("F3", CultureInfo.InvariantCulture); // a clock printed with rounding: 0.333, 0.667, 1.000
        string path = IrisWith(column + ".csv", column, value);
        var ranked = CliRunner.Run("features", path, "--target", "target", "--json");
        Assert.Equal(0, ranked.Code);
        using var json = JsonDocument.Parse(ranked.Out);
        var feature = Feature(json.RootElement, column);
        Assert.Equal(JsonValueKind.Null, feature.GetProperty("rank").ValueKind);
        Assert.Contains("id_like", feature.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(1, Feature(json.RootElement, "petal_length_cm").GetProperty("rank").GetInt32());

        var text = CliRunner.Run("features", path, "--target", "target");
        Assert.Contains("(id-like: its values step by one constant amount from row to row (a row index or a regular clock))", text.Out, StringComparison.Ordinal);

        var selected = CliRunner.Run("features", path, "--target", "target", "--method", "mrmr", "--json");
        Assert.Equal(0, selected.Code);
        using var picks = JsonDocument.Parse(selected.Out);
        Assert.DoesNotContain(column, picks.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("petal_length_cm", picks.RootElement.GetProperty("features")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void A_merely_monotone_column_is_a_feature_not_an_index()
    {
        // A table sorted by a real measurement: distinct, increasing, uneven steps. It stays ranked.
        var random = new Random(3);
        var sorted = Enumerable.Range(0, 150).Select(_ => random.NextDouble() * 10).Order().ToArray();
        string path = IrisWith("sorted.csv", "m", i => sorted[i].ToString("F4", CultureInfo.InvariantCulture));
        var ranked = CliRunner.Run("features", path, "--target", "target", "--json");
        Assert.Equal(0, ranked.Code);
        using var json = JsonDocument.Parse(ranked.Out);
        var feature = Feature(json.RootElement, "m");
        Assert.Equal(JsonValueKind.Number, feature.GetProperty("rank").ValueKind);
        Assert.DoesNotContain("id_like", feature.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void Counts_past_two_to_the_31_report_their_rows_not_int_max()
    {
        // Before: counts 1e11 + 1e11 + 1 printed "rows":2147483647.
        string counts = File("big.csv", "feature,value,y,count\na,u,p,100000000000\na,v,q,100000000000\na,u,q,1\n");
        var run = CliRunner.Run("features", "--counts", counts, "--target", "y", "--json");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(200_000_000_001L, Feature(json.RootElement, "a").GetProperty("rows").GetInt64());
    }

    [Fact]
    public void Report_help_states_the_schedule_in_use_and_json_gives_the_rows_used()
    {
        // Before: "adaptive (25 to 1,000 per feature…)" while the schedule starts at 10; "rows": 150 with only a warning for the 100 used.
        var help = CliRunner.Run("report", "--help");
        Assert.Contains("adaptive (batches doubling from 10 permutations per feature, up to max(1,000, m/q - 1) for m tested features at q = 0.05 (at most 20,000), stopping once 3 permuted scores reach the observed one)", help.Out.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain("25 to 1,000", help.Out, StringComparison.Ordinal);

        string output = PathOf("report");
        var run = CliRunner.Run("report", Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"), "--target", "target", "-o", output, "--max-rows", "100",
            "--permutations", "0", "--replicates", "0", "--json");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(150, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(100, json.RootElement.GetProperty("rows_used").GetInt32());
        var all = CliRunner.Run("report", Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"), "--target", "target", "-o", output,
            "--permutations", "0", "--replicates", "0", "--json");
        using var whole = JsonDocument.Parse(all.Out);
        Assert.Equal(150, whole.RootElement.GetProperty("rows_used").GetInt32());
    }

    [Fact]
    public void Too_many_neighbours_names_k_and_the_columns()
    {
        // Before: "x has 12 samples; k = 20 neighbours need at least 21." (x is the library's parameter, not a column).
        var text = new StringBuilder("w,v\n");
        for (int i = 0; i < 12; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i * 0.37 % 1.3},{i * 0.71 % 1.1}\n");
        }

        string data = File("d.csv", text.ToString());
        CliRunner.AssertOneErrorLine(CliRunner.Run("mi", data, "--x", "w", "--y", "v", "--k", "20"),
            $"--k 20: 'w' and 'v' have 12 rows with values in {data}; k = 20 neighbours need at least 21 (ksg1).");
        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", "--samples", data, "--column", "w,v", "--k", "12"),
            $"--k 12: 'w,v' has 12 rows with values in {data}; k = 12 neighbours need at least 13 (kl).");
    }

    [Fact]
    public void A_probability_array_without_class_columns_names_the_file()
    {
        // Before: "classes must be at least 2; got 0 (use the binary overloads …)".
        string probs = PathOf("h9.npy");
        string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 0), }";
        header = header.PadRight(64 - 10 - 1) + "\n"; // magic (6) + version (2) + length (2) + header = 64 bytes
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, 0 };
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        System.IO.File.WriteAllBytes(probs, [.. bytes]);
        string labels = File("lab.txt", "0\n1\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("calibration", probs, labels),
            "PROBS h9.npy has shape (2, 0): no class columns; give (N, C) class probabilities with C ≥ 2, or (N,) positive-class probabilities.");
    }

    [Fact]
    public void A_distribution_that_does_not_sum_to_one_points_at_counts_not_the_library()
    {
        // Before: "p sums to 0.8999999999999999, not 1 (tolerance 1e-9); normalise it explicitly (Distributions.Normalize or FromCounts)."
        CliRunner.AssertOneErrorLine(CliRunner.Run("entropy", "0.3,0.3,0.3"),
            "P sums to 0.8999999999999999, not 1 (tolerance 1e-9); use --counts to treat the values as counts.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("kl", "0.5,0.5", "3,1"),
            "Q sums to 4, not 1 (tolerance 1e-9); use --counts to treat the values as counts.");
        Assert.Equal(0, CliRunner.Run("entropy", "3,3,3", "--counts").Code);

        // Review 5: info, pid, code and mi --joint, which take --counts too, still gave the library's hint.
        CliRunner.AssertOneErrorLine(CliRunner.Run("info", "--joint", "1,2,3,4", "--shape", "2,2", "--measure", "tc"),
            "--joint sums to 10, not 1 (tolerance 1e-9); use --counts to treat the values as counts.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("pid", "--joint", "1,2,3,4,5,6,7,8", "--shape", "2,2,2"),
            "--joint sums to 36, not 1 (tolerance 1e-9); use --counts to treat the values as counts.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("code", "1,2"),
            "P sums to 3, not 1 (tolerance 1e-9); use --counts to treat the values as counts.");
        CliRunner.AssertOneErrorLine(CliRunner.Run("code", "0.5,0.5", "--true", "0.9,0.2"),
            "Q sums to 1.1, not 1 (tolerance 1e-9); use --counts to treat the values as counts.");
        CliRunner.AssertOneErrorLine(CliRunner.RunWithStdin("1,2\n3,4\n", "mi", "--joint", "-"),
            "--joint sums to 10, not 1 (tolerance 1e-9); use --counts to treat the values as counts.");
        Assert.Equal(0, CliRunner.Run("pid", "--joint", "1,2,3,4,5,6,7,8", "--shape", "2,2,2", "--counts").Code);
    }

    [Fact]
    public void Output_failures_name_the_option()
    {
        // Before: "Could not find file '/proc/nonexist'." and "The output 'x.txt' must end in .png or .svg."
        if (Directory.Exists("/proc"))
        {
            CliRunner.AssertOneErrorLine(CliRunner.Run("report", Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"), "--target", "target", "-o", "/proc/shannon-nonexist/x"),
                "-o cannot write into '/proc/shannon-nonexist/x': the directory '/proc/shannon-nonexist' does not exist and cannot be created (the file system refused it).");
        }

        string figure = PathOf("x.txt");
        CliRunner.AssertOneErrorLine(CliRunner.Run("plot", "binary-entropy", "-o", figure), $"-o '{figure}' must end in .png or .svg (the image format comes from the extension).");
        Assert.False(System.IO.File.Exists(figure));
    }

    [Fact]
    public void A_count_beyond_64_bits_is_refused_by_name_not_by_duckdb()
    {
        // Before: "Cannot read 'c.csv': Conversion Error: Type DOUBLE with value 1e+30 can't be cast … sum(count)".
        string wide = File("wide.csv", "x,y,count\n1,2,1e30\n2,1,1e30\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("features", "--counts", wide, "--target", "y"),
            $"'{wide}' has a count of 1e+30, more than 2^63 - 1 = 9223372036854775807; counts are held as 64-bit integers, and a table's total must fit in one.");
        string tall = File("tall.csv", "feature,value,d,count\nc,0,0,1e300\nc,1,1,1\n");
        CliRunner.AssertOneErrorLine(CliRunner.Run("features", "--counts", tall, "--target", "d"),
            $"'{tall}' has a count of 1e+300, more than 2^63 - 1 = 9223372036854775807; counts are held as 64-bit integers, and a table's total must fit in one.");
    }

    [Fact]
    public void Logistic_to_stdout_and_decompress_of_a_missing_file_say_what_they_mean()
    {
        // Before: "wrote - and lab_out.txt" and "FILE file 'nonexist.shn' does not exist."
        string labels = PathOf("lab_out.txt");
        var run = CliRunner.RunBinary([], "logistic", Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"), "--target", "target", "--logits", "-", "--labels", labels, "--epochs", "5");
        Assert.Equal(0, run.Code);
        Assert.Contains($"wrote logits to stdout and labels to {labels}", run.Out + run.Err, StringComparison.Ordinal);
        Assert.True(run.Stdout.Length > 0);

        string missing = PathOf("nonexist.shn");
        CliRunner.AssertOneErrorLine(CliRunner.Run("decompress", missing), $"FILE '{missing}' does not exist.");
    }
}
