using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
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
/// 1/s. The pass that prepares a row stores its maximum and d_y, so later passes read each row once; a pass may also
/// sum e^(d_k) for the numbers at T = 1 from the same read, and, for rows read one by one, record each row's raw
/// moments E_β d^j (j ≤ <see cref="ExpansionOrder"/>), from which <see cref="EvaluateExpanded"/> gives the objective at
/// nearby β without reading the rows. Rows of fewer than 32 classes are read a vector of rows at a
/// time, transposed (<see cref="System.Numerics.Vector{T}"/> lanes, or eight in 512-bit vectors where the hardware has
/// them); longer rows under 64 values are converted into a buffer padded with −∞ to whole vectors. Every pass runs in
/// fixed parts of rows merged in order, so its sums have the same bits on any number of cores.
/// </remarks>
internal sealed partial class TemperatureObjective<TIn> : IDisposable
    where TIn : unmanaged, IFloatingPointIeee754<TIn>
{
    private const int Chunk = 1024;

    /// <summary>Rows of fewer classes than this are evaluated one vector of rows at a time, transposed.</summary>
    private const int BlockBelow = 32;

    /// <summary>e^x for x below this is under 1e-307 and is dropped: each row's sum holds e^0 = 1.</summary>
    private const double ExponentFloor = -707.0;

    /// <summary>A row whose spread times β (and 1, when the pass also sums e^d) is at most this has no term below <see cref="ExponentFloor"/>.</summary>
    private const double FloorFree = 700.0;

    private readonly ReadOnlyMemoryPointer _values;
    private readonly int _rows;
    private readonly int _classes;
    private readonly int[] _labels;
    private readonly bool _logProbabilities;
    private readonly string _name;
    private readonly double[] _rowMax;
    private readonly double[] _labelGap;
    private readonly bool[] _correct;

    /// <summary>The stride of the rows prepared so far: 0 none, 1 every row, s every s-th row.</summary>
    private int _preparedStride;
    private double _slopeAtZero = double.NaN;

    /// <summary>Whether every row the last preparing pass read is finite logits of 64 classes or more (<see cref="Prepare"/>).</summary>
    private bool _everyRowFinite;

    /// <summary>An objective over N×C rows that must stay pinned (or be native memory) for the objective's lifetime.</summary>
    internal unsafe TemperatureObjective(TIn* values, int rows, int classes, int[] labels, bool logProbabilities, string name)
        : this((nint)values, rows, classes, labels, logProbabilities, name)
    {
    }

    /// <summary>An objective over N×C rows at <paramref name="address"/> (pinned, or native memory, for the objective's lifetime).</summary>
    internal TemperatureObjective(nint address, int rows, int classes, int[] labels, bool logProbabilities, string name)
    {
        _values = new ReadOnlyMemoryPointer(address);
        _rows = rows;
        _classes = classes;
        _labels = labels;
        _logProbabilities = logProbabilities;
        _name = name;
        _rowMax = ArrayPool<double>.Shared.Rent(rows);
        _labelGap = ArrayPool<double>.Shared.Rent(rows);
        _correct = ArrayPool<bool>.Shared.Rent(rows);
    }

    /// <summary>Rows per transposed block: one per lane of the machine's vector of doubles (four with AVX2, two with SSE or NEON).</summary>
    private static int Lanes => Vector<double>.Count;

    /// <summary>
    /// True where 512-bit vectors run in hardware and the machine's <see cref="Vector{T}"/> holds four doubles: short
    /// rows are then read eight at a time (<see cref="Block512"/>), half the vector exponentials of four.
    /// </summary>
    private static bool Wide => Vector512.IsHardwareAccelerated && Vector<double>.Count == Vector256<double>.Count;

    /// <summary>
    /// The order K of the raw moments E_β d^j (j = 1 … K) a pass records for <see cref="EvaluateExpanded"/>: enough for
    /// the truncated series to be exact to double precision while |β′ − β|·<see cref="Spread"/> ≤ 0.18 or so.
    /// </summary>
    internal const int ExpansionOrder = 12;

    /// <summary>
    /// True when rows are read one by one (at least 32 classes, or no vector hardware), so that a pass can record each
    /// row's raw moments for <see cref="EvaluateExpanded"/>; short rows go through transposed blocks, which do not.
    /// </summary>
    internal bool Expands => !(_classes < BlockBelow && Vector.IsHardwareAccelerated && Vector<double>.Count is 2 or 4);

    /// <summary>d_y = z_y − max z of each prepared row.</summary>
    internal ReadOnlySpan<double> LabelGaps => _labelGap.AsSpan(0, _rows);

    /// <summary>N, the rows of the table.</summary>
    internal int Rows => _rows;

    /// <summary>How many passes over every row have been made (subsample passes are not counted).</summary>
    internal int Passes { get; private set; }

    /// <summary>True when every prepared row's label is one of its arg-max classes (d_y = 0): L then falls towards its infimum as β → ∞.</summary>
    internal bool EveryLabelOnTop { get; private set; }

    /// <summary>L′(0⁺) = mean_i [mean of the finite z_ik − z_iy] over the prepared rows: when ≥ 0, L rises with β everywhere and is least as β → 0.</summary>
    internal double SlopeAtZero => _slopeAtZero;

    /// <summary>The largest max z − min z over the finite z of a row, over the rows the last preparing pass read: every d that carries weight lies in [−Spread, 0].</summary>
    internal double Spread { get; private set; }

    /// <summary>L(1), the mean NLL at T = 1, of the last pass that was asked for the confidences at T = 1.</summary>
    internal double ValueAtOne { get; private set; } = double.NaN;

    /// <summary>Whether each row's first arg-max (of the stored values, not of z) is its label; known once every row is prepared.</summary>
    internal ReadOnlySpan<bool> Correct => _correct.AsSpan(0, _rows);

    /// <summary>Returns the per-row buffers to the shared pool (a large fit's run again reuses them instead of faulting in fresh pages); the objective is unusable afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_rowMax);
        ArrayPool<double>.Shared.Return(_labelGap);
        ArrayPool<bool>.Shared.Return(_correct);
    }

    /// <summary>
    /// L(β), L′(β), L″(β), L‴(β) in nats over every <paramref name="stride"/>-th row; writes each row's confidence 1/s
    /// when <paramref name="confidence"/> is not empty (every row). With <paramref name="prepare"/> the pass first
    /// checks and prepares each row it reads (its maximum, d_y, whether it is correct, its term of L′(0⁺)); rows must be
    /// prepared, by this pass or an earlier one of the same stride or of every row, before they are evaluated. With a
    /// non-empty <paramref name="confidenceAtOne"/> (every row) the pass also computes L(1) (<see cref="ValueAtOne"/>)
    /// and each row's confidence at T = 1, from the same read of the row. With a non-empty <paramref name="raw"/> (rows
    /// read one by one, K values per row of the pass) it records the pass's k-th row's raw moments E_β d^j at
    /// raw[(j − 1)·M + k], M the pass's row count, j = 1 … K = <see cref="ExpansionOrder"/>, for
    /// <see cref="EvaluateExpanded"/>.
    /// </summary>
    internal unsafe TemperatureDerivatives Evaluate(double beta, Span<double> confidence, int stride = 1, bool prepare = false, Span<double> confidenceAtOne = default, Span<double> meanAt = default, Span<double> secondAt = default, Span<double> raw = default)
    {
        if (!prepare && _preparedStride != 1 && _preparedStride != stride)
        {
            throw new InvalidOperationException("The rows of a temperature-objective pass must be prepared first.");
        }

        int rows = (int)(((long)_rows + stride - 1) / stride);
        if (!raw.IsEmpty && (!Expands || raw.Length < (long)ExpansionOrder * rows))
        {
            throw new InvalidOperationException("Raw moments are recorded only for rows read one by one, K values per row of the pass.");
        }

        int padded = MetricsPass.PaddedWidth(_classes) == 0 ? 0 : (_classes + 7) & ~7;
        var totals = new Sums();
        bool atOne = !confidenceAtOne.IsEmpty;
        bool moments = !meanAt.IsEmpty;
        fixed (double* c = confidence)
        fixed (double* c1 = confidenceAtOne)
        fixed (double* m1 = meanAt)
        fixed (double* m2 = secondAt)
        fixed (double* rr = raw)
        {
            nint cc = (nint)c, cc1 = (nint)c1, mm1 = (nint)m1, mm2 = (nint)m2, rw = (nint)rr;
            bool expansion = !raw.IsEmpty;
            bool record = !confidence.IsEmpty;
            int rowsPerPart = RowParts.RowsPerPart(rows, _classes, minimumRows: 1);
            bool blocks = !Expands;
            RowParts.Run(rows, rowsPerPart, () => new Sums(), s => s.Clear(), (sums, start, count) =>
            {
                Span<double> scratch = stackalloc double[Chunk];
                scratch.Fill(double.NegativeInfinity); // the padding of short rows, which later loads leave in place
                Span<double> higher = stackalloc double[expansion ? ExpansionOrder - 3 : 0];
                Span<double> work = stackalloc double[expansion ? 2 * Chunk : 0];
                int k = start;
                if (blocks)
                {
                    int lanes = Wide ? Vector512<double>.Count : Lanes;
                    Span<double> block = stackalloc double[_classes * lanes];
                    var laneSums = default(LaneSums);
                    var laneSumsAtOne = default(LaneSums);
                    for (; k <= start + count - lanes; k += lanes)
                    {
                        if (prepare && !Wide)
                        {
                            for (int r = 0; r < lanes; r++)
                            {
                                int i = (k + r) * stride;
                                var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)i * _classes), _classes);
                                sums.SlopeAtZero.Add(Prepare(row, i, scratch, out double span, out _));
                                sums.Spread = Math.Max(sums.Spread, span);
                            }
                        }

                        if (Wide)
                        {
                            Block512(k, stride, beta, block, ref laneSums, ref laneSumsAtOne, record ? (double*)cc : null, atOne ? (double*)cc1 : null, moments ? (double*)mm1 : null, (double*)mm2, prepare ? sums : null, scratch);
                        }
                        else
                        {
                            Block(k, stride, beta, block, ref laneSums, ref laneSumsAtOne, record ? (double*)cc : null, atOne ? (double*)cc1 : null, moments ? (double*)mm1 : null, (double*)mm2);
                        }
                    }

                    laneSums.AddTo(sums);
                    laneSumsAtOne.AddValueTo(ref sums.ValueAtOne);
                }

                for (; k < start + count; k++)
                {
                    int i = k * stride;
                    var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)i * _classes), _classes);
                    if (k + RowPrefetch.Ahead < start + count)
                    {
                        RowPrefetch.Lines((TIn*)_values.Address + ((long)(k + RowPrefetch.Ahead) * stride * _classes), (long)_classes * sizeof(TIn));
                    }

                    double rowSpan = Spread;
                    bool finite = _everyRowFinite;
                    if (prepare)
                    {
                        sums.SlopeAtZero.Add(Prepare(row, i, scratch, out rowSpan, out finite));
                        sums.Spread = Math.Max(sums.Spread, rowSpan);
                        sums.EveryRowFinite &= finite;
                    }

                    // Every e^(βd) and e^d of a finite row whose spread keeps βd and d above the floor is a term of its
                    // sums: the kernels then skip the floor's masks, with the same bits.
                    bool floored = padded != 0 || !finite || !(rowSpan * (atOne ? Math.Max(beta, 1.0) : beta) <= FloorFree);
                    higher.Clear();
                    double s = Row(row, _rowMax[i], beta, scratch, padded, atOne, floored, out double s1, out double s2, out double s3, out double sAtOne, higher, work);
                    double inverse = 1.0 / s;
                    if (expansion)
                    {
                        double* target = (double*)rw + k;
                        long passRows = rows;
                        target[0] = s1 * inverse;
                        target[passRows] = s2 * inverse;
                        target[2 * passRows] = s3 * inverse;
                        for (int j = 0; j < higher.Length; j++)
                        {
                            target[(j + 3) * passRows] = higher[j] * inverse;
                        }
                    }

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

                    if (moments)
                    {
                        ((double*)mm1)[i] = mean;
                        ((double*)mm2)[i] = second;
                    }

                    if (atOne)
                    {
                        sums.ValueAtOne.Add(Math.Log(sAtOne) - _labelGap[i]);
                        ((double*)cc1)[i] = 1.0 / sAtOne;
                    }
                }
            }, totals.Add);
        }

        if (prepare)
        {
            bool everyOnTop = true;
            for (long i = 0; i < _rows && everyOnTop; i += stride)
            {
                everyOnTop = _labelGap[i] == 0.0;
            }

            EveryLabelOnTop = everyOnTop;
            _slopeAtZero = totals.SlopeAtZero.Value / rows;
            Spread = totals.Spread;
            _everyRowFinite = totals.EveryRowFinite;
            _preparedStride = _preparedStride == 1 ? 1 : stride;
        }

        if (atOne)
        {
            ValueAtOne = totals.ValueAtOne.Value / rows;
        }

        Passes += stride == 1 ? 1 : 0;
        return new TemperatureDerivatives(totals.Value.Value / rows, totals.Slope.Value / rows, Math.Max(0.0, totals.Curvature / rows), totals.Third / rows);
    }

    /// <summary>
    /// The terms of <see cref="Lanes"/> rows at once, class by class: the rows are copied transposed (class-major) into
    /// <paramref name="block"/>, so that each vector holds one class of those rows and every per-row quantity — the sums,
    /// the logarithm, the quotients — is computed lane-wise, with no horizontal sum and no padding.
    /// </summary>
    private unsafe void Block(int first, int stride, double beta, Span<double> block, ref LaneSums lanes, ref LaneSums lanesAtOne, double* confidence, double* confidenceAtOne, double* meanAt, double* secondAt)
    {
        int classes = _classes;
        int width = Lanes;
        Span<int> index = stackalloc int[width];
        Span<double> max = stackalloc double[width];
        Span<double> gap = stackalloc double[width];
        for (int r = 0; r < width; r++)
        {
            int i = (first + r) * stride;
            index[r] = i;
            max[r] = _rowMax[i];
            gap[r] = _labelGap[i];
            var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)i * classes), classes);
            for (int c = 0; c < classes; c++)
            {
                block[(c * width) + r] = double.CreateTruncating(row[c]);
            }
        }

        if (_logProbabilities)
        {
            TensorPrimitives.Log(block, block);
        }

        var shift = new Vector<double>(max);
        var gaps = new Vector<double>(gap);
        var scale = new Vector<double>(beta);
        var floor = new Vector<double>(ExponentFloor);
        var sum = Vector<double>.Zero;
        var sumAtOne = Vector<double>.Zero;
        var firstMoment = Vector<double>.Zero;
        var secondMoment = Vector<double>.Zero;
        var thirdMoment = Vector<double>.Zero;
        bool atOne = confidenceAtOne != null;
        ref double values = ref MemoryMarshal.GetReference(block);
        for (int c = 0; c < classes; c++)
        {
            var d = Vector.LoadUnsafe(ref values, (nuint)(c * width)) - shift;
            if (atOne)
            {
                sumAtOne += Vector.ConditionalSelect(Vector.LessThan(d, floor), Vector<double>.Zero, DoubleExp.Exp(Vector.MaxNative(d, floor)));
            }

            var x = d * scale;
            var negligible = Vector.LessThan(x, floor);
            var e = Vector.ConditionalSelect(negligible, Vector<double>.Zero, DoubleExp.Exp(Vector.MaxNative(x, floor)));
            d = Vector.ConditionalSelect(negligible, Vector<double>.Zero, d);
            var de = d * e;
            var dde = d * de;
            sum += e;
            firstMoment += de;
            secondMoment += dde;
            thirdMoment += d * dde;
        }

        var inverse = Vector<double>.One / sum;
        var mean = firstMoment * inverse;
        var second = secondMoment * inverse;
        lanes.Add(
            Vector.Log(sum) - (scale * gaps),
            mean - gaps,
            second - (mean * mean),
            (thirdMoment * inverse) - (new Vector<double>(3.0) * mean * second) + (new Vector<double>(2.0) * mean * mean * mean));
        if (confidence != null)
        {
            for (int r = 0; r < width; r++)
            {
                confidence[index[r]] = inverse[r];
            }
        }

        if (meanAt != null)
        {
            for (int r = 0; r < width; r++)
            {
                meanAt[index[r]] = mean[r];
                secondAt[index[r]] = second[r];
            }
        }

        if (atOne)
        {
            lanesAtOne.Add(Vector.Log(sumAtOne) - gaps, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
            var inverseAtOne = Vector<double>.One / sumAtOne;
            for (int r = 0; r < width; r++)
            {
                confidenceAtOne[index[r]] = inverseAtOne[r];
            }
        }
    }

    /// <summary><see cref="Block"/> for eight rows at once in 512-bit vectors; the lane sums take their two halves.</summary>
    private unsafe void Block512(int first, int stride, double beta, Span<double> block, ref LaneSums lanes, ref LaneSums lanesAtOne, double* confidence, double* confidenceAtOne, double* meanAt, double* secondAt, Sums? prepare, Span<double> scratch)
    {
        const int Width = 8;
        int classes = _classes;
        Span<int> index = stackalloc int[Width];
        Span<double> max = stackalloc double[Width];
        Span<double> gap = stackalloc double[Width];
        for (int r = 0; r < Width; r++)
        {
            int i = (first + r) * stride;
            index[r] = i;
            var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)i * classes), classes);
            for (int c = 0; c < classes; c++)
            {
                block[(c * Width) + r] = double.CreateTruncating(row[c]);
            }
        }

        if (_logProbabilities)
        {
            TensorPrimitives.Log(block, block);
        }

        if (prepare is not null && (_logProbabilities || !PrepareBlock512(block, index, prepare)))
        {
            for (int r = 0; r < Width; r++)
            {
                var row = new ReadOnlySpan<TIn>((TIn*)_values.Address + ((long)index[r] * classes), classes);
                prepare.SlopeAtZero.Add(Prepare(row, index[r], scratch, out double span, out _));
                prepare.Spread = Math.Max(prepare.Spread, span);
            }
        }

        for (int r = 0; r < Width; r++)
        {
            max[r] = _rowMax[index[r]];
            gap[r] = _labelGap[index[r]];
        }

        var shift = Vector512.Create<double>(max);
        var gaps = Vector512.Create<double>(gap);
        var scale = Vector512.Create(beta);
        var floor = Vector512.Create(ExponentFloor);
        var sum = Vector512<double>.Zero;
        var sumAtOne = Vector512<double>.Zero;
        var firstMoment = Vector512<double>.Zero;
        var secondMoment = Vector512<double>.Zero;
        var thirdMoment = Vector512<double>.Zero;
        bool atOne = confidenceAtOne != null;
        ref double values = ref MemoryMarshal.GetReference(block);
        for (int c = 0; c < classes; c++)
        {
            var d = Vector512.LoadUnsafe(ref values, (nuint)(c * Width)) - shift;
            if (atOne)
            {
                sumAtOne += Vector512.ConditionalSelect(Vector512.LessThan(d, floor), Vector512<double>.Zero, DoubleExp.Exp(Vector512.MaxNative(d, floor)));
            }

            var x = d * scale;
            var negligible = Vector512.LessThan(x, floor);
            var e = Vector512.ConditionalSelect(negligible, Vector512<double>.Zero, DoubleExp.Exp(Vector512.MaxNative(x, floor)));
            d = Vector512.ConditionalSelect(negligible, Vector512<double>.Zero, d);
            var de = d * e;
            var dde = d * de;
            sum += e;
            firstMoment += de;
            secondMoment += dde;
            thirdMoment += d * dde;
        }

        var inverse = Vector512<double>.One / sum;
        var mean = firstMoment * inverse;
        var second = secondMoment * inverse;
        var value = Vector512.Log(sum) - (scale * gaps);
        var slope = mean - gaps;
        var curvature = second - (mean * mean);
        var third = (thirdMoment * inverse) - (Vector512.Create(3.0) * mean * second) + (Vector512.Create(2.0) * mean * mean * mean);
        lanes.Add(value.GetLower().AsVector(), slope.GetLower().AsVector(), curvature.GetLower().AsVector(), third.GetLower().AsVector());
        lanes.Add(value.GetUpper().AsVector(), slope.GetUpper().AsVector(), curvature.GetUpper().AsVector(), third.GetUpper().AsVector());
        if (confidence != null)
        {
            for (int r = 0; r < Width; r++)
            {
                confidence[index[r]] = inverse[r];
            }
        }

        if (meanAt != null)
        {
            for (int r = 0; r < Width; r++)
            {
                meanAt[index[r]] = mean[r];
                secondAt[index[r]] = second[r];
            }
        }

        if (atOne)
        {
            var valueAtOne = Vector512.Log(sumAtOne) - gaps;
            lanesAtOne.Add(valueAtOne.GetLower().AsVector(), Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
            lanesAtOne.Add(valueAtOne.GetUpper().AsVector(), Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
            var inverseAtOne = Vector512<double>.One / sumAtOne;
            for (int r = 0; r < Width; r++)
            {
                confidenceAtOne[index[r]] = inverseAtOne[r];
            }
        }
    }

    /// <summary>
    /// Stores the row's maximum z, d_y = z_y − max z and whether its first arg-max is the label; returns the row's term
    /// of L′(0⁺). Rejects NaN and +∞, a row without a finite z, and a label with z_y = −∞ (probability 0).
    /// </summary>
    /// <remarks><paramref name="finite"/> tells whether the row is logits of 64 classes or more, every one finite.</remarks>
    private double Prepare(ReadOnlySpan<TIn> row, int rowIndex, Span<double> scratch, out double span, out bool finite)
    {
        finite = false;
        if (!_logProbabilities && row.Length < MetricsPass.ShortRow)
        {
            return PrepareShort(row, rowIndex, out span);
        }

        if (!_logProbabilities && PrepareFinite(row, rowIndex, out double term, out span))
        {
            finite = true;
            return term;
        }

        double max = double.NegativeInfinity;
        double min = double.PositiveInfinity;
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
            double chunkMin = TensorPrimitives.Min(z);
            if (double.IsFinite(chunkMin))
            {
                min = Math.Min(min, chunkMin);
                finiteSum += TensorPrimitives.Sum(z);
                finiteCount += z.Length;
            }
            else
            {
                foreach (double v in z)
                {
                    if (double.IsFinite(v))
                    {
                        min = Math.Min(min, v);
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

        _rowMax[rowIndex] = max;
        _labelGap[rowIndex] = atLabel - max;
        _correct[rowIndex] = argmax == label;
        span = max - min;
        return (finiteSum / finiteCount) - atLabel;
    }

    /// <summary>
    /// <see cref="Prepare"/> for a row of logits in one vector sweep (maximum, minimum and sum together, where the general
    /// path makes four library calls per chunk over a widened copy). False, having stored nothing, when the row holds a
    /// NaN or an infinity: the general path then masks −∞ or names the bad entry.
    /// </summary>
    private bool PrepareFinite(ReadOnlySpan<TIn> row, int rowIndex, out double term, out double span)
    {
        term = span = 0.0;
        if (!Vector.IsHardwareAccelerated)
        {
            return false;
        }

        var maxima = new Vector<TIn>(TIn.NegativeInfinity);
        var minima = new Vector<TIn>(TIn.PositiveInfinity);
        var ordered = Vector<TIn>.AllBitsSet; // lanes that have met no NaN
        var sums = Vector<double>.Zero;
        ref TIn values = ref MemoryMarshal.GetReference(row);
        int k = 0;
        for (; k <= row.Length - Vector<TIn>.Count; k += Vector<TIn>.Count)
        {
            var v = Vector.LoadUnsafe(ref values, (nuint)k);
            maxima = Vector.MaxNative(maxima, v); // a NaN is caught by `ordered`
            minima = Vector.MinNative(minima, v);
            ordered &= Vector.Equals(v, v);
            if (typeof(TIn) == typeof(float))
            {
                Vector.Widen(Vector.As<TIn, float>(v), out var low, out var high);
                sums += low + high;
            }
            else
            {
                sums += Vector.As<TIn, double>(v);
            }
        }

        TIn best = TIn.NegativeInfinity;
        TIn least = TIn.PositiveInfinity;
        bool nan = Vector.AsVectorUInt64(ordered) != Vector<ulong>.AllBitsSet; // compared as bits: a set mask reads as NaN
        for (int lane = 0; lane < Vector<TIn>.Count; lane++)
        {
            best = TIn.Max(best, maxima[lane]);
            least = TIn.Min(least, minima[lane]);
        }

        double sum = Vector.Sum(sums);
        for (; k < row.Length; k++)
        {
            TIn v = row[k];
            nan |= TIn.IsNaN(v);
            best = TIn.Max(best, v);
            least = TIn.Min(least, v);
            sum += double.CreateTruncating(v);
        }

        if (nan || !TIn.IsFinite(best) || !TIn.IsFinite(least))
        {
            return false;
        }

        double max = double.CreateTruncating(best);
        int label = _labels[rowIndex];
        double atLabel = double.CreateTruncating(row[label]);
        _rowMax[rowIndex] = max;
        _labelGap[rowIndex] = atLabel - max;
        _correct[rowIndex] = MetricsPass.FirstIndexOf(row, best) == label;
        span = max - double.CreateTruncating(least);
        term = (sum / row.Length) - atLabel;
        return true;
    }

    /// <summary>
    /// <see cref="Prepare"/> for the eight rows of a transposed block of logits, lane-wise: each row's maximum and first
    /// arg-max, minimum and sum, class by class. False, having stored nothing, when a row holds a NaN or an infinity:
    /// the rows then go through <see cref="Prepare"/> one by one, which masks −∞ or names the bad entry.
    /// </summary>
    private bool PrepareBlock512(ReadOnlySpan<double> block, ReadOnlySpan<int> index, Sums sums)
    {
        const int Width = 8;
        var best = Vector512.Create(double.NegativeInfinity);
        var least = Vector512.Create(double.PositiveInfinity);
        var total = Vector512<double>.Zero;
        var argmax = Vector512<double>.Zero;
        var finite = Vector512<double>.AllBitsSet;
        var infinity = Vector512.Create(double.PositiveInfinity);
        ref double values = ref MemoryMarshal.GetReference(block);
        for (int c = 0; c < _classes; c++)
        {
            var v = Vector512.LoadUnsafe(ref values, (nuint)(c * Width));
            var greater = Vector512.GreaterThan(v, best);
            best = Vector512.ConditionalSelect(greater, v, best);
            argmax = Vector512.ConditionalSelect(greater, Vector512.Create((double)c), argmax);
            least = Vector512.Min(least, v);
            total += v;
            finite &= Vector512.LessThan(Vector512.Abs(v), infinity); // false for ±∞ and NaN
        }

        if (finite.AsUInt64() != Vector512<ulong>.AllBitsSet) // compared as bits: a set mask reads as NaN
        {
            return false;
        }

        var spread = best - least;
        for (int r = 0; r < Width; r++)
        {
            int i = index[r];
            int label = _labels[i];
            double atLabel = block[(label * Width) + r];
            _rowMax[i] = best[r];
            _labelGap[i] = atLabel - best[r];
            _correct[i] = (int)argmax[r] == label;
            sums.SlopeAtZero.Add((total[r] / _classes) - atLabel);
            sums.Spread = Math.Max(sums.Spread, spread[r]);
        }

        return true;
    }

    /// <summary><see cref="Prepare"/> for a short row of logits, in one scalar sweep (no per-call vector set-up).</summary>
    private double PrepareShort(ReadOnlySpan<TIn> row, int rowIndex, out double span)
    {
        double max = double.NegativeInfinity;
        double min = double.PositiveInfinity;
        int argmax = -1;
        double finiteSum = 0.0;
        int finiteCount = 0;
        bool bad = false;
        for (int k = 0; k < row.Length; k++)
        {
            double v = double.CreateTruncating(row[k]);
            if (v > max)
            {
                max = v;
                argmax = k;
            }

            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                finiteSum += v;
                finiteCount++;
            }
            else
            {
                bad |= !(v < 0.0);
            }
        }

        if (bad || argmax < 0)
        {
            throw BadRow(row, rowIndex);
        }

        int label = _labels[rowIndex];
        double atLabel = double.CreateTruncating(row[label]);
        if (double.IsNegativeInfinity(atLabel))
        {
            throw new ArgumentException(
                $"{_name} row {rowIndex} gives its label {label} probability 0, so the NLL is infinite at every temperature.", _name);
        }

        _rowMax[rowIndex] = max;
        _labelGap[rowIndex] = atLabel - max;
        _correct[rowIndex] = argmax == label;
        span = max - min;
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

    /// <summary>
    /// s = Σ e^(β d), s1 = Σ d e^(β d), s2 = Σ d² e^(β d), s3 = Σ d³ e^(β d) over the row, d = z − max, and with
    /// <paramref name="atOne"/> also Σ e^d (<paramref name="sAtOne"/>).
    /// </summary>
    private double Row(ReadOnlySpan<TIn> row, double max, double beta, Span<double> scratch, int padded, bool atOne, bool floored, out double s1, out double s2, out double s3, out double sAtOne, Span<double> higher = default, Span<double> work = default)
    {
        var moments = default(Moments);
        bool raw = !higher.IsEmpty;
        for (int start = 0; start < row.Length; start += Chunk)
        {
            var z = Load(row.Slice(start, Math.Min(Chunk, row.Length - start)), scratch, padded);
            int i = floored ? moments.Add<Floored>(z, max, beta, atOne, higher, work) : moments.Add<Unfloored>(z, max, beta, atOne, higher, work);
            for (; i < z.Length; i++)
            {
                double d = z[i] - max;
                if (atOne && d >= ExponentFloor)
                {
                    moments.SAtOne += Math.Exp(d);
                }

                double x = beta * d;
                double e = x < ExponentFloor ? 0.0 : Math.Exp(x);
                if (e != 0.0)
                {
                    moments.S += e;
                    moments.S1 += d * e;
                    moments.S2 += d * d * e;
                    moments.S3 += d * d * d * e;
                    if (raw)
                    {
                        double power = d * d * d * e;
                        for (int j = 0; j < higher.Length; j++)
                        {
                            power *= d;
                            higher[j] += power;
                        }
                    }
                }
            }
        }

        s1 = moments.S1;
        s2 = moments.S2;
        s3 = moments.S3;
        sAtOne = moments.SAtOne;
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

    /// <summary>The running sums Σ e^(βd), Σ d e^(βd), Σ d² e^(βd), Σ d³ e^(βd) (and Σ e^d) of a row, added a vector at a time.</summary>
    private struct Moments
    {
        internal double S;
        internal double S1;
        internal double S2;
        internal double S3;
        internal double SAtOne;

        /// <summary>Adds the whole vectors of <paramref name="z"/> (512-bit where the hardware has them), with the raw moments when <paramref name="higher"/> is not empty; returns how many values it took.</summary>
        internal int Add<TFloor>(ReadOnlySpan<double> z, double max, double beta, bool atOne, Span<double> higher, Span<double> work)
            where TFloor : struct, IFloor
        {
            return !higher.IsEmpty
                ? (Vector512.IsHardwareAccelerated ? Add512Raw<TFloor>(z, max, beta, atOne, higher, work) : AddRaw<TFloor>(z, max, beta, atOne, higher, work))
                : (Vector512.IsHardwareAccelerated ? Add512<TFloor>(z, max, beta, atOne) : Add<TFloor>(z, max, beta, atOne));
        }

        /// <summary>Adds the whole 512-bit vectors of <paramref name="z"/>; returns how many values it took.</summary>
        internal int Add512<TFloor>(ReadOnlySpan<double> z, double max, double beta, bool atOne, Span<double> work = default)
            where TFloor : struct, IFloor
        {
            bool keep = !work.IsEmpty;
            ref double ds = ref MemoryMarshal.GetReference(work);
            var sum = Vector512<double>.Zero;
            var sumAtOne = Vector512<double>.Zero;
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
                if (atOne)
                {
                    sumAtOne += default(TFloor).Applies
                        ? Vector512.ConditionalSelect(Vector512.LessThan(d, floor), Vector512<double>.Zero, DoubleExp.Exp(Vector512.MaxNative(d, floor)))
                        : DoubleExp.Exp(d);
                }

                var x = d * scale;

                // Below the floor (a masked class at −∞, padding, or a weight under 1e-307) a value adds nothing; the
                // floor also keeps every lane in the range where the vector exponential needs no scalar fallback.
                Vector512<double> e;
                if (default(TFloor).Applies)
                {
                    var negligible = Vector512.LessThan(x, floor);
                    e = Vector512.ConditionalSelect(negligible, Vector512<double>.Zero, DoubleExp.Exp(Vector512.MaxNative(x, floor)));
                    d = Vector512.ConditionalSelect(negligible, Vector512<double>.Zero, d);
                }
                else
                {
                    e = DoubleExp.Exp(x);
                }

                var de = d * e;
                var dde = d * de;
                var ddde = d * dde;
                sum += e;
                first += de;
                second += dde;
                third += ddde;
                if (keep)
                {
                    d.StoreUnsafe(ref ds, (nuint)i);
                    ddde.StoreUnsafe(ref ds, (nuint)(Chunk + i));
                }
            }

            S += Vector512.Sum(sum);
            S1 += Vector512.Sum(first);
            S2 += Vector512.Sum(second);
            S3 += Vector512.Sum(third);
            SAtOne += Vector512.Sum(sumAtOne);
            return i;
        }

        /// <summary>Adds the whole vectors (<see cref="Vector{T}"/>: 256 or 128 bits) of <paramref name="z"/>; returns how many values it took.</summary>
        internal int Add<TFloor>(ReadOnlySpan<double> z, double max, double beta, bool atOne, Span<double> work = default)
            where TFloor : struct, IFloor
        {
            if (!Vector.IsHardwareAccelerated)
            {
                return 0;
            }

            bool keep = !work.IsEmpty;
            ref double ds = ref MemoryMarshal.GetReference(work);
            var sum = Vector<double>.Zero;
            var sumAtOne = Vector<double>.Zero;
            var first = Vector<double>.Zero;
            var second = Vector<double>.Zero;
            var third = Vector<double>.Zero;
            var shift = new Vector<double>(max);
            var scale = new Vector<double>(beta);
            var floor = new Vector<double>(ExponentFloor);
            ref double values = ref MemoryMarshal.GetReference(z);
            int i = 0;
            for (; i <= z.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var d = Vector.LoadUnsafe(ref values, (nuint)i) - shift;
                if (atOne)
                {
                    sumAtOne += default(TFloor).Applies
                        ? Vector.ConditionalSelect(Vector.LessThan(d, floor), Vector<double>.Zero, DoubleExp.Exp(Vector.MaxNative(d, floor)))
                        : DoubleExp.Exp(d);
                }

                var x = d * scale;
                Vector<double> e;
                if (default(TFloor).Applies)
                {
                    var negligible = Vector.LessThan(x, floor);
                    e = Vector.ConditionalSelect(negligible, Vector<double>.Zero, DoubleExp.Exp(Vector.MaxNative(x, floor)));
                    d = Vector.ConditionalSelect(negligible, Vector<double>.Zero, d);
                }
                else
                {
                    e = DoubleExp.Exp(x);
                }

                var de = d * e;
                var dde = d * de;
                var ddde = d * dde;
                sum += e;
                first += de;
                second += dde;
                third += ddde;
                if (keep)
                {
                    d.StoreUnsafe(ref ds, (nuint)i);
                    ddde.StoreUnsafe(ref ds, (nuint)(Chunk + i));
                }
            }

            S += Vector.Sum(sum);
            S1 += Vector.Sum(first);
            S2 += Vector.Sum(second);
            S3 += Vector.Sum(third);
            SAtOne += Vector.Sum(sumAtOne);
            return i;
        }

        /// <summary>
        /// <see cref="Add512"/> that also adds Σ d^j e^(βd) for j = 4 … <see cref="ExpansionOrder"/> into
        /// <paramref name="higher"/> (the raw moments of the row's expansion in β, <see cref="EvaluateExpanded"/>).
        /// </summary>
        internal int Add512Raw<TFloor>(ReadOnlySpan<double> z, double max, double beta, bool atOne, Span<double> higher, Span<double> work)
            where TFloor : struct, IFloor
        {
            // Two sweeps, so that neither holds more running sums than the registers take alongside the exponential's
            // constants: the first is Add512's, keeping each masked d and d³e^(βd) in the chunk's work buffer; the
            // second multiplies them up to d^K e^(βd) from the buffer, in cache.
            int taken = Add512<TFloor>(z, max, beta, atOne, work);
            var m4 = Vector512<double>.Zero;
            var m5 = Vector512<double>.Zero;
            var m6 = Vector512<double>.Zero;
            var m7 = Vector512<double>.Zero;
            var m8 = Vector512<double>.Zero;
            var m9 = Vector512<double>.Zero;
            var m10 = Vector512<double>.Zero;
            var m11 = Vector512<double>.Zero;
            var m12 = Vector512<double>.Zero;
            ref double ds = ref MemoryMarshal.GetReference(work);
            ref double cubes = ref Unsafe.Add(ref ds, Chunk);
            for (int i = 0; i < taken; i += Vector512<double>.Count)
            {
                var d = Vector512.LoadUnsafe(ref ds, (nuint)i);
                var power = Vector512.LoadUnsafe(ref cubes, (nuint)i) * d;
                m4 += power;
                power *= d;
                m5 += power;
                power *= d;
                m6 += power;
                power *= d;
                m7 += power;
                power *= d;
                m8 += power;
                power *= d;
                m9 += power;
                power *= d;
                m10 += power;
                power *= d;
                m11 += power;
                power *= d;
                m12 += power;
            }

            higher[0] += Vector512.Sum(m4);
            higher[1] += Vector512.Sum(m5);
            higher[2] += Vector512.Sum(m6);
            higher[3] += Vector512.Sum(m7);
            higher[4] += Vector512.Sum(m8);
            higher[5] += Vector512.Sum(m9);
            higher[6] += Vector512.Sum(m10);
            higher[7] += Vector512.Sum(m11);
            higher[8] += Vector512.Sum(m12);
            return taken;
        }

        /// <summary><see cref="Add512Raw"/> in the machine's <see cref="Vector{T}"/>: <see cref="Add{TFloor}(ReadOnlySpan{double}, double, double, bool, Span{double})"/>, then the higher powers from its work buffer.</summary>
        internal int AddRaw<TFloor>(ReadOnlySpan<double> z, double max, double beta, bool atOne, Span<double> higher, Span<double> work)
            where TFloor : struct, IFloor
        {
            int taken = Add<TFloor>(z, max, beta, atOne, work);
            Span<Vector<double>> power = stackalloc Vector<double>[ExpansionOrder - 3];
            power.Clear();
            ref double ds = ref MemoryMarshal.GetReference(work);
            ref double cubes = ref Unsafe.Add(ref ds, Chunk);
            for (int i = 0; i < taken; i += Vector<double>.Count)
            {
                var d = Vector.LoadUnsafe(ref ds, (nuint)i);
                var p = Vector.LoadUnsafe(ref cubes, (nuint)i);
                for (int j = 0; j < power.Length; j++)
                {
                    p *= d;
                    power[j] += p;
                }
            }

            for (int j = 0; j < power.Length; j++)
            {
                higher[j] += Vector.Sum(power[j]);
            }

            return taken;
        }
    }

    /// <summary>Lane-wise running sums of the rows' terms: Neumaier-compensated for L and L′, plain for L″ and L‴.</summary>
    private struct LaneSums
    {
        private Vector<double> _value;
        private Vector<double> _valueError;
        private Vector<double> _slope;
        private Vector<double> _slopeError;
        private Vector<double> _curvature;
        private Vector<double> _third;

        internal void Add(Vector<double> value, Vector<double> slope, Vector<double> curvature, Vector<double> third)
        {
            Compensated(ref _value, ref _valueError, value);
            Compensated(ref _slope, ref _slopeError, slope);
            _curvature += curvature;
            _third += third;
        }

        /// <summary>Folds the lanes, in lane order, into a part's sums.</summary>
        internal readonly void AddTo(Sums sums)
        {
            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                sums.Value.Add(_value[lane]);
                sums.Value.Add(_valueError[lane]);
                sums.Slope.Add(_slope[lane]);
                sums.Slope.Add(_slopeError[lane]);
                sums.Curvature += _curvature[lane];
                sums.Third += _third[lane];
            }
        }

        /// <summary>Folds the lanes of the value sums alone, in lane order, into <paramref name="sum"/>.</summary>
        internal readonly void AddValueTo(ref CompensatedSum sum)
        {
            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                sum.Add(_value[lane]);
                sum.Add(_valueError[lane]);
            }
        }

        private static void Compensated(ref Vector<double> sum, ref Vector<double> error, Vector<double> x)
        {
            var t = sum + x;
            var sumIsLarger = Vector.GreaterThanOrEqual(Vector.Abs(sum), Vector.Abs(x));
            error += (Vector.ConditionalSelect(sumIsLarger, sum, x) - t) + Vector.ConditionalSelect(sumIsLarger, x, sum);
            sum = t;
        }
    }

    /// <summary>Whether a kernel drops the terms below <see cref="ExponentFloor"/> (a struct type argument, so that each form is compiled without the other's test).</summary>
    private interface IFloor
    {
        bool Applies { get; }
    }

    /// <summary>Rows that may hold −∞ (masked classes, padding) or terms below the floor.</summary>
    private readonly struct Floored : IFloor
    {
        public bool Applies => true;
    }

    /// <summary>Finite rows whose every term lies above the floor.</summary>
    private readonly struct Unfloored : IFloor
    {
        public bool Applies => false;
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
        internal CompensatedSum ValueAtOne;
        internal double Spread;
        internal bool EveryRowFinite = true;

        internal void Add(Sums other)
        {
            Spread = Math.Max(Spread, other.Spread);
            EveryRowFinite &= other.EveryRowFinite;
            ValueAtOne.Add(other.ValueAtOne);
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
            ValueAtOne = default;
            Spread = default;
            EveryRowFinite = true;
        }
    }
}
