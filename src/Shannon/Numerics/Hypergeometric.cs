namespace Shannon.Numerics;

/// <summary>
/// The hypergeometric probability P(X = k) of drawing k marked items in n draws without replacement from
/// N items of which K are marked, to full relative accuracy even when N is in the millions.
/// </summary>
/// <remarks>
/// The naive form exp(ln K! + ln (N−K)! + … − ln N!) adds logarithms of size N ln N that cancel to a
/// number of size 1, losing about log10(N ln N) digits. Here P is a ratio of three binomial
/// probabilities with the same success probability p = n/N,
/// P(k) = b(k; K, p) · b(n−k; N−K, p) / b(n; N, p),
/// and each b is evaluated by Loader's saddle-point form exp(δ(m) − δ(x) − δ(m−x) − D(x, mp) − D(m−x, mq)) ·
/// √(m / (2π x (m−x))), whose terms are all small: δ is the Stirling-series error of ln m! and
/// D(x, μ) = x ln(x/μ) + μ − x the deviance, summed as a series when x ≈ μ.
/// Reference: Loader, C. (2000), Fast and Accurate Computation of Binomial Probabilities,
/// technical note, Bell Labs (https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf).
/// </remarks>
internal static class Hypergeometric
{
    private const double LogSqrtTwoPi = 0.91893853320467274178032973640562;

    /// <summary>δ(m) = ln m! − (m + ½) ln m + m − ln √(2π) for m = 1..15 (index 0 unused), from a compensated ln 1 + … + ln m.</summary>
    private static readonly double[] SmallStirlingErrors = BuildSmallStirlingErrors();

    /// <summary>P(X = k) for X ~ Hypergeometric(N = <paramref name="population"/>, K = <paramref name="marked"/>, n = <paramref name="draws"/>).</summary>
    public static double Probability(long k, long population, long marked, long draws)
    {
        if (k < Math.Max(0, marked + draws - population) || k > Math.Min(marked, draws))
        {
            return 0.0;
        }

        double p = (double)draws / population;
        double q = (double)(population - draws) / population;
        double logP = LogBinomialProbability(k, marked, p, q)
            + LogBinomialProbability(draws - k, population - marked, p, q)
            - LogBinomialProbability(draws, population, p, q);
        return Math.Exp(logP);
    }

    /// <summary>ln of the binomial probability C(m, x) pˣ q^(m−x), q = 1 − p, for 0 ≤ x ≤ m.</summary>
    private static double LogBinomialProbability(long x, long m, double p, double q)
    {
        if (m == 0)
        {
            return 0.0;
        }

        if (x == 0)
        {
            // m ln q, through the deviance when p is small so that ln q ≈ −p keeps its digits.
            return p < 0.1 ? -Deviance(m, m * q) - (m * p) : m * Math.Log(q);
        }

        if (x == m)
        {
            return q < 0.1 ? -Deviance(m, m * p) - (m * q) : m * Math.Log(p);
        }

        double rest = m - x;
        return StirlingError(m) - StirlingError(x) - StirlingError(m - x)
            - Deviance(x, m * p) - Deviance(rest, m * q)
            + (0.5 * Math.Log(m / (x * rest))) - LogSqrtTwoPi;
    }

    /// <summary>δ(m) = ln m! − ((m + ½) ln m − m + ln √(2π)), the error of Stirling's formula, for integer m ≥ 1.</summary>
    internal static double StirlingError(long m)
    {
        if (m < SmallStirlingErrors.Length)
        {
            return SmallStirlingErrors[m];
        }

        // Asymptotic series 1/(12m) − 1/(360m³) + 1/(1260m⁵) − 1/(1680m⁷) + 1/(1188m⁹); error < 1e-17 for m ≥ 16.
        double inv = 1.0 / m;
        double inv2 = inv * inv;
        return inv * ((1.0 / 12) - (inv2 * ((1.0 / 360) - (inv2 * ((1.0 / 1260) - (inv2 * ((1.0 / 1680) - (inv2 / 1188))))))));
    }

    /// <summary>D(x, μ) = x ln(x/μ) + μ − x ≥ 0, accurate when x ≈ μ (series in v = (x − μ)/(x + μ)).</summary>
    internal static double Deviance(double x, double mu)
    {
        if (Math.Abs(x - mu) >= 0.1 * (x + mu))
        {
            return (x * Math.Log(x / mu)) + mu - x;
        }

        // x ln(x/μ) + μ − x = (x − μ) v + 2x Σ_{j≥1} v^(2j+1) / (2j + 1).
        double v = (x - mu) / (x + mu);
        double v2 = v * v;
        double sum = (x - mu) * v;
        double power = 2.0 * x * v;
        for (int j = 1; j < 1000; j++)
        {
            power *= v2;
            double next = sum + (power / ((2 * j) + 1));
            if (next == sum)
            {
                break;
            }

            sum = next;
        }

        return sum;
    }

    private static double[] BuildSmallStirlingErrors()
    {
        var errors = new double[16];
        var logFactorial = default(CompensatedSum);
        for (int m = 1; m < errors.Length; m++)
        {
            logFactorial.Add(Math.Log(m));
            errors[m] = logFactorial.Value - ((m + 0.5) * Math.Log(m)) + m - LogSqrtTwoPi;
        }

        return errors;
    }
}
