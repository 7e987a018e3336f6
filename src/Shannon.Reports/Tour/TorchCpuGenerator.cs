namespace Shannon.Reports.Tour;

/// <summary>
/// torch's CPU generator as the lessons use it (<c>torch.manual_seed(s)</c>, float32 <c>torch.randn</c> of 16 or more
/// elements, int64 <c>torch.randint(low, high, size)</c>), so the tour can re-run lesson 003's torch code.
/// </summary>
/// <remarks>
/// <c>manual_seed(s)</c> seeds MT19937 with <c>init_genrand(s)</c>. <c>randint</c> takes one 32-bit word per element
/// and returns low + word mod (high − low). A float32 <c>randn</c> of n ≥ 16 contiguous elements (torch 1.13's
/// <c>normal_fill</c>) first fills n uniforms u = (word &amp; (2²⁴ − 1))·2⁻²⁴, then turns each block of 16 into normals by
/// Box–Muller, r = √(−2 ln(1 − uⱼ)), θ = 2π·uⱼ₊₈, xⱼ = r cos θ, xⱼ₊₈ = r sin θ (j &lt; 8); when 16 does not divide n it
/// draws 16 fresh uniforms for the last 16 elements and recomputes them. Everything is float32 here as in torch.
/// On an AVX2 machine torch evaluates ln, sin and cos with single-precision polynomial approximations
/// (avx_mathfun's log256_ps and sincos256_ps), this class with the platform's float functions, so a normal may
/// differ from torch's by a few units in the last place (measured against torch 1.13 on all 58,394 normals the lessons
/// draw: 9,900 differ, by at most 3 ulp, 4.8·10⁻⁷ absolute); uniforms and integers agree bit for bit. Smaller randn calls take a different (double,
/// scalar) path that the lessons do not use and this class refuses.
/// </remarks>
internal sealed class TorchCpuGenerator
{
    private const int Block = 16;
    private readonly MersenneTwister twister;

    /// <summary>Seeds like <c>torch.manual_seed(seed)</c> for a 32-bit seed.</summary>
    public TorchCpuGenerator(uint seed)
    {
        twister = MersenneTwister.FromSeed(seed);
    }

    /// <summary><paramref name="count"/> integers in [<paramref name="low"/>, <paramref name="high"/>), like <c>torch.randint(low, high, (count,))</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> is not above <paramref name="low"/>, the range needs more than 32 bits, or the count is negative.</exception>
    public long[] RandInt(long low, long high, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(high, low);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((ulong)(high - low), 1UL << 32, nameof(high));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ulong range = (ulong)(high - low);
        var destination = new long[count];
        for (int i = 0; i < count; i++)
        {
            destination[i] = low + (long)(twister.NextUInt32() % range);
        }

        return destination;
    }

    /// <summary><paramref name="count"/> float32 standard normals, like <c>torch.randn(shape)</c> with <paramref name="count"/> elements (row-major).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 16 (torch's scalar path, not reproduced).</exception>
    public float[] RandN(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, Block);
        var data = new float[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = NextUniform();
        }

        for (int i = 0; i + Block <= count; i += Block)
        {
            BoxMuller(data.AsSpan(i, Block));
        }

        if (count % Block != 0)
        {
            Span<float> tail = data.AsSpan(count - Block, Block);
            for (int i = 0; i < Block; i++)
            {
                tail[i] = NextUniform();
            }

            BoxMuller(tail);
        }

        return data;
    }

    /// <summary>A float32 uniform on [0, 1) with 24 random bits, like torch's <c>uniform_real_distribution&lt;float&gt;(0, 1)</c>.</summary>
    public float NextUniform() => (twister.NextUInt32() & 0xFFFFFFu) * (1.0f / 16777216.0f);

    private static void BoxMuller(Span<float> block)
    {
        const float TwoPi = 2.0f * MathF.PI;
        for (int j = 0; j < Block / 2; j++)
        {
            float radius = MathF.Sqrt(-2.0f * MathF.Log(1.0f - block[j]));
            float theta = TwoPi * block[j + (Block / 2)];
            block[j] = radius * MathF.Cos(theta);
            block[j + (Block / 2)] = radius * MathF.Sin(theta);
        }
    }
}
