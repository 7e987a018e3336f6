namespace Shannon.Numerics;

/// <summary>
/// Neumaier's improved Kahan summation: the error of a sum of n doubles stays O(ε) instead of O(nε).
/// Reference: Neumaier, A. (1974), Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
/// Summen, ZAMM 54(1), 39–51, doi:10.1002/zamm.19740540106.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The compensated total so far; ±∞ once an infinite term was added (the compensation is then NaN and is dropped).</summary>
    public readonly double Value => double.IsInfinity(_sum) ? _sum : _sum + _compensation;

    /// <summary>Adds one term.</summary>
    public void Add(double x)
    {
        double t = _sum + x;
        _compensation += Math.Abs(_sum) >= Math.Abs(x) ? (_sum - t) + x : (x - t) + _sum;
        _sum = t;
    }

    /// <summary>Adds another partial sum (e.g. one thread's) with its compensation.</summary>
    public void Add(CompensatedSum other)
    {
        Add(other._sum);
        Add(other._compensation);
    }

    /// <summary>The compensated sum of a span.</summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        var s = default(CompensatedSum);
        foreach (double v in values)
        {
            s.Add(v);
        }

        return s.Value;
    }
}
