using CsCheck;
using Shannon.Bottleneck;

namespace Shannon.Tests.Bottleneck;

public class DataProcessingTests
{
    [Fact]
    public void Cascade_of_binary_symmetric_channels_is_a_binary_symmetric_channel()
    {
        // BSC(a) then BSC(b) is BSC(a(1 − b) + b(1 − a)); with a uniform input every I is 1 − H(ε) bits.
        double a = 0.1, b = 0.2, c = (a * (1 - b)) + (b * (1 - a));
        static double H(double p) => (-p * Math.Log2(p)) - ((1 - p) * Math.Log2(1 - p));
        var report = DataProcessing.Check([0.5, 0.5], [1 - a, a, a, 1 - a], 2, [1 - b, b, b, 1 - b], 2, LogBase.Bits);
        Assert.Equal(1 - H(a), report.InformationXY, 13);
        Assert.Equal(1 - H(b), report.InformationYZ, 13);
        Assert.Equal(1 - H(c), report.InformationXZ, 13);
        Assert.True(report.Holds);
        Assert.Equal(LogBase.Bits, report.Unit);
    }

    [Fact]
    public void Invertible_second_channel_keeps_all_information()
    {
        var report = DataProcessing.Check([0.2, 0.8], [0.9, 0.1, 0.3, 0.7], 2, [0, 1, 1, 0], 2);
        Assert.Equal(report.InformationXY, report.InformationXZ, 14);
    }

    [Fact]
    public void Holds_for_random_chains() =>
        Gen.Int[1, 4].SelectMany(n => Gen.Int[1, 4].SelectMany(m => Gen.Int[1, 4].SelectMany(k =>
            Gen.Double[0.01, 1.0].Array[n + (n * m) + (m * k)].Select(w => (n, m, k, w)))))
            .Sample(c =>
            {
                var source = BlahutArimotoTests.RowNormalise(c.w[..c.n], 1, c.n);
                var first = BlahutArimotoTests.RowNormalise(c.w[c.n..(c.n + (c.n * c.m))], c.n, c.m);
                var second = BlahutArimotoTests.RowNormalise(c.w[(c.n + (c.n * c.m))..], c.m, c.k);
                var report = DataProcessing.Check(source, first, c.m, second, c.k);
                return report.Holds && report.InformationXZ <= report.InformationXY + 1e-12 && report.InformationXZ <= report.InformationYZ + 1e-12;
            });

    [Fact]
    public void Bad_input_names_parameter()
    {
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => DataProcessing.Check([0.5, 0.6], [1, 0, 0, 1], 2, [1, 0, 0, 1], 2)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentException>(() => DataProcessing.Check([0.5, 0.5], [1, 0, 0, 0.5], 2, [1, 0, 0, 1], 2)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => DataProcessing.Check([0.5, 0.5], [1, 0, 0, 1], 2, [1, 0, 0], 2)).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => DataProcessing.Check([0.5, 0.5], [1, 0, 0, 1], 2, [1, 0, 0, 1], 0)).ParamName);
    }
}
