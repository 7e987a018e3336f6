using System.Buffers;
using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>
/// Pointwise mutual information of the cells of a two-dimensional joint distribution p(x, y): one cell, or the PMI,
/// normalised (NPMI) and positive (PPMI) matrices written into a caller's destination.
/// </summary>
public static class PointwiseMutualInformation
{
    /// <summary>The pointwise mutual information of one cell (x, y).</summary>
    /// <param name="joint">p(x, y), row-major; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The table's shape [rows, columns].</param>
    /// <param name="row">The outcome x, in [0, rows).</param>
    /// <param name="column">The outcome y, in [0, columns).</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// pmi(x; y) = log(p(x,y) / (p(x) p(y))), in the unit of <paramref name="logBase"/>; any sign, at most
    /// min(−log p(x), −log p(y)), 0 for independent outcomes, and −∞ when p(x,y) = 0 (the pair never co-occurs).
    /// </returns>
    /// <exception cref="ArgumentException">The shape does not match, or <paramref name="joint"/> is not a distribution.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> or <paramref name="column"/> is outside the table.</exception>
    /// <remarks>
    /// Its expectation over p(x, y) is the mutual information: Σ p(x,y) pmi(x;y) = I(X;Y). Costs one pass for the
    /// two marginals; for many cells use <see cref="Matrix"/>.
    /// Reference: Church, K. W. &amp; Hanks, P. (1990), Word association norms, mutual information, and
    /// lexicography, Computational Linguistics 16(1), 22–29; Fano, R. M. (1961), Transmission of Information, MIT Press.
    /// </remarks>
    public static double Cell(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, int row, int column, LogBase logBase = default)
    {
        MutualInformation.CheckTable(joint, shape);
        int rows = shape[0], columns = shape[1];
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, rows);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, columns);
        var px = default(CompensatedSum);
        var py = default(CompensatedSum);
        for (int j = 0; j < columns; j++)
        {
            px.Add(joint[(row * columns) + j]);
        }

        for (int i = 0; i < rows; i++)
        {
            py.Add(joint[(i * columns) + column]);
        }

        return logBase.FromNats(InNats(joint[(row * columns) + column], px.Value, py.Value));
    }

    /// <summary>The PMI matrix: pmi(x; y) for every cell.</summary>
    /// <param name="joint">p(x, y), row-major; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The table's shape [rows, columns].</param>
    /// <param name="destination">Receives rows × columns values, row-major; may be <paramref name="joint"/> itself.</param>
    /// <param name="logBase">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">The shape does not match, <paramref name="joint"/> is not a distribution, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>
    /// Cells with p(x,y) = 0 get −∞ (see <see cref="Cell"/>). Rents one buffer for the marginals.
    /// Reference: Church &amp; Hanks (1990), Computational Linguistics 16(1), 22–29.
    /// </remarks>
    public static void Matrix(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, Span<double> destination, LogBase logBase = default) =>
        Fill(joint, shape, destination, Variant.Plain, logBase);

    /// <summary>The normalised PMI matrix (NPMI): pmi(x; y) / −log p(x, y) for every cell, in [−1, 1].</summary>
    /// <param name="joint">p(x, y), row-major; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The table's shape [rows, columns].</param>
    /// <param name="destination">Receives rows × columns values in [−1, 1], row-major; may be <paramref name="joint"/> itself.</param>
    /// <exception cref="ArgumentException">The shape does not match, <paramref name="joint"/> is not a distribution, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>
    /// Unitless (the same in every log base). Edge conventions, as Bouma: −1 where p(x,y) = 0 (never co-occur, the
    /// limit as p(x,y) → 0); 0 for independent x and y; +1 for complete co-occurrence p(x,y) = p(x) = p(y), including
    /// the single-cell table p(x,y) = 1 where the ratio is 0/0 (its limit). Clamped to [−1, 1] against rounding.
    /// Reference: Bouma, G. (2009), Normalized (pointwise) mutual information in collocation extraction, Proc. of the
    /// Biennial GSCL Conference 2009, 31–40.
    /// </remarks>
    public static void NormalizedMatrix(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, Span<double> destination) =>
        Fill(joint, shape, destination, Variant.Normalized, default);

    /// <summary>The positive PMI matrix (PPMI): max(pmi(x; y), 0) for every cell.</summary>
    /// <param name="joint">p(x, y), row-major; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The table's shape [rows, columns].</param>
    /// <param name="destination">Receives rows × columns values ≥ 0, row-major; may be <paramref name="joint"/> itself.</param>
    /// <param name="logBase">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">The shape does not match, <paramref name="joint"/> is not a distribution, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>
    /// Cells with p(x,y) = 0 get 0 (max(−∞, 0)), which keeps word–context matrices sparse and finite.
    /// Reference: Bullinaria, J. A. &amp; Levy, J. P. (2007), Extracting semantic representations from word
    /// co-occurrence statistics: a computational study, Behavior Research Methods 39(3), 510–526,
    /// doi:10.3758/BF03193020; Niwa, Y. &amp; Nitta, Y. (1994), Co-occurrence vectors from corpora vs. distance vectors
    /// from dictionaries, Proc. COLING 1994, 304–309.
    /// </remarks>
    public static void PositiveMatrix(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, Span<double> destination, LogBase logBase = default) =>
        Fill(joint, shape, destination, Variant.Positive, logBase);

    private enum Variant
    {
        Plain,
        Normalized,
        Positive,
    }

    /// <summary>ln(p / (pₓ pᵧ)), −∞ for p = 0; ratios first, logs when they leave the normal range.</summary>
    private static double InNats(double p, double px, double py) =>
        p > 0.0 ? SpecialFunctions.LogRatio(p / px, py) : double.NegativeInfinity;

    private static void Fill(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, Span<double> destination, Variant variant, LogBase logBase)
    {
        MutualInformation.CheckTable(joint, shape);
        Guard.DestinationFits(destination, joint.Length, nameof(destination));
        int rows = shape[0], columns = shape[1];
        double[] rented = ArrayPool<double>.Shared.Rent(rows + columns);
        try
        {
            var rowSums = rented.AsSpan(0, rows);
            var columnSums = rented.AsSpan(rows, columns);
            MutualInformation.Marginals(joint, rows, columns, rowSums, columnSums);
            for (int x = 0; x < rows; x++)
            {
                for (int y = 0; y < columns; y++)
                {
                    int cell = (x * columns) + y;
                    double p = joint[cell];
                    double pmi = InNats(p, rowSums[x], columnSums[y]);
                    destination[cell] = variant switch
                    {
                        Variant.Plain => logBase.FromNats(pmi),
                        Variant.Positive => logBase.FromNats(Math.Max(0.0, pmi)),
                        _ => Normalize(pmi, p),
                    };
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>pmi / −ln p clamped to [−1, 1]; −1 at p = 0 and +1 at p = 1 (the limits).</summary>
    private static double Normalize(double pmi, double p)
    {
        if (p == 0.0)
        {
            return -1.0;
        }

        double selfInformation = -Math.Log(p);
        return selfInformation > 0.0 ? Math.Clamp(pmi / selfInformation, -1.0, 1.0) : 1.0;
    }
}
