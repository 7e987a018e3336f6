using System.Numerics;
using Shannon.Numerics;

namespace Shannon.Losses;

/// <summary>
/// The InfoNCE contrastive loss of two batches of paired embeddings (CLIP's and the lessons' form of NT-Xent): cosine
/// similarities divided by a temperature, each row a classification of its positive among the N candidates, and the
/// mutual-information lower bound log N − loss it certifies.
/// </summary>
/// <remarks>
/// With uᵢ = z1ᵢ/‖z1ᵢ‖, vⱼ = z2ⱼ/‖z2ⱼ‖ and sᵢⱼ = uᵢ·vⱼ / τ, the loss is L = (1/N) Σᵢ [log Σⱼ e^(sᵢⱼ) − sᵢᵢ]
/// (<c>F.cross_entropy(s, arange(N))</c>), and the symmetric form averages it with the same loss on sᵀ (CLIP). Then
/// I(z1; z2) ≥ log N − L (van den Oord et al. 2018; Poole et al. 2019), so the bound can never exceed log N: a batch of
/// N pairs certifies at most log N nats. SimCLR's NT-Xent, which also counts the 2N − 2 same-view pairs as negatives,
/// is <see cref="NtXent(ReadOnlySpan{double}, ReadOnlySpan{double}, int, double, LogBase)"/>. The overloads taking
/// <see cref="InfoNceOptions"/> (dot or cosine similarity, one direction or both, every reduction) and the single-batch
/// <see cref="NtXent(ReadOnlySpan{float}, int, double, LossReduction, Span{double}, Span{float})"/> also write the exact
/// gradient. The similarity matrix is never held whole: blocks of rows are formed, reduced by a max-shifted
/// log-sum-exp (sums in double) and turned into the gradient on a register-blocked multiply, in parallel.
/// References: van den Oord, A., Li, Y. &amp; Vinyals, O. (2018), Representation learning with contrastive predictive
/// coding, arXiv:1807.03748; Chen, T., Kornblith, S., Norouzi, M. &amp; Hinton, G. (2020), A simple framework for
/// contrastive learning of visual representations, ICML, arXiv:2002.05709; Radford, A. et al. (2021), Learning
/// transferable visual models from natural language supervision, ICML, arXiv:2103.00020; Poole, B. et al. (2019), On
/// variational bounds of mutual information, ICML, arXiv:1905.06922.
/// </remarks>
public static class InfoNce
{
    /// <summary>The InfoNCE loss of N paired embeddings (row i of <paramref name="z1"/> with row i of <paramref name="z2"/>).</summary>
    /// <param name="z1">The first view, N×D row-major; finite; no all-zero row.</param>
    /// <param name="z2">The second view, N×D row-major, the same shape; finite; no all-zero row.</param>
    /// <param name="dimension">D, the embedding dimension.</param>
    /// <param name="temperature">τ &gt; 0; 0.07 by default (CLIP's initial value, the lessons' choice). Low τ sharpens the softmax.</param>
    /// <param name="symmetric">Average the z1→z2 and z2→z1 losses (CLIP, the lessons); true by default. False gives z1→z2 only.</param>
    /// <param name="logBase">The unit of the loss and the bound; nats by default.</param>
    /// <returns>
    /// L = (1/N) Σᵢ [log Σⱼ exp(cos(z1ᵢ, z2ⱼ)/τ) − cos(z1ᵢ, z2ᵢ)/τ] (symmetric: the mean of L and Lᵀ) and the bound log N − L,
    /// in the unit of <paramref name="logBase"/>.
    /// </returns>
    /// <exception cref="ArgumentException">The batches are empty, of different lengths or not a multiple of <paramref name="dimension"/>;
    /// an entry is not finite (named with its index); a row has zero norm (named with its row).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive; <paramref name="temperature"/> is not finite and positive.</exception>
    /// <remarks>
    /// Unrelated embeddings give L ≈ log N (bound ≈ 0); identical ones at low τ give L ≈ 0 (bound ≈ log N). N = 1 gives 0 and 0.
    /// Cosine similarity makes the loss invariant to rescaling any row.
    /// </remarks>
    public static InfoNceResult FromEmbeddings(ReadOnlySpan<double> z1, ReadOnlySpan<double> z2, int dimension, double temperature = 0.07, bool symmetric = true, LogBase logBase = default) =>
        Core(z1, z2, dimension, temperature, symmetric, logBase);

    /// <inheritdoc cref="FromEmbeddings(ReadOnlySpan{double}, ReadOnlySpan{double}, int, double, bool, LogBase)"/>
    public static InfoNceResult FromEmbeddings(ReadOnlySpan<float> z1, ReadOnlySpan<float> z2, int dimension, double temperature = 0.07, bool symmetric = true, LogBase logBase = default) =>
        Core(z1, z2, dimension, temperature, symmetric, logBase);

    /// <summary>
    /// SimCLR's NT-Xent loss of N paired embeddings: all 2N rows are anchors, each classifying its partner view among the
    /// other 2N − 1 rows, so the 2N − 2 rows of the same batch are negatives too.
    /// </summary>
    /// <param name="z1">The first view, N×D row-major; finite; no all-zero row.</param>
    /// <param name="z2">The second view, N×D row-major, the same shape; finite; no all-zero row.</param>
    /// <param name="dimension">D, the embedding dimension.</param>
    /// <param name="temperature">τ &gt; 0; 0.5 by default (SimCLR's reference setting).</param>
    /// <param name="logBase">The unit of the loss and the bound; nats by default.</param>
    /// <returns>
    /// With h = [z1; z2] row-normalised and sₐᵦ = hₐ·hᵦ/τ, L = (1/2N) Σₐ [log Σ_{b ≠ a} e^(sₐᵦ) − s_{a,a±N}]
    /// (PyTorch: <c>F.cross_entropy</c> of the 2N×2N matrix with its diagonal set to −∞), and log(2N − 1) − L as
    /// <see cref="InfoNceResult.MutualInformationBound"/>, in the unit of <paramref name="logBase"/>;
    /// <see cref="InfoNceResult.BatchSize"/> is N.
    /// </returns>
    /// <exception cref="ArgumentException">As for <see cref="FromEmbeddings(ReadOnlySpan{double}, ReadOnlySpan{double}, int, double, bool, LogBase)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive; <paramref name="temperature"/> is not finite and positive.</exception>
    /// <remarks>
    /// log(2N − 1) − L is the InfoNCE form with 2N − 1 candidates; because the same-view negatives are not draws from the
    /// other view's marginal, it is a diagnostic in the same units rather than the certified bound of
    /// <see cref="FromEmbeddings(ReadOnlySpan{double}, ReadOnlySpan{double}, int, double, bool, LogBase)"/>. N = 1 leaves each
    /// anchor only its partner: 0 and 0. Unrelated embeddings give L ≈ log(2N − 1); identical views at low τ give L ≈ 0.
    /// Reference: Chen, T., Kornblith, S., Norouzi, M. &amp; Hinton, G. (2020), A simple framework for contrastive
    /// learning of visual representations, ICML, arXiv:2002.05709 (eq. 1).
    /// </remarks>
    public static InfoNceResult NtXent(ReadOnlySpan<double> z1, ReadOnlySpan<double> z2, int dimension, double temperature = 0.5, LogBase logBase = default) =>
        BothViews(z1, z2, dimension, temperature, logBase);

    /// <inheritdoc cref="NtXent(ReadOnlySpan{double}, ReadOnlySpan{double}, int, double, LogBase)"/>
    public static InfoNceResult NtXent(ReadOnlySpan<float> z1, ReadOnlySpan<float> z2, int dimension, double temperature = 0.5, LogBase logBase = default) =>
        BothViews(z1, z2, dimension, temperature, logBase);

    /// <summary>
    /// The InfoNCE loss of N queries against N keys (query i's positive is key i, the other N − 1 keys its negatives), with its
    /// gradients with respect to the queries and the keys.
    /// </summary>
    /// <param name="queries">N×D queries q, row-major; finite (and, for cosine similarity, no all-zero row).</param>
    /// <param name="keys">N×D keys k, row-major, the same shape; finite (and, for cosine similarity, no all-zero row).</param>
    /// <param name="dimension">D, the embedding dimension.</param>
    /// <param name="options">Temperature, dot or cosine similarity, one direction or symmetric, reduction.</param>
    /// <param name="rowLosses">Optional: receives the N per-pair losses ℓᵢ in nats, whatever the reduction (symmetric: the mean of query i's and key i's loss).</param>
    /// <param name="queryGradient">Optional: receives ∂(reduced loss)/∂q, N×D (for None, of the sum of the per-pair losses).</param>
    /// <param name="keyGradient">Optional: receives ∂(reduced loss)/∂k, N×D.</param>
    /// <returns>
    /// With sᵢⱼ = sim(qᵢ, kⱼ)/τ, ℓᵢ = log Σⱼ e^(sᵢⱼ) − sᵢᵢ (PyTorch: <c>F.cross_entropy(s, arange(N), reduction=…)</c>), or with
    /// <see cref="InfoNceOptions.Symmetric"/> ℓᵢ = ½[(log Σⱼ e^(sᵢⱼ) − sᵢᵢ) + (log Σⱼ e^(sⱼᵢ) − sᵢᵢ)]; reduced in nats (Mean divides by N);
    /// Weight and Count are N.
    /// </returns>
    /// <exception cref="ArgumentException">The batches are empty, of different lengths or not a multiple of <paramref name="dimension"/>;
    /// an entry is not finite (named with its index); a row has zero norm with cosine similarity (named with its row); dot
    /// products so large that a row's log-sum-exp overflows; a destination too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive; the temperature is not finite and
    /// positive; the reduction is undefined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <remarks>
    /// The gradient is autograd's: with G = s·(softmax(S) − I) (s = 1/N for Mean, 1 otherwise; the symmetric form averages the
    /// row and column softmaxes), ∂L/∂q̂ = G·k̂/τ and ∂L/∂k̂ = Gᵀ·q̂/τ, then through the normalisation for cosine similarity
    /// (∂L/∂q = (g − q̂(q̂·g))/‖q‖). Float inputs are computed in float with log-sum-exps in double, like PyTorch's float32;
    /// double inputs in double. N = 1 gives 0 and a zero gradient. Reference: van den Oord, Li &amp; Vinyals (2018),
    /// arXiv:1807.03748; He, K. et al. (2020), Momentum contrast for unsupervised visual representation learning, CVPR,
    /// doi:10.1109/CVPR42600.2020.00975 (queries and keys).
    /// </remarks>
    public static CrossEntropyResult FromEmbeddings(ReadOnlySpan<double> queries, ReadOnlySpan<double> keys, int dimension, InfoNceOptions options, Span<double> rowLosses = default, Span<double> queryGradient = default, Span<double> keyGradient = default) =>
        Pairs(queries, keys, dimension, options, rowLosses, queryGradient, keyGradient, nameof(queries), nameof(keys));

    /// <inheritdoc cref="FromEmbeddings(ReadOnlySpan{double}, ReadOnlySpan{double}, int, InfoNceOptions, Span{double}, Span{double}, Span{double})"/>
    public static CrossEntropyResult FromEmbeddings(ReadOnlySpan<float> queries, ReadOnlySpan<float> keys, int dimension, InfoNceOptions options, Span<double> rowLosses = default, Span<float> queryGradient = default, Span<float> keyGradient = default) =>
        Pairs(queries, keys, dimension, options, rowLosses, queryGradient, keyGradient, nameof(queries), nameof(keys));

    /// <summary>
    /// SimCLR's NT-Xent loss of one batch of 2N embeddings in which rows i and i + N are the two views of example i, with its
    /// gradient with respect to the 2N embeddings.
    /// </summary>
    /// <param name="embeddings">2N×D embeddings h, row-major: the first view's N rows, then the second view's; finite, no all-zero row.</param>
    /// <param name="dimension">D, the embedding dimension.</param>
    /// <param name="temperature">τ &gt; 0; 0.5 by default (SimCLR's reference setting).</param>
    /// <param name="reduction">Mean over the 2N anchors (SimCLR), Sum or None.</param>
    /// <param name="rowLosses">Optional: receives the 2N per-anchor losses ℓₐ in nats, whatever the reduction.</param>
    /// <param name="gradient">Optional: receives ∂(reduced loss)/∂h, 2N×D (for None, of the sum of the per-anchor losses).</param>
    /// <returns>
    /// With ĥ the unit rows and sₐᵦ = ĥₐ·ĥᵦ/τ, ℓₐ = log Σ_{b ≠ a} e^(sₐᵦ) − s_{a,a±N}: each anchor classifies its partner among the other
    /// 2N − 1 rows, i.e. against 2N − 2 negatives (PyTorch: <c>F.cross_entropy</c> of the 2N×2N matrix with its diagonal set to −∞);
    /// reduced in nats (Mean divides by 2N); Weight and Count are 2N.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="embeddings"/> is empty, not a multiple of <paramref name="dimension"/>, or has an
    /// odd number of rows; an entry is not finite (named with its index); a row has zero norm (named with its row); a destination too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive; <paramref name="temperature"/> is not finite and
    /// positive; <paramref name="reduction"/> is undefined.</exception>
    /// <remarks>
    /// The similarity matrix is symmetric, so the gradient needs no second product: with Pₐᵦ = e^(sₐᵦ − lseₐ) and s = 1/(2N) for
    /// Mean, ∂L/∂ĥ = (G + Gᵀ)·ĥ/τ where (G + Gᵀ)ₐᵦ = s·(Pₐᵦ + Pᵦₐ) − 2s·[b = a ± N]: the log-sum-exps come from the tiles on
    /// and above the diagonal only (half the products), the gradient from blocks of rows formed once more; then through the
    /// normalisation. N = 1 leaves each anchor only its partner: loss 0,
    /// gradient 0. Unrelated embeddings give about log(2N − 1). Float inputs are computed in float with log-sum-exps in double.
    /// Reference: Chen, T., Kornblith, S., Norouzi, M. &amp; Hinton, G. (2020), A simple framework for contrastive learning of
    /// visual representations, ICML, arXiv:2002.05709 (eq. 1).
    /// </remarks>
    public static CrossEntropyResult NtXent(ReadOnlySpan<double> embeddings, int dimension, double temperature = 0.5, LossReduction reduction = LossReduction.Mean, Span<double> rowLosses = default, Span<double> gradient = default) =>
        Views(embeddings, dimension, temperature, reduction, rowLosses, gradient, check: true);

    /// <inheritdoc cref="NtXent(ReadOnlySpan{double}, int, double, LossReduction, Span{double}, Span{double})"/>
    public static CrossEntropyResult NtXent(ReadOnlySpan<float> embeddings, int dimension, double temperature = 0.5, LossReduction reduction = LossReduction.Mean, Span<double> rowLosses = default, Span<float> gradient = default) =>
        Views(embeddings, dimension, temperature, reduction, rowLosses, gradient, check: true);

    private static InfoNceResult BothViews<T>(ReadOnlySpan<T> z1, ReadOnlySpan<T> z2, int dimension, double temperature, LogBase logBase)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameLength(z1, z2, nameof(z1), nameof(z2));
        int n = LogitGuard.Rows(z1.Length, dimension, nameof(z1), nameof(dimension));
        LogitGuard.Temperature(temperature);
        ContrastiveRows<T>.Check(z1, dimension, cosine: true, nameof(z1));
        ContrastiveRows<T>.Check(z2, dimension, cosine: true, nameof(z2));
        double[] h = new double[2 * z1.Length];
        Widen(z1, h.AsSpan(0, z1.Length));
        Widen(z2, h.AsSpan(z1.Length));
        double loss = Math.Max(0.0, Views<double>(h, dimension, temperature, LossReduction.Mean, default, default, check: false).Value);
        return new InfoNceResult(logBase.FromNats(loss), logBase.FromNats(Math.Log((2 * n) - 1) - loss), n, logBase.Unit);
    }

    private static InfoNceResult Core<T>(ReadOnlySpan<T> z1, ReadOnlySpan<T> z2, int dimension, double temperature, bool symmetric, LogBase logBase)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameLength(z1, z2, nameof(z1), nameof(z2));
        int n = LogitGuard.Rows(z1.Length, dimension, nameof(z1), nameof(dimension));
        LogitGuard.Temperature(temperature);
        double[] u = new double[z1.Length];
        double[] v = new double[z2.Length];
        Widen(z1, u);
        Widen(z2, v);
        var options = new InfoNceOptions { Temperature = temperature, Cosine = true, Symmetric = symmetric };
        double loss = Math.Max(0.0, Pairs<double>(u, v, dimension, options, default, default, default, nameof(z1), nameof(z2)).Value);
        return new InfoNceResult(logBase.FromNats(loss), logBase.FromNats(Math.Log(n) - loss), n, logBase.Unit);
    }

    /// <summary>Entries as doubles; NaN and ±∞ are rejected later, by the checks that name the parameter.</summary>
    private static void Widen<T>(ReadOnlySpan<T> source, Span<double> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = double.CreateTruncating(source[i]);
        }
    }

    private static unsafe CrossEntropyResult Pairs<T>(ReadOnlySpan<T> queries, ReadOnlySpan<T> keys, int dimension, InfoNceOptions options, Span<double> rowLosses, Span<T> queryGradient, Span<T> keyGradient, string queriesName, string keysName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.SameLength(queries, keys, queriesName, keysName);
        int n = LogitGuard.Rows(queries.Length, dimension, queriesName, nameof(dimension));
        double temperature = LogitGuard.Temperature(options.Temperature, "options.Temperature");
        ElementLoss.Reduction(options.Reduction, "options.Reduction");
        ElementLoss.Destination(rowLosses, n, nameof(rowLosses));
        ElementLoss.Destination(queryGradient, queries.Length, nameof(queryGradient));
        ElementLoss.Destination(keyGradient, keys.Length, nameof(keyGradient));
        ContrastiveRows<T>.Check(queries, dimension, options.Cosine, queriesName);
        ContrastiveRows<T>.Check(keys, dimension, options.Cosine, keysName);
        double scale = options.Reduction == LossReduction.Mean ? 1.0 / n : 1.0;
        double inverse = 1.0 / temperature;
        using var q = ContrastiveRows<T>.From(queries, dimension, options.Cosine);
        using var k = ContrastiveRows<T>.From(keys, dimension, options.Cosine);
        double[] rowLse = new double[n];
        double[] rowLoss = new double[n];
        double[]? columnLse = options.Symmetric ? new double[n] : null;
        double[]? columnLoss = options.Symmetric ? new double[n] : null;
        double bound = options.Cosine ? ContrastiveKernel<T>.CosineBound(inverse) : double.NaN;
        fixed (T* queryOut = queryGradient)
        fixed (T* keyOut = keyGradient)
        {
            var same = ContrastiveKernel<T>.Targets.Same;
            if (!options.Symmetric)
            {
                ContrastiveKernel<T>.Run(q, k, new(inverse, same, false, rowLse, rowLoss, scale, 0.0, scale, null, (nint)queryOut) { Bound = bound });
                if (keyOut is not null)
                {
                    ContrastiveKernel<T>.Run(k, q, new(inverse, same, false, null, null, 0.0, scale, scale, rowLse, (nint)keyOut) { Bound = bound });
                }
            }
            else
            {
                double half = scale / 2;
                ContrastiveKernel<T>.Run(k, q, new(inverse, same, false, columnLse, columnLoss, 0.0, 0.0, 0.0, null, 0) { Bound = bound });
                ContrastiveKernel<T>.Run(q, k, new(inverse, same, false, rowLse, rowLoss, half, half, scale, columnLse, (nint)queryOut) { Bound = bound });
                if (keyOut is not null)
                {
                    ContrastiveKernel<T>.Run(k, q, new(inverse, same, false, null, null, half, half, scale, rowLse, (nint)keyOut) { Bound = bound });
                }
            }
        }

        var sum = default(CompensatedSum);
        for (int i = 0; i < n; i++)
        {
            double loss = columnLoss is null ? rowLoss[i] : (rowLoss[i] + columnLoss[i]) / 2;
            sum.Add(loss);
            if (!rowLosses.IsEmpty)
            {
                rowLosses[i] = loss;
            }
        }

        return ElementLoss.Result(sum.Value, n, n, options.Reduction);
    }

    private static unsafe CrossEntropyResult Views<T>(ReadOnlySpan<T> embeddings, int dimension, double temperature, LossReduction reduction, Span<double> rowLosses, Span<T> gradient, bool check)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = LogitGuard.Rows(embeddings.Length, dimension, nameof(embeddings), nameof(dimension));
        if (rows % 2 != 0)
        {
            throw new ArgumentException($"embeddings has {rows} rows; NT-Xent needs an even number 2N (rows i and i + N are the two views of example i).", nameof(embeddings));
        }

        LogitGuard.Temperature(temperature);
        ElementLoss.Reduction(reduction);
        ElementLoss.Destination(rowLosses, rows, nameof(rowLosses));
        ElementLoss.Destination(gradient, embeddings.Length, nameof(gradient));
        if (check)
        {
            ContrastiveRows<T>.Check(embeddings, dimension, cosine: true, nameof(embeddings));
        }

        double scale = reduction == LossReduction.Mean ? 1.0 / rows : 1.0;
        double inverse = 1.0 / temperature;
        using var h = ContrastiveRows<T>.From(embeddings, dimension, cosine: true);
        double[] lse = new double[rows];
        double[] losses = new double[rows];
        var partner = ContrastiveKernel<T>.Targets.Partner;
        double bound = ContrastiveKernel<T>.CosineBound(inverse);
        if (double.IsNaN(bound))
        {
            ContrastiveKernel<T>.Run(h, h, new(inverse, partner, true, lse, losses, 0.0, 0.0, 0.0, null, 0));
        }
        else
        {
            ContrastiveKernel<T>.SymmetricStatistics(h, inverse, bound, lse, losses);
        }
        if (!gradient.IsEmpty)
        {
            fixed (T* output = gradient)
            {
                ContrastiveKernel<T>.Run(h, h, new(inverse, partner, true, null, null, scale, scale, 2 * scale, lse, (nint)output) { Bound = bound });
            }
        }

        var sum = default(CompensatedSum);
        for (int a = 0; a < rows; a++)
        {
            sum.Add(losses[a]);
            if (!rowLosses.IsEmpty)
            {
                rowLosses[a] = losses[a];
            }
        }

        return ElementLoss.Result(sum.Value, rows, rows, reduction);
    }
}
