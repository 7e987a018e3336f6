using Shannon.Measures;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// The James–Stein shrinkage entropy estimator of Hausser and Strimmer: the entropy of the frequencies shrunk
/// towards the uniform target tₖ = 1/m, p̂ₖ = λ tₖ + (1 − λ) nₖ/N, with the data-driven intensity
/// λ = (1 − Σ (nₖ/N)²) / ((N − 1) Σ (tₖ − nₖ/N)²), clipped to [0, 1].
/// </summary>
/// <remarks>
/// m is the length of the counts (zeros included) or, from labels, the number of distinct labels. λ = 1 when N = 1
/// or the frequencies are already uniform. Bias: small, of either sign; much lower mean squared error than
/// plug-in when N ≲ m. The entropy of the shrunk frequencies is <see cref="Measures.Entropy.Of"/>.
/// Reference: Hausser, J. &amp; Strimmer, K. (2009), Entropy inference and the James–Stein estimator, with application
/// to nonlinear gene association networks, Journal of Machine Learning Research 10, 1469–1484,
/// doi:10.48550/arXiv.0811.3579.
/// </remarks>
public sealed record JamesStein : DiscreteEntropyEstimator
{
    /// <inheritdoc/>
    public override string Name => "james-stein";

    private protected override double Nats(ReadOnlySpan<long> sortedCounts, long total, int observed)
    {
        int m = sortedCounts.Length;
        double target = 1.0 / m;
        double squares = 0.0;
        double distance = 0.0;
        for (int k = 0; k < m; k++)
        {
            double u = (double)sortedCounts[k] / total;
            squares += u * u;
            distance += (target - u) * (target - u);
        }

        double lambda = total == 1 || distance == 0.0 ? 1.0 : Math.Clamp((1.0 - squares) / ((total - 1) * distance), 0.0, 1.0);
        var shrunk = new double[m];
        for (int k = 0; k < m; k++)
        {
            shrunk[k] = (lambda * target) + ((1.0 - lambda) * sortedCounts[k] / total);
        }

        Distributions.Normalize(shrunk, shrunk);
        return Measures.Entropy.Of(shrunk);
    }
}
