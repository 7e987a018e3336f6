using Shannon.Reports.Tour;

namespace Shannon.Reports.Tests.Tour;

public class PythonRandomTests
{
    [Theory]
    [InlineData(42L)]
    [InlineData(0L)]
    [InlineData((1L << 40) + 5)] // a two-word init_by_array key
    public void Random_matches_cpython_bit_for_bit(long seed)
    {
        var random = new PythonRandom(seed);
        Assert.Equal(GeneratorCheck.Doubles("python", $"seed{seed}.random"), Enumerable.Range(0, 5).Select(_ => random.NextDouble()));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 6)]
    public void Randint_matches_cpython(int low, int high)
    {
        var random = new PythonRandom(42);
        Assert.Equal(GeneratorCheck.Integers("python", $"seed42.randint_{low}_{high}"), Enumerable.Range(0, 20).Select(_ => random.NextInt(low, high)));
    }

    [Fact]
    public void Gauss_matches_cpython_bit_for_bit_including_the_cached_second_value()
    {
        var random = new PythonRandom(42);
        Assert.Equal(GeneratorCheck.Doubles("python", "seed42.gauss"), Enumerable.Range(0, 7).Select(_ => random.NextGauss(0, 1)));
    }

    [Fact]
    public void Lesson_000_stream_matches_cpython_to_its_last_draw()
    {
        var random = new PythonRandom(42);
        long[] labels = Enumerable.Range(0, 1000).Select(_ => random.NextInt(0, 2)).ToArray();
        double[] gauss = Enumerable.Range(0, 3000).Select(_ => random.NextGauss(0, 1)).ToArray();
        Assert.Equal(GeneratorCheck.Get("python", "lesson.labels_sum").GetInt64(), labels.Sum());
        Assert.Equal(GeneratorCheck.Integers("python", "lesson.labels_first"), labels.Take(10));
        foreach (var pinned in GeneratorCheck.Get("python", "lesson.gauss_at").EnumerateObject())
        {
            Assert.Equal(pinned.Value.GetDouble(), gauss[int.Parse(pinned.Name, System.Globalization.CultureInfo.InvariantCulture)]);
        }
    }

    [Fact]
    public void Randint_refuses_an_empty_or_too_wide_range()
    {
        var random = new PythonRandom(1);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(3, 2)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0, uint.MaxValue)).ParamName);
    }
}
