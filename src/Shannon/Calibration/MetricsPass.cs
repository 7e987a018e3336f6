using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Shannon.Losses;
using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>
/// One pass over an N×C table of probabilities or logits that produces everything the report needs: each row's
/// top-label confidence and correctness (into the caller's arrays) and a merged <see cref="CalibrationPart"/> (NLL,
/// Brier, classwise table). Each row is read from memory once; its second sweep finds it in cache.
/// </summary>
internal static class MetricsPass
{
    private const int Chunk = 1024;

    /// <summary>The pass over probability rows, checked as they are read (finite, ≥ 0, summing to 1 within <paramref name="tolerance"/> unless normalised).</summary>
    internal static unsafe CalibrationPart Probabilities<T>(ReadOnlySpan<T> probabilities, int classes, ReadOnlySpan<int> labels, int bins, bool normalize, double tolerance, Span<double> confidence, Span<bool> correct, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* values = probabilities)
        fixed (int* y = labels)
        fixed (double* c = confidence)
        fixed (bool* hit = correct)
        {
            nint v = (nint)values, l = (nint)y, cc = (nint)c, h = (nint)hit;
            int width = PaddedWidth(classes);
            return Run(labels.Length, classes, bins, width, (part, first, count) =>
            {
                Span<T> scratch = stackalloc T[Chunk];
                Span<T> padded = stackalloc T[Math.Max(width, 1)];
                padded.Fill(T.Zero);
                for (int i = first; i < first + count; i++)
                {
                    var row = new ReadOnlySpan<T>((T*)v + ((long)i * classes), classes);
                    ProbabilityRow(row, Pad(row, padded, width), ((int*)l)[i], i, normalize, tolerance, part, scratch, out double top, out bool hit, name);
                    if (cc != 0)
                    {
                        ((double*)cc)[i] = top;
                        ((bool*)h)[i] = hit;
                    }
                }
            });
        }
    }

    /// <summary>The pass over logit rows: softmax by the cross-entropy kernels' online normaliser (max-shifted, sums in double).</summary>
    internal static unsafe CalibrationPart Logits<T>(ReadOnlySpan<T> logits, int classes, ReadOnlySpan<int> labels, int bins, Span<double> confidence, Span<bool> correct, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* values = logits)
        fixed (int* y = labels)
        fixed (double* c = confidence)
        fixed (bool* hit = correct)
        {
            nint v = (nint)values, l = (nint)y, cc = (nint)c, h = (nint)hit;

            // Only float rows are padded: their exponential takes −∞ in stride, while the runtime's double exponential
            // falls back to scalar code for a vector holding one.
            int width = typeof(T) == typeof(float) ? PaddedWidth(classes) : 0;
            bool blocks = typeof(T) == typeof(float) && classes < BlockBelow && Vector.IsHardwareAccelerated && Vector<float>.Count is 4 or 8;
            return Run(labels.Length, classes, bins, width, (part, first, count) =>
            {
                Span<T> scratch = stackalloc T[Chunk];
                Span<T> padded = stackalloc T[Math.Max(width, 1)];
                padded.Fill(T.NegativeInfinity);
                int i = first;
                if (blocks)
                {
                    Span<float> block = stackalloc float[classes * BlockRows];
                    Span<float> probabilities = stackalloc float[classes * BlockRows];
                    for (; i <= first + count - BlockRows; i += BlockRows)
                    {
                        if (!LogitBlock((float*)v, i, classes, (int*)l, part, block, probabilities, (double*)cc, (bool*)h))
                        {
                            break; // a bad entry: the rows from here on go one by one, which names it
                        }
                    }
                }

                for (; i < first + count; i++)
                {
                    if (i + RowPrefetch.Ahead < first + count)
                    {
                        RowPrefetch.Lines((T*)v + ((long)(i + RowPrefetch.Ahead) * classes), (long)classes * sizeof(T));
                    }

                    var row = new ReadOnlySpan<T>((T*)v + ((long)i * classes), classes);
                    LogitRow(row, Pad(row, padded, width), ((int*)l)[i], i, part, scratch, out double top, out bool hit, name);
                    if (cc != 0)
                    {
                        ((double*)cc)[i] = top;
                        ((bool*)h)[i] = hit;
                    }
                }
            });
        }
    }

    /// <summary>
    /// Rows shorter than this are copied into a buffer padded to a multiple of 16 values (−∞ for logits, 0 for
    /// probabilities), so that the vector kernels cover them whole instead of leaving a scalar tail on every row.
    /// </summary>
    internal const int ShortRow = 64;

    /// <summary>The padded width of a short row, or 0 for rows read in place.</summary>
    internal static int PaddedWidth(int classes) => classes < ShortRow ? (classes + 15) & ~15 : 0;

    /// <summary>The row as the kernels read it: itself, or copied into the front of <paramref name="padded"/>, whose tail holds the padding value.</summary>
    private static ReadOnlySpan<T> Pad<T>(ReadOnlySpan<T> row, Span<T> padded, int width)
        where T : unmanaged
    {
        if (width == 0)
        {
            return row;
        }

        row.CopyTo(padded);
        return padded[..width];
    }

    private static CalibrationPart Run(int rows, int classes, int bins, int width, Action<CalibrationPart, int, int> body)
    {
        var total = new CalibrationPart(classes, bins, width);
        int rowsPerPart = RowParts.RowsPerPart(rows, classes, minimumRows: 8 * bins);
        RowParts.Run(rows, rowsPerPart, () => new CalibrationPart(classes, bins, width), part => part.Reset(), (part, first, count) =>
        {
            body(part, first, count);
            part.FoldLanes();
            part.Rows += count;
        }, total.Add);
        total.Finish();
        return total;
    }

    private static void ProbabilityRow<T>(ReadOnlySpan<T> row, ReadOnlySpan<T> values, int label, int rowIndex, bool normalize, double tolerance, CalibrationPart part, Span<T> scratch, out double confidence, out bool correct, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = CheckProbabilityRow(row, rowIndex, normalize, tolerance, name, out T max);
        int argmax = FirstIndexOf(row, max);
        T divisor = T.CreateTruncating(sum);
        T scale = T.One;
        if (normalize && !T.IsFinite(divisor))
        {
            // The total overflows (a row such as 1e308, 1e308): divide by the row's maximum first, so that the
            // divisor Σ xᵢ / max lies in [1, C] and the normalised row is (xᵢ / max) / Σ (xⱼ / max).
            scale = max;
            divisor = T.CreateTruncating(ScaledSum(row, max));
        }

        T top = normalize ? max / scale / divisor : max;
        T atLabel = normalize ? row[label] / scale / divisor : row[label];
        confidence = double.CreateTruncating(top);
        correct = argmax == label;
        double py = double.CreateTruncating(atLabel);
        double squares = 0.0;
        for (int start = 0; start < values.Length; start += Chunk)
        {
            var chunk = values.Slice(start, Math.Min(Chunk, values.Length - start));
            if (normalize)
            {
                var divided = scratch[..chunk.Length];
                if (scale != T.One)
                {
                    TensorPrimitives.Divide(chunk, scale, divided);
                    TensorPrimitives.Divide(divided, divisor, divided);
                }
                else
                {
                    TensorPrimitives.Divide(chunk, divisor, divided);
                }
                chunk = divided;
            }

            squares += part.AddProbabilities(chunk, start);
        }

        part.AddLabel(label, py);
        part.Nll.Add(-Math.Log(py));
        part.Brier.Add(squares - (py * py) + ((1.0 - py) * (1.0 - py)));
        part.Correct += correct ? 1 : 0;
        part.AddTop(confidence, correct);
    }

    /// <summary>
    /// Checks one probability row (finite, ≥ 0, summing to 1 within the larger of <paramref name="tolerance"/> and C·ε,
    /// or to a positive total when it will be normalised) and returns its sum in double, with its maximum.
    /// </summary>
    /// <remarks>
    /// ε is the machine epsilon of <typeparamref name="T"/> (2⁻²³ ≈ 1.19·10⁻⁷ for float32, 2⁻⁵² for float64). A softmax
    /// row computed in T divides by a sum of C terms rounded C − 1 times; its error is at most (C − 1)·u with the unit
    /// roundoff u = ε/2 (Higham 2002, Accuracy and Stability of Numerical Algorithms, 2nd ed., §4.2, doi:10.1137/1.9780898718027),
    /// plus about 2u from the exponentials and the division, so |Σp − 1| ≤ C·ε holds for any summation order. Measured:
    /// PyTorch's float32 softmax leaves 1.4·10⁻⁶ at C = 10 000 and 5.2·10⁻⁶ (1.1·10⁻⁵ in review 4) at C = 50 257; a
    /// sequential float32 sum 2.1·10⁻⁴ at C = 131 072 (C·ε = 0.016). For float64 C·ε stays below the default 10⁻⁶ up to
    /// C ≈ 4.5·10⁹, so double rows are checked as before; a row that lost mass (a class left out, 0.99) is still refused.
    /// </remarks>
    internal static double CheckProbabilityRow<T>(ReadOnlySpan<T> row, int rowIndex, bool normalize, double tolerance, string name, out T max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        max = TensorPrimitives.Max(row);
        T min = TensorPrimitives.Min(row);
        if (T.IsNaN(max) || T.IsPositiveInfinity(max) || !(min >= T.Zero))
        {
            throw BadProbability(row, rowIndex, name);
        }

        double sum = SumAsDouble(row);
        if (normalize)
        {
            if (!(sum > 0.0))
            {
                throw new ArgumentException($"{name} row {rowIndex} sums to 0, so it cannot be normalised.", name);
            }
        }
        else if (!(Math.Abs(sum - 1.0) <= RowSumTolerance<T>(tolerance, row.Length)))
        {
            double allowed = RowSumTolerance<T>(tolerance, row.Length);
            string why = allowed > tolerance
                ? string.Create(CultureInfo.InvariantCulture, $" (C·ε = {row.Length} × {double.CreateTruncating(T.BitIncrement(T.One) - T.One):0.##e0}, the most rounding a softmax in this precision over {row.Length} classes leaves; the floor is {tolerance:0.##e0})")
                : string.Empty;
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name} row {rowIndex} sums to {Guard.Format(sum)}, not 1 within {allowed:0.##e0}{why}; normalise the rows to accept it (CalibrationOptions.Normalize, shannon calibration --normalize)."),
                name);
        }

        return sum;
    }

    /// <summary>The tolerance on a row's sum: the larger of <paramref name="tolerance"/> and C·ε(<typeparamref name="T"/>) (see <see cref="CheckProbabilityRow{T}"/>).</summary>
    internal static double RowSumTolerance<T>(double tolerance, int classes)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Math.Max(tolerance, classes * double.CreateTruncating(T.BitIncrement(T.One) - T.One));

    private static void LogitRow<T>(ReadOnlySpan<T> row, ReadOnlySpan<T> values, int label, int rowIndex, CalibrationPart part, Span<T> scratch, out double confidence, out bool correct, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float) && values.Length <= Chunk && Vector.IsHardwareAccelerated && Vector<float>.Count is 4 or 8)
        {
            SingleRow(MemoryMarshal.Cast<T, float>(row), MemoryMarshal.Cast<T, float>(values), label, rowIndex, part, MemoryMarshal.Cast<T, float>(scratch), out confidence, out correct, name);
            return;
        }

        // The cross-entropy kernels' online normaliser, chunk by chunk: m = max z, Σ e^(z − m) in double. Starting from
        // the first chunk's maximum spares the kernel its rescaling of an empty sum (an exponential per row).
        T max = TensorPrimitives.Max(values[..Math.Min(Chunk, values.Length)]);
        double sumExp = 0.0;
        for (int start = 0; start < values.Length; start += Chunk)
        {
            if (!LogitKernel<T>.Accumulate(values.Slice(start, Math.Min(Chunk, values.Length - start)), ref max, ref sumExp))
            {
                throw LogitGuard.BadRow(row, rowIndex, row.Length, name);
            }
        }

        if (T.IsNegativeInfinity(max))
        {
            throw LogitGuard.BadRow(row, rowIndex, row.Length, name);
        }

        int argmax = FirstIndexOf(values, max);
        double logSum = Math.Log(sumExp);
        T logSumT = T.CreateTruncating(logSum);
        confidence = 1.0 / sumExp;
        correct = argmax == label;
        double py = 0.0;
        double squares = 0.0;
        for (int start = 0; start < values.Length; start += Chunk)
        {
            int length = Math.Min(Chunk, values.Length - start);
            var p = scratch[..length];
            LogitKernel<T>.ScaledSoftmax(values.Slice(start, length), max, logSumT, T.One, p);
            if (label >= start && label < start + length)
            {
                py = double.CreateTruncating(p[label - start]);
            }

            squares += part.AddProbabilities<T>(p, start);
        }

        part.AddLabel(label, py);
        part.Nll.Add(double.CreateTruncating(max) - double.CreateTruncating(row[label]) + logSum);
        part.Brier.Add(squares - (py * py) + ((1.0 - py) * (1.0 - py)));
        part.Correct += correct ? 1 : 0;
        part.AddTop(confidence, correct);
    }

    /// <summary>
    /// A float row of logits that fits one chunk, with one exponential per value: e_k = e^(z_k − max z) into
    /// <paramref name="scratch"/> with s = Σ e_k in double, then p_k = e_k·(1/s) as the table takes them.
    /// </summary>
    private static void SingleRow(ReadOnlySpan<float> row, ReadOnlySpan<float> values, int label, int rowIndex, CalibrationPart part, Span<float> scratch, out double confidence, out bool correct, string name)
    {
        float max = LogitKernel<float>.Max(values); // not TensorPrimitives.Max, whose −0/+0 and NaN fix-ups on every vector took a quarter of the pass
        if (!float.IsFinite(max))
        {
            throw LogitGuard.BadRow(row, rowIndex, row.Length, name); // a NaN (which Max returns), +∞, or every logit −∞
        }

        var e = scratch[..values.Length];
        double sum = Numerators(values, max, e);
        int argmax = FirstIndexOf(values, max);
        float inverse = (float)(1.0 / sum);
        confidence = 1.0 / sum;
        correct = argmax == label;
        double py = e[label] * inverse;
        double squares = part.AddProbabilities(e, 0, inverse);
        part.AddLabel(label, py);
        part.Nll.Add((double)max - row[label] + Math.Log(sum));
        part.Brier.Add(squares - (py * py) + ((1.0 - py) * (1.0 - py)));
        part.Correct += correct ? 1 : 0;
        part.AddTop(confidence, correct);
    }

    /// <summary>e_k = e^(z_k − max) into <paramref name="e"/> (−∞ gives 0); returns Σ e_k, summed in double.</summary>
    private static double Numerators(ReadOnlySpan<float> z, float max, Span<float> e)
    {
        int i = 0;
        double total = 0.0;
        if (z.Length >= Vector<float>.Count)
        {
            ref float source = ref MemoryMarshal.GetReference(z);
            ref float target = ref MemoryMarshal.GetReference(e);
            var shift = new Vector<float>(max);
            var low = Vector<double>.Zero;
            var high = Vector<double>.Zero;
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = SingleExp.Exp(Vector.LoadUnsafe(ref source, (nuint)i) - shift);
                v.StoreUnsafe(ref target, (nuint)i);
                Vector.Widen(v, out var lower, out var upper);
                low += lower;
                high += upper;
            }

            total = Vector.Sum(low + high);
        }

        for (; i < z.Length; i++)
        {
            float v = MathF.Exp(z[i] - max);
            e[i] = v;
            total += v;
        }

        return total;
    }

    /// <summary>Rows per transposed block: one per lane of the machine's vector of floats (eight with AVX2, four with SSE or NEON).</summary>
    internal static int BlockRows => Vector<float>.Count;

    /// <summary>Float rows of fewer classes than this are read <see cref="BlockRows"/> at a time, transposed.</summary>
    internal const int BlockBelow = 32;

    /// <summary>
    /// The metrics of <see cref="BlockRows"/> float logit rows at once, class by class: the rows are copied transposed
    /// (class-major), so that each vector holds one class of those rows and the maximum, the arg-max, the sum of
    /// exponentials (in double), the logarithm and the probabilities are computed lane-wise. Returns false, having
    /// changed nothing, when a row holds a NaN or +∞ or no finite logit; the caller then takes the rows one by one.
    /// </summary>
    private static unsafe bool LogitBlock(float* values, int first, int classes, int* labels, CalibrationPart part, Span<float> block, Span<float> probabilities, double* confidence, bool* correct)
    {
        int rows = BlockRows;
        int half = Vector<double>.Count;
        float* start = values + ((long)first * classes);
        for (int r = 0; r < rows; r++)
        {
            float* row = start + (r * classes);
            for (int c = 0; c < classes; c++)
            {
                block[(c * rows) + r] = row[c];
            }
        }

        ref float z = ref MemoryMarshal.GetReference(block);
        var best = Vector.LoadUnsafe(ref z);
        var argmax = Vector<int>.Zero;
        var bad = Vector<int>.Zero;
        var infinity = new Vector<float>(float.PositiveInfinity);
        for (int c = 0; c < classes; c++)
        {
            var v = Vector.LoadUnsafe(ref z, (nuint)(c * rows));
            bad |= ~Vector.Equals(v, v) | Vector.Equals(v, infinity);
            var greater = Vector.GreaterThan(v, best);
            best = Vector.ConditionalSelect(greater, v, best);
            argmax = Vector.ConditionalSelect(greater, new Vector<int>(c), argmax);
        }

        if (bad != Vector<int>.Zero || Vector.EqualsAny(best, new Vector<float>(float.NegativeInfinity)))
        {
            return false;
        }

        ref float p = ref MemoryMarshal.GetReference(probabilities);
        var sumLow = Vector<double>.Zero;
        var sumHigh = Vector<double>.Zero;
        for (int c = 0; c < classes; c++)
        {
            var e = SingleExp.Exp(Vector.LoadUnsafe(ref z, (nuint)(c * rows)) - best);
            e.StoreUnsafe(ref p, (nuint)(c * rows));
            Vector.Widen(e, out var low, out var high);
            sumLow += low;
            sumHigh += high;
        }

        var inverseLow = Vector<double>.One / sumLow;
        var inverseHigh = Vector<double>.One / sumHigh;
        var inverse = Vector.Narrow(inverseLow, inverseHigh);
        var logLow = Vector.Log(sumLow);
        var logHigh = Vector.Log(sumHigh);
        var squaresLow = Vector<double>.Zero;
        var squaresHigh = Vector<double>.Zero;
        for (int c = 0; c < classes; c++)
        {
            var pc = Vector.LoadUnsafe(ref p, (nuint)(c * rows)) * inverse;
            pc.StoreUnsafe(ref p, (nuint)(c * rows));
            part.AddClass(c, pc, ref squaresLow, ref squaresHigh);
        }

        for (int r = 0; r < rows; r++)
        {
            int i = first + r;
            int label = labels[i];
            double py = probabilities[(label * rows) + r];
            double squares = r < half ? squaresLow[r] : squaresHigh[r - half];
            double logSum = r < half ? logLow[r] : logHigh[r - half];
            double top = r < half ? inverseLow[r] : inverseHigh[r - half];
            bool hit = argmax[r] == label;
            part.AddTop(top, hit);
            if (confidence != null)
            {
                confidence[i] = top;
                correct[i] = hit;
            }

            part.AddLabel(label, py);
            part.Nll.Add((double)best[r] - block[(label * rows) + r] + logSum);
            part.Brier.Add(squares - (py * py) + ((1.0 - py) * (1.0 - py)));
            part.Correct += hit ? 1 : 0;
        }

        return true;
    }

    /// <summary>The first index whose value equals <paramref name="value"/> (−0 = +0), i.e. numpy's arg-max when value is the maximum.</summary>
    internal static int FirstIndexOf<T>(ReadOnlySpan<T> row, T value)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && row.Length >= Vector<T>.Count)
        {
            ref T start = ref MemoryMarshal.GetReference(row);
            var target = new Vector<T>(value);
            for (; i <= row.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                if (Vector.EqualsAny(Vector.LoadUnsafe(ref start, (nuint)i), target))
                {
                    break; // the scalar loop below finds the lane
                }
            }
        }

        for (; i < row.Length; i++)
        {
            if (row[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Σ xᵢ / max in double: the sum of a row whose plain total overflows, each term in [0, 1].</summary>
    private static double ScaledSum<T>(ReadOnlySpan<T> row, T max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sum = new CompensatedSum();
        foreach (T value in row)
        {
            sum.Add(double.CreateTruncating(value / max));
        }

        return sum.Value;
    }

    private static double SumAsDouble<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            return CompensatedSum.Of(MemoryMarshal.Cast<T, double>(values));
        }

        return LogitKernel<float>.SumAsDouble(MemoryMarshal.Cast<T, float>(values));
    }

    private static ArgumentException BadProbability<T>(ReadOnlySpan<T> row, int rowIndex, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < row.Length; k++)
        {
            double v = double.CreateTruncating(row[k]);
            if (double.IsNaN(v) || double.IsInfinity(v) || v < 0.0)
            {
                string what = double.IsNaN(v) ? "a NaN entry" : double.IsInfinity(v) ? $"an infinite entry {Guard.Format(v)}" : $"a negative entry {Guard.Format(v)}";
                return new ArgumentException($"{name} has {what} at row {rowIndex}, class {k}.", name);
            }
        }

        return new ArgumentException($"{name} row {rowIndex} is not a probability vector.", name);
    }
}
