using CsCheck;
using Shannon.Language.Logits;

namespace Shannon.Language.Tests.Logits;

public class TemperatureSweepTests
{
    [Fact]
    public void Agrees_with_numpy_at_each_temperature()
    {
        int[] tokens = LogitReference.Integers("tokens");
        float[] model = [.. LogitReference.Numbers("model").Select(x => (float)x)];
        var sweep = new TemperatureSweep([0.5, 1.0, 2.0]);
        sweep.Add(model, LogitReference.Vocabulary, tokens.AsSpan(1));
        var points = sweep.Points();
        var expected = LogitReference.Element("temperature_sweep").EnumerateArray().ToArray();
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(expected[k].GetProperty("temperature").GetDouble(), points[k].Temperature);
            LogitReference.Close(expected[k].GetProperty("perplexity").GetDouble(), points[k].Perplexity);
            LogitReference.Close(expected[k].GetProperty("mean_entropy").GetDouble(), points[k].MeanEntropy);
        }

        Assert.Equal(tokens.Length - 1, sweep.Tokens);
    }

    [Fact]
    public void Entropy_rises_with_temperature_towards_log_V()
    {
        Gen.Double[-10, 10].Array[8].Sample(logits =>
        {
            var sweep = new TemperatureSweep([0.25, 1.0, 4.0, 1e9]);
            sweep.Add(logits, 4, [0, 3]);
            var points = sweep.Points();
            for (int k = 1; k < points.Count; k++)
            {
                Assert.True(points[k].MeanEntropy >= points[k - 1].MeanEntropy - 1e-12);
            }

            Assert.Equal(Math.Log(4), points[^1].MeanEntropy, 6);
            Assert.Equal(4, points[^1].Perplexity, 6);
        });
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("temperatures", Assert.Throws<ArgumentException>(() => new TemperatureSweep([])).ParamName);
        Assert.Equal("temperatures", Assert.Throws<ArgumentOutOfRangeException>(() => new TemperatureSweep([1.0, -2.0])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new TemperatureSweep([1.0]).Points());
    }
}
