using Shannon.Numerics;

namespace Shannon.Bottleneck;

/// <summary>
/// Arithmetic on the row-major tables the bottleneck and channel algorithms share: joint distributions
/// p(x, y) (rows x, columns y) and channels p(y | x) (every row a distribution).
/// </summary>
internal static class StochasticMatrix
{
    /// <summary>Row sums of a row-major table into <paramref name="destination"/> (length <paramref name="rows"/>).</summary>
    internal static void RowSums(ReadOnlySpan<double> table, int rows, int columns, Span<double> destination)
    {
        for (int i = 0; i < rows; i++)
        {
            destination[i] = CompensatedSum.Of(table.Slice(i * columns, columns));
        }
    }

    /// <summary>Column sums of a row-major table into <paramref name="destination"/> (length <paramref name="columns"/>).</summary>
    internal static void ColumnSums(ReadOnlySpan<double> table, int rows, int columns, Span<double> destination)
    {
        destination[..columns].Clear();
        for (int i = 0; i < rows; i++)
        {
            var row = table.Slice(i * columns, columns);
            for (int j = 0; j < columns; j++)
            {
                destination[j] += row[j];
            }
        }
    }

    /// <summary>I(A;B) in nats of a joint table, clamped at 0; computed by the Measures' kernel.</summary>
    internal static double MutualInformation(ReadOnlySpan<double> joint, int rows, int columns) =>
        Measures.MutualInformation.InNatsUnchecked(joint, rows, columns);

    /// <summary>H(p) = −Σ p log p in nats of non-negative masses summing to about 1; 0·log 0 = 0.</summary>
    internal static double Entropy(ReadOnlySpan<double> p)
    {
        var sum = default(CompensatedSum);
        foreach (double pi in p)
        {
            sum.Add(-SpecialFunctions.XLogX(pi));
        }

        return Math.Max(0.0, sum.Value);
    }
}
