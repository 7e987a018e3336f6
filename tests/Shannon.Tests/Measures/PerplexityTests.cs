using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class PerplexityTests
{
    [Fact]
    public void Fair_die_has_perplexity_six_and_a_certain_outcome_one()
    {
        Assert.Equal(6.0, Perplexity.Of(TestDistributions.Uniform(6)), 13);
        Assert.Equal(1.0, Perplexity.Of([1.0, 0.0]));
    }

    [Fact]
    public void Is_base_to_the_entropy_in_any_base() =>
        Assert.Equal(Math.Pow(2, Entropy.Of([0.7, 0.2, 0.1], LogBase.Bits)), Perplexity.Of([0.7, 0.2, 0.1]), 13);

    [Fact] // Lesson 000: logits [2, 1, 0.1], class 0: loss 0.4170 nats, perplexity e^loss = 1.52.
    public void Cross_perplexity_is_exp_of_cross_entropy()
    {
        double[] softmax = [0.6590011388859679, 0.2424329707047139, 0.09856589040931818];
        double pp = Perplexity.Of([1.0, 0.0, 0.0], softmax);
        Assert.Equal(1 / 0.6590011388859679, pp, 12);
        Assert.Equal(double.PositiveInfinity, Perplexity.Of([0.5, 0.5], [1.0, 0.0]));
    }

    [Fact]
    public void Bad_input_names_parameter() =>
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Perplexity.Of([0.5, 0.5], [0.5, 0.4])).ParamName);
}
