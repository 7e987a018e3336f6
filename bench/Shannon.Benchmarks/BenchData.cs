namespace Shannon.Benchmarks;

/// <summary>Seeded inputs shared by the benchmarks (the peer scripts under bench/peers make the same shapes).</summary>
internal static class BenchData
{
    public static double[] RandomDistribution(int length, int seed)
    {
        var random = new Random(seed);
        var p = new double[length];
        double total = 0;
        for (int i = 0; i < length; i++)
        {
            p[i] = random.NextDouble();
            total += p[i];
        }

        for (int i = 0; i < length; i++)
        {
            p[i] /= total;
        }

        return p;
    }
}
