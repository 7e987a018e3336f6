using System.Numerics;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// Checks and reductions shared by the element-wise losses (binary cross-entropy, focal, NLL, KL-divergence loss):
/// broadcast weights, entries read as double, destinations and the reduced result.
/// </summary>
internal static class ElementLoss
{
    /// <summary>
    /// A weight vector broadcast as PyTorch does against a row-major table: empty (all 1), one weight per element, or
    /// one per column of a table whose last dimension is <c>weights.Length</c>; every weight finite and ≥ 0.
    /// </summary>
    internal static void Weights(ReadOnlySpan<double> weights, int length, string paramName)
    {
        if (weights.IsEmpty)
        {
            return;
        }

        if (length % weights.Length != 0)
        {
            throw new ArgumentException($"{paramName} has {weights.Length} entries, which does not divide the {length} input entries; give one weight per entry or one per column.", paramName);
        }

        Guard.NonNegativeFinite(weights, paramName);
    }

    /// <summary>The broadcast weight of element <paramref name="index"/> (1 when there are none).</summary>
    internal static double Weight(ReadOnlySpan<double> weights, int index) => weights.IsEmpty ? 1.0 : weights[index % weights.Length];

    /// <summary>An optional destination: empty, or with room for <paramref name="length"/> values.</summary>
    internal static void Destination<T>(Span<T> destination, int length, string paramName)
    {
        if (!destination.IsEmpty)
        {
            Guard.DestinationFits(destination, length, paramName);
        }
    }

    /// <summary>A defined reduction.</summary>
    internal static void Reduction(LossReduction reduction, string paramName = "reduction")
    {
        if (!Enum.IsDefined(reduction))
        {
            throw new ArgumentOutOfRangeException(paramName, reduction, $"{paramName} must be Mean, Sum or None; got {reduction}.");
        }
    }

    /// <summary>The result of a reduction: Value = Sum / Weight for <see cref="LossReduction.Mean"/> (NaN for 0 / 0), else Sum.</summary>
    internal static CrossEntropyResult Result(double sum, double weight, long count, LossReduction reduction) =>
        new(reduction == LossReduction.Mean ? sum / weight : sum, sum, weight, count, reduction, 0.0);

    /// <summary>Entry <paramref name="index"/> as a double; NaN and ±∞ are rejected naming the parameter and index.</summary>
    internal static double Finite<T>(T value, string paramName, int index)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double v = double.CreateTruncating(value);
        if (!double.IsFinite(v))
        {
            throw new ArgumentException($"{paramName} has a non-finite entry {Guard.Format(v)} at index {index}.", paramName);
        }

        return v;
    }

    /// <summary>Entry <paramref name="index"/> as a double in [0, 1]; anything else is rejected naming the parameter and index.</summary>
    internal static double Probability<T>(T value, string paramName, int index)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double v = double.CreateTruncating(value);
        Guard.Probability(v, paramName, index);
        return v;
    }

    /// <summary>softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^(−|x|)), never overflowing; −log σ(x) = softplus(−x).</summary>
    internal static double Softplus(double x) => Math.Max(x, 0.0) + SpecialFunctions.Log1P(Math.Exp(-Math.Abs(x)));

    /// <summary>The logistic sigmoid σ(x) = 1 / (1 + e^(−x)), computed from the side that does not overflow.</summary>
    internal static double Sigmoid(double x)
    {
        if (x >= 0.0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1.0 + e);
    }
}
