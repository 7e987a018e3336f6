using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

public class SurprisalTests
{
    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(0.25, 2.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.125, 3.0)]
    public void Closed_forms_in_bits(double p, double expected) => Assert.Equal(expected, Surprisal.Of(p, LogBase.Bits), 15);

    [Theory] // Lesson 000 table and lesson 003: 'the' 1.322, 'eigenvector' 13.288, die 2.58, 1-in-1000 9.97 bits.
    [InlineData(0.40, 1.3219280948873622)]
    [InlineData(0.0001, 13.287712379549449)]
    [InlineData(1.0 / 6, 2.584962500721156)]
    [InlineData(0.001, 9.965784284662087)]
    [InlineData(1e-6, 19.931568569324174)]
    public void Lesson_examples_in_bits(double p, double expected) => Assert.Equal(expected, Surprisal.Of(p, LogBase.Bits), 12);

    [Fact]
    public void Certain_event_is_positive_zero_and_impossible_event_is_infinite()
    {
        Assert.True(double.IsPositive(Surprisal.Of(1.0)) && Surprisal.Of(1.0) == 0.0);
        Assert.Equal(double.PositiveInfinity, Surprisal.Of(0.0));
    }

    [Fact]
    public void Independent_events_add() =>
        Gen.Select(Gen.Double[1e-9, 1.0], Gen.Double[1e-9, 1.0]).Sample((a, b) =>
            Math.Abs(Surprisal.Of(a * b) - (Surprisal.Of(a) + Surprisal.Of(b))) <= 1e-12 * (1 + Surprisal.Of(a * b)));

    [Fact]
    public void Span_form_matches_the_scalar_form_in_place() =>
        Gen.Double[0.0, 1.0].Array[1, 3000].Sample(p =>
        {
            var expected = p.Select(x => Surprisal.Of(x, LogBase.Hartleys)).ToArray();
            Surprisal.Of(p, p, LogBase.Hartleys);
            return expected.Zip(p).All(t => t.First == t.Second || Math.Abs(t.First - t.Second) <= 1e-15 * Math.Abs(t.First));
        });

    [Theory]
    [InlineData(-0.1, "must be a probability")]
    [InlineData(1.5, "greater than 1")]
    [InlineData(double.NaN, "must be a probability")]
    public void Bad_probability_names_parameter(double p, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => Surprisal.Of(p));
        Assert.Equal("p", ex.ParamName);
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData(new[] { 0.5, 1.2 }, "p", "probability 1.2 greater than 1 at index 1")]
    [InlineData(new[] { 0.5, double.NaN }, "p", "NaN entry at index 1")]
    [InlineData(new double[0], "p", "is empty")]
    public void Bad_span_names_parameter_index_and_value(double[] p, string param, string expected)
    {
        var destination = new double[2];
        var ex = Assert.Throws<ArgumentException>(() => Surprisal.Of(p, destination));
        Assert.Equal(param, ex.ParamName);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Short_destination_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Surprisal.Of([0.5, 0.5], new double[1]));
        Assert.Equal("destination", ex.ParamName);
    }
}
