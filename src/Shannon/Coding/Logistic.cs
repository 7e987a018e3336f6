namespace Shannon.Coding;

/// <summary>
/// Integer logistic tables of the context-mixing model: squash(d) = 4096 / (1 + e^(−d/256)) and its inverse
/// stretch(p) = 256 ln(p / (4096 − p)), on 12-bit probabilities and stretch values in [−2047, 2047].
/// </summary>
/// <remarks>
/// The tables are built from 129 knot values by integer interpolation, never from the platform's exp or log, so every
/// machine builds the same bits and an encoder and decoder on different machines agree exactly. The knots are
/// round(4096 / (1 + e^(−d/256))) at d = −2048, −2016, …, 2048, clamped to [1, 4095].
/// </remarks>
internal static class Logistic
{
    /// <summary>squash(d) for d = −2048 … 2047 at index d + 2048: 12-bit P(1) in [1, 4095].</summary>
    internal static readonly short[] Squash = BuildSquash();

    /// <summary>stretch(p) for p = 0 … 4095: the smallest d with squash(d) ≥ p, in [−2047, 2047].</summary>
    internal static readonly short[] Stretch = BuildStretch();

    private static ReadOnlySpan<short> Knots =>
    [
        1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 21, 24, 27, 31, 35, 40, 45, 51, 58, 65,
        74, 83, 94, 106, 120, 136, 153, 172, 194, 219, 246, 277, 311, 349, 391, 437, 488, 545, 606, 674, 747, 827, 912,
        1004, 1102, 1205, 1314, 1428, 1546, 1668, 1793, 1920, 2048, 2176, 2303, 2428, 2550, 2668, 2782, 2891, 2994, 3092,
        3184, 3269, 3349, 3422, 3490, 3551, 3608, 3659, 3705, 3747, 3785, 3819, 3850, 3877, 3902, 3924, 3943, 3960, 3976,
        3990, 4002, 4013, 4022, 4031, 4038, 4045, 4051, 4056, 4061, 4065, 4069, 4072, 4075, 4077, 4079, 4081, 4083, 4085,
        4086, 4087, 4088, 4089, 4090, 4091, 4091, 4092, 4092, 4093, 4093, 4093, 4094, 4094, 4094, 4094, 4095,
    ];

    /// <summary>squash(d) with d clamped to [−2047, 2047].</summary>
    internal static int SquashClamped(int d) => Squash[Math.Clamp(d, -2047, 2047) + 2048];

    private static short[] BuildSquash()
    {
        var table = new short[4096];
        ReadOnlySpan<short> knots = Knots;
        for (int i = 0; i < 4096; i++)
        {
            int k = i >> 5;
            int low = knots[k];
            int high = knots[k + 1];
            table[i] = (short)(low + (((high - low) * (i & 31)) + 16 >> 5));
        }

        return table;
    }

    private static short[] BuildStretch()
    {
        var table = new short[4096];
        int d = -2047;
        for (int p = 0; p < 4096; p++)
        {
            while (d < 2047 && Squash[d + 2048] < p)
            {
                d++;
            }

            table[p] = (short)d;
        }

        return table;
    }
}
