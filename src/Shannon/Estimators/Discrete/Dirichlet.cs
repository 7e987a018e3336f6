using Shannon.Measures;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// The Bayesian entropy estimator with a symmetric Dirichlet(a) prior: the entropy of the posterior-mean
/// frequencies p̂ₖ = (nₖ + a) / (N + m a), as the R package <c>entropy</c> computes it.
/// </summary>
/// <param name="Prior">Which pseudocount a to use: Jeffreys (½), Laplace (1), Perks (1/m), minimax (√N / m), or <see cref="DirichletPrior.Custom"/>.</param>
/// <param name="A">The pseudocount for <see cref="DirichletPrior.Custom"/>; ignored otherwise. Must be finite and ≥ 0; a = 0 gives the plug-in estimate.</param>
/// <remarks>
/// m is the length of the counts (zeros included) or, from labels, the number of distinct labels. Bias: upward
/// for large a (pulled towards ln m), downward for a → 0 (towards plug-in); no single a is good for every
/// distribution (Nemenman et al. 2002). The entropy of p̂ is <see cref="Measures.Entropy.Of"/>.
/// References: Krichevsky, R. &amp; Trofimov, V. (1981), doi:10.1109/TIT.1981.1056331 (Jeffreys);
/// Perks, W. (1947), doi:10.1017/S0020268100012270; Trybula, S. (1958), Some problems of simultaneous minimax
/// estimation, Annals of Mathematical Statistics 29(1), 245–253, doi:10.1214/aoms/1177706722 (minimax);
/// Hausser, J. &amp; Strimmer, K. (2009), JMLR 10, 1469–1484 (overview and the R package).
/// </remarks>
public sealed record Dirichlet(DirichletPrior Prior, double A = 0.0) : DiscreteEntropyEstimator
{
    /// <summary>A Dirichlet estimator with a custom pseudocount a ≥ 0 (a = 0 is the plug-in estimate, as R's <c>entropy.Dirichlet(y, a = 0)</c>).</summary>
    /// <param name="a">The pseudocount; finite and ≥ 0.</param>
    public Dirichlet(double a)
        : this(DirichletPrior.Custom, a)
    {
    }

    /// <inheritdoc/>
    /// <remarks><c>jeffreys</c>, <c>laplace</c>, <c>perks</c>, <c>minimax</c>, or <c>dirichlet:A</c> for a custom pseudocount.</remarks>
    public override string Name => Prior == DirichletPrior.Custom
        ? "dirichlet:" + A.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : Prior.ToString().ToLowerInvariant();

    /// <summary>The pseudocount a for an alphabet of m outcomes and N samples.</summary>
    /// <param name="m">The alphabet size.</param>
    /// <param name="n">The sample size N.</param>
    /// <returns>½, 1, 1/m, √N/m, or <see cref="A"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A custom pseudocount that is negative or not finite, or an unknown prior.</exception>
    public double Pseudocount(int m, long n) => Prior switch
    {
        DirichletPrior.Jeffreys => 0.5,
        DirichletPrior.Laplace => 1.0,
        DirichletPrior.Perks => 1.0 / m,
        DirichletPrior.Minimax => Math.Sqrt(n) / m,
        DirichletPrior.Custom when double.IsFinite(A) && A >= 0 => A,
        DirichletPrior.Custom => throw new ArgumentOutOfRangeException(nameof(A), A, $"A custom Dirichlet pseudocount must be finite and ≥ 0; got {A}."),
        _ => throw new ArgumentOutOfRangeException(nameof(Prior), Prior, "Unknown Dirichlet prior."),
    };

    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed)
    {
        int m = sortedCounts.Length;
        double a = Pseudocount(m, total);
        var posterior = new double[m];
        for (int k = 0; k < m; k++)
        {
            posterior[k] = sortedCounts[k] + a;
        }

        Distributions.Normalize(posterior, posterior);
        return Measures.Entropy.Of(posterior);
    }
}

/// <summary>The symmetric Dirichlet priors of the <see cref="Dirichlet"/> entropy estimator.</summary>
public enum DirichletPrior
{
    /// <summary>a = ½ (Jeffreys; Krichevsky–Trofimov).</summary>
    Jeffreys,

    /// <summary>a = 1 (Laplace; Bayes–Laplace uniform prior).</summary>
    Laplace,

    /// <summary>a = 1/m (Perks).</summary>
    Perks,

    /// <summary>a = √N / m (the minimax prior of Trybula).</summary>
    Minimax,

    /// <summary>a given by <see cref="Dirichlet.A"/>.</summary>
    Custom,
}
