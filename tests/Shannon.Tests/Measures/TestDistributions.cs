using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

/// <summary>Generators and seeded inputs shared by the measure tests.</summary>
internal static class TestDistributions
{
    /// <summary>A random distribution of 1–40 outcomes, some of them exactly 0.</summary>
    public static readonly Gen<double[]> Distribution =
        Gen.Double[0.0, 1.0].Array[1, 40].Select(w => w.Select((x, i) => i % 7 == 3 ? 0.0 : x).ToArray())
            .Where(w => w.Sum() > 0).Select(Normalized);

    /// <summary>Two random distributions on the same 2–30 outcomes, strictly positive.</summary>
    public static readonly Gen<(double[] P, double[] Q)> PositivePair =
        Gen.Int[2, 30].SelectMany(n => Gen.Select(Gen.Double[0.001, 1.0].Array[n], Gen.Double[0.001, 1.0].Array[n]))
            .Select((w, v) => (Normalized(w), Normalized(v)));

    public static double[] Normalized(double[] weights)
    {
        var p = new double[weights.Length];
        Distributions.Normalize(weights, p);
        return p;
    }

    /// <summary>A seeded random distribution (the benchmarks' recipe: uniform weights, then normalised).</summary>
    public static double[] Seeded(int length, int seed)
    {
        var random = new Random(seed);
        var w = new double[length];
        for (int i = 0; i < length; i++)
        {
            w[i] = random.NextDouble();
        }

        return Normalized(w);
    }

    public static double[] Uniform(int n) => Enumerable.Repeat(1.0 / n, n).ToArray();
}
