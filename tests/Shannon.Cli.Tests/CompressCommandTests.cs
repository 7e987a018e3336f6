using System.Text;
using System.Text.Json;
using Shannon.Language.NGrams;

namespace Shannon.Cli.Tests;

public sealed class CompressCommandTests() : ScratchDirectoryTests("shannon-compress-")
{
    private static byte[] Sample => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "kjv.txt"))[..300_000];

    [Fact]
    public void Compress_then_decompress_restores_the_file_and_reports_json()
    {
        string input = Write("genesis.txt", Sample);
        var (code, output, error) = CliRunner.Run("compress", input, "-o", PathOf("genesis.shn"), "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Sample.Length, root.GetProperty("bytes_in").GetInt64());
        long bytesOut = root.GetProperty("bytes_out").GetInt64();
        Assert.Equal(new FileInfo(PathOf("genesis.shn")).Length, bytesOut);
        double bits = root.GetProperty("bits_per_byte").GetDouble();
        double model = root.GetProperty("model_bits_per_byte").GetDouble();
        double overhead = root.GetProperty("overhead_bits_per_byte").GetDouble();
        Assert.Equal(8.0 * bytesOut / Sample.Length, bits, 12);
        Assert.Equal(bits - model, overhead, 12);
        Assert.InRange(overhead, 0.0, 0.003);
        Assert.InRange(bits, 1.0, 2.2);
        Assert.Equal("adaptive order 4", root.GetProperty("model").GetString());

        var (code2, output2, _) = CliRunner.Run("decompress", PathOf("genesis.shn"), "-o", PathOf("restored.txt"), "--json");
        Assert.Equal(0, code2);
        Assert.Equal(Sample, System.IO.File.ReadAllBytes(PathOf("restored.txt")));
        var back = JsonDocument.Parse(output2).RootElement;
        Assert.Equal(bytesOut, back.GetProperty("bytes_in").GetInt64());
        Assert.Equal(Sample.Length, back.GetProperty("bytes_out").GetInt64());
    }

    [Fact]
    public void Default_names_add_and_strip_shn_and_the_summary_is_one_line()
    {
        string input = Write("notes.txt", Encoding.UTF8.GetBytes("to be or not to be, that is the question\n"));
        var (code, output, error) = CliRunner.Run("compress", input, "--order", "2");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("notes.txt: 41 -> ", output);
        Assert.EndsWith("with adaptive order 2", output.Trim());
        System.IO.File.Move(input, input + ".orig");
        Assert.Equal(0, CliRunner.Run("decompress", input + ".shn").Code);
        Assert.Equal(System.IO.File.ReadAllBytes(input + ".orig"), System.IO.File.ReadAllBytes(input));
    }

    [Fact]
    public void A_name_the_command_derives_never_replaces_an_existing_file()
    {
        // Review 4: `decompress kk.shn` replaced an unrelated file kk with exit 0 (gzip refuses without -f).
        string input = Write("kk", Encoding.UTF8.GetBytes("the data to compress\n"));
        string packed = PathOf("other.shn");
        Assert.Equal(0, CliRunner.Run("compress", input, "-o", packed).Code);
        string precious = Write("other", Encoding.UTF8.GetBytes("precious\n"));
        CliRunner.AssertOneErrorLine(
            CliRunner.Run("decompress", packed), $"'{precious}' already exists and was not named as the output; give -o '{precious}' to replace it, or another -o.");
        Assert.Equal("precious\n", System.IO.File.ReadAllText(precious));

        string existing = Write("kk.shn", Encoding.UTF8.GetBytes("not a container\n"));
        Assert.Equal(2, CliRunner.Run("compress", input).Code);
        Assert.Equal("not a container\n", System.IO.File.ReadAllText(existing));

        // Named with -o, the output replaces the file, as every other command's -o does.
        Assert.Equal(0, CliRunner.Run("decompress", packed, "-o", precious).Code);
        Assert.Equal("the data to compress\n", System.IO.File.ReadAllText(precious));
    }

    [Fact]
    public void Stdin_and_stdout_carry_binary_data()
    {
        var data = new byte[70_000];
        new Random(1).NextBytes(data);
        Array.Fill(data, (byte)'x', 0, 30_000);
        var (code, packed, text, summary) = CliRunner.RunBinary(data, "compress", "-", "-o", "-");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, text);
        Assert.StartsWith("stdin: 70000 -> ", summary);
        Assert.True(packed.Length < data.Length);
        var (code2, restored, _, _) = CliRunner.RunBinary(packed, "decompress", "-", "-o", "-");
        Assert.Equal(0, code2);
        Assert.Equal(data, restored);
    }

    [Fact]
    public void Compare_reports_gzip_deflate_and_brotli_on_the_same_input()
    {
        string input = Write("sample.txt", Sample);
        var (code, output, _) = CliRunner.Run("compress", input, "-o", PathOf("s.shn"), "--json", "--compare");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        long ours = root.GetProperty("bytes_out").GetInt64();
        long gzip = root.GetProperty("gzip_bytes").GetInt64();
        long deflate = root.GetProperty("deflate_bytes").GetInt64();
        long brotli = root.GetProperty("brotli_bytes").GetInt64();
        Assert.Equal(18, gzip - deflate);   // gzip = deflate + a 10-byte header and an 8-byte trailer
        Assert.True(ours < brotli && brotli < deflate, $"ours {ours}, brotli {brotli}, deflate {deflate}");
    }

    [Fact]
    public void Ngram_model_is_recorded_and_found_again_or_demanded()
    {
        string modelPath = PathOf("tiny5c.kn");
        KneserNeyFile.Save(KneserNeyModel.Train(Encoding.UTF8.GetString(Sample), order: 5, NGramLevel.Character), modelPath);
        string input = Write("verse.txt", Encoding.UTF8.GetBytes("And God said, Let there be light: and there was light.\n"));
        string packed = PathOf("verse.shn");
        var (code, output, _) = CliRunner.Run("compress", input, "-o", packed, "--model", "ngram:" + modelPath, "--json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("ngram:tiny5c.kn", root.GetProperty("model").GetString());
        Assert.True(root.GetProperty("model_bits_per_byte").GetDouble() < 2.5);

        // The model sits next to the container under its recorded name: found and checked by its CRC-32.
        Assert.Equal(0, CliRunner.Run("decompress", packed, "-o", PathOf("a.txt")).Code);
        Assert.Equal(System.IO.File.ReadAllBytes(input), System.IO.File.ReadAllBytes(PathOf("a.txt")));

        // Moved away: decompress names the model it needs, and takes it from --model.
        string moved = PathOf("elsewhere.kn");
        System.IO.File.Move(modelPath, moved);
        var (code2, _, error2) = CliRunner.Run("decompress", packed, "-o", PathOf("b.txt"));
        Assert.Equal(2, code2);
        Assert.Contains("'ngram:tiny5c.kn'", error2);
        Assert.Single(error2.Trim().Split('\n'));
        Assert.False(System.IO.File.Exists(PathOf("b.txt")));
        Assert.Equal(0, CliRunner.Run("decompress", packed, "-o", PathOf("b.txt"), "--model", "ngram:" + moved).Code);
        Assert.Equal(System.IO.File.ReadAllBytes(input), System.IO.File.ReadAllBytes(PathOf("b.txt")));
    }

    [Fact]
    public void Damaged_or_truncated_input_exits_2_with_one_line_and_writes_nothing()
    {
        string input = Write("data.txt", Sample[..20_000]);
        string packed = PathOf("data.shn");
        Assert.Equal(0, CliRunner.Run("compress", input, "-o", packed).Code);
        byte[] bytes = System.IO.File.ReadAllBytes(packed);
        string restored = PathOf("restored.txt");
        foreach (var damaged in new[] { bytes[..^5], bytes[..40], Flip(bytes, bytes.Length / 2), Flip(bytes, 3), Encoding.ASCII.GetBytes("hello") })
        {
            System.IO.File.WriteAllBytes(packed, damaged);
            var (code, output, error) = CliRunner.Run("decompress", packed, "-o", restored);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("error: ", error);
            Assert.Single(error.Trim().Split('\n'));
            Assert.False(System.IO.File.Exists(restored));
        }
    }

    [Theory]
    [InlineData(new[] { "compress", "MISSING" }, "error: FILE '")]
    [InlineData(new[] { "compress", "DIR", "-o", "OUT" }, "' is a directory, not a file.")]
    [InlineData(new[] { "compress", "-" }, "error: compressing stdin needs -o")]
    [InlineData(new[] { "compress", "IN", "--order", "9" }, "error: --order must be in 0–8; got 9.")]
    [InlineData(new[] { "compress", "IN", "--order", "2", "--model", "ngram:x.kn" }, "error: --order sets the adaptive model")]
    [InlineData(new[] { "compress", "IN", "--model", "lstm:x" }, "error: --model 'lstm:x' is not ngram:FILE.kn.")]
    [InlineData(new[] { "compress", "IN", "--model", "ngram:MISSING.kn" }, "error: --model file")]
    [InlineData(new[] { "compress", "IN", "-o", "IN" }, "error: -o cannot write")]
    [InlineData(new[] { "decompress", "IN" }, "does not end in .shn")]
    [InlineData(new[] { "compress", "IN", "-o", "-", "--json" }, "error: --json prints on stdout")]
    [InlineData(new[] { "decompress", "IN", "-o", "-", "--json" }, "error: --json prints on stdout")]
    [InlineData(new[] { "decompress", "IN", "-o", "OUT" }, "error: Not a Shannon compressed file")]
    public void Bad_input_exits_2_with_one_line(string[] args, string expected)
    {
        string input = Write("in.txt", Encoding.ASCII.GetBytes("some text\n"));
        string[] resolved = args.Select(a => a switch
        {
            "IN" => input,
            "OUT" => PathOf("out.bin"),
            "MISSING" => PathOf("missing.txt"),
            "DIR" => Scratch,
            "ngram:MISSING.kn" => "ngram:" + PathOf("missing.kn"),
            _ => a,
        }).ToArray();
        var (code, output, error) = CliRunner.Run(resolved);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    private string Write(string name, byte[] bytes)
    {
        string path = PathOf(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[at] ^= 0x10;
        return copy;
    }
}
