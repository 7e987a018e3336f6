namespace Shannon.Reports.Tour;

/// <summary>
/// The 32-bit Mersenne Twister MT19937 that numpy's legacy <c>RandomState</c>, CPython's <c>random</c> and torch's CPU
/// generator all draw from; they differ only in how they seed it and what they make of its words.
/// </summary>
/// <remarks>
/// Matsumoto, M. and Nishimura, T. (1998). Mersenne Twister: a 623-dimensionally equidistributed uniform pseudo-random
/// number generator. ACM TOMACS 8(1), 3–30. doi:10.1145/272991.272995. The two seedings are the reference code's
/// <c>init_genrand</c> (one 32-bit seed) and <c>init_by_array</c> (a key of 32-bit words).
/// </remarks>
internal sealed class MersenneTwister
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] state = new uint[N];
    private int index;

    private MersenneTwister()
    {
    }

    /// <summary>Seeds with <c>init_genrand(seed)</c> (numpy's <c>np.random.seed(s)</c>, torch's <c>manual_seed(s)</c>).</summary>
    public static MersenneTwister FromSeed(uint seed)
    {
        var twister = new MersenneTwister();
        twister.InitGenrand(seed);
        return twister;
    }

    /// <summary>Seeds with <c>init_by_array(key)</c> (CPython's <c>random.seed(n)</c>, key = |n|'s 32-bit words, least significant first).</summary>
    public static MersenneTwister FromKey(ReadOnlySpan<uint> key)
    {
        var twister = new MersenneTwister();
        twister.InitGenrand(19650218u);
        uint[] mt = twister.state;
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++;
            j++;
            if (i >= N)
            {
                mt[0] = mt[N - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (int k = N - 1; k > 0; k--)
        {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N)
            {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }

        mt[0] = 0x80000000u;
        return twister;
    }

    /// <summary>The next tempered 32-bit word (<c>genrand_int32</c>).</summary>
    public uint NextUInt32()
    {
        if (index >= N)
        {
            Twist();
        }

        uint y = state[index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits from two words (<c>genrand_res53</c>): (a·2²⁶ + b) / 2⁵³, a = w₁ ≫ 5, b = w₂ ≫ 6.</summary>
    public double NextDouble53()
    {
        ulong a = NextUInt32() >> 5;
        ulong b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    private void InitGenrand(uint seed)
    {
        state[0] = seed;
        for (int i = 1; i < N; i++)
        {
            state[i] = (1812433253u * (state[i - 1] ^ (state[i - 1] >> 30))) + (uint)i;
        }

        index = N;
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (state[i] & 0x80000000u) | (state[(i + 1) % N] & 0x7fffffffu);
            uint next = state[(i + M) % N] ^ (y >> 1);
            state[i] = (y & 1u) != 0 ? next ^ 0x9908b0dfu : next;
        }

        index = 0;
    }
}
