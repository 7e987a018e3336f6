using System.Numerics.Tensors;
using Shannon.Numerics;

namespace Shannon.Language.Logits;

/// <summary>
/// How far a model's next-token distributions are from a reference model's on the same tokens — the statistics
/// llama.cpp's perplexity tool prints with <c>--kl-divergence</c>: per-token KL(reference ‖ model) with its mean ± SE,
/// median, percentiles and extremes; top-1 agreement; Δp of the true token; ln(PPL ratio).
/// </summary>
/// <remarks>
/// Standard errors are s/√N of the per-token values (sample deviation s), and √(f(1−f)/N) for the agreement fraction f.
/// Quantiles interpolate linearly between order statistics (NumPy's default). Δp = p_model(true) − p_ref(true), so a
/// negative mean means the model under test is less sure of the text. ln(PPL_model/PPL_ref) is the mean of
/// NLL_model − NLL_ref over tokens. Reference: Kullback, S. &amp; Leibler, R. A. (1951), On Information and
/// Sufficiency, Ann. Math. Statist. 22(1), 79–86, doi:10.1214/aoms/1177729694.
/// </remarks>
public sealed class ReferenceComparison
{
    private readonly double[] _divergences;
    private readonly double[] _sorted;

    private ReferenceComparison(double[] divergences)
    {
        _divergences = divergences;
        _sorted = [.. divergences];
        Array.Sort(_sorted);
    }

    /// <summary>Scored tokens N.</summary>
    public int Tokens => _divergences.Length;

    /// <summary>KL(reference ‖ model) of each token, in nats.</summary>
    public ReadOnlySpan<double> KullbackLeiblerPerToken => _divergences;

    /// <summary>Mean KL(reference ‖ model) over tokens, in nats.</summary>
    public double MeanKullbackLeibler { get; private init; }

    /// <summary>Standard error s/√N of <see cref="MeanKullbackLeibler"/> (NaN for N &lt; 2).</summary>
    public double KullbackLeiblerStandardError { get; private init; }

    /// <summary>Median per-token KL, in nats.</summary>
    public double MedianKullbackLeibler => KullbackLeiblerQuantile(0.5);

    /// <summary>Largest per-token KL, in nats.</summary>
    public double MaximumKullbackLeibler => _sorted[^1];

    /// <summary>Smallest per-token KL, in nats.</summary>
    public double MinimumKullbackLeibler => _sorted[0];

    /// <summary>Fraction of tokens where both models' most probable token is the same.</summary>
    public double TopOneAgreement { get; private init; }

    /// <summary>Standard error √(f(1 − f)/N) of <see cref="TopOneAgreement"/>.</summary>
    public double TopOneAgreementStandardError => Math.Sqrt(TopOneAgreement * (1 - TopOneAgreement) / Tokens);

    /// <summary>Mean Δp = p_model(true token) − p_reference(true token).</summary>
    public double MeanDeltaProbability { get; private init; }

    /// <summary>Standard error s/√N of <see cref="MeanDeltaProbability"/>.</summary>
    public double DeltaProbabilityStandardError { get; private init; }

    /// <summary>Root mean square of Δp.</summary>
    public double RootMeanSquareDeltaProbability { get; private init; }

    /// <summary>Perplexity of the model under test, exp(mean NLL).</summary>
    public double ModelPerplexity => Math.Exp(ModelCrossEntropy);

    /// <summary>Perplexity of the reference model, exp(mean NLL).</summary>
    public double ReferencePerplexity => Math.Exp(ReferenceCrossEntropy);

    /// <summary>Mean NLL of the model under test, in nats per token.</summary>
    public double ModelCrossEntropy { get; private init; }

    /// <summary>Mean NLL of the reference, in nats per token.</summary>
    public double ReferenceCrossEntropy { get; private init; }

    /// <summary>ln(PPL_model / PPL_reference) = mean(NLL_model − NLL_ref), in nats.</summary>
    public double LogPerplexityRatio => ModelCrossEntropy - ReferenceCrossEntropy;

    /// <summary>Standard error s/√N of <see cref="LogPerplexityRatio"/> from the per-token NLL differences.</summary>
    public double LogPerplexityRatioStandardError { get; private init; }

    /// <summary>The q-quantile of the per-token KL, interpolating linearly between order statistics.</summary>
    /// <param name="q">0 ≤ q ≤ 1 (0.99 for the 99th percentile).</param>
    /// <returns>The quantile in nats.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1] or NaN.</exception>
    public double KullbackLeiblerQuantile(double q)
    {
        if (!(q is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must lie in [0, 1].");
        }

        double position = q * (_sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, _sorted.Length - 1);
        return _sorted[below] + ((position - below) * (_sorted[above] - _sorted[below]));
    }

    /// <summary>Compares a model's logits with a reference model's on the same T tokens.</summary>
    /// <param name="reference">T×V reference logits, row-major.</param>
    /// <param name="model">T×V logits of the model under test, row-major.</param>
    /// <param name="vocabulary">V.</param>
    /// <param name="targets">T true token ids in [0, V).</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">The tables are not both T×V; a bad logit (named with its table, row and class).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vocabulary"/> is not positive or a target is outside [0, V).</exception>
    public static ReferenceComparison Of(ReadOnlySpan<double> reference, ReadOnlySpan<double> model, int vocabulary, ReadOnlySpan<int> targets)
    {
        LogitScoring.CheckTable(reference.Length, vocabulary, targets, nameof(reference));
        LogitScoring.CheckTable(model.Length, vocabulary, targets, nameof(model));
        var builder = new ReferenceComparisonBuilder(vocabulary, targets);
        builder.Add(reference, model);
        return builder.Build();
    }

    /// <summary>The statistics from per-token divergences, log-probabilities and the top-1 agreements.</summary>
    internal static ReferenceComparison From(double[] divergences, double[] referenceLog, double[] modelLog, int agree)
    {
        int n = divergences.Length;
        var deltas = new double[n];
        var nllDifferences = new double[n];
        for (int t = 0; t < n; t++)
        {
            deltas[t] = Math.Exp(modelLog[t]) - Math.Exp(referenceLog[t]);
            nllDifferences[t] = referenceLog[t] - modelLog[t];
        }

        var (meanDelta, deltaError) = MeanAndError(deltas);
        return new ReferenceComparison(divergences)
        {
            MeanKullbackLeibler = MeanAndError(divergences).Mean,
            KullbackLeiblerStandardError = MeanAndError(divergences).Error,
            TopOneAgreement = (double)agree / n,
            MeanDeltaProbability = meanDelta,
            DeltaProbabilityStandardError = deltaError,
            RootMeanSquareDeltaProbability = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(deltas) / n),
            ModelCrossEntropy = -MeanAndError(modelLog).Mean,
            ReferenceCrossEntropy = -MeanAndError(referenceLog).Mean,
            LogPerplexityRatioStandardError = MeanAndError(nllDifferences).Error,
        };
    }

    /// <inheritdoc cref="Of(ReadOnlySpan{double}, ReadOnlySpan{double}, int, ReadOnlySpan{int})"/>
    public static ReferenceComparison Of(ReadOnlySpan<float> reference, ReadOnlySpan<float> model, int vocabulary, ReadOnlySpan<int> targets) =>
        Of(LogitScoring.Widen(reference), LogitScoring.Widen(model), vocabulary, targets);

    private static (double Mean, double Error) MeanAndError(ReadOnlySpan<double> values)
    {
        var sum = default(CompensatedSum);
        foreach (double v in values)
        {
            sum.Add(v);
        }

        double mean = sum.Value / values.Length;
        if (values.Length < 2)
        {
            return (mean, double.NaN);
        }

        var squares = default(CompensatedSum);
        foreach (double v in values)
        {
            squares.Add((v - mean) * (v - mean));
        }

        return (mean, Math.Sqrt(squares.Value / (values.Length - 1) / values.Length));
    }
}
