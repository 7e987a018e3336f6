using System.Numerics.Tensors;
using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

/// <summary>The loss's own chunk maximum answers as TensorPrimitives.Max does, NaN and infinities included, at every length.</summary>
public class LogitKernelMaxTests
{
    private static readonly Gen<double> Entry = Gen.Frequency(
        (20, Gen.Double[-1e4, 1e4]),
        (1, Gen.Const(double.NaN)),
        (1, Gen.Const(double.PositiveInfinity)),
        (1, Gen.Const(double.NegativeInfinity)));

    [Fact]
    public void Double_chunks_agree_with_TensorPrimitives()
    {
        Entry.Array[1, 70].Sample(chunk =>
        {
            double expected = TensorPrimitives.Max(chunk);
            double actual = LogitKernel<double>.Max(chunk);
            Assert.True(expected.Equals(actual), $"{expected} vs {actual}");
        }, iter: 2000);
    }

    [Fact]
    public void Float_chunks_agree_with_TensorPrimitives()
    {
        Entry.Select(v => (float)v).Array[1, 70].Sample(chunk =>
        {
            float expected = TensorPrimitives.Max(chunk);
            float actual = LogitKernel<float>.Max(chunk);
            Assert.True(expected.Equals(actual), $"{expected} vs {actual}");
        }, iter: 2000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(1024)]
    public void A_NaN_anywhere_gives_NaN(int length)
    {
        for (int at = 0; at < length; at += Math.Max(1, length / 7))
        {
            var chunk = Enumerable.Range(0, length).Select(i => (float)i).ToArray();
            chunk[at] = float.NaN;
            Assert.True(float.IsNaN(LogitKernel<float>.Max(chunk)));
        }

        Assert.Equal(length - 1, LogitKernel<double>.Max(Enumerable.Range(0, length).Select(i => (double)i).ToArray()));
    }
}
