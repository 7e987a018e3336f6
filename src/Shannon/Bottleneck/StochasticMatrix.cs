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

    /// <summary>
    /// The rounding floor of <see cref="MutualInformation"/>: 8ε ≈ 1.8·10⁻¹⁵ nats. The kernel sums p(a,b)·ln(p(a,b)/(p(a)p(b)))
    /// over cells whose probabilities sum to 1, and each log ratio carries a few ε of absolute error from the products,
    /// the marginal sums and the logarithm, so an independent table comes out as a few ε either way (the IB at small β,
    /// whose encoder rows are equal up to their last bits, printed I(X;T) = 5.9·10⁻¹⁷ and I(T;Y) = 1.2·10⁻¹⁶).
    /// </summary>
    internal const double RoundingFloor = 8 * 2.220446049250313e-16; // 8 × the machine epsilon 2⁻⁵²

    /// <summary>I(A;B) in nats of a joint table, computed by the Measures' kernel: 0 at or below <see cref="RoundingFloor"/>, which is rounding, not information.</summary>
    internal static double MutualInformation(ReadOnlySpan<double> joint, int rows, int columns)
    {
        double nats = Measures.MutualInformation.InNatsUnchecked(joint, rows, columns);
        return nats <= RoundingFloor ? 0.0 : nats;
    }

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
