using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The cross-entropy loss from logits with PyTorch's options — index or probability targets, class weights, ignore
/// index, label smoothing, temperature, reductions — and its gradient, streamed row by row without forming softmax.
/// </summary>
/// <remarks>
/// For index targets y and smoothing ε the loss of row i is
/// ℓᵢ = (1 − ε)·w_{yᵢ}·(−log p_{i,yᵢ}) + (ε/C)·Σ_c w_c·(−log p_{i,c}), with p = softmax(z/T); ignored rows give 0 and
/// leave both terms and the mean's denominator Σ w_{yᵢ} (PyTorch's formula, <c>cross_entropy_loss_label_smoothing</c>).
/// For probability targets q, ℓᵢ = −Σ_c w_c·q′_{i,c}·log p_{i,c} with q′ = (1 − ε)q + ε/C and the mean divides by N.
/// Each row is read once with an online max-and-sum (−log p_c = (m − z_c) + log Σ e^(z − m), every part ≥ 0, so
/// logits [−431, 279, 427] with target 0 give exactly 858), and a second time only to write the gradient
/// ∂ℓ/∂z = (softmax − smoothed target)·weights·scale / T. Extra memory is O(N); rows run in parallel; float, Half and
/// BFloat16 logits are computed in float with double sums, double logits in double.
/// References: Shannon, C. E. (1948), doi:10.1002/j.1538-7305.1948.tb01338.x (cross-entropy = H + KL);
/// Szegedy, C. et al. (2016), Rethinking the Inception Architecture for Computer Vision, CVPR, doi:10.1109/CVPR.2016.308
/// (label smoothing); Paszke, A. et al. (2019), PyTorch, NeurIPS, arXiv:1912.01703 (the semantics matched).
/// </remarks>
public static class CrossEntropyLoss
{
    /// <summary>The cross-entropy loss of N×C logits against N class indices.</summary>
    /// <param name="logits">N×C logits z, row-major; no NaN or +∞; −∞ masks a class.</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="targets">N class indices in [0, C), or <see cref="CrossEntropyOptions.IgnoreIndex"/>.</param>
    /// <param name="options">Weights, ignore index, smoothing, temperature, reduction; <see cref="CrossEntropyOptions.Default"/> when null.</param>
    /// <param name="rowLosses">Optional: receives the N per-row losses ℓᵢ in nats (0 for ignored rows), whatever the reduction.</param>
    /// <param name="gradient">Optional: receives ∂(reduced loss)/∂z, N×C; for <see cref="LossReduction.None"/> row i holds ∂ℓᵢ/∂zᵢ.</param>
    /// <returns>The loss in nats with its sum, weight and row count (see <see cref="CrossEntropyResult"/>).</returns>
    /// <exception cref="ArgumentException">A shape mismatch; a target outside [0, C) that is not the ignore index (named with its row);
    /// a NaN or +∞ logit, or a non-ignored row of only −∞ (named with row and class); class weights of the wrong length or negative;
    /// decomposition requested with class weights; a destination too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/>, the temperature or the smoothing is out of range.</exception>
    /// <remarks>
    /// Mean over rows that are all ignored: Sum = 0, Weight = 0 and Value = NaN (0/0), exactly as PyTorch; the gradient is then 0.
    /// Use <see cref="CrossEntropyResult.Add"/> to accumulate batches exactly instead of averaging means.
    /// </remarks>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<float> logits, int classes, ReadOnlySpan<int> targets, CrossEntropyOptions? options = null, Span<double> rowLosses = default, Span<float> gradient = default) =>
        Indexed<float, float>(logits, classes, targets, options, rowLosses, gradient);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{float}, int, ReadOnlySpan{int}, CrossEntropyOptions?, Span{double}, Span{float})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<int> targets, CrossEntropyOptions? options = null, Span<double> rowLosses = default, Span<double> gradient = default) =>
        Indexed<double, double>(logits, classes, targets, options, rowLosses, gradient);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{float}, int, ReadOnlySpan{int}, CrossEntropyOptions?, Span{double}, Span{float})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<Half> logits, int classes, ReadOnlySpan<int> targets, CrossEntropyOptions? options = null, Span<double> rowLosses = default, Span<Half> gradient = default) =>
        Indexed<Half, float>(logits, classes, targets, options, rowLosses, gradient);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{float}, int, ReadOnlySpan{int}, CrossEntropyOptions?, Span{double}, Span{float})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<BFloat16> logits, int classes, ReadOnlySpan<int> targets, CrossEntropyOptions? options = null, Span<double> rowLosses = default, Span<BFloat16> gradient = default) =>
        Indexed<BFloat16, float>(logits, classes, targets, options, rowLosses, gradient);

    /// <summary>The cross-entropy loss of N×C logits against N×C target probabilities (soft labels).</summary>
    /// <param name="logits">N×C logits z, row-major; no NaN or +∞; −∞ masks a class.</param>
    /// <param name="classes">C, the number of classes.</param>
    /// <param name="targetProbabilities">N×C target probabilities q, row-major; each row ≥ 0 and summing to 1 (1e-9 relative for double, 1e-5 for float, 1e-2 for Half and BFloat16).</param>
    /// <param name="options">Weights, smoothing, temperature, reduction (the ignore index does not apply); defaults when null.</param>
    /// <param name="rowLosses">Optional: receives the N per-row losses in nats.</param>
    /// <param name="gradient">Optional: receives ∂(reduced loss)/∂z, N×C.</param>
    /// <returns>The loss in nats; for <see cref="LossReduction.Mean"/> the sum divided by N (class weights do not enter the denominator, as in PyTorch).</returns>
    /// <exception cref="ArgumentException">A shape mismatch; a target row that is not a distribution (named with its row); bad logits (named with row and class);
    /// class weights of the wrong length or negative; decomposition requested with class weights; a destination too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/>, the temperature or the smoothing is out of range.</exception>
    /// <remarks>The gradient is (Σ_c w_c q′_c)·softmax(z/T) − w·q′, times the reduction scale, divided by T.</remarks>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<float> logits, int classes, ReadOnlySpan<float> targetProbabilities, CrossEntropyOptions? options = null, Span<double> rowLosses = default, Span<float> gradient = default) =>
        Soft<float, float>(logits, classes, targetProbabilities, options, rowLosses, gradient);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{float}, int, ReadOnlySpan{float}, CrossEntropyOptions?, Span{double}, Span{float})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<double> targetProbabilities, CrossEntropyOptions? options = null, Span<double> rowLosses = default, Span<double> gradient = default) =>
        Soft<double, double>(logits, classes, targetProbabilities, options, rowLosses, gradient);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{float}, int, ReadOnlySpan{float}, CrossEntropyOptions?, Span{double}, Span{float})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<Half> logits, int classes, ReadOnlySpan<Half> targetProbabilities, CrossEntropyOptions? options = null, Span<double> rowLosses = default, Span<Half> gradient = default) =>
        Soft<Half, float>(logits, classes, targetProbabilities, options, rowLosses, gradient);

    /// <inheritdoc cref="FromLogits(ReadOnlySpan{float}, int, ReadOnlySpan{float}, CrossEntropyOptions?, Span{double}, Span{float})"/>
    public static CrossEntropyResult FromLogits(ReadOnlySpan<BFloat16> logits, int classes, ReadOnlySpan<BFloat16> targetProbabilities, CrossEntropyOptions? options = null, Span<double> rowLosses = default, Span<BFloat16> gradient = default) =>
        Soft<BFloat16, float>(logits, classes, targetProbabilities, options, rowLosses, gradient);

    private static CrossEntropyResult Indexed<TIn, T>(ReadOnlySpan<TIn> logits, int classes, ReadOnlySpan<int> targets, CrossEntropyOptions? options, Span<double> rowLosses, Span<TIn> gradient)
    {
        options ??= CrossEntropyOptions.Default;
        var plan = CrossEntropyPlan<T>.Create(logits.Length, classes, targets.Length, nameof(targets), options, rowLosses.Length, gradient.Length);
        var weights = options.Weights;
        var total = default(CompensatedSum);
        long count = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            int t = targets[i];
            if (t == options.IgnoreIndex)
            {
                continue;
            }

            if ((uint)t >= (uint)classes)
            {
                throw new ArgumentException($"targets has {t} at index {i}; class indices must lie in [0, {classes}) or equal the ignore index {options.IgnoreIndex}.", nameof(targets));
            }

            total.Add(weights.IsEmpty ? 1.0 : weights[t]);
            count++;
        }

        return plan.Run(logits, targets, default, total.Value, count, rowLosses, gradient);
    }

    private static CrossEntropyResult Soft<TIn, T>(ReadOnlySpan<TIn> logits, int classes, ReadOnlySpan<TIn> targetProbabilities, CrossEntropyOptions? options, Span<double> rowLosses, Span<TIn> gradient)
    {
        options ??= CrossEntropyOptions.Default;
        Guard.SameLength(logits, targetProbabilities, nameof(logits), nameof(targetProbabilities));
        int rows = LogitGuard.Rows(targetProbabilities.Length, classes, nameof(targetProbabilities));
        var plan = CrossEntropyPlan<T>.Create(logits.Length, classes, rows, nameof(targetProbabilities), options, rowLosses.Length, gradient.Length);
        double tolerance = typeof(TIn) == typeof(double) ? Guard.SumTolerance : typeof(TIn) == typeof(float) ? 1e-5 : 1e-2;
        for (int i = 0; i < rows; i++)
        {
            var row = targetProbabilities.Slice(i * classes, classes);
            double sum = 0.0;
            for (int c = 0; c < classes; c++)
            {
                double q = LogitGuard.ToDouble(row[c]);
                if (!(q >= 0.0) || double.IsPositiveInfinity(q))
                {
                    throw Guard.BadEntry(nameof(targetProbabilities), (i * classes) + c, q);
                }

                sum += q;
            }

            if (!(Math.Abs(sum - 1.0) <= tolerance))
            {
                throw new ArgumentException($"targetProbabilities row {i} sums to {Guard.Format(sum)}, not 1 (tolerance {tolerance:0e0}).", nameof(targetProbabilities));
            }
        }

        return plan.Run(logits, default, targetProbabilities, rows, rows, rowLosses, gradient);
    }
}
