using Shannon.Numerics;

namespace Shannon.Bottleneck;

/// <summary>Boundary checks shared by the channel and bottleneck algorithms; each names the parameter and value.</summary>
internal static class BottleneckGuard
{
    /// <summary>A joint distribution with the given shape: entries finite, ≥ 0, summing to 1.</summary>
    internal static void Joint(ReadOnlySpan<double> joint, int rows, int columns, string paramName, string rowsName, string columnsName)
    {
        Dimension(rows, rowsName);
        Dimension(columns, columnsName);
        Guard.Shape(joint.Length, [rows, columns], paramName, rowsName);
        Guard.Distribution(joint, paramName);
    }

    /// <summary>A channel: <paramref name="rows"/> rows of <paramref name="columns"/> entries, each row a distribution.</summary>
    internal static void Channel(ReadOnlySpan<double> channel, int rows, int columns, string paramName, string rowsName, string columnsName)
    {
        Dimension(rows, rowsName);
        Dimension(columns, columnsName);
        Guard.Shape(channel.Length, [rows, columns], paramName, rowsName);
        Guard.NonNegativeFinite(channel, paramName);
        for (int i = 0; i < rows; i++)
        {
            double sum = CompensatedSum.Of(channel.Slice(i * columns, columns));
            if (!(Math.Abs(sum - 1.0) <= Guard.SumTolerance))
            {
                throw new ArgumentException(
                    $"{paramName} row {i} sums to {Guard.Format(sum)}, not 1 (tolerance {Guard.SumTolerance:0e0}); every row of a channel is a distribution p(y | x).",
                    paramName);
            }
        }
    }

    /// <summary>A count of outcomes: at least 1.</summary>
    internal static void Dimension(int value, string paramName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least 1; got {value}.");
        }
    }

    /// <summary>
    /// A table of <paramref name="rows"/> × <paramref name="columns"/> doubles must fit one .NET array
    /// (<see cref="Array.MaxLength"/> elements): checked in 64 bits before anything is allocated, so a size whose
    /// product wraps around 32 bits fails here, naming <paramref name="paramName"/>, instead of as an overflow,
    /// an out-of-memory or an out-of-range index deep inside.
    /// </summary>
    internal static void Cells(long rows, long columns, string what, string paramName)
    {
        if (rows * columns > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                $"{what} would need {rows} × {columns} = {rows * columns} cells, more than the {Array.MaxLength} one array can hold.");
        }
    }

    internal static void Beta(double beta, string paramName)
    {
        if (!(beta >= 0.0) || double.IsPositiveInfinity(beta))
        {
            throw new ArgumentOutOfRangeException(paramName, beta, $"{paramName} must be finite and ≥ 0; got {Guard.Format(beta)}.");
        }
    }

    internal static void IterationLimit(int maxIterations)
    {
        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, $"maxIterations must be at least 1; got {maxIterations}.");
        }
    }
}
