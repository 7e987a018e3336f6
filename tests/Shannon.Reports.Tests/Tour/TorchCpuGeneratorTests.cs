using Shannon.Reports.Tour;

namespace Shannon.Reports.Tests.Tour;

public class TorchCpuGeneratorTests
{
    [Fact]
    public void Uniforms_match_torch_rand_bit_for_bit()
    {
        var generator = new TorchCpuGenerator(42);
        Assert.Equal(GeneratorCheck.Doubles("torch", "seed42.rand16"), Enumerable.Range(0, 16).Select(_ => (double)generator.NextUniform()));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Randint_matches_torch(int high)
    {
        Assert.Equal(GeneratorCheck.Integers("torch", $"seed42.randint_0_{high}"), new TorchCpuGenerator(42).RandInt(0, high, 20));
    }

    [Fact]
    public void Randn_5_by_10_matches_torch_bit_for_bit_including_the_recomputed_tail()
    {
        AssertBitForBit(GeneratorCheck.Doubles("torch", "seed42.randn_5_10"), new TorchCpuGenerator(42).RandN(50));
    }

    [Fact]
    public void Randn_64_by_128_matches_torch_bit_for_bit_at_both_ends()
    {
        float[] draws = new TorchCpuGenerator(0).RandN(64 * 128);
        AssertBitForBit(GeneratorCheck.Doubles("torch", "seed0.randn_64_128.first"), draws[..16]);
        AssertBitForBit(GeneratorCheck.Doubles("torch", "seed0.randn_64_128.last"), draws[^4..]);
    }

    [Fact]
    public void Probe_data_of_lesson_003_matches_torch()
    {
        var generator = new TorchCpuGenerator(42);
        long[] labels = generator.RandInt(0, 2, 1000);
        float[] noise = generator.RandN(1000);
        Assert.Equal(GeneratorCheck.Get("torch", "seed42.probe.labels_sum").GetInt64(), labels.Sum());
        AssertBitForBit(GeneratorCheck.Doubles("torch", "seed42.probe.noise.first"), noise[..8]);
        AssertBitForBit(GeneratorCheck.Doubles("torch", "seed42.probe.noise.last"), noise[^16..]);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        var generator = new TorchCpuGenerator(0);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => generator.RandN(15)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => generator.RandInt(2, 2, 1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => generator.RandInt(0, 2, -1)).ParamName);
    }

    private static void AssertBitForBit(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            float torch = (float)expected[i];
            Assert.True(BitConverter.SingleToInt32Bits(torch) == BitConverter.SingleToInt32Bits(actual[i]), $"draw {i}: torch {torch:R}, tour {actual[i]:R}");
        }
    }
}
