using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class SequencePerplexityTests
{
    [Fact]
    public void Lesson_one_step_logits_2_1_0_1_target_0_has_perplexity_1_517()
    {
        Assert.Equal(1.51744806039407737, SequencePerplexity.FromPairs([(0, new double[] { 2.0, 1.0, 0.1 })]), 14);
        Assert.Equal(1.51744806039407737, SequencePerplexity.FromLogits([2.0, 1.0, 0.1], 3, [0]), 14);
    }

    [Fact]
    public void Lesson_numbers_from_a_mean_loss()
    {
        // A plateau at 3.2 nats: perplexity e^3.2 ≈ 24.5, the correct token gets e^−3.2 ≈ 4 %.
        Assert.Equal(Math.Exp(3.2), SequencePerplexity.FromMeanLoss(3.2), 12);
        Assert.Equal(2.0, SequencePerplexity.FromMeanLoss(1.0, LogBase.Bits), 15);
        // P(correct) = 0.001 on 5 % of tokens and 0.5 otherwise.
        double loss = (0.05 * -Math.Log(0.001)) + (0.95 * -Math.Log(0.5));
        Assert.Equal(2.7288, SequencePerplexity.FromMeanLoss(loss), 4);
    }

    [Fact]
    public void Uniform_logits_over_v_tokens_have_perplexity_v()
    {
        Assert.Equal(50.0, SequencePerplexity.FromLogits(new double[4 * 50], 50, [0, 7, 49, 3]), 12);
        // float logits: the vectorised float eˣ is within 1 ulp (1.2e-7 relative), and so is the perplexity.
        Assert.Equal(50.0, SequencePerplexity.FromLogits(new float[4 * 50], 50, [0, 7, 49, 3]), 4);
    }

    [Fact]
    public void Pairs_equal_the_row_major_table_and_skip_ignored_positions() =>
        Gen.Double[-8, 8].Array[20].Select(Gen.Int[0, 4].Array[4]).Sample((z, y) =>
        {
            var steps = Enumerable.Range(0, 4).Select(t => (y[t], new ReadOnlyMemory<double>(z, t * 5, 5)));
            double table = SequencePerplexity.FromLogits(z, 5, y);
            int[] padded = [.. y, -100];
            double withPadding = SequencePerplexity.FromLogits([.. z, 0, 0, 0, 0, 0], 5, padded);
            return Math.Abs(SequencePerplexity.FromPairs(steps) - table) <= 1e-12 * table && Math.Abs(withPadding - table) <= 1e-12 * table;
        });

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        Assert.Equal("meanLoss", Assert.Throws<ArgumentOutOfRangeException>(() => SequencePerplexity.FromMeanLoss(-0.1)).ParamName);
        Assert.Equal("meanLoss", Assert.Throws<ArgumentOutOfRangeException>(() => SequencePerplexity.FromMeanLoss(double.NaN)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => SequencePerplexity.FromPairs([])).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => SequencePerplexity.FromPairs([(0, new double[] { 1.0 }), (3, new double[] { 1.0, 2.0 })]));
        Assert.Equal("steps", ex.ParamName);
        Assert.Contains("target 3 at position 1", ex.Message);
        Assert.Throws<ArgumentNullException>(() => SequencePerplexity.FromPairs(null!));
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => SequencePerplexity.FromLogits([1.0, 2.0], 2, [2])).ParamName);
    }
}
