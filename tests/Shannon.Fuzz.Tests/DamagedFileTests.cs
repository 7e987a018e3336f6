using System.Text;
using Shannon.Cli;

namespace Shannon.Fuzz.Tests;

/// <summary>
/// Review 4, finding 9: a damaged .kn model, a log-probability that is not a finite number and a .npy dimension beyond
/// 32 bits, each through the CLI in the heap-limited host: exit 2 and one line naming the file (and the line and field).
/// </summary>
public sealed class DamagedFileTests() : ScratchDirectoryTests("shannon-damaged-")
{
    private static readonly byte[] Notes = "the word was\n\nin the god\n"u8.ToArray();

    [Fact]
    public void Bit_flips_across_header_body_and_trailer_truncation_and_an_appended_byte_of_a_model_are_exit_2_naming_it()
    {
        System.IO.File.WriteAllText(PathOf("corpus.txt"), "in the beginning was the word\nand the word was with god\nthe word was god\n");
        Assert.Equal(0, Run("ngram", "train", PathOf("corpus.txt"), "--order", "3", "-o", PathOf("good.kn")).Code);
        byte[] good = System.IO.File.ReadAllBytes(PathOf("good.kn"));
        System.IO.File.WriteAllBytes(PathOf("notes.txt"), Notes);
        Assert.Equal(0, Perplexity(good).Code);

        // Every bit of the first 32 bytes (magic, version, level, order, min-count, tokens, vocabulary size) and of the
        // last 16 (the last entry's count, the end marker, the CRC-32), and 200 bits spread evenly over the rest.
        var bits = Enumerable.Range(0, 256).Concat(Enumerable.Range((good.Length - 16) * 8, 128)).ToList();
        int body = (good.Length - 48) * 8;
        bits.AddRange(Enumerable.Range(0, 200).Select(i => 256 + (int)((long)i * body / 200)));
        Assert.True(good.Length > 48 && bits.Distinct().Count() == 584);
        foreach (int bit in bits)
        {
            byte[] bad = (byte[])good.Clone();
            bad[bit / 8] ^= (byte)(1 << (bit % 8));
            AssertRefused(Perplexity(bad), $"bit {bit}");
        }

        foreach (int length in new[] { 0, 7, 12, 40, good.Length / 2, good.Length - 12, good.Length - 4, good.Length - 1 })
        {
            AssertRefused(Perplexity(good[..length]), $"truncated to {length} bytes");
        }

        AssertRefused(Perplexity([.. good, 0x0A]), "a newline appended");

        static void AssertRefused((int Code, string Stdout, string Stderr) run, string what)
        {
            Assert.True(run.Code == 2, $"{what}: exit {run.Code}, stdout {run.Stdout}");
            Assert.Empty(run.Stdout);
            Assert.StartsWith("error: m.kn ", run.Stderr);
            Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        }
    }

    [Theory]
    [InlineData("-Infinity", "choices[0].logprobs.content[1].logprob is -Infinity, which is not a JSON number")]
    [InlineData("NaN", "choices[0].logprobs.content[1].logprob is NaN, which is not a JSON number")]
    [InlineData("Infinity", "choices[0].logprobs.content[1].logprob is Infinity, which is not a JSON number")]
    [InlineData("-1e400", "choices[0].logprobs.content[1].logprob is -1e400, beyond the range of a double")]
    [InlineData("1e400", "choices[0].logprobs.content[1].logprob is 1e400, beyond the range of a double")]
    [InlineData("0.25", "choices[0].logprobs.content[1].logprob is 0.25, but a log-probability must be finite and ≤ 0")]
    public void A_log_probability_that_is_not_finite_and_at_most_0_is_exit_2_naming_file_line_and_field(string value, string expected)
    {
        string good = """{"choices":[{"logprobs":{"content":[{"token":"a","logprob":-0.5},{"token":"b","logprob":-1.5}]}}]}""";
        System.IO.File.WriteAllText(PathOf("r.jsonl"), good + "\n" + good.Replace("-1.5", value, StringComparison.Ordinal) + "\n");
        foreach (string[] extra in new[] { Array.Empty<string>(), ["--json"] })
        {
            var (code, stdout, stderr) = Run(["perplexity", "--logprobs", PathOf("r.jsonl"), .. extra]);
            Assert.Equal(2, code);
            Assert.Empty(stdout);
            Assert.StartsWith($"error: r.jsonl line 2: {expected}", stderr);
            Assert.Contains("a log-probability must be finite and ≤ 0", stderr);
            Assert.DoesNotContain("LineNumber", stderr);
        }
    }

    [Theory]
    [InlineData("(2147483648,)", "declares a dimension of 2147483648 in its shape, more than the largest supported, 2147483647")]
    [InlineData("(4, 99999999999999999999)", "declares a dimension of 99999999999999999999 in its shape")]
    public void A_npy_dimension_beyond_32_bits_is_exit_2_naming_the_file_and_the_maximum(string shape, string expected)
    {
        System.IO.File.WriteAllBytes(PathOf("big.npy"), Inputs.NpyBytes("<f8", [1], [0.5], shapeText: shape));
        System.IO.File.WriteAllBytes(PathOf("labels.npy"), Inputs.Labels([0]));
        foreach (string[] args in new[] { ["loss", "--logits", PathOf("big.npy"), "--targets", PathOf("labels.npy")], new[] { "calibration", PathOf("big.npy"), PathOf("labels.npy") } })
        {
            var (code, stdout, stderr) = Run(args);
            Assert.Equal(2, code);
            Assert.Empty(stdout);
            Assert.StartsWith($"error: big.npy {expected}", stderr);
        }
    }

    private (int Code, string Stdout, string Stderr) Perplexity(byte[] model)
    {
        System.IO.File.WriteAllBytes(PathOf("m.kn"), model);
        return Run("perplexity", PathOf("notes.txt"), "--model", "ngram:" + PathOf("m.kn"));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, new CliContext(new StringReader(string.Empty), stdout, stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
