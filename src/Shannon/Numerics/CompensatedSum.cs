using System.Numerics;
using System.Runtime.InteropServices;

namespace Shannon.Numerics;

/// <summary>
/// Neumaier's improved Kahan summation: the error of a sum of n doubles stays O(ε) instead of O(nε).
/// Reference: Neumaier, A. (1974), Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
/// Summen, ZAMM 54(1), 39–51, doi:10.1002/zamm.19740540106.
/// </summary>
public struct CompensatedSum
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

    /// <summary>Adds another partial sum (e.g. one thread's) with its compensation (dropped, as NaN, when that sum is infinite).</summary>
    public void Add(CompensatedSum other)
    {
        Add(other._sum);
        if (!double.IsInfinity(other._sum))
        {
            Add(other._compensation);
        }
    }

    /// <summary>
    /// The compensated sum of a span: interleaved Neumaier sums, one per lane of the machine's vector (four with AVX2, two
    /// with SSE or NEON; the same update, with the larger-magnitude operand chosen per lane), folded together at the
    /// end; the error stays O(ε).
    /// </summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        var s = default(CompensatedSum);
        int i = 0;
        int width = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * width)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            var sum = Vector<double>.Zero;
            var compensation = Vector<double>.Zero;
            for (; i <= values.Length - width; i += width)
            {
                var x = Vector.LoadUnsafe(ref start, (nuint)i);
                var t = sum + x;
                var sumIsLarger = Vector.GreaterThanOrEqual(Vector.Abs(sum), Vector.Abs(x));
                compensation += (Vector.ConditionalSelect(sumIsLarger, sum, x) - t) + Vector.ConditionalSelect(sumIsLarger, x, sum);
                sum = t;
            }

            for (int lane = 0; lane < width; lane++)
            {
                s.Add(sum[lane]);
                if (double.IsFinite(sum[lane]))
                {
                    s.Add(compensation[lane]);
                }
            }
        }

        for (; i < values.Length; i++)
        {
            s.Add(values[i]);
        }

        return s.Value;
    }
}
