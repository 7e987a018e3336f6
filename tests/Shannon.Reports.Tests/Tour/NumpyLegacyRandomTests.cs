using Shannon.Reports.Tour;

namespace Shannon.Reports.Tests.Tour;

public class NumpyLegacyRandomTests
{
    [Fact]
    public void Normals_match_numpy_seed_42_bit_for_bit()
    {
        double[] draws = new NumpyLegacyRandom(42).Normals(50257);
        foreach (int i in new[] { 0, 1, 2, 42, 50256 })
        {
            Assert.Equal(TourReference.Value($"numpy.seed42.randn.{i}"), draws[i]);
        }
    }

    [Fact]
    public void Uniforms_match_numpy_seed_7_bit_for_bit()
    {
        var random = new NumpyLegacyRandom(7);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(TourReference.Value($"numpy.seed7.uniform.{i}"), random.NextDouble());
        }
    }
}
