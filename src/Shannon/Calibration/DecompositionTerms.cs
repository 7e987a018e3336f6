using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// Accumulates the terms of the binned Brier decomposition (see <see cref="BrierDecomposition"/>) event by event:
/// for each binary event (a class k, or the positive class) its bins' counts n_b, Σ f, Σ f², Σ o and Σ o·f.
/// </summary>
internal struct DecompositionTerms(long rows)
{
    private CompensatedSum _reliability;
    private CompensatedSum _resolution;
    private CompensatedSum _uncertainty;
    private CompensatedSum _variance;
    private CompensatedSum _covariance;

    /// <summary>Adds one binary event over its bins.</summary>
    internal void AddEvent(ReadOnlySpan<long> counts, ReadOnlySpan<double> forecasts, ReadOnlySpan<double> squares, ReadOnlySpan<long> outcomes, ReadOnlySpan<double> outcomeForecasts)
    {
        long events = 0;
        foreach (long o in outcomes)
        {
            events += o;
        }

        double baseRate = (double)events / rows;
        _uncertainty.Add(baseRate * (1.0 - baseRate));
        for (int b = 0; b < counts.Length; b++)
        {
            long n = counts[b];
            if (n == 0)
            {
                continue;
            }

            double meanForecast = forecasts[b] / n;
            double frequency = (double)outcomes[b] / n;
            _reliability.Add(n * (meanForecast - frequency) * (meanForecast - frequency) / rows);
            _resolution.Add(n * (frequency - baseRate) * (frequency - baseRate) / rows);
            _variance.Add((squares[b] - (forecasts[b] * meanForecast)) / rows);
            _covariance.Add(2.0 * (outcomeForecasts[b] - (outcomes[b] * meanForecast)) / rows);
        }
    }

    internal readonly BrierDecomposition Result() =>
        new(_reliability.Value, _resolution.Value, _uncertainty.Value, _variance.Value, _covariance.Value);
}
