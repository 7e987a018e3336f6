namespace Shannon.Benchmarks;

/// <summary>Seeded inputs shared by the benchmarks (the peer scripts under bench/peers make the same shapes).</summary>
internal static class BenchData
{
    /// <summary>
    /// pᵢ ∝ 1 + ((i·2654435761 + salt) mod 1000) / 1000: a closed form bench/peers/measures.py computes identically,
    /// so both sides measure the same distribution and print the same value.
    /// </summary>
    public static double[] HashedDistribution(int length, long salt)
    {
        var p = new double[length];
        double total = 0;
        for (int i = 0; i < length; i++)
        {
            p[i] = 1.0 + ((((long)i * 2654435761L) + salt) % 1000) / 1000.0;
            total += p[i];
        }

        for (int i = 0; i < length; i++)
        {
            p[i] /= total;
        }

        return p;
    }

    /// <summary>The (x, y) pairs bench/peers/estimators.py wrote to bench/data/ksg_&lt;n&gt;.f64 (x then y, little-endian float64).</summary>
    public static (double[] X, double[] Y) Pairs(int n)
    {
        string path = Path.Combine(RepositoryRoot(), "bench", "data", $"ksg_{n}.f64");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: run /usr/bin/python3 bench/peers/estimators.py first (it writes the shared inputs).", path);
        }

        double[] both = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();
        return (both[..n], both[n..]);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Shannon.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
