namespace Shannon.Measures;

/// <summary>Perplexity: the effective number of equally likely outcomes of a distribution.</summary>
public static class Perplexity
{
    /// <summary>The perplexity of a distribution.</summary>
    /// <param name="p">The probabilities; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <returns>
    /// PP(p) = b^H_b(p) = e^H(p) with H in nats — the same number in every log base, so there is no log base
    /// parameter; 1 ≤ PP ≤ n, with n for the uniform distribution on n outcomes.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a NaN, negative or infinite entry, or does not sum to 1.</exception>
    /// <remarks>
    /// A fair die has perplexity 6; a model's perplexity on text is the exponential of its cross-entropy (per-token
    /// mean surprisal), computed by the language-model evaluators.
    /// Reference: Jelinek, F., Mercer, R. L., Bahl, L. R. &amp; Baker, J. K. (1977), Perplexity — a measure of the
    /// difficulty of speech recognition tasks, J. Acoust. Soc. Am. 62(S1), S63, doi:10.1121/1.2016299.
    /// </remarks>
    public static double Of(ReadOnlySpan<double> p) => Math.Exp(Entropy.Of(p));

    /// <summary>The perplexity of a model distribution q on outcomes drawn from p.</summary>
    /// <param name="p">The true distribution; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="q">The model distribution, the same length as <paramref name="p"/>; non-negative, summing to 1.</param>
    /// <returns>PP(p, q) = e^H(p, q) with the cross-entropy in nats; ≥ PP(p); +∞ when some qᵢ = 0 &lt; pᵢ.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty, has a NaN, negative or infinite entry, or does not
    /// sum to 1; or their lengths differ.
    /// </exception>
    /// <remarks>Reference: Jelinek et al. (1977), doi:10.1121/1.2016299.</remarks>
    public static double Of(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Math.Exp(CrossEntropy.Of(p, q));
}
