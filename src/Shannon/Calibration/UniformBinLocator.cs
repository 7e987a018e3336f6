namespace Shannon.Calibration;

/// <summary>
/// <see cref="CalibrationBinning.Locate"/> for equal-width bins by table look-up: v·2¹¹ is exact (a power of two), so
/// its integer part i says v ∈ [i/2¹¹, (i + 1)/2¹¹); when no interior edge lies in that interval every value in it has
/// the bin of i/2¹¹, which the table holds. The other entries (at most one per interior edge), values outside [0, 1]
/// and NaN take <see cref="CalibrationBinning.Locate"/> itself, so the bin is the same in every case.
/// </summary>
/// <remarks>
/// A calibration pass locates three to four values per row (the confidence, the label's probability and the rare
/// probabilities above the first edge, about two a row on 10⁶ × 10); <see cref="CalibrationBinning.Locate"/> costs a
/// multiplication, a rounding, a conversion and two correcting comparisons against the edges per value. The rare-bin
/// step alone took 22 % of a profile of the report's pass on 10⁶ × 10.
/// </remarks>
internal sealed class UniformBinLocator
{
    /// <summary>Table entries per unit: a power of two, so that v·Scale is exact.</summary>
    private const double Scale = 1 << 11;

    /// <summary>Above this many bins the table is not built (most entries would hold an edge).</summary>
    private const int MaxTabled = 1 << 9;

    private readonly double[] _edges;

    /// <summary>The bin of [i/Scale, (i + 1)/Scale) for i ≤ Scale, or −1 when an interior edge lies in it; empty above <see cref="MaxTabled"/> bins.</summary>
    private readonly short[] _table;

    /// <param name="edges">The B + 1 equal-width edges (<see cref="CalibrationBinning.UniformEdges"/>).</param>
    internal UniformBinLocator(double[] edges)
    {
        _edges = edges;
        int bins = edges.Length - 1;
        _table = bins > MaxTabled ? [] : new short[(int)Scale + 1];
        int edge = 1; // the next interior edge not below the entry's lower end
        for (int i = 0; i < _table.Length; i++)
        {
            double lower = i / Scale;
            double upper = (i + 1) / Scale;
            while (edge < bins && edges[edge] < lower)
            {
                edge++;
            }

            bool split = edge < bins && edges[edge] < upper;
            _table[i] = split ? (short)-1 : (short)CalibrationBinning.Locate(edges, lower, uniform: true);
        }
    }

    /// <summary>The bin of <paramref name="value"/>, exactly as <see cref="CalibrationBinning.Locate"/> with uniform: true.</summary>
    internal int Locate(double value)
    {
        double scaled = value * Scale;
        if (scaled >= 0.0 && scaled < _table.Length)
        {
            int bin = _table[(int)scaled];
            if (bin >= 0)
            {
                return bin;
            }
        }

        return CalibrationBinning.Locate(_edges, value, uniform: true);
    }
}
