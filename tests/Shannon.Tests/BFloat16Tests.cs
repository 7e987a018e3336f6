using CsCheck;

namespace Shannon.Tests;

public class BFloat16Tests
{
    [Theory]
    [InlineData(1.0f, 0x3F80)]
    [InlineData(-2.0f, 0xC000)]
    [InlineData(float.PositiveInfinity, 0x7F80)]
    [InlineData(1.00390625f, 0x3F80)] // exactly halfway between 1 and 1 + 2⁻⁷: ties to even keeps 1
    [InlineData(1.01171875f, 0x3F82)] // halfway between 1 + 2⁻⁷ and 1 + 2⁻⁶: ties to even goes up
    public void Narrowing_rounds_to_nearest_even(float value, int bits) =>
        Assert.Equal((ushort)bits, ((BFloat16)value).RawValue);

    [Fact]
    public void Nan_stays_nan() => Assert.True(float.IsNaN((BFloat16)float.NaN));

    [Fact]
    public void Round_trip_error_of_normal_values_is_at_most_2_to_the_minus_8_relative() =>
        Gen.Float[-1e30f, 1e30f].Sample(x =>
            Math.Abs(x) < 1e-37f // subnormals have fewer fraction bits, so no relative bound
            || Math.Abs((float)(BFloat16)x - x) <= Math.Abs(x) * Math.Pow(2, -8));

    [Fact]
    public void Span_widening_matches_the_scalar_conversion()
    {
        var values = Enumerable.Range(0, 37).Select(i => (BFloat16)(float)((i * 1.37) - 20)).ToArray();
        var widened = new float[values.Length];
        BFloat16.Widen(values, widened);
        Assert.Equal(values.Select(v => (float)v).ToArray(), widened);
        Assert.Equal("-20", values[0].ToString());
    }
}
