using Shannon.Numerics;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The m-spacing estimators of one-dimensional differential entropy (Vasicek, van Es, Ebrahimi, Correa), computed
/// exactly as scipy.stats.differential_entropy, including its default window and its 'auto' choice of method.
/// </summary>
/// <param name="Method">The estimator; <see cref="SpacingMethod.Auto"/> (scipy's default) by default.</param>
/// <param name="WindowLength">The window m; null for scipy's default ⌊√n + ½⌋. Must satisfy 2 ≤ 2m &lt; n.</param>
/// <remarks>
/// <para>With sorted samples X₍₁₎ ≤ … ≤ X₍ₙ₎, padded by repeating X₍₁₎ and X₍ₙ₎ m times at each end:
/// Vasicek ĥ = (1/n) Σᵢ ln(n/(2m) (X₍ᵢ₊ₘ₎ − X₍ᵢ₋ₘ₎));
/// van Es ĥ = 1/(n − m) Σᵢ₌₁ⁿ⁻ᵐ ln((n + 1)/m (X₍ᵢ₊ₘ₎ − X₍ᵢ₎)) + Σₖ₌ₘⁿ 1/k + ln m − ln(n + 1) (no padding);
/// Ebrahimi ĥ = (1/n) Σᵢ ln(n (X₍ᵢ₊ₘ₎ − X₍ᵢ₋ₘ₎)/(cᵢ m)), cᵢ = 1 + (i − 1)/m for i ≤ m, 1 + (n − i)/m for i ≥ n − m + 1, else 2;
/// Correa ĥ = −(1/n) Σᵢ ln(Σⱼ (X₍ⱼ₎ − X̄₍ᵢ₎)(j − i) / (n Σⱼ (X₍ⱼ₎ − X̄₍ᵢ₎)²)), j from i − m to i + m, X̄₍ᵢ₎ the window mean.
/// 'Auto' picks van Es for n ≤ 10, Ebrahimi for n ≤ 1000 and Vasicek above, as scipy does.</para>
/// <para>Bias: Vasicek's is downward (it underestimates for small n); Ebrahimi's and Correa's corrections reduce it;
/// van Es is consistent with a smaller bias for small n. Ties make a spacing 0 and the estimate −∞, which is returned as is
/// (scipy does the same).</para>
/// <para>References: Vasicek, O. (1976), A test for normality based on sample entropy, JRSS B 38(1), 54–59,
/// doi:10.1111/j.2517-6161.1976.tb01566.x; van Es, B. (1992), Estimating functionals related to a density by a
/// class of statistics based on spacings, Scandinavian Journal of Statistics 19(1), 61–72; Ebrahimi, N.,
/// Pflughoeft, K. &amp; Soofi, E. S. (1994), Two measures of sample entropy, Statistics &amp; Probability Letters 20(3),
/// 225–234, doi:10.1016/0167-7152(94)90046-9; Correa, J. C. (1995), A new estimator of entropy, Communications in
/// Statistics – Theory and Methods 24(10), 2439–2449, doi:10.1080/03610929508831626.</para>
/// </remarks>
public sealed record Spacing(SpacingMethod Method = SpacingMethod.Auto, int? WindowLength = null) : IDifferentialEntropyEstimator
{
    /// <inheritdoc/>
    /// <remarks><c>spacing</c> (scipy's automatic choice), <c>vasicek</c>, <c>van-es</c>, <c>ebrahimi</c> or <c>correa</c>.</remarks>
    public string Name => Method switch
    {
        SpacingMethod.Vasicek => "vasicek",
        SpacingMethod.VanEs => "van-es",
        SpacingMethod.Ebrahimi => "ebrahimi",
        SpacingMethod.Correa => "correa",
        _ => "spacing",
    };

    /// <summary>Estimates the differential entropy of a one-dimensional variable given as numbers.</summary>
    /// <param name="x">The samples.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ in the unit of <paramref name="logBase"/>, with N.</returns>
    /// <exception cref="ArgumentException">A variable of labels or of more than one dimension, or ties that make a spacing 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window m violates 2 ≤ 2m &lt; n.</exception>
    public Estimate Entropy(Variable x, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DifferentialEntropy(VariableChecks.Numbers(x, Name, nameof(x)), x.Dimension, logBase);
    }

    /// <inheritdoc/>
    /// <remarks>m-spacing estimators are one-dimensional: <paramref name="dimension"/> must be 1.</remarks>
    public Estimate DifferentialEntropy(ReadOnlySpan<double> x, int dimension, LogBase logBase = default) => dimension == 1
        ? DifferentialEntropy(x, logBase)
        : throw new ArgumentException($"{Name} estimates one-dimensional entropies; x has dimension {dimension} (use kl).", nameof(x));

    /// <summary>Estimates the differential entropy of one-dimensional samples.</summary>
    /// <param name="x">The samples; finite.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>ĥ in the unit of <paramref name="logBase"/> (any sign; −∞ with ties), with N.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or has a non-finite entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window m violates 2 ≤ 2m &lt; n, or the method is unknown.</exception>
    public Estimate DifferentialEntropy(ReadOnlySpan<double> x, LogBase logBase = default)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.AllFinite(x, nameof(x));
        int n = x.Length;
        int m = WindowLength ?? (int)Math.Floor(Math.Sqrt(n) + 0.5);
        if (!(2 * m >= 2 && 2 * m < n))
        {
            throw new ArgumentOutOfRangeException(nameof(WindowLength), m, $"The window length {m} must be positive and less than half the sample size {n}.");
        }

        double[] sorted = x.ToArray();
        Array.Sort(sorted);
        SpacingMethod method = Method != SpacingMethod.Auto ? Method : n <= 10 ? SpacingMethod.VanEs : n <= 1000 ? SpacingMethod.Ebrahimi : SpacingMethod.Vasicek;
        double nats = method switch
        {
            SpacingMethod.Vasicek => Vasicek(sorted, m),
            SpacingMethod.VanEs => VanEs(sorted, m),
            SpacingMethod.Ebrahimi => Ebrahimi(sorted, m),
            SpacingMethod.Correa => Correa(sorted, m),
            _ => throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown spacing method."),
        };
        return Estimate.Signed(nats, logBase, n);
    }

    /// <summary>Sums log terms with compensation; a −∞ term (a zero spacing) makes the sum −∞, as in scipy.</summary>
    private struct LogSum
    {
        private CompensatedSum _sum;
        private bool _minusInfinity;

        public readonly double Value => _minusInfinity ? double.NegativeInfinity : _sum.Value;

        public void Add(double term)
        {
            if (double.IsNegativeInfinity(term))
            {
                _minusInfinity = true;
            }
            else
            {
                _sum.Add(term);
            }
        }
    }

    /// <summary>X₍ᵢ₎ of the sorted sample padded with m copies of its minimum and maximum; i is 0-based in the padded array.</summary>
    private static double Padded(double[] sorted, int m, int i) => sorted[Math.Clamp(i - m, 0, sorted.Length - 1)];

    private static double Vasicek(double[] sorted, int m)
    {
        int n = sorted.Length;
        var sum = default(LogSum);
        for (int i = 0; i < n; i++)
        {
            sum.Add(Math.Log(n / (2.0 * m) * (Padded(sorted, m, i + (2 * m)) - Padded(sorted, m, i))));
        }

        return sum.Value / n;
    }

    private static double VanEs(double[] sorted, int m)
    {
        int n = sorted.Length;
        var sum = default(LogSum);
        for (int i = 0; i < n - m; i++)
        {
            sum.Add(Math.Log((n + 1.0) / m * (sorted[i + m] - sorted[i])));
        }

        var harmonic = default(CompensatedSum);
        for (int k = m; k <= n; k++)
        {
            harmonic.Add(1.0 / k);
        }

        return (sum.Value / (n - m)) + harmonic.Value + Math.Log(m) - Math.Log(n + 1.0);
    }

    private static double Ebrahimi(double[] sorted, int m)
    {
        int n = sorted.Length;
        var sum = default(LogSum);
        for (int i = 1; i <= n; i++)
        {
            double c = i <= m ? 1.0 + ((i - 1.0) / m) : i >= n - m + 1 ? 1.0 + ((double)(n - i) / m) : 2.0;
            double difference = Padded(sorted, m, i - 1 + (2 * m)) - Padded(sorted, m, i - 1);
            sum.Add(Math.Log(n * difference / (c * m)));
        }

        return sum.Value / n;
    }

    private static double Correa(double[] sorted, int m)
    {
        int n = sorted.Length;
        var sum = default(CompensatedSum);
        for (int i = 0; i < n; i++)
        {
            int center = i + m;
            double mean = 0.0;
            for (int d = -m; d <= m; d++)
            {
                mean += Padded(sorted, m, center + d);
            }

            mean /= (2 * m) + 1;
            double numerator = 0.0;
            double denominator = 0.0;
            for (int d = -m; d <= m; d++)
            {
                double difference = Padded(sorted, m, center + d) - mean;
                numerator += difference * d;
                denominator += difference * difference;
            }

            sum.Add(Math.Log(numerator / (n * denominator)));
        }

        return -sum.Value / n;
    }
}

/// <summary>The m-spacing estimators of <see cref="Spacing"/>.</summary>
public enum SpacingMethod
{
    /// <summary>scipy's choice: van Es for n ≤ 10, Ebrahimi for n ≤ 1000, Vasicek above.</summary>
    Auto,

    /// <summary>Vasicek (1976).</summary>
    Vasicek,

    /// <summary>van Es (1992).</summary>
    VanEs,

    /// <summary>Ebrahimi, Pflughoeft &amp; Soofi (1994).</summary>
    Ebrahimi,

    /// <summary>Correa (1995).</summary>
    Correa,
}
