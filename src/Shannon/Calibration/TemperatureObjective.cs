using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// The temperature-scaling objective as a function of the inverse temperature β = 1/T: the mean NLL of softmax(β z)
/// and its first three derivatives, L(β) = mean_i [log Σ_k e^(β z_ik) − β z_iy], L′ = mean_i [E_β z_i − z_iy],
/// L″ = mean_i Var_β z_i ≥ 0 and L‴ = mean_i of the third central moment, all from one pass over the rows (or over
/// every s-th row) in double precision.
/// </summary>
/// <remarks>
/// Rows are z = logits, or z = ln p for probability rows (masked classes, p = 0, are −∞ and carry no weight). Each row
/// is shifted by its maximum: with d_k = z_k − max z and s = Σ e^(β d_k), the row's terms are log s − β d_y,
/// Σ d e^(βd)/s − d_y, Σ d² e^(βd)/s − (Σ d e^(βd)/s)² and the third central moment, and its top-label confidence is
/// 1/s. The first pass (over every row) stores each row's maximum and d_y, so later passes read each row once. Rows
/// shorter than 64 values are converted into a buffer padded with −∞ to whole vectors.
/// </remarks>
internal sealed class TemperatureObjective<TIn>
    where TIn : unmanaged, IFloatingPointIeee754<TIn>
{
    private const int Chunk = 1024;

    /// <summary>Rows of fewer classes than this are evaluated <see cref="Lanes"/> at a time, transposed.</summary>
    private const int BlockBelow = 32;

    /// <summary>Rows per transposed block: one per lane of a 256-bit vector of doubles.</summary>
    private const int Lanes = 4;

    /// <summary>e^x for x below this is under 1e-307 and is dropped: each row's sum holds e^0 = 1.</summary>
    private const double ExponentFloor = -707.0;

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

    /// <summary>How many passes over every row have been made (subsample passes are not counted).</summary>
    internal int Passes { get; private set; }

    /// <summary>True when every row's label is one of its arg-max classes (d_y = 0): L then falls towards its infimum as β → ∞.</summary>
    internal bool EveryLabelOnTop { get; private set; }

    /// <summary>L′(0⁺) = mean_i [mean of the finite z_ik − z_iy]: when ≥ 0, L rises with β everywhere and is least as β → 0.</summary>
    internal double SlopeAtZero => _slopeAtZero;

    /// <summary>Whether each row's first arg-max (of the stored values, not of z) is its label; known after the first pass.</summary>
    internal ReadOnlySpan<bool> Correct => _correct;

    /// <summary>
    /// L(β), L′(β), L″(β), L‴(β) in nats over every <paramref name="stride"/>-th row; writes each row's confidence 1/s
    /// when <paramref name="confidence"/> is not empty (every row). The first evaluation must cover every row.
    /// </summary>
    internal unsafe TemperatureDerivatives Evaluate(double beta, Span<double> confidence, int stride = 1)
    {
        bool first = _rowMax is null;
        if (first && stride != 1)
        {
            throw new InvalidOperationException("The first evaluation of the temperature objective must read every row.");
        }

        int rows = (int)(((long)_rows + stride - 1) / stride);
        int padded = MetricsPass.PaddedWidth(_classes) == 0 ? 0 : (_classes + 7) & ~7;
        _rowMax ??= new double[_rows];
        _labelGap ??= new double[_rows];
        _correct ??= new bool[_rows];
        var totals = new Sums();
        fixed (double* c = confidence)
        {
            nint cc = (nint)c;
            bool record = !confidence.IsEmpty;
            int rowsPerPart = RowParts.RowsPerPart(rows, _classes, minimumRows: 1);
            bool blocks = _classes < BlockBelow && Vector256.IsHardwareAccelerated;
            RowParts.Run(rows, rowsPerPart, () => new Sums(), s => s.Clear(), (sums, start, count) =>
            {
                Span<double> scratch = stackalloc double[Chunk];
                scratch.Fill(double.NegativeInfinity); // the padding of short rows, which later loads leave in place
                int k = start;
                if (blocks)
                {
                    Span<double> block = stackalloc double[_classes * Lanes];
                    var lanes = default(LaneSums);
                    for (; k <= start + count - Lanes; k += Lanes)
                    {
                        if (first)
                        {
                            for (int r = 0; r < Lanes; r++)
                            {
                                var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)(k + r) * _classes), _classes);
                                sums.SlopeAtZero.Add(Prepare(row, k + r, scratch));
                            }
                        }

                        Block(k, stride, beta, block, ref lanes, record ? (double*)cc : null);
                    }

                    lanes.AddTo(sums);
                }

                for (; k < start + count; k++)
                {
                    int i = k * stride;
                    var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)i * _classes), _classes);
                    if (first)
                    {
                        sums.SlopeAtZero.Add(Prepare(row, i, scratch));
                    }

                    double s = Row(row, _rowMax[i], beta, scratch, padded, out double s1, out double s2, out double s3);
                    double inverse = 1.0 / s;
                    double mean = s1 * inverse;
                    double second = s2 * inverse;
                    sums.Value.Add(Math.Log(s) - (beta * _labelGap[i]));
                    sums.Slope.Add(mean - _labelGap[i]);

                    // L″ and L‴ only shape the steps: plain sums are enough for them.
                    sums.Curvature += second - (mean * mean);
                    sums.Third += (s3 * inverse) - (3.0 * mean * second) + (2.0 * mean * mean * mean);
                    if (record)
                    {
                        ((double*)cc)[i] = inverse;
                    }
                }
            }, totals.Add);
        }

        if (first)
        {
            EveryLabelOnTop = Array.TrueForAll(_labelGap, g => g == 0.0);
            _slopeAtZero = totals.SlopeAtZero.Value / _rows;
        }

        Passes += stride == 1 ? 1 : 0;
        return new TemperatureDerivatives(totals.Value.Value / rows, totals.Slope.Value / rows, Math.Max(0.0, totals.Curvature / rows), totals.Third / rows);
    }

    /// <summary>
    /// The terms of <see cref="Lanes"/> rows at once, class by class: the rows are copied transposed (class-major) into
    /// <paramref name="block"/>, so that each vector holds one class of four rows and every per-row quantity — the sums,
    /// the logarithm, the quotients — is computed lane-wise, with no horizontal sum and no padding.
    /// </summary>
    private unsafe void Block(int first, int stride, double beta, Span<double> block, ref LaneSums lanes, double* confidence)
    {
        int classes = _classes;
        Span<int> index = stackalloc int[Lanes];
        for (int r = 0; r < Lanes; r++)
        {
            int i = (first + r) * stride;
            index[r] = i;
            var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)i * classes), classes);
            for (int c = 0; c < classes; c++)
            {
                block[(c * Lanes) + r] = double.CreateTruncating(row[c]);
            }
        }

        if (_logProbabilities)
        {
            TensorPrimitives.Log(block, block);
        }

        var max = Vector256.Create(_rowMax![index[0]], _rowMax[index[1]], _rowMax[index[2]], _rowMax[index[3]]);
        var gap = Vector256.Create(_labelGap![index[0]], _labelGap[index[1]], _labelGap[index[2]], _labelGap[index[3]]);
        var scale = Vector256.Create(beta);
        var floor = Vector256.Create(ExponentFloor);
        var sum = Vector256<double>.Zero;
        var firstMoment = Vector256<double>.Zero;
        var secondMoment = Vector256<double>.Zero;
        var thirdMoment = Vector256<double>.Zero;
        ref double values = ref MemoryMarshal.GetReference(block);
        for (int c = 0; c < classes; c++)
        {
            var d = Vector256.LoadUnsafe(ref values, (nuint)(c * Lanes)) - max;
            var x = d * scale;
            var negligible = Vector256.LessThan(x, floor);
            var e = Vector256.ConditionalSelect(negligible, Vector256<double>.Zero, Vector256.Exp(Vector256.Max(x, floor)));
            d = Vector256.ConditionalSelect(negligible, Vector256<double>.Zero, d);
            var de = d * e;
            var dde = d * de;
            sum += e;
            firstMoment += de;
            secondMoment += dde;
            thirdMoment += d * dde;
        }

        var inverse = Vector256<double>.One / sum;
        var mean = firstMoment * inverse;
        var second = secondMoment * inverse;
        lanes.Add(
            Vector256.Log(sum) - (scale * gap),
            mean - gap,
            second - (mean * mean),
            (thirdMoment * inverse) - (Vector256.Create(3.0) * mean * second) + (Vector256.Create(2.0) * mean * mean * mean));
        if (confidence != null)
        {
            for (int r = 0; r < Lanes; r++)
            {
                confidence[index[r]] = inverse[r];
            }
        }
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

    /// <summary>s = Σ e^(β d), s1 = Σ d e^(β d), s2 = Σ d² e^(β d), s3 = Σ d³ e^(β d) over the row, d = z − max.</summary>
    private double Row(ReadOnlySpan<TIn> row, double max, double beta, Span<double> scratch, int padded, out double s1, out double s2, out double s3)
    {
        var moments = default(Moments);
        for (int start = 0; start < row.Length; start += Chunk)
        {
            var z = Load(row.Slice(start, Math.Min(Chunk, row.Length - start)), scratch, padded);
            int i = Vector512.IsHardwareAccelerated ? moments.Add512(z, max, beta) : moments.Add256(z, max, beta);
            for (; i < z.Length; i++)
            {
                double d = z[i] - max;
                double x = beta * d;
                double e = x < ExponentFloor ? 0.0 : Math.Exp(x);
                if (e != 0.0)
                {
                    moments.S += e;
                    moments.S1 += d * e;
                    moments.S2 += d * d * e;
                    moments.S3 += d * d * d * e;
                }
            }
        }

        s1 = moments.S1;
        s2 = moments.S2;
        s3 = moments.S3;
        return moments.S;
    }

    /// <summary>
    /// A chunk of the row as doubles z: logits widened, or ln p; with <paramref name="padded"/> &gt; 0 (a short row)
    /// always a copy in <paramref name="scratch"/>, whose tail up to that width holds the −∞ the pass filled it with.
    /// </summary>
    private ReadOnlySpan<double> Load(ReadOnlySpan<TIn> chunk, Span<double> scratch, int padded = 0)
    {
        if (typeof(TIn) == typeof(double) && !_logProbabilities && padded == 0)
        {
            return MemoryMarshal.Cast<TIn, double>(chunk);
        }

        var z = scratch[..chunk.Length];
        if (typeof(TIn) == typeof(double))
        {
            if (_logProbabilities)
            {
                TensorPrimitives.Log(MemoryMarshal.Cast<TIn, double>(chunk), z);
            }
            else
            {
                MemoryMarshal.Cast<TIn, double>(chunk).CopyTo(z);
            }
        }
        else
        {
            TensorPrimitives.ConvertTruncating<float, double>(MemoryMarshal.Cast<TIn, float>(chunk), z);
            if (_logProbabilities)
            {
                TensorPrimitives.Log(z, z);
            }
        }

        return padded > chunk.Length ? scratch[..padded] : z;
    }

    /// <summary>The running sums Σ e^(βd), Σ d e^(βd), Σ d² e^(βd), Σ d³ e^(βd) of a row, added a vector at a time.</summary>
    private struct Moments
    {
        internal double S;
        internal double S1;
        internal double S2;
        internal double S3;

        /// <summary>Adds the whole 512-bit vectors of <paramref name="z"/>; returns how many values it took.</summary>
        internal int Add512(ReadOnlySpan<double> z, double max, double beta)
        {
            var sum = Vector512<double>.Zero;
            var first = Vector512<double>.Zero;
            var second = Vector512<double>.Zero;
            var third = Vector512<double>.Zero;
            var shift = Vector512.Create(max);
            var scale = Vector512.Create(beta);
            var floor = Vector512.Create(ExponentFloor);
            ref double values = ref MemoryMarshal.GetReference(z);
            int i = 0;
            for (; i <= z.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var d = Vector512.LoadUnsafe(ref values, (nuint)i) - shift;
                var x = d * scale;

                // Below the floor (a masked class at −∞, padding, or a weight under 1e-307) a value adds nothing; the
                // floor also keeps every lane in the range where the vector exponential needs no scalar fallback.
                var negligible = Vector512.LessThan(x, floor);
                var e = Vector512.ConditionalSelect(negligible, Vector512<double>.Zero, Vector512.Exp(Vector512.Max(x, floor)));
                d = Vector512.ConditionalSelect(negligible, Vector512<double>.Zero, d);
                var de = d * e;
                var dde = d * de;
                sum += e;
                first += de;
                second += dde;
                third += d * dde;
            }

            S += Vector512.Sum(sum);
            S1 += Vector512.Sum(first);
            S2 += Vector512.Sum(second);
            S3 += Vector512.Sum(third);
            return i;
        }

        /// <summary>Adds the whole 256-bit vectors of <paramref name="z"/>; returns how many values it took.</summary>
        internal int Add256(ReadOnlySpan<double> z, double max, double beta)
        {
            if (!Vector256.IsHardwareAccelerated)
            {
                return 0;
            }

            var sum = Vector256<double>.Zero;
            var first = Vector256<double>.Zero;
            var second = Vector256<double>.Zero;
            var third = Vector256<double>.Zero;
            var shift = Vector256.Create(max);
            var scale = Vector256.Create(beta);
            var floor = Vector256.Create(ExponentFloor);
            ref double values = ref MemoryMarshal.GetReference(z);
            int i = 0;
            for (; i <= z.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var d = Vector256.LoadUnsafe(ref values, (nuint)i) - shift;
                var x = d * scale;
                var negligible = Vector256.LessThan(x, floor);
                var e = Vector256.ConditionalSelect(negligible, Vector256<double>.Zero, Vector256.Exp(Vector256.Max(x, floor)));
                d = Vector256.ConditionalSelect(negligible, Vector256<double>.Zero, d);
                var de = d * e;
                var dde = d * de;
                sum += e;
                first += de;
                second += dde;
                third += d * dde;
            }

            S += Vector256.Sum(sum);
            S1 += Vector256.Sum(first);
            S2 += Vector256.Sum(second);
            S3 += Vector256.Sum(third);
            return i;
        }
    }

    /// <summary>Lane-wise running sums of the rows' terms: Neumaier-compensated for L and L′, plain for L″ and L‴.</summary>
    private struct LaneSums
    {
        private Vector256<double> _value;
        private Vector256<double> _valueError;
        private Vector256<double> _slope;
        private Vector256<double> _slopeError;
        private Vector256<double> _curvature;
        private Vector256<double> _third;

        internal void Add(Vector256<double> value, Vector256<double> slope, Vector256<double> curvature, Vector256<double> third)
        {
            Compensated(ref _value, ref _valueError, value);
            Compensated(ref _slope, ref _slopeError, slope);
            _curvature += curvature;
            _third += third;
        }

        /// <summary>Folds the lanes, in lane order, into a part's sums.</summary>
        internal readonly void AddTo(Sums sums)
        {
            for (int lane = 0; lane < Vector256<double>.Count; lane++)
            {
                sums.Value.Add(_value[lane]);
                sums.Value.Add(_valueError[lane]);
                sums.Slope.Add(_slope[lane]);
                sums.Slope.Add(_slopeError[lane]);
                sums.Curvature += _curvature[lane];
                sums.Third += _third[lane];
            }
        }

        private static void Compensated(ref Vector256<double> sum, ref Vector256<double> error, Vector256<double> x)
        {
            var t = sum + x;
            var sumIsLarger = Vector256.GreaterThanOrEqual(Vector256.Abs(sum), Vector256.Abs(x));
            error += (Vector256.ConditionalSelect(sumIsLarger, sum, x) - t) + Vector256.ConditionalSelect(sumIsLarger, x, sum);
            sum = t;
        }
    }

    /// <summary>An address kept as an integer so that lambdas can capture it.</summary>
    private readonly record struct ReadOnlyMemoryPointer(nint Address);

    private sealed class Sums
    {
        internal CompensatedSum Value;
        internal CompensatedSum Slope;
        internal double Curvature;
        internal double Third;
        internal CompensatedSum SlopeAtZero;

        internal void Add(Sums other)
        {
            Value.Add(other.Value);
            Slope.Add(other.Slope);
            Curvature += other.Curvature;
            Third += other.Third;
            SlopeAtZero.Add(other.SlopeAtZero);
        }

        internal void Clear()
        {
            Value = default;
            Slope = default;
            Curvature = default;
            Third = default;
            SlopeAtZero = default;
        }
    }
}
