using System.Buffers;
using System.Numerics;
using Shannon.Numerics;

namespace Shannon.Calibration;

/// <summary>The computations behind <see cref="CalibrationReport"/>, <see cref="TemperatureScaling"/> and the single-quantity functions.</summary>
internal static class CalibrationEngine
{
    /// <summary>The classwise table may hold at most this many class × bin cells (five numbers each, per worker).</summary>
    internal const long MaxTableCells = 1L << 22;

    /// <summary>Relative step below which the temperature's Newton iteration stops.</summary>
    private const double StepTolerance = 1e-12;

    private const int MaxPasses = 200;

    /// <summary>About how many rows the warm start of a temperature fit reads (every s-th row).</summary>
    private const int SubsampleRows = 1 << 16;

    /// <summary>Checks the shapes, the labels and the options; returns N.</summary>
    internal static int Check(int length, int classes, ReadOnlySpan<int> labels, CalibrationOptions options, string valuesName)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"classes must be at least 2; got {classes} (use the binary overloads for positive-class probabilities).");
        }

        if (labels.IsEmpty)
        {
            throw new ArgumentException("labels is empty.", nameof(labels));
        }

        if ((long)labels.Length * classes != length)
        {
            throw new ArgumentException($"{valuesName} has {length} entries but labels has {labels.Length} rows × {classes} classes = {(long)labels.Length * classes}.", valuesName);
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"labels has {labels[i]} at index {i}, outside the classes 0–{classes - 1}.", nameof(labels));
            }
        }

        CheckOptions(options, classes);
        return labels.Length;
    }

    internal static void CheckOptions(CalibrationOptions options, int classes)
    {
        CalibrationBinning.CheckBins(options.Bins, "options.Bins");
        if ((long)classes * options.Bins > MaxTableCells)
        {
            throw new ArgumentException($"{classes} classes × {options.Bins} bins is more than {MaxTableCells} classwise cells; use fewer bins.", "options");
        }

        if (!(options.SumTolerance >= 0.0 && options.SumTolerance < 1.0))
        {
            throw new ArgumentOutOfRangeException("options.SumTolerance", options.SumTolerance, $"SumTolerance must be in [0, 1); got {Guard.Format(options.SumTolerance)}.");
        }

        if (options.IntervalReplicates is < 0 or 1)
        {
            throw new ArgumentOutOfRangeException("options.IntervalReplicates", options.IntervalReplicates, $"IntervalReplicates must be 0 (none) or at least 2; got {options.IntervalReplicates}.");
        }

        if (!(options.ConfidenceLevel > 0.0 && options.ConfidenceLevel < 1.0))
        {
            throw new ArgumentOutOfRangeException("options.ConfidenceLevel", options.ConfidenceLevel, $"ConfidenceLevel must be in (0, 1); got {Guard.Format(options.ConfidenceLevel)}.");
        }

        if (!Enum.IsDefined(options.Strategy))
        {
            throw new ArgumentOutOfRangeException("options.Strategy", options.Strategy, $"Strategy {options.Strategy} is not a bin strategy.");
        }
    }

    /// <summary>The full report of an N×C table of probabilities (<paramref name="logits"/> false) or logits.</summary>
    internal static CalibrationReport Report<T>(ReadOnlySpan<T> values, int classes, ReadOnlySpan<int> labels, CalibrationOptions options, bool logits, string valuesName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = Check(values.Length, classes, labels, options, valuesName);
        // Equal-width bins are counted in the pass itself; only equal-mass bins and the interval need every row's confidence.
        bool keepRows = options.Strategy != BinStrategy.Uniform || options.IntervalReplicates > 0;
        var confidence = keepRows ? new double[n] : [];
        var correct = keepRows ? new bool[n] : [];
        var part = logits
            ? MetricsPass.Logits(values, classes, labels, options.Bins, confidence, correct, valuesName)
            : MetricsPass.Probabilities(values, classes, labels, options.Bins, options.Normalize, options.SumTolerance, confidence, correct, valuesName);
        var top = keepRows ? TopLabelBins.From(confidence, correct, options.Bins, options.Strategy) : part.TopBins();
        double ece = top.ExpectedError();
        var bins = top.Bins();
        var fit = options.FitTemperature ? Fit(values, classes, labels.ToArray(), !logits, options, valuesName) : null;
        return new CalibrationReport
        {
            N = n,
            Classes = classes,
            Unit = options.LogBase,
            Accuracy = (double)part.Correct / n,
            Nll = fit?.NllBefore ?? options.LogBase.FromNats(part.Nll.Value / n),
            Brier = part.Brier.Value / n,
            BrierDecomposition = part.Decomposition(),
            Ece = ece,
            Mce = top.MaximumError(),
            EceClasswise = part.ClasswiseError(),
            EceDebiased = top.DebiasedError(),
            EceInterval = Interval(confidence, correct, top, options),
            Strategy = options.Strategy,
            Bins = bins,
            CoincidentBins = options.Bins - bins.Length,
            Temperature = fit,
        };
    }

    /// <summary>The bias-aware interval of the top-label ECE of the bins <paramref name="top"/> (half-sampling standard error), or null when no replicates were asked for.</summary>
    internal static Estimators.ConfidenceInterval? Interval(double[] confidence, bool[] correct, TopLabelBins top, CalibrationOptions options)
    {
        if (options.IntervalReplicates == 0)
        {
            return null;
        }

        return CalibrationUncertainty.Interval(
            confidence.Length,
            top.ExpectedError(),
            top.MaximumBias(),
            rows => TopLabelBins.From(confidence, correct, options.Bins, options.Strategy, rows).ExpectedError(),
            options.IntervalReplicates,
            options.ConfidenceLevel,
            options.Seed);
    }

    /// <summary>
    /// Fits T* = 1/β* by a safeguarded Halley iteration on L′(β) = 0 (L convex in β). On large inputs (from 4·2¹⁶
    /// rows) the iteration is first run to 10⁻⁹ on every s-th row (about 2¹⁶ rows), whose root is within a fraction of
    /// a percent of the full one; the first pass over every row is then made at that root and also yields the numbers
    /// before (L(1) and the confidences at T = 1) from the same read of each row. Smaller inputs, or a subsample that
    /// gives no usable root, start with a pass at β = 1. Each step is Halley's (Newton's when Halley's would leave the
    /// bracket or divide by a non-positive number; bisection, or doubling β while no upper end is known, when Newton's
    /// would too) inside a bracket [lo, hi] of the root. The iteration stops when the step is below 10⁻¹² β and reports
    /// the point of the last pass, whose every number (NLL, confidences) was computed at the reported temperature, or,
    /// when a Halley step is provably the last (<see cref="TaylorFinish"/>), the point after it, whose numbers follow
    /// from that pass's and each row's first two moments, which every pass after the first records. Rows of at least 32
    /// classes (read one by one) instead have every pass record each row's raw moments E d^j, j ≤ 12, and every later
    /// point within their reach is evaluated from them to double precision without reading the rows
    /// (<see cref="TemperatureObjective{TIn}.EvaluateExpanded"/>): one pass over every row is then typical.
    /// </summary>
    internal static unsafe TemperatureFit Fit<T>(ReadOnlySpan<T> values, int classes, int[] labels, bool logProbabilities, CalibrationOptions options, string valuesName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = labels.Length;

        // Per-row buffers from the shared pool: a fit run again (a benchmark, a service) reuses them instead of
        // faulting in fresh pages for 32 MB of confidences and moments per 10⁶ rows.
        var pool = ArrayPool<double>.Shared;
        double[] before = pool.Rent(n), after = pool.Rent(n), meanAt = pool.Rent(n), secondAt = pool.Rent(n);
        try
        {
            fixed (T* pointer = values)
            {
                using var objective = new TemperatureObjective<T>(pointer, n, classes, labels, logProbabilities, valuesName);
                return Fit(objective, n, before, after, meanAt, secondAt, options, valuesName);
            }
        }
        finally
        {
            pool.Return(before);
            pool.Return(after);
            pool.Return(meanAt);
            pool.Return(secondAt);
        }
    }

    private static TemperatureFit Fit<T>(TemperatureObjective<T> objective, int n, double[] before, double[] after, double[] meanAt, double[] secondAt, CalibrationOptions options, string valuesName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[]? raw = objective.Expands ? ArrayPool<double>.Shared.Rent(TemperatureObjective<T>.ExpansionOrder * n) : null;
        try
        {
            return Fit(objective, n, before, after, meanAt, secondAt, raw, options, valuesName);
        }
        finally
        {
            if (raw is not null)
            {
                ArrayPool<double>.Shared.Return(raw);
            }
        }
    }

    private static TemperatureFit Fit<T>(TemperatureObjective<T> objective, int n, double[] before, double[] after, double[] meanAt, double[] secondAt, double[]? raw, CalibrationOptions options, string valuesName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var moments = raw is null ? default : raw.AsSpan(0, TemperatureObjective<T>.ExpansionOrder * n);
        double warm = n >= 4 * SubsampleRows ? WarmStart(objective, n / SubsampleRows) : double.NaN;
        double beta;
        TemperatureDerivatives at;
        double nllBefore;
        if (double.IsNaN(warm))
        {
            beta = 1.0;
            at = objective.Evaluate(1.0, before.AsSpan(0, n), prepare: true, raw: moments);
            nllBefore = at.Value;
        }
        else
        {
            beta = warm;
            at = objective.Evaluate(warm, after.AsSpan(0, n), prepare: true, confidenceAtOne: before.AsSpan(0, n), raw: moments);
            nllBefore = objective.ValueAtOne;
        }

        if (objective.EveryLabelOnTop)
        {
            throw new ArgumentException(
                $"every row of {valuesName} has its label among its top classes, so the NLL keeps falling as T → 0 and no temperature minimises it.", valuesName);
        }

        if (objective.SlopeAtZero >= 0.0)
        {
            throw new ArgumentException(
                $"the labels are no more likely than the average class under {valuesName} (L′(0) = {Guard.Format(objective.SlopeAtZero)} ≥ 0), so the NLL keeps falling as T → ∞ and no finite temperature minimises it.", valuesName);
        }

        var confidence = double.IsNaN(warm) ? before : after;
        if (raw is not null)
        {
            // Rows read one by one: every pass records each row's raw moments, and a step within their reach is
            // evaluated from them instead of by a pass (EvaluateExpanded); only a step beyond it takes a pass.
            double center = beta;
            double valueAtCenter = at.Value;
            var atCenter = confidence;
            bool expanded = false;
            TemperatureDerivatives Step(double b)
            {
                if (objective.WithinReach(center, b))
                {
                    expanded = true;
                    return objective.EvaluateExpanded(center, valueAtCenter, raw, b);
                }

                var derivatives = objective.Evaluate(b, after.AsSpan(0, n), raw: raw.AsSpan(0, TemperatureObjective<T>.ExpansionOrder * n));
                (center, valueAtCenter, atCenter, expanded) = (b, derivatives.Value, after, false);
                return derivatives;
            }

            beta = Solve(beta, at, Step, StepTolerance, MaxPasses, last => at = last);
            confidence = atCenter;
            if (expanded)
            {
                objective.EvaluateExpanded(center, valueAtCenter, raw, beta, atCenter.AsSpan(0, n), meanAt.AsSpan(0, n));
                confidence = meanAt;
            }
        }
        else
        {
            confidence = FitBlocks(objective, n, after, meanAt, secondAt, ref beta, ref at, confidence);
        }

        var correct = objective.Correct;
        double eceBefore = TopLabelBins.From(before.AsSpan(0, n), correct, options.Bins, options.Strategy).ExpectedError();
        double eceAfter = TopLabelBins.From(confidence.AsSpan(0, n), correct, options.Bins, options.Strategy).ExpectedError();
        return new TemperatureFit(1.0 / beta, options.LogBase.FromNats(nllBefore), options.LogBase.FromNats(at.Value), eceBefore, eceAfter, options.LogBase, objective.Passes);
    }

    /// <summary>The iteration for rows read in transposed blocks, which record each row's E d and E d² for <see cref="TaylorFinish"/>; returns the confidences at the final β.</summary>
    private static double[] FitBlocks<T>(TemperatureObjective<T> objective, int n, double[] after, double[] meanAt, double[] secondAt, ref double beta, ref TemperatureDerivatives at, double[] confidence)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var last = at;
        bool haveMoments = false; // the first pass does not record them: its step is rarely the last
        TemperatureDerivatives Pass(double b)
        {
            var derivatives = objective.Evaluate(b, after.AsSpan(0, n), meanAt: meanAt.AsSpan(0, n), secondAt: secondAt.AsSpan(0, n));
            haveMoments = true;
            return derivatives;
        }

        bool Finish(double from, double to, TemperatureDerivatives derivatives)
        {
            if (!(haveMoments && TaylorFinish(from, to - from, derivatives, objective.Spread, after.AsSpan(0, n), meanAt.AsSpan(0, n), secondAt.AsSpan(0, n), out var finished)))
            {
                return false;
            }

            last = finished;
            return true;
        }

        beta = Solve(beta, at, Pass, StepTolerance, MaxPasses, evaluated => (last, confidence) = (evaluated, after), Finish);
        at = last;
        return confidence;
    }

    /// <summary>
    /// The root of L′ on every <paramref name="stride"/>-th row, solved to 10⁻⁹, or NaN when the subsample gives none to
    /// start from (no finite minimiser on it, a root far from 1, or a bad row, which the full pass then names).
    /// </summary>
    private static double WarmStart<T>(TemperatureObjective<T> objective, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        try
        {
            var atStart = objective.Evaluate(1.0, default, stride, prepare: true);
            if (objective.EveryLabelOnTop || !(objective.SlopeAtZero < 0.0))
            {
                return double.NaN;
            }

            // Rows read one by one: the passes after the first record the raw moments, and the iteration's points
            // within their reach are evaluated from them (as in the full fit), so the subsample's last passes are spared.
            int rows = (int)(((long)objective.Rows + stride - 1) / stride);
            var raw = objective.Expands ? new double[TemperatureObjective<T>.ExpansionOrder * rows] : null;
            double center = double.NaN;
            double valueAtCenter = double.NaN;
            TemperatureDerivatives Step(double b)
            {
                if (raw is null)
                {
                    return objective.Evaluate(b, default, stride);
                }

                if (!double.IsNaN(center) && objective.WithinReach(center, b))
                {
                    return objective.EvaluateExpanded(center, valueAtCenter, raw, b, stride: stride);
                }

                var derivatives = objective.Evaluate(b, default, stride, raw: raw);
                (center, valueAtCenter) = (b, derivatives.Value);
                return derivatives;
            }

            double warm = Solve(1.0, atStart, Step, 1e-9, MaxPasses);
            return warm is > 1e-6 and < 1e6 && warm != 1.0 ? warm : double.NaN;
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// The safeguarded Halley iteration from β with its derivatives <paramref name="at"/>: returns the β of the last
    /// evaluation once the next step is below <paramref name="tolerance"/>·β (or after <paramref name="maxEvaluations"/>);
    /// <paramref name="evaluated"/> sees every new evaluation.
    /// </summary>
    private static double Solve(double beta, TemperatureDerivatives at, Func<double, TemperatureDerivatives> evaluate, double tolerance, int maxEvaluations, Action<TemperatureDerivatives>? evaluated = null, Func<double, double, TemperatureDerivatives, bool>? finish = null)
    {
        double lo = 0.0;
        double hi = double.PositiveInfinity;
        for (int evaluations = 0; evaluations < maxEvaluations; evaluations++)
        {
            double slope = at.Slope;
            if (slope < 0.0)
            {
                lo = beta;
            }
            else if (slope > 0.0)
            {
                hi = beta;
            }
            else
            {
                break;
            }

            double newton = -slope / at.Curvature;
            double denominator = (2.0 * at.Curvature * at.Curvature) - (slope * at.Third);
            double halley = denominator > 0.0 ? -2.0 * slope * at.Curvature / denominator : double.NaN;
            double step = double.IsFinite(halley) && Math.Sign(halley) == Math.Sign(newton) ? halley : newton;
            if (Math.Abs(step) <= tolerance * beta)
            {
                break; // converged: a step this small may even round back to β, which lies on the open bracket's edge
            }

            double next = beta + step;
            if (next > lo && next < hi && step == halley && finish is not null && finish(beta, next, at))
            {
                return next; // the values at next follow from the last pass's (TaylorFinish)
            }

            if (!(next > lo && next < hi))
            {
                next = beta + newton;
            }

            if (!(double.IsFinite(next) && next > lo && next < hi))
            {
                if (hi - lo <= tolerance * beta)
                {
                    break;
                }

                next = double.IsPositiveInfinity(hi) ? 2.0 * beta : 0.5 * (lo + hi);
            }

            beta = next;
            at = evaluate(beta);
            evaluated?.Invoke(at);
        }

        return beta;
    }

    /// <summary>
    /// The step from β to β + δ without a pass over the rows, when it is the last step: Halley's step δ leaves a residual
    /// L′(β + δ) ≈ δ³ (L⁗/6 − L‴²/(4L″)), so the next step would be at most |δ|³ (w⁴/6 + L‴²/(4L″)) / L″, with w the
    /// largest spread max z − min z of a row (|κ₄| ≤ w⁴ for any distribution on an interval of width w). When that is
    /// below the tolerance of <see cref="Solve"/> and |δ|·w ≤ 4·10⁻⁶, β + δ is the answer: L(β + δ) = L + δL′ + δ²L″/2 +
    /// δ³L‴/6 (error under δ⁴w⁴/24 ≈ 10⁻²³), and each row's confidence 1/s(β + δ) = (1/s) / (1 + δ E d + δ² E d²/2)
    /// from the row's moments at β (relative error under (|δ|w)³/6 ≈ 10⁻¹⁷): the same numbers a pass at β + δ would
    /// give, to double precision. Writes those confidences over <paramref name="confidence"/>; false (nothing written)
    /// when the step is too long for this.
    /// </summary>
    internal static bool TaylorFinish(double beta, double delta, TemperatureDerivatives at, double spread, Span<double> confidence, ReadOnlySpan<double> meanAt, ReadOnlySpan<double> secondAt, out TemperatureDerivatives finished)
    {
        finished = default;
        double width = Math.Min(spread, 708.0 / Math.Min(beta, beta + delta));
        double reach = Math.Abs(delta) * width;
        double curvature = at.Curvature;
        double cube = Math.Abs(delta) * delta * delta;
        double w2 = width * width;
        double nextStep = cube * ((w2 * w2 / 6.0) + (at.Third * at.Third / (4.0 * curvature))) / curvature;
        if (!(reach <= 4e-6 && curvature > 0.0 && nextStep <= StepTolerance * (beta + delta)))
        {
            return false;
        }

        double half = 0.5 * delta;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var step = new Vector<double>(delta);
            var halfStep = new Vector<double>(half);
            for (; i <= confidence.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var growth = Vector<double>.One + (step * (new Vector<double>(meanAt[i..]) + (halfStep * new Vector<double>(secondAt[i..]))));
                (new Vector<double>(confidence[i..]) / growth).CopyTo(confidence[i..]);
            }
        }

        for (; i < confidence.Length; i++)
        {
            confidence[i] /= 1.0 + (delta * (meanAt[i] + (half * secondAt[i])));
        }

        double value = at.Value + (delta * (at.Slope + (half * (at.Curvature + (delta / 3.0 * at.Third)))));
        finished = at with { Value = value };
        return true;
    }

    /// <summary>The report of binary input, from the two-column view [1 − p, p] (or logits [0, z]) plus the binary-only numbers.</summary>
    internal static CalibrationReport Binary(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, double[] rows, bool logits, double[] binaryLogits, CalibrationOptions options, string valuesName)
    {
        CheckOptions(options, 2);
        var report = Report<double>(rows, 2, labels, options with { FitTemperature = false }, logits, valuesName);
        var fit = options.FitTemperature ? Fit<double>(binaryLogits, 2, labels.ToArray(), logProbabilities: false, options, valuesName) : null;
        var brier = default(CompensatedSum);
        for (int i = 0; i < probabilities.Length; i++)
        {
            double gap = probabilities[i] - labels[i];
            brier.Add(gap * gap);
        }

        return report with
        {
            Classes = 2,
            Nll = fit?.NllBefore ?? report.Nll,
            Brier = brier.Value / probabilities.Length,
            BrierDecomposition = BinaryDecomposition(probabilities, labels, options.Bins, options.Strategy),
            Curve = ReliabilityCurve.FromProbabilities(probabilities, labels, options.Bins, options.Strategy),
            Temperature = fit,
        };
    }

    /// <summary>The Brier decomposition of positive-class probabilities over the bins of the reliability curve.</summary>
    internal static BrierDecomposition BinaryDecomposition(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, int bins, BinStrategy strategy)
    {
        var edges = CalibrationBinning.Edges(probabilities, bins, strategy);
        var counts = new long[bins];
        var sums = new double[bins];
        var squares = new double[bins];
        var outcomes = new long[bins];
        var outcomeForecasts = new double[bins];
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            int b = CalibrationBinning.Locate(edges, p, strategy == BinStrategy.Uniform);
            counts[b]++;
            sums[b] += p;
            squares[b] += p * p;
            outcomes[b] += labels[i];
            outcomeForecasts[b] += labels[i] * p;
        }

        var terms = new DecompositionTerms(probabilities.Length);
        terms.AddEvent(counts, sums, squares, outcomes, outcomeForecasts);
        return terms.Result();
    }

    /// <summary>σ(z) = P(y = 1) for a log-odds z, without overflow.</summary>
    internal static double Sigmoid(double z) => z >= 0.0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));
}
