namespace Shannon.Reports.Tour;

/// <summary>
/// numpy's legacy <c>RandomState</c> stream (MT19937 seeded with <c>init_genrand</c>, 53-bit doubles,
/// polar Box–Muller normals with the second draw cached), so the tour can re-run the lessons'
/// <c>np.random.seed(s)</c> code and print the very numbers the lessons' snippets print.
/// </summary>
/// <remarks>
/// Matsumoto, M. and Nishimura, T. (1998). Mersenne Twister: a 623-dimensionally equidistributed
/// uniform pseudo-random number generator. ACM TOMACS 8(1), 3–30. doi:10.1145/272991.272995.
/// Tests pin the stream against numpy 1.24 (<c>tour_reference.json</c>).
/// </remarks>
internal sealed class NumpyLegacyRandom
{
    private readonly MersenneTwister twister;
    private double? cachedNormal;

    /// <summary>Seeds like <c>np.random.seed(seed)</c> for a non-negative 32-bit integer seed.</summary>
    public NumpyLegacyRandom(uint seed)
    {
        twister = MersenneTwister.FromSeed(seed);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits, like <c>np.random.random_sample()</c>.</summary>
    public double NextDouble() => twister.NextDouble53();

    /// <summary>A standard normal draw, like <c>np.random.randn()</c>.</summary>
    public double NextNormal()
    {
        if (cachedNormal is { } cached)
        {
            cachedNormal = null;
            return cached;
        }

        double x1, x2, r2;
        do
        {
            x1 = (2.0 * NextDouble()) - 1.0;
            x2 = (2.0 * NextDouble()) - 1.0;
            r2 = (x1 * x1) + (x2 * x2);
        }
        while (r2 >= 1.0 || r2 == 0.0);

        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        cachedNormal = f * x1;
        return f * x2;
    }

    /// <summary><paramref name="count"/> standard normal draws, like <c>np.random.randn(count)</c> (row-major for a shape).</summary>
    public double[] Normals(int count)
    {
        var destination = new double[count];
        for (int i = 0; i < count; i++)
        {
            destination[i] = NextNormal();
        }

        return destination;
    }
}
