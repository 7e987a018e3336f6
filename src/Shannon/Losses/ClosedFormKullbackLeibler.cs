using Shannon.Measures;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// KL(P ‖ Q) in closed form between two members of the same family — Bernoulli, categorical, Poisson, exponential,
/// gamma, beta, Dirichlet — as PyTorch's <c>torch.distributions.kl_divergence</c> registry computes them.
/// </summary>
/// <remarks>
/// Every result is ≥ 0, 0 iff the parameters are equal, in nats unless a log base is given; rounding is clamped at 0.
/// Parameters follow PyTorch: the exponential's and gamma's rate (not scale), the gamma's concentration (shape).
/// Reference: Kullback, S. &amp; Leibler, R. A. (1951), On information and sufficiency, Ann. Math. Statist. 22(1), 79–86,
/// doi:10.1214/aoms/1177729694; Penny, W. D. (2001), KL-divergences of normal, gamma, Dirichlet and Wishart densities,
/// Wellcome Department of Cognitive Neurology technical report; Paszke, A. et al. (2019), PyTorch, arXiv:1912.01703.
/// </remarks>
public static class ClosedFormKullbackLeibler
{
    /// <summary>KL(Bernoulli(p) ‖ Bernoulli(q)).</summary>
    /// <param name="p">P's success probability in [0, 1].</param>
    /// <param name="q">Q's success probability in [0, 1].</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>p ln(p/q) + (1 − p) ln((1 − p)/(1 − q)), with 0·ln 0 = 0; +∞ when Q gives 0 to an outcome P can produce.</returns>
    /// <exception cref="ArgumentException">A probability outside [0, 1] or NaN.</exception>
    /// <remarks>Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., §2.3, doi:10.1002/047174882X.</remarks>
    public static double Bernoulli(double p, double q, LogBase logBase = default)
    {
        Guard.Probability(p, nameof(p));
        Guard.Probability(q, nameof(q));
        return logBase.FromNats(Math.Max(0.0, SpecialFunctions.RelativeEntropy(p, q) + SpecialFunctions.RelativeEntropy(1.0 - p, 1.0 - q)));
    }

    /// <summary>KL(Categorical(p) ‖ Categorical(q)): the discrete KL divergence of <see cref="Divergence.KullbackLeibler"/>.</summary>
    /// <param name="p">P's probabilities, summing to 1.</param>
    /// <param name="q">Q's probabilities, the same length, summing to 1.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>Σᵢ pᵢ ln(pᵢ/qᵢ) ≥ 0; +∞ where qᵢ = 0 &lt; pᵢ.</returns>
    /// <exception cref="ArgumentException">See <see cref="Divergence.KullbackLeibler"/>.</exception>
    /// <remarks>Delegates to the measure; listed here so that the whole kl_divergence registry is in one place.</remarks>
    public static double Categorical(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default) => Divergence.KullbackLeibler(p, q, logBase);

    /// <summary>KL(Poisson(λ₁) ‖ Poisson(λ₂)).</summary>
    /// <param name="rate1">λ₁ ≥ 0, finite.</param>
    /// <param name="rate2">λ₂ &gt; 0, finite.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>λ₁ ln(λ₁/λ₂) − λ₁ + λ₂ ≥ 0 (λ₂ when λ₁ = 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rate out of range.</exception>
    /// <remarks>Reference: Kullback (1959), Information Theory and Statistics, Wiley (Dover 1968).</remarks>
    public static double Poisson(double rate1, double rate2, LogBase logBase = default)
    {
        NonNegative(rate1, nameof(rate1));
        Guard.Positive(rate2, nameof(rate2));
        return logBase.FromNats(Math.Max(0.0, SpecialFunctions.RelativeEntropy(rate1, rate2) - rate1 + rate2));
    }

    /// <summary>KL(Exponential(rate λ₁) ‖ Exponential(rate λ₂)).</summary>
    /// <param name="rate1">λ₁ &gt; 0.</param>
    /// <param name="rate2">λ₂ &gt; 0.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>r − 1 − ln r with r = λ₂/λ₁, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rate not finite and positive.</exception>
    /// <remarks>Computed as expm1(ln r) − ln r, exact near r = 1.</remarks>
    public static double Exponential(double rate1, double rate2, LogBase logBase = default)
    {
        Guard.Positive(rate1, nameof(rate1));
        Guard.Positive(rate2, nameof(rate2));
        double logRatio = SpecialFunctions.LogRatio(rate2, rate1);
        return logBase.FromNats(Math.Max(0.0, SpecialFunctions.ExpM1(logRatio) - logRatio));
    }

    /// <summary>KL(Gamma(α₁, β₁) ‖ Gamma(α₂, β₂)) with shapes α and rates β.</summary>
    /// <param name="shape1">α₁ &gt; 0.</param>
    /// <param name="rate1">β₁ &gt; 0.</param>
    /// <param name="shape2">α₂ &gt; 0.</param>
    /// <param name="rate2">β₂ &gt; 0.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>(α₁ − α₂)ψ(α₁) − ln Γ(α₁) + ln Γ(α₂) + α₂ ln(β₁/β₂) + α₁(β₂ − β₁)/β₁ ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter not finite and positive.</exception>
    /// <remarks>Reference: Penny (2001); PyTorch's <c>_kl_gamma_gamma</c>.</remarks>
    public static double Gamma(double shape1, double rate1, double shape2, double rate2, LogBase logBase = default)
    {
        Guard.Positive(shape1, nameof(shape1));
        Guard.Positive(rate1, nameof(rate1));
        Guard.Positive(shape2, nameof(shape2));
        Guard.Positive(rate2, nameof(rate2));
        double kl = ((shape1 - shape2) * SpecialFunctions.Digamma(shape1)) - SpecialFunctions.LogGamma(shape1) + SpecialFunctions.LogGamma(shape2)
            + (shape2 * SpecialFunctions.LogRatio(rate1, rate2)) + (shape1 * (rate2 - rate1) / rate1);
        return logBase.FromNats(Math.Max(0.0, kl));
    }

    /// <summary>KL(Beta(a₁, b₁) ‖ Beta(a₂, b₂)).</summary>
    /// <param name="alpha1">a₁ &gt; 0.</param>
    /// <param name="beta1">b₁ &gt; 0.</param>
    /// <param name="alpha2">a₂ &gt; 0.</param>
    /// <param name="beta2">b₂ &gt; 0.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>ln B(a₂, b₂) − ln B(a₁, b₁) + (a₁ − a₂)ψ(a₁) + (b₁ − b₂)ψ(b₁) + (a₂ − a₁ + b₂ − b₁)ψ(a₁ + b₁) ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter not finite and positive.</exception>
    /// <remarks>The two-component case of <see cref="Dirichlet"/>.</remarks>
    public static double Beta(double alpha1, double beta1, double alpha2, double beta2, LogBase logBase = default)
    {
        Guard.Positive(alpha1, nameof(alpha1));
        Guard.Positive(beta1, nameof(beta1));
        Guard.Positive(alpha2, nameof(alpha2));
        Guard.Positive(beta2, nameof(beta2));
        return logBase.FromNats(DirichletNats([alpha1, beta1], [alpha2, beta2]));
    }

    /// <summary>KL(Dirichlet(α) ‖ Dirichlet(β)).</summary>
    /// <param name="alpha1">α, K ≥ 1 concentrations &gt; 0.</param>
    /// <param name="alpha2">β, K concentrations &gt; 0.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>ln Γ(α₀) − Σ ln Γ(αᵢ) − ln Γ(β₀) + Σ ln Γ(βᵢ) + Σ (αᵢ − βᵢ)(ψ(αᵢ) − ψ(α₀)) ≥ 0 with α₀ = Σ αᵢ, β₀ = Σ βᵢ.</returns>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths; a concentration not finite and positive (named with its index).</exception>
    /// <remarks>Reference: Penny (2001); PyTorch's <c>_kl_dirichlet_dirichlet</c>.</remarks>
    public static double Dirichlet(ReadOnlySpan<double> alpha1, ReadOnlySpan<double> alpha2, LogBase logBase = default)
    {
        Guard.NotEmpty(alpha1, nameof(alpha1));
        Guard.SameLength(alpha1, alpha2, nameof(alpha1), nameof(alpha2));
        Concentrations(alpha1, nameof(alpha1));
        Concentrations(alpha2, nameof(alpha2));
        return logBase.FromNats(DirichletNats(alpha1, alpha2));
    }

    private static double DirichletNats(ReadOnlySpan<double> alpha1, ReadOnlySpan<double> alpha2)
    {
        double total1 = CompensatedSum.Of(alpha1);
        double total2 = CompensatedSum.Of(alpha2);
        double digammaTotal = SpecialFunctions.Digamma(total1);
        var sum = default(CompensatedSum);
        sum.Add(SpecialFunctions.LogGamma(total1));
        sum.Add(-SpecialFunctions.LogGamma(total2));
        for (int i = 0; i < alpha1.Length; i++)
        {
            sum.Add(-SpecialFunctions.LogGamma(alpha1[i]));
            sum.Add(SpecialFunctions.LogGamma(alpha2[i]));
            sum.Add((alpha1[i] - alpha2[i]) * (SpecialFunctions.Digamma(alpha1[i]) - digammaTotal));
        }

        return Math.Max(0.0, sum.Value);
    }

    private static void NonNegative(double value, string paramName)
    {
        if (!(value >= 0.0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number ≥ 0; got {Guard.Format(value)}.");
        }
    }

    private static void Concentrations(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0.0) || double.IsPositiveInfinity(values[i]))
            {
                throw new ArgumentException($"{paramName} has a concentration {Guard.Format(values[i])} at index {i}; concentrations must be finite and positive.", paramName);
            }
        }
    }
}
