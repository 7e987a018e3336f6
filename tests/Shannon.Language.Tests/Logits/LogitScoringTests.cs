using CsCheck;
using Shannon.Language.Logits;

namespace Shannon.Language.Tests.Logits;

public class LogitScoringTests
{
    [Fact]
    public void Uniform_logits_give_log_V_surprisal_and_entropy_and_rank_one()
    {
        const int v = 50;
        var logits = new double[3 * v];
        var lp = new double[3];
        var h = new double[3];
        var ranks = new int[3];
        LogitScoring.Score(logits, v, [0, 7, 49], lp, h, ranks);
        Assert.All(lp, x => Assert.Equal(-Math.Log(v), x, 14));
        Assert.All(h, x => Assert.Equal(Math.Log(v), x, 13));
        Assert.Equal([1, 1, 1], ranks);
    }

    [Fact]
    public void Lesson_surprisal_at_p_0_4_is_1_322_bits()
    {
        // Two classes with p = 0.4, 0.6: logits ln 0.4, ln 0.6.
        var lp = new double[1];
        LogitScoring.Score([Math.Log(0.4), Math.Log(0.6)], 2, [0], lp);
        Assert.Equal(1.321928, -lp[0] / Math.Log(2), 6);
    }

    [Fact]
    public void Agrees_with_numpy_on_float32_logits()
    {
        double[] model = LogitReference.Numbers("model");
        int[] tokens = LogitReference.Integers("tokens");
        int v = LogitReference.Vocabulary;
        float[] single = [.. model.Select(x => (float)x)];
        int n = tokens.Length - 1;
        var lp = new double[n];
        var h = new double[n];
        var ranks = new int[n];
        LogitScoring.Score(single, v, tokens.AsSpan(1), lp, h, ranks);
        var expectedLp = LogitReference.Numbers("log_probabilities");
        var expectedH = LogitReference.Numbers("entropies");
        for (int t = 0; t < n; t++)
        {
            LogitReference.Close(expectedLp[t], lp[t]);
            LogitReference.Close(expectedH[t], h[t]);
        }

        Assert.Equal(LogitReference.Integers("ranks"), ranks);
        var kl = new double[n];
        LogitScoring.KullbackLeibler([.. LogitReference.Numbers("reference").Select(x => (float)x)], single, v, kl);
        var expectedKl = LogitReference.Numbers("kl");
        for (int t = 0; t < n; t++)
        {
            LogitReference.Close(expectedKl[t], kl[t], 1e-11);
        }
    }

    [Fact]
    public void Kl_is_zero_against_itself_and_infinite_where_the_model_excludes_a_reference_token()
    {
        var kl = new double[2];
        LogitScoring.KullbackLeibler([1.0, 2.0, 3.0, 0.0, 0.0, 0.0], [1.0, 2.0, 3.0, 0.0, 0.0, double.NegativeInfinity], 3, kl);
        Assert.Equal(0.0, kl[0]);
        Assert.Equal(double.PositiveInfinity, kl[1]);
    }

    [Fact]
    public void Entropy_lies_in_0_log_V_and_kl_is_non_negative()
    {
        Gen.Double[-20, 20].Array[12].Select(Gen.Double[-20, 20].Array[12]).Sample((a, b) =>
        {
            var lp = new double[3];
            var h = new double[3];
            var kl = new double[3];
            LogitScoring.Score(a, 4, [0, 1, 3], lp, h);
            LogitScoring.KullbackLeibler(a, b, 4, kl);
            Assert.All(h, x => Assert.InRange(x, 0, Math.Log(4) + 1e-12));
            Assert.All(lp, x => Assert.True(x <= 0));
            Assert.All(kl, x => Assert.True(x >= 0));
        });
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        var lp = new double[2];
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitScoring.Score(new double[5], 3, [0, 1], lp)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentOutOfRangeException>(() => LogitScoring.Score(new double[6], 3, [0, 3], lp)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitScoring.Score([0, 0, double.NaN, 0, 0, 0], 3, [0, 1], lp)).ParamName);
        Assert.Equal("vocabulary", Assert.Throws<ArgumentOutOfRangeException>(() => LogitScoring.Score(new double[6], 0, [0, 1], lp)).ParamName);
        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => LogitScoring.Score(new double[6], 3, [0, 1], new double[1])).ParamName);
        var error = Assert.Throws<ArgumentException>(() => LogitScoring.KullbackLeibler(new double[6], [0, 0, 0, 0, double.PositiveInfinity, 0], 3, lp));
        Assert.Equal("model", error.ParamName);
        Assert.Contains("row 1", error.Message);
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => LogitScoring.KullbackLeibler(new double[6], new double[3], 3, lp)).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => LogitScoring.KullbackLeibler(new double[5], new double[5], 3, lp)).ParamName);
    }
}
