using System.Numerics;

namespace Shannon.Calibration;

/// <summary>The objective near a pass's β, from each row's raw moments (<see cref="EvaluateExpanded"/>).</summary>
internal sealed partial class TemperatureObjective<TIn>
{
    /// <summary>The largest truncation bound (relative to the row spread) <see cref="EvaluateExpanded"/> accepts.</summary>
    private const double ExpansionTolerance = 1e-17;

    /// <summary>
    /// Whether the objective at <paramref name="beta"/> follows from the raw moments recorded by a pass at
    /// <paramref name="center"/> to double precision: with t = β − β_c and r = |t|·w (w the largest row spread, at most
    /// 707/β_c since lighter weights were dropped), the truncated series of E_β d = A₁/A₀ is off by at most
    /// w·r^K/K!·e^(2r)·(1 + r), which must be below 10⁻¹⁷ w (K = <see cref="ExpansionOrder"/>: r up to about 0.18).
    /// </summary>
    internal bool WithinReach(double center, double beta)
    {
        double width = Math.Min(Spread, -ExponentFloor / center);
        double r = Math.Abs(beta - center) * width;
        if (!(r <= 0.5))
        {
            return false;
        }

        double bound = Math.Exp(2.0 * r) * (1.0 + r);
        for (int j = 1; j <= ExpansionOrder; j++)
        {
            bound *= r / j;
        }

        return bound <= ExpansionTolerance;
    }

    /// <summary>
    /// L(β), L′, L″, L‴ without reading the rows, from the pass at β_c = <paramref name="center"/> that recorded each
    /// row's raw moments M_j = E_(β_c) d^j (<paramref name="raw"/>, j = 1 … K, row-minor) and gave L(β_c) =
    /// <paramref name="valueAtCenter"/>, over every <paramref name="stride"/>-th row as that pass read them. With t = β − β_c and s(β) = Σ e^(βd): s(β)/s(β_c) = E_(β_c) e^(td) = A₀ and
    /// E_(β_c) d^m e^(td) = A_m, where A_m = Σ_j t^j M_(j+m)/j! (M₀ = 1) truncated at M_K; so E_β d^m = A_m/A₀, each
    /// row's term of L is log s(β_c) + log A₀ − β d_y, and its confidence 1/s(β) is <paramref name="inverseAtCenter"/>/A₀
    /// (written to <paramref name="confidence"/> unless it is empty). Valid where <see cref="WithinReach"/> says so; the
    /// rows are summed in order, a vector of rows at a time, so the result has the same bits on any machine of the same
    /// vector width.
    /// </summary>
    internal TemperatureDerivatives EvaluateExpanded(double center, double valueAtCenter, ReadOnlySpan<double> raw, double beta, ReadOnlySpan<double> inverseAtCenter = default, Span<double> confidence = default, int stride = 1)
    {
        int n = (int)(((long)_rows + stride - 1) / stride);
        double t = beta - center;
        Span<double> coefficients = stackalloc double[ExpansionOrder + 1];
        coefficients[0] = 1.0;
        for (int j = 1; j <= ExpansionOrder; j++)
        {
            coefficients[j] = coefficients[j - 1] * t / j;
        }

        ReadOnlySpan<double> gaps = LabelGaps;
        if (stride != 1)
        {
            var picked = new double[n];
            for (int k = 0; k < n; k++)
            {
                picked[k] = gaps[k * stride];
            }

            gaps = picked;
        }

        bool record = !confidence.IsEmpty;
        var sums = new Sums();
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = default(LaneSums);
            var step = new Vector<double>(t);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var a0 = Vector<double>.Zero;
                var a1 = Vector<double>.Zero;
                var a2 = Vector<double>.Zero;
                var a3 = Vector<double>.Zero;
                for (int j = ExpansionOrder; j >= 1; j--)
                {
                    var m = new Vector<double>(raw.Slice(((j - 1) * n) + i, Vector<double>.Count));
                    a0 += new Vector<double>(coefficients[j]) * m;
                    a1 += new Vector<double>(coefficients[j - 1]) * m;
                    if (j >= 2)
                    {
                        a2 += new Vector<double>(coefficients[j - 2]) * m;
                    }

                    if (j >= 3)
                    {
                        a3 += new Vector<double>(coefficients[j - 3]) * m;
                    }
                }

                a0 += Vector<double>.One; // M₀ = 1
                var inverse = Vector<double>.One / a0;
                var mean = a1 * inverse;
                var second = a2 * inverse;
                var gap = new Vector<double>(gaps.Slice(i, Vector<double>.Count));
                lanes.Add(
                    Vector.Log(a0) - (step * gap),
                    mean - gap,
                    second - (mean * mean),
                    (a3 * inverse) - (new Vector<double>(3.0) * mean * second) + (new Vector<double>(2.0) * mean * mean * mean));
                if (record)
                {
                    (new Vector<double>(inverseAtCenter.Slice(i, Vector<double>.Count)) * inverse).CopyTo(confidence.Slice(i, Vector<double>.Count));
                }
            }

            lanes.AddTo(sums);
        }

        for (; i < n; i++)
        {
            double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
            for (int j = ExpansionOrder; j >= 1; j--)
            {
                double m = raw[((j - 1) * n) + i];
                a0 += coefficients[j] * m;
                a1 += coefficients[j - 1] * m;
                if (j >= 2)
                {
                    a2 += coefficients[j - 2] * m;
                }

                if (j >= 3)
                {
                    a3 += coefficients[j - 3] * m;
                }
            }

            a0 += 1.0;
            double inverse = 1.0 / a0;
            double mean = a1 * inverse;
            double second = a2 * inverse;
            sums.Value.Add(Math.Log(a0) - (t * gaps[i]));
            sums.Slope.Add(mean - gaps[i]);
            sums.Curvature += second - (mean * mean);
            sums.Third += (a3 * inverse) - (3.0 * mean * second) + (2.0 * mean * mean * mean);
            if (record)
            {
                confidence[i] = inverseAtCenter[i] * inverse;
            }
        }

        return new TemperatureDerivatives(valueAtCenter + (sums.Value.Value / n), sums.Slope.Value / n, Math.Max(0.0, sums.Curvature / n), sums.Third / n);
    }
}
