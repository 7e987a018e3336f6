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
    [InlineData("1.5", "log_1.5")]
    public void Parses_names_and_numbers(string text, string unit) => Assert.Equal(unit, LogBase.Parse(text).Unit);

    [Theory]
    [InlineData("furlongs")]
    [InlineData("")]
    public void Rejects_names_that_are_no_base(string text) =>
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => LogBase.Parse(text)).ParamName);

    /// <summary>A number is a base only above 1: a base in (0, 1) has a negative logarithm and would flip every sign.</summary>
    [Theory]
    [InlineData("1")]
    [InlineData("0.5")]
    [InlineData("0.999999")]
    [InlineData("1e-300")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    public void Rejects_numbers_that_are_no_base(string text) =>
        Assert.Equal("text", Assert.Throws<ArgumentOutOfRangeException>(() => LogBase.Parse(text)).ParamName);

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(double.Epsilon)]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Of_rejects_bases_not_above_one_with_parameter_name(double b) =>
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => LogBase.Of(b)).ParamName);

    /// <summary>Just above 1 is a valid (if unusual) base: its logarithm is positive, so results keep their sign.</summary>
    [Fact]
    public void A_base_just_above_one_keeps_the_sign()
    {
        var b = LogBase.Of(1.0 + 1e-9);
        Assert.True(b.LnBase > 0);
        Assert.True(b.FromNats(Math.Log(2)) > 0);
        Assert.Equal(Math.Log(2) / Math.Log(1.5), LogBase.Of(1.5).FromNats(Math.Log(2)), 15);
    }

    [Fact]
    public void Default_is_nats() => Assert.Equal("nats", default(LogBase).Unit);

    [Fact]
    public void Converts_nats_to_bits() => Assert.Equal(1.0, LogBase.Bits.FromNats(Math.Log(2)), 15);
}
