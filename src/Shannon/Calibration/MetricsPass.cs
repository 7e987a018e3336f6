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
            return Run(labels.Length, classes, bins, (part, first, count) =>
            {
                Span<T> scratch = stackalloc T[Chunk];
                for (int i = first; i < first + count; i++)
                {
                    var row = new ReadOnlySpan<T>((T*)v + ((long)i * classes), classes);
                    ProbabilityRow(row, ((int*)l)[i], i, normalize, tolerance, part, scratch, out ((double*)cc)[i], out ((bool*)h)[i], name);
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
            return Run(labels.Length, classes, bins, (part, first, count) =>
            {
                Span<T> scratch = stackalloc T[Chunk];
                for (int i = first; i < first + count; i++)
                {
                    var row = new ReadOnlySpan<T>((T*)v + ((long)i * classes), classes);
                    LogitRow(row, ((int*)l)[i], i, part, scratch, out ((double*)cc)[i], out ((bool*)h)[i], name);
                }
            });
        }
    }

    private static CalibrationPart Run(int rows, int classes, int bins, Action<CalibrationPart, int, int> body)
    {
        var total = new CalibrationPart(classes, bins);
        int rowsPerPart = RowParts.RowsPerPart(rows, classes, minimumRows: 8 * bins);
        RowParts.Run(rows, rowsPerPart, () => new CalibrationPart(classes, bins), part => part.Reset(), (part, first, count) =>
        {
            body(part, first, count);
            part.Rows += count;
        }, total.Add);
        total.Finish();
        return total;
    }

    private static void ProbabilityRow<T>(ReadOnlySpan<T> row, int label, int rowIndex, bool normalize, double tolerance, CalibrationPart part, Span<T> scratch, out double confidence, out bool correct, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = CheckProbabilityRow(row, rowIndex, normalize, tolerance, name, out T max);
        int argmax = FirstIndexOf(row, max);
        T divisor = T.CreateTruncating(sum);
        T top = normalize ? max / divisor : max;
        T atLabel = normalize ? row[label] / divisor : row[label];
        confidence = double.CreateTruncating(top);
        correct = argmax == label;
        double py = double.CreateTruncating(atLabel);
        double squares = 0.0;
        for (int start = 0; start < row.Length; start += Chunk)
        {
            var chunk = row.Slice(start, Math.Min(Chunk, row.Length - start));
            if (normalize)
            {
                var divided = scratch[..chunk.Length];
                TensorPrimitives.Divide(chunk, divisor, divided);
                chunk = divided;
            }

            squares += part.AddProbabilities(chunk, start);
        }

        part.AddLabel(label, py);
        part.Nll.Add(-Math.Log(py));
        part.Brier.Add(squares - (py * py) + ((1.0 - py) * (1.0 - py)));
        part.Correct += correct ? 1 : 0;
    }

    /// <summary>
    /// Checks one probability row (finite, ≥ 0, summing to 1 within <paramref name="tolerance"/>, or to a positive total
    /// when it will be normalised) and returns its sum in double, with its maximum.
    /// </summary>
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
        else if (!(Math.Abs(sum - 1.0) <= tolerance))
        {
            throw new ArgumentException(
                $"{name} row {rowIndex} sums to {Guard.Format(sum)}, not 1 within {tolerance:0e0}; normalise the rows to accept it (CalibrationOptions.Normalize, shannon calibration --normalize).", name);
        }

        return sum;
    }

    private static void LogitRow<T>(ReadOnlySpan<T> row, int label, int rowIndex, CalibrationPart part, Span<T> scratch, out double confidence, out bool correct, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!LogitKernel<T>.Normaliser(row, T.One, out T max, out double sumExp) || T.IsNegativeInfinity(max))
        {
            throw LogitGuard.BadRow(row, rowIndex, row.Length, name);
        }

        int argmax = FirstIndexOf(row, max);
        double logSum = Math.Log(sumExp);
        T logSumT = T.CreateTruncating(logSum);
        confidence = 1.0 / sumExp;
        correct = argmax == label;
        double py = 0.0;
        double squares = 0.0;
        for (int start = 0; start < row.Length; start += Chunk)
        {
            int length = Math.Min(Chunk, row.Length - start);
            var p = scratch[..length];
            LogitKernel<T>.ScaledSoftmax(row.Slice(start, length), max, logSumT, T.One, p);
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
    }

    /// <summary>The first index whose value equals <paramref name="value"/> (−0 = +0), i.e. numpy's arg-max when value is the maximum.</summary>
    internal static int FirstIndexOf<T>(ReadOnlySpan<T> row, T value)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && row.Length >= Vector256<T>.Count)
        {
            ref T start = ref MemoryMarshal.GetReference(row);
            var target = Vector256.Create(value);
            for (; i <= row.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                uint equal = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), target).ExtractMostSignificantBits();
                if (equal != 0)
                {
                    return i + BitOperations.TrailingZeroCount(equal);
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
