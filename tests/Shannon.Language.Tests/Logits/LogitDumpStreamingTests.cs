using CsCheck;
using Shannon.Data.Npy;
using Shannon.Language.Logits;

namespace Shannon.Language.Tests.Logits;

/// <summary>A dump read and scored block by block gives exactly what the whole table gives.</summary>
public sealed class LogitDumpStreamingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shannon-logit-stream-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reading_in_any_window_equals_the_reference_scores()
    {
        int[] tokens = LogitReference.Integers("tokens");
        var expected = LogitReference.Numbers("log_probabilities");
        foreach (int window in new[] { 1, 8 * 5, 1 << 20 })
        {
            using var reader = LogitDumpReader.Open(LogitReference.Fixture("logits_model.npy"), tokens, window);
            var scorer = new LogitDumpScorer(reader.Vocabulary, reader.Tokens);
            var block = new double[reader.WindowRows * reader.Vocabulary];
            int rows;
            while ((rows = reader.ReadRows(block)) > 0)
            {
                Assert.True(rows <= reader.WindowRows);
                scorer.Add(block.AsSpan(0, rows * reader.Vocabulary));
            }

            var scored = scorer.Build();
            for (int t = 0; t < reader.Count; t++)
            {
                LogitReference.Close(expected[t], scored.LogProbabilities[t]);
            }
        }
    }

    [Fact]
    public void Blocks_give_the_same_scores_comparison_and_sweep_as_the_whole_table()
    {
        var gen = Gen.Select(Gen.Int[1, 9], Gen.Int[1, 7], Gen.Int[1, 9], Gen.Int[0, int.MaxValue]);
        gen.Sample((rows, vocabulary, blockRows, seed) =>
        {
            var random = new Random(seed);
            double[] model = [.. Enumerable.Range(0, rows * vocabulary).Select(_ => (random.NextDouble() * 12) - 6)];
            double[] reference = [.. Enumerable.Range(0, rows * vocabulary).Select(_ => (random.NextDouble() * 12) - 6)];
            int[] tokens = [.. Enumerable.Range(0, rows + 1).Select(_ => random.Next(vocabulary))];
            var whole = LogitDump.Of(model, vocabulary, tokens).Score(topK: 2);
            var wholeComparison = ReferenceComparison.Of(reference, model, vocabulary, tokens.AsSpan(1));
            var scorer = new LogitDumpScorer(vocabulary, tokens, topK: 2);
            var comparison = new ReferenceComparisonBuilder(vocabulary, tokens.AsSpan(1));
            for (int start = 0; start < rows; start += blockRows)
            {
                int n = Math.Min(blockRows, rows - start);
                scorer.Add(model.AsSpan(start * vocabulary, n * vocabulary));
                comparison.Add(reference.AsSpan(start * vocabulary, n * vocabulary), model.AsSpan(start * vocabulary, n * vocabulary));
            }

            var blocks = scorer.Build();
            var blockComparison = comparison.Build();
            Assert.Equal(whole.Text, blocks.Text);
            for (int t = 0; t < rows; t++)
            {
                Assert.Equal(whole.LogProbabilities[t], blocks.LogProbabilities[t]);
                Assert.Equal(whole[t].Rank, blocks[t].Rank);
                Assert.Equal(whole[t].Entropy, blocks[t].Entropy);
                Assert.Equal(whole[t].Alternatives.Select(a => a.Text), blocks[t].Alternatives.Select(a => a.Text));
                Assert.Equal(wholeComparison.KullbackLeiblerPerToken[t], blockComparison.KullbackLeiblerPerToken[t]);
            }

            Assert.Equal(wholeComparison.MeanKullbackLeibler, blockComparison.MeanKullbackLeibler);
            Assert.Equal(wholeComparison.TopOneAgreement, blockComparison.TopOneAgreement);
            Assert.Equal(wholeComparison.LogPerplexityRatio, blockComparison.LogPerplexityRatio);
        }, iter: 200);
    }

    [Fact]
    public void A_bad_logit_is_named_by_its_row_in_the_whole_dump()
    {
        double[] logits = new double[4 * 3];
        logits[(2 * 3) + 1] = double.NaN;
        var scorer = new LogitDumpScorer(3, [0, 1, 2, 0, 1]);
        scorer.Add(logits.AsSpan(0, 6));
        var ex = Assert.Throws<ArgumentException>(() => scorer.Add(logits.AsSpan(6, 6)));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains("(row 2, class 1)", ex.Message, StringComparison.Ordinal);

        var builder = new ReferenceComparisonBuilder(3, [1, 2]);
        double[] reference = [0, 0, 0, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity];
        var bad = Assert.Throws<ArgumentException>(() => builder.Add(reference, new double[6]));
        Assert.Equal("reference", bad.ParamName);
        Assert.Contains("row 1 has no finite entry", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        string path = Path.Combine(_directory, "z.npy");
        NpyFile.Write(path, new float[6], [2, 3]);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => LogitDumpReader.Open(path, [0, 1, 2, 0])).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentOutOfRangeException>(() => LogitDumpReader.Open(path, [0, 3])).ParamName);
        Assert.Equal("windowBytes", Assert.Throws<ArgumentOutOfRangeException>(() => LogitDumpReader.Open(path, [0, 1], 0)).ParamName);
        using (var reader = LogitDumpReader.Open(path, [0, 1, 2]))
        {
            Assert.Equal("destination", Assert.Throws<ArgumentException>(() => reader.ReadRows(new double[2])).ParamName);
            Assert.Equal(2, reader.ReadRows(new double[7]));
            Assert.Equal(0, reader.ReadRows(new double[3]));
        }

        string vector = Path.Combine(_directory, "v.npy");
        NpyFile.Write(vector, new float[3], [3]);
        Assert.Throws<InvalidDataException>(() => LogitDumpReader.Open(vector, [0, 0]));
        byte[] truncated = File.ReadAllBytes(path)[..^4];
        File.WriteAllBytes(path, truncated);
        Assert.Throws<InvalidDataException>(() => LogitDumpReader.Open(path, [0, 1]));
        Assert.Equal("topK", Assert.Throws<ArgumentOutOfRangeException>(() => new LogitDumpScorer(3, [0, 1], topK: -1)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => new LogitDumpScorer(3, [0, 1], temperature: 0)).ParamName);
        var scorer = new LogitDumpScorer(3, [0, 1]);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => scorer.Add(new double[6])).ParamName);
        Assert.Throws<InvalidOperationException>(scorer.Build);
        Assert.Throws<InvalidOperationException>(new ReferenceComparisonBuilder(3, [1]).Build);
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => new ReferenceComparisonBuilder(3, [1]).Add(new double[3], new double[6])).ParamName);
    }
}
