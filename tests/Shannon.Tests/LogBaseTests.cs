namespace Shannon.Tests;

public class LogBaseTests
{
    [Theory]
    [InlineData("2", "bits")]
    [InlineData("bits", "bits")]
    [InlineData("e", "nats")]
    [InlineData("NATS", "nats")]
    [InlineData("10", "hartleys")]
    [InlineData("hartleys", "hartleys")]
    [InlineData("3", "log_3")]
    [InlineData("0.5", "log_0.5")]
    public void Parses_names_and_numbers(string text, string unit) => Assert.Equal(unit, LogBase.Parse(text).Unit);

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("nan")]
    [InlineData("furlongs")]
    public void Rejects_invalid_bases(string text) => Assert.Throws<ArgumentException>(() => LogBase.Parse(text));

    [Fact]
    public void Default_is_nats() => Assert.Equal("nats", default(LogBase).Unit);

    [Fact]
    public void Converts_nats_to_bits() => Assert.Equal(1.0, LogBase.Bits.FromNats(Math.Log(2)), 15);

    [Fact]
    public void Of_rejects_base_one_with_parameter_name() =>
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => LogBase.Of(1.0)).ParamName);
}
