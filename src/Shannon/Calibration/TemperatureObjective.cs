using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// The temperature-scaling objective as a function of the inverse temperature β = 1/T: the mean NLL of softmax(β z)
/// and its first two derivatives, L(β) = mean_i [log Σ_k e^(β z_ik) − β z_iy], L′ = mean_i [E_β z_i − z_iy] and
/// L″ = mean_i Var_β z_i ≥ 0, all from one pass over the rows in double precision.
/// </summary>
/// <remarks>
/// Rows are z = logits, or z = ln p for probability rows (masked classes, p = 0, are −∞ and carry no weight). Each row
/// is shifted by its maximum: with d_k = z_k − max z and s = Σ e^(β d_k), the row's terms are log s − β d_y,
/// Σ d e^(βd)/s − d_y and Σ d² e^(βd)/s − (Σ d e^(βd)/s)², and its top-label confidence is 1/s. The first pass stores
/// every row's maximum and d_y, so later passes read each row once.
/// </remarks>
internal sealed class TemperatureObjective<TIn>
    where TIn : unmanaged, IFloatingPointIeee754<TIn>
{
    private const int Chunk = 1024;

    private readonly ReadOnlyMemoryPointer _values;
    private readonly int _rows;
    private readonly int _classes;
    private readonly int[] _labels;
    private readonly bool _logProbabilities;
    private readonly string _name;
    private double[]? _rowMax;
    private double[]? _labelGap;
    private bool[]? _correct;
    private double _slopeAtZero = double.NaN;

    /// <summary>An objective over N×C rows that must stay pinned (or be native memory) for the objective's lifetime.</summary>
    internal unsafe TemperatureObjective(TIn* values, int rows, int classes, int[] labels, bool logProbabilities, string name)
    {
        _values = new ReadOnlyMemoryPointer((nint)values);
        _rows = rows;
        _classes = classes;
        _labels = labels;
        _logProbabilities = logProbabilities;
        _name = name;
    }

    /// <summary>How many passes over the rows have been made.</summary>
    internal int Passes { get; private set; }

    /// <summary>True when every row's label is one of its arg-max classes (d_y = 0): L then falls towards its infimum as β → ∞.</summary>
    internal bool EveryLabelOnTop { get; private set; }

    /// <summary>L′(0⁺) = mean_i [mean of the finite z_ik − z_iy]: when ≥ 0, L rises with β everywhere and is least as β → 0.</summary>
    internal double SlopeAtZero => _slopeAtZero;

    /// <summary>Whether each row's first arg-max (of the stored values, not of z) is its label; known after the first pass.</summary>
    internal ReadOnlySpan<bool> Correct => _correct;

    /// <summary>L(β), L′(β), L″(β) in nats; writes each row's confidence 1/s when <paramref name="confidence"/> is not empty.</summary>
    internal unsafe (double Value, double Slope, double Curvature) Evaluate(double beta, Span<double> confidence)
    {
        bool first = _rowMax is null;
        _rowMax ??= new double[_rows];
        _labelGap ??= new double[_rows];
        _correct ??= new bool[_rows];
        var totals = new Sums();
        fixed (double* c = confidence)
        {
            nint cc = (nint)c;
            bool record = !confidence.IsEmpty;
            int rowsPerPart = RowParts.RowsPerPart(_rows, _classes, minimumRows: 1);
            RowParts.Run(_rows, rowsPerPart, () => new Sums(), s => s.Clear(), (sums, start, count) =>
            {
                Span<double> scratch = stackalloc double[Chunk];
                for (int i = start; i < start + count; i++)
                {
                    var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)i * _classes), _classes);
                    if (first)
                    {
                        sums.SlopeAtZero.Add(Prepare(row, i, scratch));
                    }

                    double s = Row(row, _rowMax[i], beta, scratch, out double s1, out double s2);
                    double mean = s1 / s;
                    sums.Value.Add(Math.Log(s) - (beta * _labelGap[i]));
                    sums.Slope.Add(mean - _labelGap[i]);
                    sums.Curvature.Add((s2 / s) - (mean * mean));
                    if (record)
                    {
                        ((double*)cc)[i] = 1.0 / s;
                    }
                }
            }, totals.Add);
        }

        if (first)
        {
            EveryLabelOnTop = Array.TrueForAll(_labelGap, g => g == 0.0);
            _slopeAtZero = totals.SlopeAtZero.Value / _rows;
        }

        Passes++;
        return (totals.Value.Value / _rows, totals.Slope.Value / _rows, Math.Max(0.0, totals.Curvature.Value / _rows));
    }

    /// <summary>
    /// Stores the row's maximum z, d_y = z_y − max z and whether its first arg-max is the label; returns the row's term
    /// of L′(0⁺). Rejects NaN and +∞, a row without a finite z, and a label with z_y = −∞ (probability 0).
    /// </summary>
    private double Prepare(ReadOnlySpan<TIn> row, int rowIndex, Span<double> scratch)
    {
        double max = double.NegativeInfinity;
        double atLabel = double.NaN;
        double finiteSum = 0.0;
        int finiteCount = 0;
        int label = _labels[rowIndex];
        TIn best = TIn.NegativeInfinity;
        int argmax = -1;
        for (int start = 0; start < row.Length; start += Chunk)
        {
            var raw = row.Slice(start, Math.Min(Chunk, row.Length - start));
            TIn rawMax = TensorPrimitives.Max(raw);
            if (argmax < 0 || rawMax > best)
            {
                best = rawMax;
                argmax = start + MetricsPass.FirstIndexOf(raw, rawMax);
            }

            var z = Load(raw, scratch);
            double chunkMax = TensorPrimitives.Max(z);
            if (double.IsNaN(chunkMax) || double.IsPositiveInfinity(chunkMax))
            {
                throw BadRow(row, rowIndex);
            }

            max = Math.Max(max, chunkMax);
            if (double.IsFinite(TensorPrimitives.Min(z)))
            {
                finiteSum += TensorPrimitives.Sum(z);
                finiteCount += z.Length;
            }
            else
            {
                foreach (double v in z)
                {
                    if (double.IsFinite(v))
                    {
                        finiteSum += v;
                        finiteCount++;
                    }
                }
            }

            if (label >= start && label < start + z.Length)
            {
                atLabel = z[label - start];
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            throw BadRow(row, rowIndex);
        }

        if (double.IsNegativeInfinity(atLabel))
        {
            throw new ArgumentException(
                $"{_name} row {rowIndex} gives its label {label} probability 0, so the NLL is infinite at every temperature.", _name);
        }

        _rowMax![rowIndex] = max;
        _labelGap![rowIndex] = atLabel - max;
        _correct![rowIndex] = argmax == label;
        return (finiteSum / finiteCount) - atLabel;
    }

    private ArgumentException BadRow(ReadOnlySpan<TIn> row, int rowIndex)
    {
        if (!_logProbabilities)
        {
            return Shannon.Losses.LogitGuard.BadRow(row, rowIndex, _classes, _name);
        }

        for (int k = 0; k < row.Length; k++)
        {
            double v = double.CreateTruncating(row[k]);
            if (!(v >= 0.0) || double.IsPositiveInfinity(v))
            {
                string what = double.IsNaN(v) ? "a NaN entry" : double.IsInfinity(v) ? $"an infinite entry {Guard.Format(v)}" : $"a negative entry {Guard.Format(v)}";
                return new ArgumentException($"{_name} has {what} at row {rowIndex}, class {k}.", _name);
            }
        }

        return new ArgumentException($"{_name} row {rowIndex} has no positive probability.", _name);
    }

    /// <summary>s = Σ e^(β d), s1 = Σ d e^(β d), s2 = Σ d² e^(β d) over the row, d = z − max.</summary>
    private double Row(ReadOnlySpan<TIn> row, double max, double beta, Span<double> scratch, out double s1, out double s2)
    {
        var sum = Vector256<double>.Zero;
        var first = Vector256<double>.Zero;
        var second = Vector256<double>.Zero;
        double s = 0.0;
        s1 = 0.0;
        s2 = 0.0;
        var shift = Vector256.Create(max);
        var scale = Vector256.Create(beta);
        for (int start = 0; start < row.Length; start += Chunk)
        {
            var z = Load(row.Slice(start, Math.Min(Chunk, row.Length - start)), scratch);
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref double values = ref MemoryMarshal.GetReference(z);
                for (; i <= z.Length - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    var d = Vector256.LoadUnsafe(ref values, (nuint)i) - shift;
                    var e = Vector256.Exp(d * scale);
                    // A −∞ entry (masked class) has e = 0 and must add 0, not −∞ · 0.
                    d = Vector256.ConditionalSelect(Vector256.Equals(e, Vector256<double>.Zero), Vector256<double>.Zero, d);
                    var de = d * e;
                    sum += e;
                    first += de;
                    second += d * de;
                }
            }

            for (; i < z.Length; i++)
            {
                double d = z[i] - max;
                double e = Math.Exp(beta * d);
                if (e != 0.0)
                {
                    s += e;
                    s1 += d * e;
                    s2 += d * d * e;
                }
            }
        }

        s1 += Vector256.Sum(first);
        s2 += Vector256.Sum(second);
        return s + Vector256.Sum(sum);
    }

    /// <summary>A chunk of the row as doubles z: logits widened, or ln p.</summary>
    private ReadOnlySpan<double> Load(ReadOnlySpan<TIn> chunk, Span<double> scratch)
    {
        Span<double> z;
        if (typeof(TIn) == typeof(double))
        {
            if (!_logProbabilities)
            {
                return MemoryMarshal.Cast<TIn, double>(chunk);
            }

            z = scratch[..chunk.Length];
            TensorPrimitives.Log(MemoryMarshal.Cast<TIn, double>(chunk), z);
            return z;
        }

        z = scratch[..chunk.Length];
        TensorPrimitives.ConvertTruncating<float, double>(MemoryMarshal.Cast<TIn, float>(chunk), z);
        if (_logProbabilities)
        {
            TensorPrimitives.Log(z, z);
        }

        return z;
    }

    /// <summary>An address kept as an integer so that lambdas can capture it.</summary>
    private readonly record struct ReadOnlyMemoryPointer(nint Address);

    private sealed class Sums
    {
        internal CompensatedSum Value;
        internal CompensatedSum Slope;
        internal CompensatedSum Curvature;
        internal CompensatedSum SlopeAtZero;

        internal void Add(Sums other)
        {
            Value.Add(other.Value);
            Slope.Add(other.Slope);
            Curvature.Add(other.Curvature);
            SlopeAtZero.Add(other.SlopeAtZero);
        }

        internal void Clear()
        {
            Value = default;
            Slope = default;
            Curvature = default;
            SlopeAtZero = default;
        }
    }
}
