namespace Shannon.Numerics;

/// <summary>Special functions the estimators and closed forms need: log Γ, ψ (digamma), x·log y.</summary>
public static class SpecialFunctions
{
    private const double EulerGamma = 0.57721566490153286060651209008240243;
    internal const double SmallestNormal = 2.2250738585072014e-308;
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

    // Lanczos coefficients, g = 7, n = 9 (Godfrey); relative error below 1e-15 on x ≥ 0.5.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln |Γ(x)|; +∞ at the poles 0, −1, −2, …; NaN for NaN.</summary>
    public static double LogGamma(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (double.IsInfinity(x))
        {
            return double.PositiveInfinity;
        }

        if (x <= 0.0 && x == Math.Floor(x))
        {
            return double.PositiveInfinity;
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Abs(SinPi(x))) - LogGamma(1.0 - x);
        }

        if (x == 1.0 || x == 2.0)
        {
            return 0.0;
        }

        if (x >= 20.0)
        {
            // Stirling's series with four correction terms: error < 1e-17 relative here.
            double inv = 1.0 / x;
            double inv2 = inv * inv;
            double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680))));
            return ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + series;
        }

        double z = x - 1.0;
        double a = Lanczos[0];
        double t = z + 7.5;
        for (int i = 1; i < Lanczos.Length; i++)
        {
            a += Lanczos[i] / (z + i);
        }

        return HalfLogTwoPi + ((z + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }

    /// <summary>ψ(x) = d/dx ln Γ(x); NaN at the poles 0, −1, −2, … (as scipy.special.digamma gives −∞/NaN there).</summary>
    public static double Digamma(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return double.PositiveInfinity;
        }

        if (x <= 0.0)
        {
            if (x == Math.Floor(x))
            {
                return double.NaN;
            }

            // Reflection: ψ(1 − x) − ψ(x) = π cot(πx).
            return Digamma(1.0 - x) - (Math.PI / Math.Tan(Math.PI * x));
        }

        if (x == Math.Floor(x) && x <= 64)
        {
            // Exact for small integers: ψ(n) = −γ + Σ_{k<n} 1/k.
            double h = -EulerGamma;
            for (int k = 1; k < (int)x; k++)
            {
                h += 1.0 / k;
            }

            return h;
        }

        double result = 0.0;
        while (x < 10.0)
        {
            result -= 1.0 / x;
            x += 1.0;
        }

        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // Asymptotic series: ln x − 1/(2x) − Σ B_2k / (2k x^2k).
        double tail = inv2 * ((1.0 / 12) - (inv2 * ((1.0 / 120) - (inv2 * ((1.0 / 252) - (inv2 * ((1.0 / 240) - (inv2 * (1.0 / 132)))))))));
        return result + Math.Log(x) - (0.5 * inv) - tail;
    }

    /// <summary>x · ln y with 0 · ln y = 0 for every y (including 0), as scipy.special.xlogy.</summary>
    public static double XLogY(double x, double y) => x == 0.0 && !double.IsNaN(y) ? 0.0 : x * Math.Log(y);

    /// <summary>
    /// The relative-entropy term x · ln(x / y) as scipy.special.rel_entr: 0 when x = 0, +∞ when y = 0 &lt; x.
    /// The ratio is formed first (one rounding); when it overflows or underflows (y subnormal, x tiny) the
    /// difference of logarithms is used instead, so y ≈ 1e-308 still gives a finite term.
    /// </summary>
    public static double RelativeEntropy(double x, double y)
    {
        if (x == 0.0)
        {
            return 0.0;
        }

        if (y == 0.0)
        {
            return double.PositiveInfinity;
        }

        return x * LogRatio(x, y);
    }

    /// <summary>
    /// ln(x / y) for x, y &gt; 0: the ratio is formed first (one rounding); when it overflows or leaves the normal
    /// range (y subnormal, or x tiny) the difference ln x − ln y is used instead, so the result stays finite.
    /// </summary>
    public static double LogRatio(double x, double y)
    {
        double ratio = x / y;
        return ratio is >= SmallestNormal and <= double.MaxValue ? Math.Log(ratio) : Math.Log(x) - Math.Log(y);
    }

    /// <summary>
    /// eˣ − 1 without cancellation near 0 (Kahan's trick: the rounding of u = eˣ cancels in (u − 1)·x / ln u).
    /// Reference: Higham, N. J. (2002), Accuracy and Stability of Numerical Algorithms, 2nd ed., §1.14.1,
    /// doi:10.1137/1.9780898718027.
    /// </summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        double um1 = u - 1.0;
        return um1 == -1.0 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x) without cancellation near 0 (Goldberg's trick: x · ln u / (u − 1) with u = 1 + x).</summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : double.IsInfinity(u) ? u : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>x · ln x with 0 · ln 0 = 0.</summary>
    public static double XLogX(double x) => x == 0.0 ? 0.0 : x * Math.Log(x);

    /// <summary>sin(πx) exact at integers and half-integers.</summary>
    private static double SinPi(double x)
    {
        double r = x - (2.0 * Math.Floor(x / 2.0)); // r in [0, 2)
        if (r == 0.0 || r == 1.0)
        {
            return 0.0;
        }

        return r == 0.5 ? 1.0 : r == 1.5 ? -1.0 : Math.Sin(Math.PI * r);
    }
}
