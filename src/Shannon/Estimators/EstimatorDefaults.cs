namespace Shannon.Estimators;

/// <summary>
/// The defaults every estimator, every command and the report share, in one place, so that the same pair with the
/// same options gives the same bits wherever it is asked.
/// </summary>
public static class EstimatorDefaults
{
    /// <summary>k, the neighbours of the k-NN estimators (KSG, Ross, Kozachenko–Leonenko, Frenzel–Pompe): 3, scikit-learn's <c>n_neighbors</c>.</summary>
    public const int K = 3;

    /// <summary>
    /// The seed of the tie-breaking jitter of the k-NN estimators and of every resampling and permutation: 0. The
    /// jitter (scikit-learn's 1e-10 · max(1, mean |x|) · 𝒩(0, 1) per scaled column) is on by default, so rounded data
    /// with ties are estimated as scikit-learn estimates them, and deterministically.
    /// </summary>
    public const int Seed = 0;

    /// <summary>A numeric column whose values are all integers and take at most this many distinct values is discrete (<see cref="Variable.LooksDiscrete"/>).</summary>
    public const int MaxDiscreteValues = 20;

    /// <summary>The confidence level of intervals: 0.95.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>The number of half-samples behind an interval (<see cref="Uncertainty.HalfSampling"/>): 200.</summary>
    public const int IntervalReplicates = 200;

    /// <summary>The unit every result is reported in unless the caller asks for another: nats.</summary>
    public static LogBase Unit => LogBase.Nats;
}
