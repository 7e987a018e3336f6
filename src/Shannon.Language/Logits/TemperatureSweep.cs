using Shannon.Numerics;

namespace Shannon.Language.Logits;

/// <summary>Perplexity and mean predictive entropy of a model's logits at one temperature.</summary>
/// <param name="Temperature">T &gt; 0: the distribution is softmax(z / T).</param>
/// <param name="Perplexity">exp(mean −ln p_T(true token)).</param>
/// <param name="MeanEntropy">Mean over tokens of the predictive entropy of softmax(z / T), in nats.</param>
public readonly record struct TemperaturePoint(double Temperature, double Perplexity, double MeanEntropy);

/// <summary>
/// Temperature as an entropy knob: accumulates, over any number of T×V logit tables, the perplexity of the true tokens
/// and the mean predictive entropy at each of a list of temperatures.
/// </summary>
/// <remarks>
/// Raising T flattens softmax(z / T): the mean entropy rises monotonically towards ln V, while the perplexity of the
/// true tokens is smallest near the temperature the model is calibrated at (T = 1 for a model trained with
/// cross-entropy) and grows on both sides. Reference: Hinton, G., Vinyals, O. &amp; Dean, J. (2015), Distilling the
/// Knowledge in a Neural Network, arXiv:1503.02531 (temperature); Guo, C., Pleiss, G., Sun, Y. &amp; Weinberger, K. Q.
/// (2017), On Calibration of Modern Neural Networks, ICML, arXiv:1706.04599.
/// </remarks>
public sealed class TemperatureSweep
{
    private readonly double[] _temperatures;
    private readonly CompensatedSum[] _negativeLogLikelihoods;
    private readonly CompensatedSum[] _entropies;
    private long _tokens;

    /// <summary>Starts a sweep over the given temperatures.</summary>
    /// <param name="temperatures">At least one temperature, each finite and &gt; 0.</param>
    /// <exception cref="ArgumentException"><paramref name="temperatures"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A temperature is not finite and positive.</exception>
    public TemperatureSweep(ReadOnlySpan<double> temperatures)
    {
        Guard.NotEmpty(temperatures, nameof(temperatures));
        foreach (double t in temperatures)
        {
            Guard.Positive(t, nameof(temperatures));
        }

        _temperatures = temperatures.ToArray();
        _negativeLogLikelihoods = new CompensatedSum[_temperatures.Length];
        _entropies = new CompensatedSum[_temperatures.Length];
    }

    /// <summary>Tokens added so far.</summary>
    public long Tokens => _tokens;

    /// <summary>Adds a T×V table of logits and its true tokens.</summary>
    /// <param name="logits">T×V logits, row-major.</param>
    /// <param name="vocabulary">V.</param>
    /// <param name="targets">T true token ids in [0, V).</param>
    /// <exception cref="ArgumentException">As for <see cref="LogitScoring.Score(ReadOnlySpan{double}, int, ReadOnlySpan{int}, Span{double}, Span{double}, Span{int}, double)"/>.</exception>
    public void Add(ReadOnlySpan<double> logits, int vocabulary, ReadOnlySpan<int> targets)
    {
        LogitScoring.CheckTable(logits.Length, vocabulary, targets, nameof(logits));
        var logProbabilities = new double[targets.Length];
        var entropies = new double[targets.Length];
        for (int k = 0; k < _temperatures.Length; k++)
        {
            LogitScoring.Score(logits, vocabulary, targets, logProbabilities, entropies, temperature: _temperatures[k]);
            for (int t = 0; t < targets.Length; t++)
            {
                _negativeLogLikelihoods[k].Add(-logProbabilities[t]);
                _entropies[k].Add(entropies[t]);
            }
        }

        _tokens += targets.Length;
    }

    /// <inheritdoc cref="Add(ReadOnlySpan{double}, int, ReadOnlySpan{int})"/>
    public void Add(ReadOnlySpan<float> logits, int vocabulary, ReadOnlySpan<int> targets) =>
        Add(LogitScoring.Widen(logits), vocabulary, targets);

    /// <summary>Perplexity and mean entropy at each temperature, in the order given.</summary>
    /// <returns>One point per temperature.</returns>
    /// <exception cref="InvalidOperationException">No token has been added.</exception>
    public IReadOnlyList<TemperaturePoint> Points()
    {
        if (_tokens == 0)
        {
            throw new InvalidOperationException("No logits were added to the temperature sweep.");
        }

        var points = new TemperaturePoint[_temperatures.Length];
        for (int k = 0; k < points.Length; k++)
        {
            points[k] = new TemperaturePoint(_temperatures[k], Math.Exp(_negativeLogLikelihoods[k].Value / _tokens), _entropies[k].Value / _tokens);
        }

        return points;
    }
}
