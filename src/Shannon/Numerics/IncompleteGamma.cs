namespace Shannon.Numerics;

/// <summary>
/// The regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), and from them the χ² survival
/// function and the standard normal distribution function and quantile.
/// </summary>
/// <remarks>
/// P by its power series for x &lt; a + 1, Q by its continued fraction (modified Lentz) otherwise, each to full
/// double precision; the smaller of the two is computed directly so tails keep their relative accuracy.
/// Reference: Abramowitz, M. &amp; Stegun, I. A. (1964), Handbook of Mathematical Functions, 6.5.29 and 6.5.31;
/// Lentz, W. J. (1976), Applied Optics 15(3), 668–671, doi:10.1364/AO.15.000668.
/// </remarks>
internal static class IncompleteGamma
{
    private const int MaxIterations = 10_000;
    private const double Tiny = 1e-300;

    /// <summary>Q(a, x) = Γ(a, x)/Γ(a) for a &gt; 0, x ≥ 0.</summary>
    public static double UpperRegularized(double a, double x)
    {
        if (x <= 0.0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        return x < a + 1.0 ? 1.0 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    /// <summary>The survival function of the χ² distribution with <paramref name="degreesOfFreedom"/> degrees: Q(k/2, x/2).</summary>
    public static double ChiSquareSurvival(double x, double degreesOfFreedom) => UpperRegularized(degreesOfFreedom / 2.0, x / 2.0);

    /// <summary>Φ(z), the standard normal distribution function: ½ Q(½, z²/2) for z &lt; 0, 1 − that for z ≥ 0.</summary>
    public static double NormalCdf(double z)
    {
        double tail = 0.5 * UpperRegularized(0.5, z * z / 2.0);
        return z < 0 ? tail : 1.0 - tail;
    }

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1: Acklam's rational approximation refined by two Newton steps on <see cref="NormalCdf"/>.</summary>
    public static double NormalQuantile(double p)
    {
        double z = AcklamQuantile(p);
        for (int step = 0; step < 2; step++)
        {
            double density = Math.Exp(-0.5 * z * z) / Math.Sqrt(2.0 * Math.PI);
            z -= (NormalCdf(z) - p) / density;
        }

        return z;
    }

    private static double LowerSeries(double a, double x)
    {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * 1e-17)
            {
                break;
            }
        }

        return sum * Math.Exp((a * Math.Log(x)) - x - SpecialFunctions.LogGamma(a));
    }

    private static double UpperContinuedFraction(double a, double x)
    {
        double b = x + 1.0 - a;
        double c = 1.0 / Tiny;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < MaxIterations; i++)
        {
            double an = -i * (i - a);
            b += 2.0;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp((a * Math.Log(x)) - x - SpecialFunctions.LogGamma(a)) * h;
    }

    private static double AcklamQuantile(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low || p > 1 - low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p < low ? p : 1 - p));
            double z = (((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q) + c[5];
            z /= (((((((d[0] * q) + d[1]) * q) + d[2]) * q) + d[3]) * q) + 1;
            return p < low ? z : -z;
        }

        double r = p - 0.5;
        double s = r * r;
        double num = (((((((((a[0] * s) + a[1]) * s) + a[2]) * s) + a[3]) * s) + a[4]) * s) + a[5];
        double den = (((((((((b[0] * s) + b[1]) * s) + b[2]) * s) + b[3]) * s) + b[4]) * s) + 1;
        return num * r / den;
    }
}
