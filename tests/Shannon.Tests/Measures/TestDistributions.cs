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

    /// <summary>A random joint distribution of 1–4 variables with 1–4 outcomes each, some cells exactly 0.</summary>
    public static readonly Gen<JointDistribution> Joint = Joints(1, 4);

    /// <summary>Random joint distributions of <paramref name="minRank"/>–<paramref name="maxRank"/> variables with 1–4 outcomes each, some cells exactly 0.</summary>
    public static Gen<JointDistribution> Joints(int minRank, int maxRank) =>
        Gen.Int[minRank, maxRank].SelectMany(rank => Gen.Int[1, 4].Array[rank]).SelectMany(shape =>
            Gen.Double[0.0, 1.0].Array[shape.Aggregate(1, (a, b) => a * b)]
                .Select(w => w.Select((x, i) => i % 5 == 2 ? 0.0 : x).ToArray())
                .Where(w => w.Sum() > 0)
                .Select(w => new JointDistribution(Normalized(w), shape)));

    /// <summary>Three disjoint axis sets of a table of rank ≥ 2: X and Y non-empty, Z possibly empty; some axes may be left out.</summary>
    public static (int[] X, int[] Y, int[] Z) AxisSets(int rank, int seed)
    {
        var random = new Random(seed);
        int[] order = Enumerable.Range(0, rank).OrderBy(_ => random.Next()).ToArray();
        int xEnd = 1 + random.Next(rank - 1);
        int yEnd = xEnd + 1 + random.Next(rank - xEnd);
        int zEnd = yEnd + random.Next(rank - yEnd + 1);
        return (order[..xEnd], order[xEnd..yEnd], order[yEnd..zEnd]);
    }

    /// <summary>The joint distribution of independent variables with the given seeded marginals, as a table.</summary>
    public static JointDistribution Independent(int[] shape, int seed)
    {
        double[][] marginals = shape.Select((k, i) => Seeded(k, seed + i)).ToArray();
        double[] p = [1.0];
        foreach (double[] m in marginals)
        {
            p = p.SelectMany(a => m.Select(b => a * b)).ToArray();
        }

        return new JointDistribution(p, shape);
    }

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
