using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// The top-label bins of a set of samples (each a confidence max_k p_k and whether its arg-max is the label), and the
/// calibration errors read from them: ECE, MCE and Kumar et al.'s debiased ECE.
/// </summary>
internal sealed class TopLabelBins
{
    private readonly double[] _edges;
    private readonly long[] _counts;
    private readonly double[] _confidence;
    private readonly long[] _correct;
    private readonly long _n;

    private TopLabelBins(double[] edges, long[] counts, double[] confidence, long[] correct, long n)
    {
        _edges = edges;
        _counts = counts;
        _confidence = confidence;
        _correct = correct;
        _n = n;
    }

    /// <summary>Bins the samples (all of them, or the rows listed in <paramref name="rows"/>, with repeats).</summary>
    internal static TopLabelBins From(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int bins, BinStrategy strategy, ReadOnlySpan<int> rows = default)
    {
        if (strategy == BinStrategy.Uniform && rows.IsEmpty && confidence.Length >= RowParts.ParallelThreshold)
        {
            return Uniform(confidence, correct, bins);
        }

        double[] edges;
        if (strategy == BinStrategy.Uniform)
        {
            edges = CalibrationBinning.UniformEdges(bins);
        }
        else if (rows.IsEmpty)
        {
            edges = CalibrationBinning.QuantileEdges(confidence, bins);
        }
        else
        {
            var picked = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                picked[i] = confidence[rows[i]];
            }

            edges = CalibrationBinning.QuantileEdges(picked, bins);
        }

        var counts = new long[bins];
        var sums = new CompensatedSum[bins];
        var hits = new long[bins];
        bool uniform = strategy == BinStrategy.Uniform;
        int n = rows.IsEmpty ? confidence.Length : rows.Length;
        for (int j = 0; j < n; j++)
        {
            int i = rows.IsEmpty ? j : rows[j];
            double c = confidence[i];
            int b = CalibrationBinning.Locate(edges, c, uniform);
            counts[b]++;
            sums[b].Add(c);
            hits[b] += correct[i] ? 1 : 0;
        }

        return new TopLabelBins(edges, counts, Array.ConvertAll(sums, s => s.Value), hits, n);
    }

    /// <summary>Equal-width bins of every sample, counted in fixed parts of rows on the cores and merged in part order.</summary>
    private static unsafe TopLabelBins Uniform(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int bins)
    {
        var total = new CalibrationPart(1, bins);
        fixed (double* c = confidence)
        fixed (bool* h = correct)
        {
            nint cc = (nint)c, hh = (nint)h;
            int rowsPerPart = RowParts.RowsPerPart(confidence.Length, 1, minimumRows: 1);
            RowParts.Run(confidence.Length, rowsPerPart, () => new CalibrationPart(1, bins), part => part.Reset(), (part, first, count) =>
            {
                for (int i = first; i < first + count; i++)
                {
                    part.AddTop(((double*)cc)[i], ((bool*)hh)[i]);
                }

                part.Rows += count;
            }, total.Add);
        }

        return total.TopBins();
    }

    /// <summary>Bins already counted elsewhere (a pass's merged parts): edges, counts, Σ confidence and correct rows per bin, of <paramref name="n"/> rows.</summary>
    internal static TopLabelBins FromTotals(double[] edges, long[] counts, double[] confidence, long[] correct, long n) =>
        new(edges, counts, confidence, correct, n);

    /// <summary>
    /// The bins with their edges, counts, mean confidence and accuracy (NaN when empty), leaving out every bin after the
    /// first whose edges coincide: (a, a] holds nothing by construction (equal-mass edges of tied values, e.g. ten of
    /// them at a confidence of 0.5), so it is no bin of the data. The rows are binned exactly as before (and as
    /// scikit-learn's <c>calibration_curve</c>, which drops empty bins), so the ECE, MCE and every sum are unchanged.
    /// </summary>
    internal CalibrationBin[] Bins()
    {
        var bins = new List<CalibrationBin>(_counts.Length);
        for (int b = 0; b < _counts.Length; b++)
        {
            if (b > 0 && _edges[b] == _edges[b + 1])
            {
                continue;
            }

            long n = _counts[b];
            bins.Add(new CalibrationBin(_edges[b], _edges[b + 1], n, n == 0 ? double.NaN : _confidence[b] / n, n == 0 ? double.NaN : (double)_correct[b] / n));
        }

        return [.. bins];
    }

    /// <summary>ECE = Σ_b (n_b/N)|acc_b − conf_b| = (1/N) Σ_b |Σ correct − Σ confidence|.</summary>
    internal double ExpectedError()
    {
        var sum = default(CompensatedSum);
        for (int b = 0; b < _counts.Length; b++)
        {
            sum.Add(Math.Abs(_correct[b] - _confidence[b]));
        }

        return sum.Value / _n;
    }

    /// <summary>
    /// β, a bound on the plug-in ECE's upward bias: Σ_b (n_b/N)·σ_b·√(2/π) with σ_b² = p̃_b(1 − p̃_b)/n_b and
    /// p̃_b = (correct_b + ½)/(n_b + 1). Given the confidences, acc_b − conf_b ≈ N(δ_b, σ_b²), and E|N(δ, σ²)| − |δ| is
    /// largest at δ = 0, where it is σ√(2/π); the shrunken p̃_b keeps σ_b above 0 in a bin whose rows are all right or
    /// all wrong.
    /// </summary>
    internal double MaximumBias()
    {
        var sum = default(CompensatedSum);
        for (int b = 0; b < _counts.Length; b++)
        {
            long n = _counts[b];
            if (n > 0)
            {
                double p = (_correct[b] + 0.5) / (n + 1.0);
                sum.Add(n * Math.Sqrt(p * (1.0 - p) / n));
            }
        }

        return Math.Sqrt(2.0 / Math.PI) * sum.Value / _n;
    }

    /// <summary>MCE = max over non-empty bins of |acc_b − conf_b|.</summary>
    internal double MaximumError()
    {
        double max = 0.0;
        for (int b = 0; b < _counts.Length; b++)
        {
            if (_counts[b] > 0)
            {
                max = Math.Max(max, Math.Abs(((double)_correct[b] / _counts[b]) - (_confidence[b] / _counts[b])));
            }
        }

        return max;
    }

    /// <summary>
    /// Kumar et al.'s debiased ECE in its infinite-resample limit: 2·ECE − Σ_b (n_b/N)·E|D_b| with
    /// D_b ~ N(acc_b − conf_b, acc_b(1 − acc_b)/n_b), where E|D| = σ√(2/π)·e^(−μ²/2σ²) + μ·(1 − 2Φ(−μ/σ)).
    /// </summary>
    internal double DebiasedError()
    {
        var resampled = default(CompensatedSum);
        for (int b = 0; b < _counts.Length; b++)
        {
            long n = _counts[b];
            if (n == 0)
            {
                continue;
            }

            double accuracy = (double)_correct[b] / n;
            double mu = accuracy - (_confidence[b] / n);
            double sigma = Math.Sqrt(accuracy * (1.0 - accuracy) / n);
            resampled.Add(n * FoldedNormalMean(mu, sigma));
        }

        return (2.0 * ExpectedError()) - (resampled.Value / _n);
    }

    /// <summary>E|X| for X ~ N(μ, σ²): |μ| when σ = 0.</summary>
    internal static double FoldedNormalMean(double mu, double sigma)
    {
        if (sigma == 0.0)
        {
            return Math.Abs(mu);
        }

        double m = Math.Abs(mu);
        double z = m / sigma;
        return (sigma * Math.Sqrt(2.0 / Math.PI) * Math.Exp(-0.5 * z * z)) + (m * (1.0 - (2.0 * IncompleteGamma.NormalCdf(-z))));
    }
}
