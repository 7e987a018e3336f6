namespace Shannon.Reports.Tour;

/// <summary>
/// CPython's <c>random</c> module as the lessons use it (<c>random.seed(n)</c>, <c>random()</c>, <c>randint</c>,
/// <c>gauss</c>), so the tour can re-run lesson 000's Python code and print the number it prints.
/// </summary>
/// <remarks>
/// <c>random.seed(n)</c> for an integer n seeds MT19937 with <c>init_by_array</c> over |n|'s 32-bit words (least
/// significant first; n = 0 gives the key [0]). <c>random()</c> is <c>genrand_res53</c>. <c>randint(a, b)</c> is
/// <c>a + _randbelow(b − a + 1)</c>: draw k = bit_length(n) bits (<c>getrandbits(k)</c> = word ≫ (32 − k) for k ≤ 32) until
/// the draw is below n. <c>gauss</c> is Box–Muller with the second value cached: x = 2π·random(),
/// g = √(−2 ln(1 − random())), return cos(x)·g and keep sin(x)·g for the next call (CPython Lib/random.py). The libm
/// functions are the platform's (glibc on Linux, as CPython's). Tests pin the draws against CPython 3.11
/// (<c>generator_check.json</c>).
/// </remarks>
internal sealed class PythonRandom
{
    private readonly MersenneTwister twister;
    private double? gaussNext;

    /// <summary>Seeds like <c>random.seed(seed)</c> for an integer seed.</summary>
    public PythonRandom(long seed)
    {
        ulong magnitude = seed == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(seed);
        uint[] key = (magnitude >> 32) == 0 ? [(uint)magnitude] : [(uint)magnitude, (uint)(magnitude >> 32)];
        twister = MersenneTwister.FromKey(key);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits, like <c>random.random()</c>.</summary>
    public double NextDouble() => twister.NextDouble53();

    /// <summary>An integer in [<paramref name="low"/>, <paramref name="high"/>], both ends included, like <c>random.randint(low, high)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> is below <paramref name="low"/> or the range holds 2³² values or more.</exception>
    public long NextInt(long low, long high)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(high, low);
        ulong n = (ulong)(high - low) + 1;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, (ulong)uint.MaxValue, nameof(high));
        int k = 64 - (int)ulong.LeadingZeroCount(n);
        ulong r;
        do
        {
            r = twister.NextUInt32() >> (32 - k);
        }
        while (r >= n);

        return low + (long)r;
    }

    /// <summary>A normal draw, like <c>random.gauss(mu, sigma)</c>: mu + z·sigma.</summary>
    public double NextGauss(double mu = 0.0, double sigma = 1.0)
    {
        double z;
        if (gaussNext is { } cached)
        {
            gaussNext = null;
            z = cached;
        }
        else
        {
            double x2pi = NextDouble() * (2.0 * Math.PI);
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
            z = Math.Cos(x2pi) * g2rad;
            gaussNext = Math.Sin(x2pi) * g2rad;
        }

        return mu + (z * sigma);
    }
}
