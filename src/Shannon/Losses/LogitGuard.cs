using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>Checks and error messages shared by the losses: bad logits, temperatures, rows run in parallel.</summary>
internal static class LogitGuard
{
    /// <summary>Above this many values a batch of rows is split across cores.</summary>
    internal const long ParallelThreshold = 1 << 20;

    /// <summary>The exception for a row the kernel rejected: names the first NaN or +∞ (or an all −∞ row).</summary>
    internal static ArgumentException BadRow<TIn>(ReadOnlySpan<TIn> row, int rowIndex, int classes, string paramName)
    {
        for (int c = 0; c < row.Length; c++)
        {
            double v = ToDouble(row[c]);
            if (double.IsNaN(v) || double.IsPositiveInfinity(v))
            {
                string what = double.IsNaN(v) ? "a NaN entry" : "an infinite entry Infinity";
                return new ArgumentException($"{paramName} has {what} at index {((long)rowIndex * classes) + c} (row {rowIndex}, class {c}).", paramName);
            }
        }

        return new ArgumentException($"{paramName} row {rowIndex} has no finite entry (every logit is -Infinity), so its softmax is undefined.", paramName);
    }

    /// <summary>A temperature T &gt; 0, finite; returns it.</summary>
    internal static double Temperature(double temperature, string paramName = "temperature")
    {
        Guard.Positive(temperature, paramName);
        return temperature;
    }

    /// <summary>A row-major table of <paramref name="classes"/> columns: returns its number of rows.</summary>
    internal static int Rows(int length, int classes, string dataName, string classesName = "classes")
    {
        if (classes <= 0)
        {
            throw new ArgumentOutOfRangeException(classesName, classes, $"{classesName} must be positive; got {classes}.");
        }

        if (length == 0 || length % classes != 0)
        {
            throw new ArgumentException($"{dataName} has {length} entries, which is not a positive multiple of {classesName} = {classes}.", dataName);
        }

        return length / classes;
    }

    /// <summary>Runs <paramref name="body"/> for every row, in parallel when the table is large; rethrows the first failure as is.</summary>
    internal static void ForEachRow(int rows, int classes, Action<int> body)
    {
        if ((long)rows * classes < ParallelThreshold || rows == 1)
        {
            for (int i = 0; i < rows; i++)
            {
                body(i);
            }

            return;
        }

        ParallelLoop.For(0, rows, body);
    }

    internal static double ToDouble<TIn>(TIn value)
    {
        if (typeof(TIn) == typeof(double))
        {
            return (double)(object)value!;
        }

        if (typeof(TIn) == typeof(float))
        {
            return (float)(object)value!;
        }

        if (typeof(TIn) == typeof(Half))
        {
            return (double)(Half)(object)value!;
        }

        return (float)(BFloat16)(object)value!;
    }
}
