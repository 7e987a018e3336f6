using Shannon.Language.Logits;

namespace Shannon.Language.Tests.Logits;

public class LogitDumpTests
{
    [Fact]
    public void Reads_float32_and_float16_npy_with_one_more_id_than_rows()
    {
        int[] tokens = LogitReference.Integers("tokens");
        var dump = LogitDump.Read(LogitReference.Fixture("logits_model.npy"), tokens);
        Assert.Equal(tokens.Length - 1, dump.Count);
        var scored = dump.Score();
        var expected = LogitReference.Numbers("log_probabilities");
        for (int t = 0; t < dump.Count; t++)
        {
            LogitReference.Close(expected[t], scored.LogProbabilities[t]);
            Assert.Equal($"[{tokens[t + 1]}]", scored[t].Text);
        }

        Assert.StartsWith($"[{tokens[0]}]", scored.Text);
        var half = LogitDump.Read(LogitReference.Fixture("logits_model16.npy"), tokens).Score();
        var expectedHalf = LogitReference.Numbers("float16_log_probabilities");
        for (int t = 0; t < dump.Count; t++)
        {
            LogitReference.Close(expectedHalf[t], half.LogProbabilities[t]);
        }
    }

    [Fact]
    public void With_as_many_ids_as_rows_the_last_row_is_unused()
    {
        // Row t predicts id t + 1; row 2 (all NaN-free zeros) predicts beyond the text.
        double[] logits = [0, 10, 0, 0, 0, 10, 5, 5, 5];
        var dump = LogitDump.Of(logits, 3, [0, 1, 2]);
        Assert.Equal(2, dump.Count);
        var scored = dump.Score(id => "abc"[id].ToString(), topK: 2);
        Assert.Equal("abc", scored.Text);
        Assert.Equal(1, scored[0].Offset);
        Assert.Equal(1, scored[0].Rank);
        Assert.Equal("b", scored[0].Alternatives[0].Text);
        Assert.Equal(2, scored[0].Alternatives.Count);
        Assert.Equal(-Math.Log(1 + (2 * Math.Exp(-10))), scored[1].LogProbability, 14);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => LogitDump.Of(new double[6], 3, [0, 1, 2, 0])).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => LogitDump.Of(new double[3], 3, [0])).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentOutOfRangeException>(() => LogitDump.Of(new double[6], 3, [0, 5])).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitDump.Of(new double[5], 3, [0, 1])).ParamName);
        Assert.Throws<InvalidDataException>(() => LogitDump.Read(LogitReference.Fixture("logits_tokens.npy"), [0, 1]));
        Assert.Throws<FileNotFoundException>(() => LogitDump.Read(LogitReference.Fixture("missing.npy"), [0, 1]));
    }
}
