using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Shannon.Numerics;

namespace Shannon.Measures;

/// <summary>Mutual information and the entropies of a known two-dimensional joint distribution p(x, y).</summary>
public static partial class MutualInformation
{
    /// <summary>The mutual information of X (rows) and Y (columns) from their joint distribution.</summary>
    /// <param name="joint">p(x, y), row-major; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The table's shape [rows, columns]; its product must equal the length of <paramref name="joint"/>.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// I(X;Y) = Σₓᵧ p(x,y) log(p(x,y) / (p(x) p(y))) = H(X) + H(Y) − H(X,Y) = D_KL(p(x,y) ‖ p(x)p(y)), in the unit of
    /// <paramref name="logBase"/>; 0 ≤ I ≤ min(H(X), H(Y)), 0 iff X and Y are independent.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="shape"/> is not two positive dimensions matching <paramref name="joint"/>; or
    /// <paramref name="joint"/> has a NaN, negative or infinite entry, or does not sum to 1.
    /// </exception>
    /// <remarks>
    /// Symmetric, and I(X;X) = H(X). Evaluated term by term in the per-cell ratio form (no cancellation between three
    /// entropies), cells with p(x,y) = 0 contributing 0, and clamped at 0 against rounding. Rents one buffer for the
    /// marginals.
    /// Reference: Cover, T. M. &amp; Thomas, J. A. (2006), Elements of Information Theory, 2nd ed., §2.4,
    /// doi:10.1002/047174882X.
    /// </remarks>
    public static double Of(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, LogBase logBase = default) =>
        logBase.FromNats(Math.Max(0.0, Sum(joint, shape, Kind.MutualInformation)));

    /// <summary>The joint entropy of a two-dimensional distribution.</summary>
    /// <param name="joint">p(x, y), row-major; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The table's shape [rows, columns].</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>H(X,Y) = −Σₓᵧ p(x,y) log p(x,y), in the unit of <paramref name="logBase"/>; max(H(X), H(Y)) ≤ H(X,Y) ≤ H(X) + H(Y).</returns>
    /// <exception cref="ArgumentException">The shape does not match, or <paramref name="joint"/> is not a distribution.</exception>
    /// <remarks>Reference: Cover &amp; Thomas (2006), §2.2, doi:10.1002/047174882X.</remarks>
    public static double JointEntropy(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, LogBase logBase = default)
    {
        CheckTable(joint, shape);
        return Entropy.Of(joint, logBase);
    }

    /// <summary>The conditional entropy of Y (columns) given X (rows).</summary>
    /// <param name="joint">p(x, y), row-major; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The table's shape [rows, columns].</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>
    /// H(Y|X) = −Σₓᵧ p(x,y) log(p(x,y) / p(x)) = H(X,Y) − H(X), in the unit of <paramref name="logBase"/>;
    /// 0 ≤ H(Y|X) ≤ H(Y).
    /// </returns>
    /// <exception cref="ArgumentException">The shape does not match, or <paramref name="joint"/> is not a distribution.</exception>
    /// <remarks>
    /// For H(X|Y) pass the transposed table. Evaluated per cell as −p log(p(x,y)/p(x)) and clamped at 0; 0 iff Y is a
    /// function of X. Reference: Cover &amp; Thomas (2006), §2.2 (chain rule H(X,Y) = H(X) + H(Y|X)),
    /// doi:10.1002/047174882X.
    /// </remarks>
    public static double ConditionalEntropy(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, LogBase logBase = default) =>
        logBase.FromNats(Math.Max(0.0, Sum(joint, shape, Kind.ConditionalEntropy)));

    /// <summary>The variation of information between X (rows) and Y (columns).</summary>
    /// <param name="joint">p(x, y), row-major; non-negative, summing to 1 within 1e-9 relative.</param>
    /// <param name="shape">The table's shape [rows, columns].</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>VI(X;Y) = H(X|Y) + H(Y|X) = 2H(X,Y) − H(X) − H(Y), in the unit of <paramref name="logBase"/>; a metric, ≥ 0.</returns>
    /// <exception cref="ArgumentException">The shape does not match, or <paramref name="joint"/> is not a distribution.</exception>
    /// <remarks>
    /// Evaluated per cell as −p log(p(x,y)² / (p(x) p(y))) and clamped at 0.
    /// Reference: Meilă, M. (2007), Comparing clusterings — an information based distance, Journal of
    /// Multivariate Analysis 98(5), 873–895, doi:10.1016/j.jmva.2006.11.013.
    /// </remarks>
    public static double VariationOfInformation(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, LogBase logBase = default) =>
        logBase.FromNats(Math.Max(0.0, Sum(joint, shape, Kind.VariationOfInformation)));

    private enum Kind
    {
        MutualInformation,
        ConditionalEntropy,
        VariationOfInformation,
    }

    /// <summary>Checks a two-dimensional table: the shape is [rows, columns] matching <paramref name="joint"/>, which is a distribution.</summary>
    internal static void CheckTable(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape)
    {
        Guard.Shape(joint.Length, shape, nameof(joint), nameof(shape));
        if (shape.Length != 2)
        {
            throw new ArgumentException($"shape has {shape.Length} dimensions; this measure needs a two-dimensional table [rows, columns].", nameof(shape));
        }

        Guard.Distribution(joint, nameof(joint));
    }

    /// <summary>
    /// I(X;Y) in nats of a rows×columns table already known to be a distribution (the bottleneck's own iterates):
    /// the same per-cell kernel as <see cref="Of(ReadOnlySpan{double}, ReadOnlySpan{int}, LogBase)"/> without the boundary checks, clamped at 0.
    /// </summary>
    internal static double InNatsUnchecked(ReadOnlySpan<double> joint, int rows, int columns) =>
        Math.Max(0.0, Sum(joint, rows, columns, Kind.MutualInformation));

    private static double Sum(ReadOnlySpan<double> joint, ReadOnlySpan<int> shape, Kind kind)
    {
        CheckTable(joint, shape);
        return Sum(joint, shape[0], shape[1], kind);
    }

    /// <summary>Σ over cells with p(x,y) &gt; 0 of the measure's per-cell term, in nats.</summary>
    private static double Sum(ReadOnlySpan<double> joint, int rows, int columns, Kind kind)
    {
        double[] rented = ArrayPool<double>.Shared.Rent(rows + columns);
        try
        {
            var rowSums = rented.AsSpan(0, rows);
            var columnSums = rented.AsSpan(rows, columns);
            Marginals(joint, rows, columns, rowSums, columnSums);
            var sum = default(CompensatedSum);
            for (int x = 0; x < rows; x++)
            {
                var row = joint.Slice(x * columns, columns);
                double total = Vector.IsHardwareAccelerated && Vector<double>.Count is 2 or 4 ? VectorRow(row, rowSums[x], columnSums, kind) : double.NaN;
                sum.Add(double.IsFinite(total) ? total : ExactRow(row, rowSums[x], columnSums, kind));
            }

            return sum.Value;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>One row's Σ_y p·(cell log) with the exact per-cell conventions, compensated.</summary>
    private static double ExactRow(ReadOnlySpan<double> row, double px, ReadOnlySpan<double> columnSums, Kind kind)
    {
        var sum = default(CompensatedSum);
        for (int y = 0; y < row.Length; y++)
        {
            double p = row[y];
            if (p > 0.0)
            {
                sum.Add(p * CellLog(p, px, columnSums[y], kind));
            }
        }

        return sum.Value;
    }

    /// <summary>
    /// One row's Σ_y p·(cell log), a vector of cells at a time (four with AVX2, two with SSE or NEON) with the
    /// table-driven log; NaN when a cell with p &gt; 0 has a ratio outside the normal range (the caller then takes
    /// <see cref="ExactRow"/>). A cell with p = 0 adds 0·finite.
    /// </summary>
    private static double VectorRow(ReadOnlySpan<double> row, double px, ReadOnlySpan<double> columnSums, Kind kind)
    {
        int width = Vector<double>.Count;
        ref double pStart = ref MemoryMarshal.GetReference(row);
        ref double yStart = ref MemoryMarshal.GetReference(columnSums);
        var rowTotal = new Vector<double>(px);
        var smallest = new Vector<double>(SpecialFunctions.SmallestNormal);
        var sum = Vector<double>.Zero;
        var outside = Vector<double>.Zero;
        int y = 0;
        for (; y <= row.Length - width; y += width)
        {
            var p = Vector.LoadUnsafe(ref pStart, (nuint)y);
            var py = Vector.LoadUnsafe(ref yStart, (nuint)y);
            var live = ~Vector.Equals(p, Vector<double>.Zero).As<long, double>();
            var givenX = p / rowTotal;
            switch (kind)
            {
                case Kind.MutualInformation:
                    var ratio = givenX / py;
                    outside |= live & ~DoubleLog.InDomain(ratio);
                    sum = Vector.MultiplyAddEstimate(p, DoubleLog.Log(Vector.MaxNative(ratio, smallest)), sum);
                    break;
                case Kind.ConditionalEntropy:
                    outside |= live & ~DoubleLog.InDomain(givenX);
                    sum = Vector.MultiplyAddEstimate(-p, DoubleLog.Log(Vector.MaxNative(givenX, smallest)), sum);
                    break;
                default:
                    var givenY = p / py;
                    outside |= live & ~(DoubleLog.InDomain(givenX) & DoubleLog.InDomain(givenY));
                    var logs = DoubleLog.Log(Vector.MaxNative(givenX, smallest)) + DoubleLog.Log(Vector.MaxNative(givenY, smallest));
                    sum = Vector.MultiplyAddEstimate(-p, logs, sum);
                    break;
            }
        }

        if (outside != Vector<double>.Zero)
        {
            return double.NaN;
        }

        return Vector.Sum(sum) + ExactRow(row[y..], px, columnSums[y..], kind);
    }

    /// <summary>The per-cell logarithm: ln(p/(pₓpᵧ)), −ln(p/pₓ), or −ln(p²/(pₓpᵧ)); ratios first, logs when they leave the normal range.</summary>
    private static double CellLog(double p, double px, double py, Kind kind) => kind switch
    {
        Kind.ConditionalEntropy => -SpecialFunctions.LogRatio(p, px),
        Kind.MutualInformation => SpecialFunctions.LogRatio(p / px, py),
        _ => -(SpecialFunctions.LogRatio(p, px) + SpecialFunctions.LogRatio(p, py)),
    };

    /// <summary>Row sums p(x) (compensated) and column sums p(y) of a rows×columns table.</summary>
    internal static void Marginals(ReadOnlySpan<double> joint, int rows, int columns, Span<double> rowSums, Span<double> columnSums)
    {
        columnSums.Clear();
        for (int x = 0; x < rows; x++)
        {
            var row = joint.Slice(x * columns, columns);
            rowSums[x] = CompensatedSum.Of(row);
            TensorPrimitives.Add(columnSums, row, columnSums);
        }
    }
}
