using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// A validated cross-entropy computation: the options in compute type <typeparamref name="T"/>, and the streaming
/// per-row work (loss, target entropy, gradient) for index or probability targets.
/// </summary>
/// <remarks>
/// <typeparamref name="T"/> is float or double with no generic-math constraint, so that ReadyToRun precompiles both
/// instantiations (<see cref="ComputeType{T}"/>); the rows are plain methods, which it compiles with the chunk kernels of
/// <see cref="LogitKernel{T}"/> inlined, while the JIT starts them unoptimised and calls those kernels compiled fully
/// optimised.
/// </remarks>
internal sealed unsafe class CrossEntropyPlan<T>
{
    private const int Chunk = LogitKernel<T>.ChunkLength;

    /// <summary>Rows from which the per-row scratch comes from the shared array pool (64 KB of doubles).</summary>
    private const int PooledLength = 8192;

    private readonly int _classes;
    private readonly int _rows;
    private readonly int _ignoreIndex;
    private readonly double _smoothing;
    private readonly T _temperature;
    private readonly double _inverseTemperature;
    private readonly T[]? _weights;
    private readonly double _weightTotal;
    private readonly LossReduction _reduction;
    private readonly bool _decompose;

    private CrossEntropyPlan(int classes, int rows, CrossEntropyOptions options, double temperature)
    {
        _classes = classes;
        _rows = rows;
        _ignoreIndex = options.IgnoreIndex;
        _smoothing = options.LabelSmoothing;
        _inverseTemperature = 1.0 / temperature;
        _temperature = ComputeType<T>.From(temperature);
        _reduction = options.Reduction;
        _decompose = options.Decompose;
        var weights = options.Weights;
        _weights = weights.IsEmpty ? null : new T[weights.Length];
        for (int c = 0; c < weights.Length; c++)
        {
            _weights![c] = ComputeType<T>.From(weights[c]);
        }

        _weightTotal = weights.IsEmpty ? classes : CompensatedSum.Of(weights);
    }

    internal static CrossEntropyPlan<T> Create(int logitsLength, int classes, int rows, string targetsName, CrossEntropyOptions options, int rowLossesLength, int gradientLength)
    {
        if (classes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"classes must be positive; got {classes}.");
        }

        if (rows == 0)
        {
            throw new ArgumentException($"{targetsName} is empty.", targetsName);
        }

        if ((long)rows * classes != logitsLength)
        {
            throw new ArgumentException($"logits has {logitsLength} entries but {targetsName} describes {rows} rows × {classes} classes = {(long)rows * classes}.", "logits");
        }

        if (!(options.LabelSmoothing is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LabelSmoothing, $"LabelSmoothing must lie in [0, 1]; got {Guard.Format(options.LabelSmoothing)}.");
        }

        double temperature = LogitGuard.Temperature(options.Temperature, "options.Temperature");
        var weights = options.Weights;
        if (!weights.IsEmpty)
        {
            if (weights.Length != classes)
            {
                throw new ArgumentException($"ClassWeights has {weights.Length} entries but there are {classes} classes.", "options.ClassWeights");
            }

            Guard.NonNegativeFinite(weights, "options.ClassWeights");
            if (options.Decompose)
            {
                throw new ArgumentException("Decompose needs unweighted classes: with ClassWeights the loss is not a cross-entropy H(target) + KL.", nameof(options));
            }
        }

        if (rowLossesLength > 0 && rowLossesLength < rows)
        {
            throw new ArgumentException($"rowLosses has room for {rowLossesLength} values but {rows} are needed.", "rowLosses");
        }

        if (gradientLength > 0 && gradientLength < logitsLength)
        {
            throw new ArgumentException($"gradient has room for {gradientLength} values but {logitsLength} are needed.", "gradient");
        }

        return new CrossEntropyPlan<T>(classes, rows, options, temperature);
    }

    /// <summary>Runs every row (index targets when <paramref name="targets"/> is not empty, else probability targets) and reduces.</summary>
    internal unsafe CrossEntropyResult Run<TIn>(ReadOnlySpan<TIn> logits, ReadOnlySpan<int> targets, ReadOnlySpan<TIn> probabilities, double weight, long count, Span<double> rowLosses, Span<TIn> gradient)
    {
        double scale = _reduction == LossReduction.Mean ? (weight > 0 ? 1.0 / weight : 0.0) : 1.0;
        double[]? rentedLosses = rowLosses.IsEmpty ? Scratch(_rows) : null;
        double[]? entropies = _decompose ? Scratch(_rows) : null;
        Span<double> losses = rowLosses.IsEmpty ? new Span<double>(rentedLosses, 0, _rows) : rowLosses[.._rows];
        bool soft = targets.IsEmpty;
        try
        {
            // Pinned as bytes: TIn* needs TIn : unmanaged, which would keep ReadyToRun from precompiling this (ComputeType).
            fixed (byte* logitPointer = &Bytes(logits))
            fixed (int* targetPointer = targets)
            fixed (byte* probabilityPointer = &Bytes(probabilities))
            fixed (double* lossPointer = losses)
            fixed (byte* gradientPointer = &Bytes(gradient))
            {
                nint z = (nint)logitPointer, y = (nint)targetPointer, q = (nint)probabilityPointer, l = (nint)lossPointer, g = (nint)gradientPointer;
                bool withGradient = !gradient.IsEmpty;
                LogitGuard.ForEachRow(_rows, _classes, i =>
                {
                    nint offset = (nint)((long)i * _classes * Unsafe.SizeOf<TIn>());
                    var row = new ReadOnlySpan<TIn>((void*)(z + offset), _classes);
                    var gradientRow = withGradient ? new Span<TIn>((void*)(g + offset), _classes) : default;
                    double entropy;
                    ((double*)l)[i] = soft
                        ? SoftRow(row, new ReadOnlySpan<TIn>((void*)(q + offset), _classes), i, scale, gradientRow, out entropy)
                        : IndexedRow(row, ((int*)y)[i], i, scale, gradientRow, out entropy);
                    if (entropies is not null)
                    {
                        entropies[i] = entropy;
                    }
                });
            }

            double sum = Sum(losses);
            double entropySum = entropies is null ? 0.0 : Sum(new ReadOnlySpan<double>(entropies, 0, _rows));
            return _reduction == LossReduction.Mean
                ? new(sum / weight, sum, weight, count, _reduction, _decompose ? entropySum / weight : 0.0)
                : new(sum, sum, weight, count, _reduction, entropySum);
        }
        finally
        {
            Release(rentedLosses);
            Release(entropies);
        }
    }

    /// <summary>
    /// A scratch array of at least <paramref name="length"/> doubles: a new one up to <see cref="PooledLength"/>, else
    /// one from the shared pool, whose code for doubles the runtime does not precompile (its first use in a process
    /// jits for about a millisecond, more than a loss over a few rows takes).
    /// </summary>
    private static double[] Scratch(int length) => length < PooledLength ? new double[length] : ArrayPool<double>.Shared.Rent(length);

    private static void Release(double[]? scratch)
    {
        if (scratch is not null && scratch.Length >= PooledLength)
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>The first byte of a span (a null reference when it is empty), for pinning.</summary>
    private static ref byte Bytes<TIn>(ReadOnlySpan<TIn> values) => ref Unsafe.As<TIn, byte>(ref Unsafe.AsRef(in values.GetPinnableReference()));

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = default(CompensatedSum);
        foreach (double v in values)
        {
            sum.Add(v);
        }

        return sum.Value;
    }

    private double IndexedRow<TIn>(ReadOnlySpan<TIn> row, int target, int rowIndex, double scale, Span<TIn> gradient, out double entropy)
    {
        entropy = 0.0;
        if (target == _ignoreIndex)
        {
            gradient.Clear();
            return 0.0;
        }

        double* buffers = stackalloc double[2 * Chunk];
        var loaded = LogitKernel<T>.Scratch(buffers);
        var work = LogitKernel<T>.Scratch(buffers + Chunk);
        T max = ComputeType<T>.NegativeInfinity;
        double sumExp = 0.0;
        double shifted = 0.0; // Σ_c w_c (m − z_c), every term ≥ 0, rescaled as m grows
        double weightSoFar = 0.0;
        bool smoothing = _smoothing > 0.0;
        for (int start = 0; start < row.Length; start += Chunk)
        {
            int length = Math.Min(Chunk, row.Length - start);
            var chunk = LogitKernel<T>.Load(row.Slice(start, length), loaded, _temperature);
            T previous = max;
            if (!LogitKernel<T>.Accumulate(chunk, ref max, ref sumExp))
            {
                throw LogitGuard.BadRow(row, rowIndex, _classes, "logits");
            }

            if (smoothing)
            {
                var weights = _weights is null ? default : new ReadOnlySpan<T>(_weights, start, length);
                Shift(chunk, weights, work, previous, max, ref shifted, ref weightSoFar);
            }
        }

        if (double.IsNegativeInfinity(ComputeType<T>.ToDouble(max)))
        {
            throw LogitGuard.BadRow(row, rowIndex, _classes, "logits");
        }

        double logSum = Math.Log(sumExp);
        T targetLogit = LogitKernel<T>.Load(row.Slice(target, 1), loaded, _temperature)[0];
        double targetWeight = _weights is null ? 1.0 : ComputeType<T>.ToDouble(_weights[target]);
        double nll = ComputeType<T>.ToDouble(max) - ComputeType<T>.ToDouble(targetLogit) + logSum;
        double loss = (1.0 - _smoothing) * targetWeight * nll;
        if (smoothing)
        {
            loss += _smoothing / _classes * (shifted + (_weightTotal * logSum));
            if (_decompose)
            {
                double other = _smoothing / _classes;
                entropy = -SpecialFunctions.XLogX(1.0 - _smoothing + other) - ((_classes - 1) * SpecialFunctions.XLogX(other));
            }
        }

        if (!gradient.IsEmpty)
        {
            double factor = scale * _inverseTemperature;
            double a = factor * (((1.0 - _smoothing) * targetWeight) + (_smoothing / _classes * _weightTotal));
            double b = factor * _smoothing / _classes;
            double hit = factor * (1.0 - _smoothing) * targetWeight;
            WriteGradient(row, gradient, max, logSum, a, b, target, hit, default);
        }

        return loss;
    }

    private double SoftRow<TIn>(ReadOnlySpan<TIn> row, ReadOnlySpan<TIn> probabilities, int rowIndex, double scale, Span<TIn> gradient, out double entropy)
    {
        double* buffers = stackalloc double[3 * Chunk];
        var loaded = LogitKernel<T>.Scratch(buffers);
        var work = LogitKernel<T>.Scratch(buffers + Chunk);
        var smoothed = LogitKernel<T>.Scratch(buffers + (2 * Chunk));
        T max = ComputeType<T>.NegativeInfinity;
        double sumExp = 0.0;
        double shifted = 0.0; // Σ_c w_c q′_c (m − z_c)
        double weightSoFar = 0.0; // Σ_c w_c q′_c so far
        entropy = 0.0;
        for (int start = 0; start < row.Length; start += Chunk)
        {
            int length = Math.Min(Chunk, row.Length - start);
            var chunk = LogitKernel<T>.Load(row.Slice(start, length), loaded, _temperature);
            T previous = max;
            if (!LogitKernel<T>.Accumulate(chunk, ref max, ref sumExp))
            {
                throw LogitGuard.BadRow(row, rowIndex, _classes, "logits");
            }

            var target = Smoothed(probabilities.Slice(start, length), smoothed, weighted: false);
            if (_decompose)
            {
                foreach (T value in target)
                {
                    entropy -= SpecialFunctions.XLogX(ComputeType<T>.ToDouble(value));
                }
            }

            if (_weights is not null)
            {
                ComputeType<T>.Multiply(target, new ReadOnlySpan<T>(_weights, start, length), smoothed);
            }

            Shift(chunk, smoothed[..length], work, previous, max, ref shifted, ref weightSoFar);
        }

        if (double.IsNegativeInfinity(ComputeType<T>.ToDouble(max)))
        {
            throw LogitGuard.BadRow(row, rowIndex, _classes, "logits");
        }

        double logSum = Math.Log(sumExp);
        if (!gradient.IsEmpty)
        {
            double factor = scale * _inverseTemperature;
            WriteGradient(row, gradient, max, logSum, factor * weightSoFar, factor, -1, 0.0, probabilities);
        }

        return shifted + (weightSoFar * logSum);
    }

    /// <summary>q′ = (1 − ε) q + ε/C for one chunk of target probabilities, times the class weights when asked.</summary>
    private Span<T> Smoothed<TIn>(ReadOnlySpan<TIn> probabilities, Span<T> destination, bool weighted, int start = 0)
    {
        var target = destination[..probabilities.Length];
        LogitKernel<T>.Load(probabilities, target, ComputeType<T>.From(1.0)).CopyTo(target);
        if (_smoothing > 0.0)
        {
            ComputeType<T>.Multiply(target, ComputeType<T>.From(1.0 - _smoothing), target);
            ComputeType<T>.Add(target, ComputeType<T>.From(_smoothing / _classes), target);
        }

        if (weighted && _weights is not null)
        {
            ComputeType<T>.Multiply(target, new ReadOnlySpan<T>(_weights, start, probabilities.Length), target);
        }

        return target;
    }

    /// <summary>
    /// Adds Σ_c v_c (m − z_c) for a chunk (v = weights, or 1 when empty) to <paramref name="shifted"/>, first moving the
    /// earlier chunks' part to the new maximum: Σ v (m_new − z) = Σ v (m_old − z) + (Σ v)(m_new − m_old). Every term is ≥ 0.
    /// A class with logit −∞ and positive v makes the sum +∞; v = 0 there contributes 0.
    /// </summary>
    private static void Shift(ReadOnlySpan<T> chunk, ReadOnlySpan<T> weights, Span<T> work, T previous, T max, ref double shifted, ref double weightSoFar)
    {
        if (ComputeType<T>.ToDouble(max) > ComputeType<T>.ToDouble(previous) && weightSoFar > 0.0)
        {
            shifted += double.IsNegativeInfinity(ComputeType<T>.ToDouble(previous)) ? double.PositiveInfinity : weightSoFar * ComputeType<T>.ToDouble(ComputeType<T>.Subtract(max, previous));
        }

        double chunkWeight = weights.IsEmpty ? chunk.Length : LogitKernel<T>.SumAsDouble(weights);
        weightSoFar += chunkWeight;
        if (double.IsNegativeInfinity(ComputeType<T>.ToDouble(max)))
        {
            shifted += chunkWeight > 0.0 ? double.PositiveInfinity : 0.0;
            return;
        }

        var gaps = work[..chunk.Length];
        ComputeType<T>.Subtract(max, chunk, gaps);
        if (!weights.IsEmpty)
        {
            ComputeType<T>.Multiply(gaps, weights, gaps);
        }

        double sum = LogitKernel<T>.SumAsDouble(gaps);
        if (double.IsNaN(sum))
        {
            // 0 · ∞ from a masked class with zero weight: that class contributes nothing.
            ComputeType<T>.Subtract(max, chunk, gaps);
            sum = 0.0;
            for (int c = 0; c < gaps.Length; c++)
            {
                double v = weights.IsEmpty ? 1.0 : ComputeType<T>.ToDouble(weights[c]);
                sum += v == 0.0 ? 0.0 : v * ComputeType<T>.ToDouble(gaps[c]);
            }
        }

        shifted += sum;
    }

    /// <summary>
    /// Writes a·softmax(z/T) − b·v − hit·[c = target] into the gradient, where v is the class weights (index targets,
    /// b = scale·ε/(C·T)) or the weighted smoothed targets (probability targets, b = scale/T).
    /// </summary>
    private void WriteGradient<TIn>(ReadOnlySpan<TIn> row, Span<TIn> gradient, T max, double logSum, double a, double b, int target, double hit, ReadOnlySpan<TIn> probabilities)
    {
        double* buffers = stackalloc double[3 * Chunk];
        var loaded = LogitKernel<T>.Scratch(buffers);
        var work = LogitKernel<T>.Scratch(buffers + Chunk);
        var smoothed = LogitKernel<T>.Scratch(buffers + (2 * Chunk));
        T logSumT = ComputeType<T>.From(logSum);
        T scaleA = ComputeType<T>.From(a);
        T minusB = ComputeType<T>.From(-b);
        for (int start = 0; start < row.Length; start += Chunk)
        {
            int length = Math.Min(Chunk, row.Length - start);
            var chunk = LogitKernel<T>.Load(row.Slice(start, length), loaded, _temperature);
            var values = typeof(TIn) == typeof(T) ? ComputeType<T>.Same(gradient.Slice(start, length)) : work[..length];
            LogitKernel<T>.ScaledSoftmax(chunk, max, logSumT, scaleA, values);
            if (!probabilities.IsEmpty)
            {
                var q = Smoothed(probabilities.Slice(start, length), smoothed, weighted: true, start);
                ComputeType<T>.MultiplyAdd(q, minusB, values, values);
            }
            else if (b != 0.0)
            {
                if (_weights is null)
                {
                    ComputeType<T>.Add(values, minusB, values);
                }
                else
                {
                    ComputeType<T>.MultiplyAdd(new ReadOnlySpan<T>(_weights, start, length), minusB, values, values);
                }
            }

            if (target >= start && target < start + length)
            {
                values[target - start] = ComputeType<T>.Subtract(values[target - start], ComputeType<T>.From(hit));
            }

            if (typeof(TIn) != typeof(T))
            {
                LogitConvert.FromCompute<T, TIn>(values, gradient.Slice(start, length));
            }
        }
    }
}
