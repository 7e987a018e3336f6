using System.Globalization;

namespace Shannon.Numerics;

/// <summary>
/// Boundary checks shared by every public entry point. Each throws an <see cref="ArgumentException"/>
/// (or a subclass) that names the parameter, and where it applies the offending index and value.
/// </summary>
/// <remarks>
/// Public so that code built on Shannon (the Data, Language and Reports packages, a user's own estimator) rejects bad
/// input with the same exceptions and messages as the library. Every check is O(length) at most and allocates nothing
/// unless it throws.
/// </remarks>
public static class Guard
{
    /// <summary>Relative tolerance for "sums to 1".</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>Rejects an empty span.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static void NotEmpty<T>(ReadOnlySpan<T> values, string paramName)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException($"{paramName} is empty.", paramName);
        }
    }

    /// <summary>Rejects two spans of different lengths; the message gives both lengths.</summary>
    /// <exception cref="ArgumentException">The lengths differ (the exception names <paramref name="nameB"/>).</exception>
    public static void SameLength<T, TOther>(ReadOnlySpan<T> a, ReadOnlySpan<TOther> b, string nameA, string nameB)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"{nameA} has {a.Length} entries but {nameB} has {b.Length}; they must have the same length.", nameB);
        }
    }

    /// <summary>Checks that <paramref name="destination"/> can hold <paramref name="length"/> values.</summary>
    public static void DestinationFits<T>(Span<T> destination, int length, string paramName)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"{paramName} has room for {destination.Length} values but {length} are needed.", paramName);
        }
    }

    /// <summary>Counts of outcomes: not empty, every entry ≥ 0, and a positive total that fits in a <c>long</c>.</summary>
    /// <param name="counts">The counts.</param>
    /// <param name="paramName">The parameter's name, for the message.</param>
    /// <returns>The total N = Σ nᵢ.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, has a negative entry (named with its index), or sums to 0.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    public static long CountsTotal(ReadOnlySpan<long> counts, string paramName)
    {
        NotEmpty(counts, paramName);
        long total = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException($"{paramName} has a negative entry {counts[i]} at index {i}.", paramName);
            }

            total = total <= long.MaxValue - counts[i] ? total + counts[i]
                : throw new OverflowException($"{paramName} sum past 2^63 - 1 = {long.MaxValue} at index {i} (entry {counts[i]}); the total must fit in a 64-bit integer.");
        }

        return total > 0 ? total : throw new ArgumentException($"{paramName} sum to 0; at least one observation is needed.", paramName);
    }

    /// <summary>Every entry finite and ≥ 0 (counts, weights, unnormalised masses).</summary>
    public static void NonNegativeFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!(v >= 0.0) || double.IsPositiveInfinity(v))
            {
                throw BadEntry(paramName, i, v);
            }
        }
    }

    /// <summary>
    /// A probability distribution: not empty, every entry finite and ≥ 0, and the entries summing to 1
    /// within <see cref="SumTolerance"/> relative. Never renormalises.
    /// </summary>
    public static void Distribution(ReadOnlySpan<double> p, string paramName)
    {
        NotEmpty(p, paramName);
        NonNegativeFinite(p, paramName);
        double sum = CompensatedSum.Of(p);
        if (!(Math.Abs(sum - 1.0) <= SumTolerance))
        {
            throw new ArgumentException(
                $"{paramName} sums to {Format(sum)}, not 1 (tolerance {SumTolerance:0e0}); normalise it explicitly (Distributions.Normalize or FromCounts).",
                paramName);
        }
    }

    /// <summary>Row <paramref name="row"/> of a row-major table of distributions; the message names row and column.</summary>
    public static void DistributionRow(ReadOnlySpan<double> values, int row, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!(v >= 0.0) || double.IsPositiveInfinity(v))
            {
                string what = BadEntry(paramName, i, v).Message;
                throw new ArgumentException($"{what[..what.IndexOf(" at index ", StringComparison.Ordinal)]} at row {row}, column {i}.", paramName);
            }
        }

        double sum = CompensatedSum.Of(values);
        if (!(Math.Abs(sum - 1.0) <= SumTolerance))
        {
            throw new ArgumentException($"{paramName} row {row} sums to {Format(sum)}, not 1 (tolerance {SumTolerance:0e0}).", paramName);
        }
    }

    /// <summary>A finite number (no NaN, no ±∞).</summary>
    public static void Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number; got {Format(value)}.");
        }
    }

    /// <summary>Every entry finite.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{paramName} has a non-finite entry {Format(values[i])} at index {i}.", paramName);
            }
        }
    }

    /// <summary>An order α ∈ [0, +∞] (Rényi entropy and divergence): +∞ allowed, NaN and negative values rejected.</summary>
    public static void Order(double value, string paramName)
    {
        if (!(value >= 0.0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be an order in [0, +Infinity]; got {Format(value)}.");
        }
    }

    /// <summary>Every entry a probability in [0, 1] (event probabilities that need not sum to 1).</summary>
    public static void Probabilities(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            Probability(values[i], paramName, i);
        }
    }

    /// <summary>A probability in [0, 1]; <paramref name="index"/> ≥ 0 names the entry of a span.</summary>
    public static void Probability(double value, string paramName, int index = -1)
    {
        if (value is >= 0.0 and <= 1.0)
        {
            return;
        }

        string where = index >= 0 ? $" at index {index}" : string.Empty;
        if (value > 1.0 && !double.IsPositiveInfinity(value))
        {
            throw new ArgumentException($"{paramName} has a probability {Format(value)} greater than 1{where}.", paramName);
        }

        throw index >= 0 ? BadEntry(paramName, index, value)
            : new ArgumentException($"{paramName} must be a probability in [0, 1]; got {Format(value)}.", paramName);
    }

    /// <summary>A number strictly greater than zero and finite.</summary>
    public static void Positive(double value, string paramName)
    {
        if (!(value > 0.0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite positive number; got {Format(value)}.");
        }
    }

    /// <summary>A row-major table's shape matches its data length, and every dimension is positive.</summary>
    public static void Shape(int length, ReadOnlySpan<int> shape, string dataName, string shapeName)
    {
        if (shape.IsEmpty)
        {
            throw new ArgumentException($"{shapeName} is empty; a table needs at least one dimension.", shapeName);
        }

        long product = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] <= 0)
            {
                throw new ArgumentException($"{shapeName} has a non-positive dimension {shape[i]} at index {i}.", shapeName);
            }

            product *= shape[i];
            if (product > int.MaxValue)
            {
                throw new ArgumentException($"{shapeName} describes more than {int.MaxValue} cells.", shapeName);
            }
        }

        if (product != length)
        {
            throw new ArgumentException($"{dataName} has {length} entries but {shapeName} [{string.Join(", ", shape.ToArray())}] needs {product}.", dataName);
        }
    }

    internal static ArgumentException BadEntry(string paramName, int index, double value)
    {
        string what = double.IsNaN(value) ? "a NaN entry"
            : double.IsInfinity(value) ? $"an infinite entry {Format(value)}"
            : $"a negative entry {Format(value)}";
        return new ArgumentException($"{paramName} has {what} at index {index}.", paramName);
    }

    internal static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
