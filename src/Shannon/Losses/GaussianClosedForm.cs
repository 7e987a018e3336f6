using System.Numerics;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// Closed forms for normal distributions: differential entropy, the KL divergence between univariate, diagonal and
/// full-covariance normals, the VAE's KL term from (μ, log σ²) and the β-weighted negative ELBO.
/// </summary>
/// <remarks>
/// Differential entropies are in nats (they may be negative); KL divergences are ≥ 0 and clamped at 0 against rounding.
/// Full covariances are factored by Cholesky (Σ = LLᵀ): log det Σ = 2 Σᵢ log Lᵢᵢ, tr(Σ₂⁻¹Σ₁) = ‖L₂⁻¹L₁‖²_F and the
/// Mahalanobis term ‖L₂⁻¹(μ₂ − μ₁)‖², so no inverse is formed.
/// References: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., Wiley, §8.4,
/// doi:10.1002/047174882X (entropy of the normal); Kingma, D. P. &amp; Welling, M. (2014), Auto-encoding variational
/// Bayes, ICLR, arXiv:1312.6114, Appendix B (the VAE term); Higgins, I. et al. (2017), β-VAE, ICLR (the β weight).
/// </remarks>
public static class GaussianClosedForm
{
    private const double LogTwoPiE = 2.8378770664093454836; // ln(2πe)

    /// <summary>The differential entropy of N(μ, σ²).</summary>
    /// <param name="variance">σ² &gt; 0, finite.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>h = ½ ln(2πe σ²) nats (converted to the unit); negative when σ² &lt; 1/(2πe).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="variance"/> is not finite and positive.</exception>
    /// <remarks>Independent of the mean. Reference: Cover &amp; Thomas (2006), Theorem 8.4.1, doi:10.1002/047174882X.</remarks>
    public static double Entropy(double variance, LogBase logBase = default)
    {
        Guard.Positive(variance, nameof(variance));
        return logBase.FromNats(0.5 * (LogTwoPiE + Math.Log(variance)));
    }

    /// <summary>The differential entropy of a k-dimensional normal N(μ, Σ).</summary>
    /// <param name="covariance">Σ, k×k row-major, symmetric positive definite (only the lower triangle is read).</param>
    /// <param name="dimension">k.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>h = ½ ln((2πe)^k det Σ) = (k/2) ln(2πe) + Σᵢ ln Lᵢᵢ nats (converted to the unit).</returns>
    /// <exception cref="ArgumentException"><paramref name="covariance"/> is not k×k, not finite, or not positive definite (named with the failing pivot).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive.</exception>
    /// <remarks>Reference: Cover &amp; Thomas (2006), Theorem 8.4.1, doi:10.1002/047174882X.</remarks>
    public static double Entropy(ReadOnlySpan<double> covariance, int dimension, LogBase logBase = default)
    {
        var factor = Cholesky.Factor(covariance, dimension, nameof(covariance));
        return logBase.FromNats((0.5 * dimension * LogTwoPiE) + (0.5 * Cholesky.LogDeterminant(factor, dimension)));
    }

    /// <summary>KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) between two univariate normals.</summary>
    /// <param name="mean1">μ₁, finite.</param>
    /// <param name="variance1">σ₁² &gt; 0.</param>
    /// <param name="mean2">μ₂, finite.</param>
    /// <param name="variance2">σ₂² &gt; 0.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>½ [ln(σ₂²/σ₁²) + (σ₁² + (μ₁ − μ₂)²)/σ₂² − 1] ≥ 0, in the unit; 0 iff the normals are equal.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite or a variance is not finite and positive.</exception>
    /// <remarks>Computed as ½[(r − 1 − ln r) + (μ₁ − μ₂)²/σ₂²] with r = σ₁²/σ₂², every part ≥ 0. Reference: Kullback, S. (1959), Information Theory and Statistics, Wiley (Dover 1968, ISBN 0-486-69684-7).</remarks>
    public static double KullbackLeibler(double mean1, double variance1, double mean2, double variance2, LogBase logBase = default)
    {
        Guard.Finite(mean1, nameof(mean1));
        Guard.Positive(variance1, nameof(variance1));
        Guard.Finite(mean2, nameof(mean2));
        Guard.Positive(variance2, nameof(variance2));
        return logBase.FromNats(Univariate(mean1, variance1, mean2, variance2));
    }

    /// <summary>KL(N(μ₁, diag σ₁²) ‖ N(μ₂, diag σ₂²)) between two normals with diagonal covariances.</summary>
    /// <param name="mean1">μ₁, k finite entries.</param>
    /// <param name="variance1">σ₁², k entries &gt; 0.</param>
    /// <param name="mean2">μ₂, k finite entries.</param>
    /// <param name="variance2">σ₂², k entries &gt; 0.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>Σᵢ ½ [ln(σ₂ᵢ²/σ₁ᵢ²) + (σ₁ᵢ² + (μ₁ᵢ − μ₂ᵢ)²)/σ₂ᵢ² − 1] ≥ 0, in the unit.</returns>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths; a mean not finite or a variance not positive (named with its index).</exception>
    /// <remarks>The sum of the univariate divergences (independent coordinates), compensated.</remarks>
    public static double KullbackLeiblerDiagonal(ReadOnlySpan<double> mean1, ReadOnlySpan<double> variance1, ReadOnlySpan<double> mean2, ReadOnlySpan<double> variance2, LogBase logBase = default)
    {
        Guard.NotEmpty(mean1, nameof(mean1));
        Guard.SameLength(mean1, variance1, nameof(mean1), nameof(variance1));
        Guard.SameLength(mean1, mean2, nameof(mean1), nameof(mean2));
        Guard.SameLength(mean1, variance2, nameof(mean1), nameof(variance2));
        Guard.AllFinite(mean1, nameof(mean1));
        Guard.AllFinite(mean2, nameof(mean2));
        PositiveEntries(variance1, nameof(variance1));
        PositiveEntries(variance2, nameof(variance2));
        var sum = default(CompensatedSum);
        for (int i = 0; i < mean1.Length; i++)
        {
            sum.Add(Univariate(mean1[i], variance1[i], mean2[i], variance2[i]));
        }

        return logBase.FromNats(sum.Value);
    }

    /// <summary>KL(N(μ₁, Σ₁) ‖ N(μ₂, Σ₂)) between two k-dimensional normals with full covariances.</summary>
    /// <param name="mean1">μ₁, k finite entries.</param>
    /// <param name="covariance1">Σ₁, k×k row-major, symmetric positive definite (the lower triangle is read).</param>
    /// <param name="mean2">μ₂, k finite entries.</param>
    /// <param name="covariance2">Σ₂, k×k row-major, symmetric positive definite (the lower triangle is read).</param>
    /// <param name="dimension">k, the dimension.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <returns>½ [tr(Σ₂⁻¹Σ₁) + (μ₂ − μ₁)ᵀΣ₂⁻¹(μ₂ − μ₁) − k + ln det Σ₂ − ln det Σ₁] ≥ 0 (clamped), in the unit.</returns>
    /// <exception cref="ArgumentException">Shapes that disagree; a non-finite entry; a covariance that is not positive definite
    /// (the message names the parameter and the pivot where the Cholesky factorisation failed).</exception>
    /// <remarks>Cholesky factors of both covariances; triangular solves only. Reference: Kullback (1959); Cover &amp; Thomas (2006), doi:10.1002/047174882X.</remarks>
    public static double KullbackLeibler(ReadOnlySpan<double> mean1, ReadOnlySpan<double> covariance1, ReadOnlySpan<double> mean2, ReadOnlySpan<double> covariance2, int dimension, LogBase logBase = default)
    {
        if (mean1.Length != dimension)
        {
            throw new ArgumentException($"mean1 has {mean1.Length} entries but dimension is {dimension}.", nameof(mean1));
        }

        Guard.SameLength(mean1, mean2, nameof(mean1), nameof(mean2));
        Guard.AllFinite(mean1, nameof(mean1));
        Guard.AllFinite(mean2, nameof(mean2));
        var l1 = Cholesky.Factor(covariance1, dimension, nameof(covariance1));
        var l2 = Cholesky.Factor(covariance2, dimension, nameof(covariance2));
        int k = dimension;
        var column = new double[k];
        var trace = default(CompensatedSum);
        for (int j = 0; j < k; j++)
        {
            // Column j of L₂⁻¹L₁: solve L₂ x = L₁[:, j].
            for (int i = 0; i < k; i++)
            {
                column[i] = l1[(i * k) + j];
            }

            Cholesky.SolveLower(l2, k, column);
            foreach (double x in column)
            {
                trace.Add(x * x);
            }
        }

        for (int i = 0; i < k; i++)
        {
            column[i] = mean2[i] - mean1[i];
        }

        Cholesky.SolveLower(l2, k, column);
        var mahalanobis = default(CompensatedSum);
        foreach (double x in column)
        {
            mahalanobis.Add(x * x);
        }

        double kl = 0.5 * (trace.Value + mahalanobis.Value - k + Cholesky.LogDeterminant(l2, k) - Cholesky.LogDeterminant(l1, k));
        return logBase.FromNats(Math.Max(0.0, kl));
    }

    /// <summary>The VAE's KL term KL(N(μ, diag σ²) ‖ N(0, I)) of every row of an encoder's output, and their mean.</summary>
    /// <param name="mean">μ, N×d row-major; finite.</param>
    /// <param name="logVariance">log σ², N×d row-major, the same shape; finite.</param>
    /// <param name="latentDimension">d, the latent dimension.</param>
    /// <param name="rowTerms">Optional: receives the N per-row terms in nats.</param>
    /// <returns>The batch mean (1/N) Σᵣ −½ Σᵢ (1 + log σᵢ² − μᵢ² − σᵢ²) in nats, ≥ 0.</returns>
    /// <exception cref="ArgumentException">Shapes that disagree; a non-finite entry (named with its index); <paramref name="rowTerms"/> too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latentDimension"/> is not positive.</exception>
    /// <remarks>
    /// Each coordinate is computed as ½(μ² + (e^(log σ²) − 1 − log σ²)) with e^x − 1 by expm1, so a posterior close to the
    /// prior (log σ² ≈ 0) keeps its small KL instead of cancelling to 0. Sum the rows (× N) for PyTorch code that sums over
    /// the batch. Reference: Kingma &amp; Welling (2014), arXiv:1312.6114, Appendix B.
    /// </remarks>
    public static double VaeKullbackLeibler(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, int latentDimension, Span<double> rowTerms = default) =>
        Vae(mean, logVariance, latentDimension, LossReduction.Mean, rowTerms, default, default).Value;

    /// <summary>
    /// The VAE's KL term KL(N(μ, diag σ²) ‖ N(0, I)) of every row of an encoder's output, reduced over the batch, with its
    /// gradients with respect to μ and log σ².
    /// </summary>
    /// <param name="mean">μ, N×d row-major; finite.</param>
    /// <param name="logVariance">log σ², N×d row-major, the same shape; finite.</param>
    /// <param name="latentDimension">d, the latent dimension.</param>
    /// <param name="reduction">Mean over the N rows (the usual VAE term), Sum over them, or None (one term per row).</param>
    /// <param name="rowTerms">Optional: receives the N per-row terms in nats, whatever the reduction.</param>
    /// <param name="meanGradient">Optional: receives ∂(reduced term)/∂μ = s·μ, N×d, with s = 1/N for Mean and 1 for Sum and None.</param>
    /// <param name="logVarianceGradient">Optional: receives ∂(reduced term)/∂log σ² = s·½(σ² − 1), N×d.</param>
    /// <returns>
    /// The rows' terms −½ Σᵢ (1 + log σᵢ² − μᵢ² − σᵢ²) ≥ 0 in nats, reduced: Value is their mean (Mean) or sum (Sum, None), Sum their
    /// sum, Weight and Count the number of rows N.
    /// </returns>
    /// <exception cref="ArgumentException">Shapes that disagree; a non-finite entry (named with its index); a destination too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latentDimension"/> is not positive, or <paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// The terms are summed over the d dimensions and, for Mean, averaged over the batch: PyTorch's
    /// <c>(-0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(dim=1)).mean()</c>. Each coordinate is computed as
    /// ½(μ² + (e^(log σ²) − 1 − log σ²)) with e^x − 1 by expm1 (no cancellation near the prior), each row's sum clamped at 0
    /// against rounding; the gradient is the exact derivative of the unclamped formula (½·expm1(log σ²) for log σ²). A very
    /// large log σ² (above about 709) gives +∞ for the term and its gradient. Float inputs are computed in double.
    /// Reference: Kingma &amp; Welling (2014), arXiv:1312.6114, Appendix B.
    /// </remarks>
    public static CrossEntropyResult VaeKullbackLeibler(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, int latentDimension, LossReduction reduction, Span<double> rowTerms = default, Span<double> meanGradient = default, Span<double> logVarianceGradient = default) =>
        Vae(mean, logVariance, latentDimension, reduction, rowTerms, meanGradient, logVarianceGradient);

    /// <inheritdoc cref="VaeKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, int, LossReduction, Span{double}, Span{double}, Span{double})"/>
    public static CrossEntropyResult VaeKullbackLeibler(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, int latentDimension, LossReduction reduction, Span<double> rowTerms = default, Span<float> meanGradient = default, Span<float> logVarianceGradient = default) =>
        Vae(mean, logVariance, latentDimension, reduction, rowTerms, meanGradient, logVarianceGradient);

    private static CrossEntropyResult Vae<T>(ReadOnlySpan<T> mean, ReadOnlySpan<T> logVariance, int latentDimension, LossReduction reduction, Span<double> rowTerms, Span<T> meanGradient, Span<T> logVarianceGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameLength(mean, logVariance, nameof(mean), nameof(logVariance));
        int rows = LogitGuard.Rows(mean.Length, latentDimension, nameof(mean), nameof(latentDimension));
        ElementLoss.Reduction(reduction);
        ElementLoss.Destination(rowTerms, rows, nameof(rowTerms));
        ElementLoss.Destination(meanGradient, mean.Length, nameof(meanGradient));
        ElementLoss.Destination(logVarianceGradient, mean.Length, nameof(logVarianceGradient));
        for (int i = 0; i < mean.Length; i++)
        {
            ElementLoss.Finite(mean[i], nameof(mean), i);
        }

        for (int i = 0; i < logVariance.Length; i++)
        {
            ElementLoss.Finite(logVariance[i], nameof(logVariance), i);
        }

        double scale = reduction == LossReduction.Mean ? 1.0 / rows : 1.0;
        var total = default(CompensatedSum);
        for (int r = 0; r < rows; r++)
        {
            var row = default(CompensatedSum);
            for (int i = r * latentDimension; i < (r + 1) * latentDimension; i++)
            {
                double mu = double.CreateTruncating(mean[i]);
                double logVar = double.CreateTruncating(logVariance[i]);
                double spread = SpecialFunctions.ExpM1(logVar);
                row.Add(0.5 * ((mu * mu) + (spread - logVar)));
                if (!meanGradient.IsEmpty)
                {
                    meanGradient[i] = T.CreateTruncating(scale * mu);
                }

                if (!logVarianceGradient.IsEmpty)
                {
                    logVarianceGradient[i] = T.CreateTruncating(scale * 0.5 * spread);
                }
            }

            double term = Math.Max(0.0, row.Value);
            total.Add(term);
            if (!rowTerms.IsEmpty)
            {
                rowTerms[r] = term;
            }
        }

        return ElementLoss.Result(total.Value, rows, rows, reduction);
    }

    /// <summary>The β-weighted negative evidence lower bound a (β-)VAE minimises.</summary>
    /// <param name="reconstructionLoss">−E_q[log p(x|z)], e.g. a binary cross-entropy or a squared error; finite.</param>
    /// <param name="kullbackLeibler">KL(q(z|x) ‖ p(z)) reduced the same way (e.g. <see cref="VaeKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double})"/>); ≥ 0.</param>
    /// <param name="beta">β ≥ 0; 1 gives −ELBO, β &gt; 1 presses the posterior toward the prior (disentanglement), β → 0 an autoencoder.</param>
    /// <returns>reconstructionLoss + β·kullbackLeibler, in the unit of the inputs; for β = 1, −ELBO ≥ −log p(x).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A non-finite reconstruction loss, a negative or NaN KL, or a negative or non-finite β.</exception>
    /// <remarks>Both terms must be reduced alike (both summed or both averaged over the batch). Reference: Higgins, I. et al. (2017),
    /// β-VAE: learning basic visual concepts with a constrained variational framework, ICLR; Kingma &amp; Welling (2014), arXiv:1312.6114.</remarks>
    public static double NegativeElbo(double reconstructionLoss, double kullbackLeibler, double beta = 1.0)
    {
        Guard.Finite(reconstructionLoss, nameof(reconstructionLoss));
        if (!(kullbackLeibler >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(kullbackLeibler), kullbackLeibler, $"kullbackLeibler must be ≥ 0; got {Guard.Format(kullbackLeibler)}.");
        }

        if (!(beta >= 0.0) || double.IsPositiveInfinity(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, $"beta must be a finite number ≥ 0; got {Guard.Format(beta)}.");
        }

        return reconstructionLoss + (beta * kullbackLeibler);
    }

    private static double Univariate(double mean1, double variance1, double mean2, double variance2)
    {
        double ratio = variance1 / variance2;
        double difference = mean1 - mean2;
        // r − 1 − ln r ≥ 0, computed as expm1(ln r) − ln r so it keeps its digits near r = 1.
        double logRatio = SpecialFunctions.LogRatio(variance1, variance2);
        double spread = double.IsFinite(ratio) ? SpecialFunctions.ExpM1(logRatio) - logRatio : ratio;
        return 0.5 * (Math.Max(0.0, spread) + (difference * difference / variance2));
    }

    private static void PositiveEntries(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0.0) || double.IsPositiveInfinity(values[i]))
            {
                throw new ArgumentException($"{paramName} has a non-positive or non-finite variance {Guard.Format(values[i])} at index {i}.", paramName);
            }
        }
    }
}
