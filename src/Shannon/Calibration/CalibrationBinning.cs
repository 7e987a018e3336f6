namespace Shannon.Calibration;

/// <summary>
/// Bin edges as numpy computes them (<c>linspace</c>, <c>percentile</c> with linear interpolation) and the
/// right-closed bin of a value (<c>searchsorted(edges[1:-1], value)</c>), so that bins agree with scikit-learn's
/// <c>calibration_curve</c> bit for bit.
/// </summary>
internal static class CalibrationBinning
{
    /// <summary>Most bins allowed: the classwise table holds classes × bins cells per worker.</summary>
    internal const int MaxBins = 1_000_000;

    /// <summary>Checks a bin count.</summary>
    internal static void CheckBins(int bins, string paramName = "bins")
    {
        if (bins is < 1 or > MaxBins)
        {
            throw new ArgumentOutOfRangeException(paramName, bins, $"{paramName} must be in 1–{MaxBins}; got {bins}.");
        }
    }

    /// <summary><c>numpy.linspace(0, 1, bins + 1)</c>: i·(1/bins) rounded once, the last edge exactly 1.</summary>
    internal static double[] UniformEdges(int bins)
    {
        var edges = new double[bins + 1];
        double step = 1.0 / bins;
        for (int i = 0; i < bins; i++)
        {
            edges[i] = i * step;
        }

        edges[bins] = 1.0;
        return edges;
    }

    /// <summary>
    /// <c>numpy.percentile(values, numpy.linspace(0, 1, bins + 1) * 100)</c> with numpy's linear method: the position
    /// (n − 1)·q of each quantile q = (100·edge)/100 in the sorted values, interpolated as numpy's <c>_lerp</c>
    /// (a + (b − a)·t, or b − (b − a)·(1 − t) from t = ½ on).
    /// </summary>
    internal static double[] QuantileEdges(ReadOnlySpan<double> values, int bins)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return QuantileEdgesOfSorted(sorted, bins);
    }

    /// <inheritdoc cref="QuantileEdges(ReadOnlySpan{double}, int)"/>
    internal static double[] QuantileEdgesOfSorted(ReadOnlySpan<double> sorted, int bins)
    {
        int n = sorted.Length;
        double[] levels = UniformEdges(bins);
        var edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++)
        {
            double quantile = levels[i] * 100.0 / 100.0;
            double position = (n - 1) * quantile;
            if (position >= n - 1)
            {
                edges[i] = sorted[n - 1];
                continue;
            }

            int below = (int)Math.Floor(position);
            double a = sorted[below];
            double b = sorted[below + 1];
            double t = position - below;
            double difference = b - a;
            edges[i] = t >= 0.5 ? b - (difference * (1.0 - t)) : a + (difference * t);
        }

        return edges;
    }

    /// <summary>
    /// The bin of <paramref name="value"/>: the number of interior edges (<paramref name="edges"/>[1 … B − 1]) strictly
    /// below it, i.e. bin b holds (edges[b], edges[b + 1]], the first bin everything up to edges[1] and the last
    /// everything above edges[B − 1].
    /// </summary>
    internal static int Locate(ReadOnlySpan<double> edges, double value, bool uniform)
    {
        int bins = edges.Length - 1;
        if (uniform)
        {
            // A first guess from value·B, corrected against the edges themselves (i·(1/B) is not always i/B).
            double guess = Math.Ceiling(value * bins) - 1.0;
            int b = guess <= 0.0 ? 0 : guess >= bins - 1 ? bins - 1 : (int)guess;
            while (b > 0 && value <= edges[b])
            {
                b--;
            }

            while (b < bins - 1 && value > edges[b + 1])
            {
                b++;
            }

            return b;
        }

        // Lower bound in edges[1 .. bins − 1]: the first interior edge ≥ value.
        int low = 1;
        int high = bins;
        while (low < high)
        {
            int middle = (int)((uint)(low + high) >> 1);
            if (edges[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }

    /// <summary>The edges of <paramref name="bins"/> bins of <paramref name="values"/> by <paramref name="strategy"/>.</summary>
    internal static double[] Edges(ReadOnlySpan<double> values, int bins, BinStrategy strategy) =>
        strategy == BinStrategy.Uniform ? UniformEdges(bins) : QuantileEdges(values, bins);
}
