namespace Shannon.Numerics;

/// <summary>ψ₁(x) = d²/dx² ln Γ(x), the trigamma function, for x &gt; 0 (the NSB prior needs it).</summary>
internal static class Trigamma
{
    /// <summary>ψ₁(x) for x &gt; 0: recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series; relative error below 1e-14.</summary>
    public static double Of(double x)
    {
        double result = 0.0;
        while (x < 10.0)
        {
            result += 1.0 / (x * x);
            x += 1.0;
        }

        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // ψ₁(x) ~ 1/x + 1/(2x²) + Σ B₂ₖ / x^(2k+1).
        double series = inv * (1.0 + (inv * 0.5) + (inv2 * ((1.0 / 6) - (inv2 * ((1.0 / 30) - (inv2 * ((1.0 / 42) - (inv2 * ((1.0 / 30) - (inv2 * 5.0 / 66))))))))));
        return result + series;
    }
}
