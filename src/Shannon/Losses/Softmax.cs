using System.Numerics;
using System.Numerics.Tensors;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The softmax family on logits — log-sum-exp, softmax, log-softmax and the entropy of softmax(z / T) — computed
/// with a max shift, for one vector or a batch of rows, in float or double.
/// </summary>
/// <remarks>
/// Every function subtracts the row maximum before exponentiating (log Σ eᶻ = m + log Σ e^(z − m)), so
/// logits such as [1000, 0] give [1, 0] rather than NaN; <c>TensorPrimitives.SoftMax</c> does not shift and is not
/// used. Sums of exponentials are accumulated in double. −∞ logits are allowed (masked classes: probability 0);
/// NaN and +∞ are rejected, as is a row whose every logit is −∞. Dividing the logits by a temperature T &gt; 1
/// flattens the distribution, T &lt; 1 sharpens it. Reference: Bridle, J. S. (1990), Probabilistic interpretation of
/// feedforward classification network outputs, in Neurocomputing, NATO ASI Series F68, 227–236,
/// doi:10.1007/978-3-642-76153-9_28.
/// </remarks>
public static partial class Softmax
{
    /// <summary>The log-sum-exp of logits divided by a temperature.</summary>
    /// <param name="logits">The logits z; not empty, no NaN or +∞, not all −∞.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <returns>log Σᵢ exp(zᵢ / T), computed as m + log Σᵢ exp(zᵢ / T − m) with m = maxᵢ zᵢ / T (nats).</returns>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty, holds a NaN or +∞, or is all −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not finite and positive.</exception>
    /// <remarks>Lies in [max zᵢ/T, max zᵢ/T + log n].</remarks>
    public static double LogSumExp(ReadOnlySpan<double> logits, double temperature = 1.0) => LogSumExpCore<double, double>(logits, temperature);

    /// <inheritdoc cref="LogSumExp(ReadOnlySpan{double}, double)"/>
    public static double LogSumExp(ReadOnlySpan<float> logits, double temperature = 1.0) => LogSumExpCore<float, float>(logits, temperature);

    /// <summary>The softmax of logits divided by a temperature, into a caller's destination.</summary>
    /// <param name="logits">The logits z; not empty, no NaN or +∞, not all −∞.</param>
    /// <param name="destination">Receives pᵢ = exp(zᵢ / T − log Σⱼ exp(zⱼ / T)); at least as long as <paramref name="logits"/>. May be the same span.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty, holds a NaN or +∞, or is all −∞; <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not finite and positive.</exception>
    /// <remarks>Each pᵢ lies in [0, 1]; a −∞ logit gets exactly 0; the entries sum to 1 up to rounding.</remarks>
    public static void Of(ReadOnlySpan<double> logits, Span<double> destination, double temperature = 1.0) =>
        Normalised(logits, destination, temperature, logarithm: false);

    /// <inheritdoc cref="Of(ReadOnlySpan{double}, Span{double}, double)"/>
    public static void Of(ReadOnlySpan<float> logits, Span<float> destination, double temperature = 1.0) =>
        Normalised(logits, destination, temperature, logarithm: false);

    /// <summary>The log-softmax of logits divided by a temperature, into a caller's destination.</summary>
    /// <param name="logits">The logits z; not empty, no NaN or +∞, not all −∞.</param>
    /// <param name="destination">Receives log pᵢ = zᵢ / T − log Σⱼ exp(zⱼ / T) in nats; at least as long as <paramref name="logits"/>. May be the same span.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty, holds a NaN or +∞, or is all −∞; <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not finite and positive.</exception>
    /// <remarks>Each entry is ≤ 0; a −∞ logit gives −∞. Computed as (zᵢ/T − m) − log s, never as log(softmax), so tiny probabilities keep their exponent.</remarks>
    public static void Log(ReadOnlySpan<double> logits, Span<double> destination, double temperature = 1.0) =>
        Normalised(logits, destination, temperature, logarithm: true);

    /// <inheritdoc cref="Log(ReadOnlySpan{double}, Span{double}, double)"/>
    public static void Log(ReadOnlySpan<float> logits, Span<float> destination, double temperature = 1.0) =>
        Normalised(logits, destination, temperature, logarithm: true);

    /// <summary>The Shannon entropy of softmax(z / T), straight from the logits.</summary>
    /// <param name="logits">The logits z; not empty, no NaN or +∞, not all −∞.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <param name="logBase">The unit of the result; nats by default.</param>
    /// <returns>H = −Σᵢ pᵢ log pᵢ = Σᵢ e^(uᵢ) (log s − uᵢ) / s with uᵢ = zᵢ/T − m and s = Σᵢ e^(uᵢ); 0 ≤ H ≤ log n.</returns>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty, holds a NaN or +∞, or is all −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not finite and positive.</exception>
    /// <remarks>
    /// No probability vector is formed; −∞ logits contribute 0 (0 · log 0 = 0). The result is clamped to [0, log n]
    /// against rounding. T → 0 gives the entropy of the arg-max set, T → ∞ gives log n.
    /// </remarks>
    public static double Entropy(ReadOnlySpan<double> logits, double temperature = 1.0, LogBase logBase = default) =>
        logBase.FromNats(EntropyCore<double, double>(logits, temperature));

    /// <inheritdoc cref="Entropy(ReadOnlySpan{double}, double, LogBase)"/>
    public static double Entropy(ReadOnlySpan<float> logits, double temperature = 1.0, LogBase logBase = default) =>
        logBase.FromNats(EntropyCore<float, float>(logits, temperature));

    /// <summary>The log-sum-exp of every row of an N×C row-major table of logits.</summary>
    /// <param name="logits">N×C logits, row-major; no NaN or +∞, no row all −∞.</param>
    /// <param name="classes">C, the number of columns.</param>
    /// <param name="destination">Receives N values log Σⱼ exp(zᵢⱼ / T) in nats.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="logits"/> is not a positive multiple of <paramref name="classes"/>; a bad entry (named with its row and class); <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> or <paramref name="temperature"/> is not positive.</exception>
    /// <remarks>Rows run in parallel above about 10⁶ values.</remarks>
    public static void LogSumExpRows(ReadOnlySpan<double> logits, int classes, Span<double> destination, double temperature = 1.0) =>
        RowScalars<double, double>(logits, classes, destination, temperature, entropy: false);

    /// <inheritdoc cref="LogSumExpRows(ReadOnlySpan{double}, int, Span{double}, double)"/>
    public static void LogSumExpRows(ReadOnlySpan<float> logits, int classes, Span<double> destination, double temperature = 1.0) =>
        RowScalars<float, float>(logits, classes, destination, temperature, entropy: false);

    /// <summary>The softmax of every row of an N×C row-major table of logits.</summary>
    /// <param name="logits">N×C logits, row-major; no NaN or +∞, no row all −∞.</param>
    /// <param name="classes">C, the number of columns.</param>
    /// <param name="destination">Receives the N×C probabilities, row-major; may be the same span.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="logits"/> is not a positive multiple of <paramref name="classes"/>; a bad entry (named with its row and class); <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> or <paramref name="temperature"/> is not positive.</exception>
    /// <remarks>Each row as <see cref="Of(ReadOnlySpan{double}, Span{double}, double)"/>; rows run in parallel above about 10⁶ values.</remarks>
    public static void OfRows(ReadOnlySpan<double> logits, int classes, Span<double> destination, double temperature = 1.0) =>
        NormalisedRows(logits, classes, destination, temperature, logarithm: false);

    /// <inheritdoc cref="OfRows(ReadOnlySpan{double}, int, Span{double}, double)"/>
    public static void OfRows(ReadOnlySpan<float> logits, int classes, Span<float> destination, double temperature = 1.0) =>
        NormalisedRows(logits, classes, destination, temperature, logarithm: false);

    /// <summary>The log-softmax of every row of an N×C row-major table of logits.</summary>
    /// <param name="logits">N×C logits, row-major; no NaN or +∞, no row all −∞.</param>
    /// <param name="classes">C, the number of columns.</param>
    /// <param name="destination">Receives the N×C log-probabilities in nats, row-major; may be the same span.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="logits"/> is not a positive multiple of <paramref name="classes"/>; a bad entry (named with its row and class); <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> or <paramref name="temperature"/> is not positive.</exception>
    /// <remarks>Each row as <see cref="Log(ReadOnlySpan{double}, Span{double}, double)"/>; rows run in parallel above about 10⁶ values.</remarks>
    public static void LogRows(ReadOnlySpan<double> logits, int classes, Span<double> destination, double temperature = 1.0) =>
        NormalisedRows(logits, classes, destination, temperature, logarithm: true);

    /// <inheritdoc cref="LogRows(ReadOnlySpan{double}, int, Span{double}, double)"/>
    public static void LogRows(ReadOnlySpan<float> logits, int classes, Span<float> destination, double temperature = 1.0) =>
        NormalisedRows(logits, classes, destination, temperature, logarithm: true);

    /// <summary>The entropy of softmax(z / T) of every row of an N×C row-major table of logits.</summary>
    /// <param name="logits">N×C logits, row-major; no NaN or +∞, no row all −∞.</param>
    /// <param name="classes">C, the number of columns.</param>
    /// <param name="destination">Receives N entropies in the unit of <paramref name="logBase"/>.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <param name="logBase">The unit; nats by default.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="logits"/> is not a positive multiple of <paramref name="classes"/>; a bad entry (named with its row and class); <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> or <paramref name="temperature"/> is not positive.</exception>
    /// <remarks>Each row as <see cref="Entropy(ReadOnlySpan{double}, double, LogBase)"/>; rows run in parallel above about 10⁶ values.</remarks>
    public static void EntropyRows(ReadOnlySpan<double> logits, int classes, Span<double> destination, double temperature = 1.0, LogBase logBase = default)
    {
        RowScalars<double, double>(logits, classes, destination, temperature, entropy: true);
        ToUnit(destination[..(logits.Length / classes)], logBase);
    }

    /// <inheritdoc cref="EntropyRows(ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void EntropyRows(ReadOnlySpan<float> logits, int classes, Span<double> destination, double temperature = 1.0, LogBase logBase = default)
    {
        RowScalars<float, float>(logits, classes, destination, temperature, entropy: true);
        ToUnit(destination[..(logits.Length / classes)], logBase);
    }

    private static void ToUnit(Span<double> values, LogBase logBase)
    {
        if (!logBase.IsNats)
        {
            TensorPrimitives.Divide(values, logBase.LnBase, values);
        }
    }

    private static double LogSumExpCore<TIn, T>(ReadOnlySpan<TIn> logits, double temperature)
        where TIn : unmanaged
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(logits, nameof(logits));
        T divisor = T.CreateTruncating(LogitGuard.Temperature(temperature));
        return RowLogSumExp<TIn, T>(logits, divisor, 0, logits.Length);
    }

    private static double EntropyCore<TIn, T>(ReadOnlySpan<TIn> logits, double temperature)
        where TIn : unmanaged
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(logits, nameof(logits));
        T divisor = T.CreateTruncating(LogitGuard.Temperature(temperature));
        return RowEntropy<TIn, T>(logits, divisor, 0, logits.Length);
    }

    private static void Normalised<T>(ReadOnlySpan<T> logits, Span<T> destination, double temperature, bool logarithm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.NotEmpty(logits, nameof(logits));
        Guard.DestinationFits(destination, logits.Length, nameof(destination));
        T divisor = T.CreateTruncating(LogitGuard.Temperature(temperature));
        RowNormalised(logits, destination[..logits.Length], divisor, logarithm, 0, logits.Length);
    }

    private static unsafe void NormalisedRows<T>(ReadOnlySpan<T> logits, int classes, Span<T> destination, double temperature, bool logarithm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = LogitGuard.Rows(logits.Length, classes, nameof(logits));
        Guard.DestinationFits(destination, logits.Length, nameof(destination));
        T divisor = T.CreateTruncating(LogitGuard.Temperature(temperature));
        fixed (T* source = logits)
        fixed (T* target = destination)
        {
            nint sourceAddress = (nint)source;
            nint targetAddress = (nint)target;
            LogitGuard.ForEachRow(rows, classes, i =>
            {
                var row = new ReadOnlySpan<T>((T*)sourceAddress + ((long)i * classes), classes);
                var output = new Span<T>((T*)targetAddress + ((long)i * classes), classes);
                RowNormalised(row, output, divisor, logarithm, i, classes);
            });
        }
    }

    private static unsafe void RowScalars<TIn, T>(ReadOnlySpan<TIn> logits, int classes, Span<double> destination, double temperature, bool entropy)
        where TIn : unmanaged
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = LogitGuard.Rows(logits.Length, classes, nameof(logits));
        Guard.DestinationFits(destination, rows, nameof(destination));
        T divisor = T.CreateTruncating(LogitGuard.Temperature(temperature));
        fixed (TIn* source = logits)
        fixed (double* target = destination)
        {
            nint sourceAddress = (nint)source;
            nint targetAddress = (nint)target;
            LogitGuard.ForEachRow(rows, classes, i =>
            {
                var row = new ReadOnlySpan<TIn>((TIn*)sourceAddress + ((long)i * classes), classes);
                ((double*)targetAddress)[i] = entropy
                    ? RowEntropy<TIn, T>(row, divisor, i, classes)
                    : RowLogSumExp<TIn, T>(row, divisor, i, classes);
            });
        }
    }

    private static double RowLogSumExp<TIn, T>(ReadOnlySpan<TIn> row, T divisor, int rowIndex, int classes)
        where TIn : unmanaged
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!LogitKernel<T>.Normaliser(row, divisor, out T max, out double sumExp) || T.IsNegativeInfinity(max))
        {
            throw LogitGuard.BadRow(row, rowIndex, classes, "logits");
        }

        return double.CreateTruncating(max) + Math.Log(sumExp);
    }

    private static void RowNormalised<T>(ReadOnlySpan<T> row, Span<T> output, T divisor, bool logarithm, int rowIndex, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!LogitKernel<T>.Normaliser(row, divisor, out T max, out double sumExp) || T.IsNegativeInfinity(max))
        {
            throw LogitGuard.BadRow(row, rowIndex, classes, "logits");
        }

        // (z/T − m) − log s keeps full precision for large logits, where z/T − (m + log s) would not.
        T logSum = T.CreateTruncating(Math.Log(sumExp));
        if (divisor == T.One)
        {
            TensorPrimitives.Subtract(row, max, output);
        }
        else
        {
            TensorPrimitives.Divide(row, divisor, output);
            TensorPrimitives.Subtract(output, max, output);
        }

        TensorPrimitives.Subtract(output, logSum, output);
        if (!logarithm)
        {
            TensorPrimitives.Exp(output, output);
        }
    }

    private static double RowEntropy<TIn, T>(ReadOnlySpan<TIn> row, T divisor, int rowIndex, int classes)
        where TIn : unmanaged
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!LogitKernel<T>.Normaliser(row, divisor, out T max, out double sumExp) || T.IsNegativeInfinity(max))
        {
            throw LogitGuard.BadRow(row, rowIndex, classes, "logits");
        }

        // H = Σᵢ e^(uᵢ) (log s − uᵢ) / s: every term ≥ 0, so a near-zero entropy keeps its relative precision
        // (log s − Σ e^(uᵢ) uᵢ / s would cancel).
        T logSum = T.CreateTruncating(Math.Log(sumExp));
        Span<T> loaded = stackalloc T[LogitKernel<T>.ChunkLength];
        Span<T> surprisals = stackalloc T[LogitKernel<T>.ChunkLength];
        Span<T> exps = stackalloc T[LogitKernel<T>.ChunkLength];
        double weighted = 0.0;
        for (int start = 0; start < row.Length; start += LogitKernel<T>.ChunkLength)
        {
            int length = Math.Min(LogitKernel<T>.ChunkLength, row.Length - start);
            var chunk = LogitKernel<T>.Load(row.Slice(start, length), loaded, divisor);
            var surprisal = surprisals[..length];
            var e = exps[..length];
            TensorPrimitives.Subtract(chunk, max, e);
            TensorPrimitives.Subtract(logSum, e, surprisal);
            TensorPrimitives.Exp(e, e);
            weighted += WeightedSurprisal(e, surprisal);
        }

        return Math.Clamp(weighted / sumExp, 0.0, Math.Log(classes));
    }

    /// <summary>Σ e^(uᵢ) (log s − uᵢ) with e^(−∞) · ∞ = 0 (a masked class carries no probability).</summary>
    private static double WeightedSurprisal<T>(Span<T> exps, ReadOnlySpan<T> surprisals)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(exps, surprisals, exps);
        double sum = LogitKernel<T>.SumAsDouble(exps);
        if (!double.IsNaN(sum))
        {
            return sum;
        }

        sum = 0.0;
        for (int i = 0; i < surprisals.Length; i++)
        {
            if (!T.IsPositiveInfinity(surprisals[i]))
            {
                sum += double.CreateTruncating(exps[i]);
            }
        }

        return sum;
    }
}
