using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
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
/// is <see cref="NtXent(ReadOnlySpan{double}, ReadOnlySpan{double}, int, double, LogBase)"/>. Each row goes through
/// <see cref="CrossEntropyLoss"/> (max-shifted, double sums); the similarity matrix is held in pooled memory.
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

    private static InfoNceResult BothViews<T>(ReadOnlySpan<T> z1, ReadOnlySpan<T> z2, int dimension, double temperature, LogBase logBase)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameLength(z1, z2, nameof(z1), nameof(z2));
        int n = LogitGuard.Rows(z1.Length, dimension, nameof(z1), nameof(dimension));
        LogitGuard.Temperature(temperature);
        int anchors = 2 * n;
        double[] h = ArrayPool<double>.Shared.Rent(2 * z1.Length);
        double[] similarities = ArrayPool<double>.Shared.Rent(anchors * anchors);
        int[] partners = ArrayPool<int>.Shared.Rent(anchors);
        try
        {
            UnitRows(z1, dimension, h.AsSpan(0, z1.Length), nameof(z1));
            UnitRows(z2, dimension, h.AsSpan(z1.Length, z2.Length), nameof(z2));
            var rows = h.AsSpan(0, 2 * z1.Length);
            var s = similarities.AsSpan(0, anchors * anchors);
            Similarities(rows, rows, dimension, temperature, s);
            for (int a = 0; a < anchors; a++)
            {
                s[(a * anchors) + a] = double.NegativeInfinity;
                partners[a] = a < n ? a + n : a - n;
            }

            double loss = Math.Max(0.0, CrossEntropyLoss.FromLogits(s, anchors, partners.AsSpan(0, anchors)).Value);
            return new InfoNceResult(logBase.FromNats(loss), logBase.FromNats(Math.Log(anchors - 1) - loss), n, logBase.Unit);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(h);
            ArrayPool<double>.Shared.Return(similarities);
            ArrayPool<int>.Shared.Return(partners);
        }
    }

    /// <summary>sᵢⱼ = aᵢ·bⱼ / τ for unit rows aᵢ of <paramref name="a"/> and bⱼ of <paramref name="b"/>, rows in parallel.</summary>
    private static void Similarities(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int dimension, double temperature, Span<double> destination)
    {
        int rows = a.Length / dimension, columns = b.Length / dimension;
        unsafe
        {
            fixed (double* aPointer = a)
            fixed (double* bPointer = b)
            fixed (double* sPointer = destination)
            {
                nint aAddress = (nint)aPointer, bAddress = (nint)bPointer, sAddress = (nint)sPointer;
                LogitGuard.ForEachRow(rows, columns * dimension, i =>
                {
                    var ai = new ReadOnlySpan<double>((double*)aAddress + ((long)i * dimension), dimension);
                    var row = new Span<double>((double*)sAddress + ((long)i * columns), columns);
                    for (int j = 0; j < columns; j++)
                    {
                        row[j] = TensorPrimitives.Dot(ai, new ReadOnlySpan<double>((double*)bAddress + ((long)j * dimension), dimension)) / temperature;
                    }
                });
            }
        }
    }

    private static InfoNceResult Core<T>(ReadOnlySpan<T> z1, ReadOnlySpan<T> z2, int dimension, double temperature, bool symmetric, LogBase logBase)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameLength(z1, z2, nameof(z1), nameof(z2));
        int n = LogitGuard.Rows(z1.Length, dimension, nameof(z1), nameof(dimension));
        LogitGuard.Temperature(temperature);
        double[] u = ArrayPool<double>.Shared.Rent(z1.Length);
        double[] v = ArrayPool<double>.Shared.Rent(z1.Length);
        double[] similarities = ArrayPool<double>.Shared.Rent(n * n);
        try
        {
            UnitRows(z1, dimension, u.AsSpan(0, z1.Length), nameof(z1));
            UnitRows(z2, dimension, v.AsSpan(0, z2.Length), nameof(z2));
            var s = similarities.AsSpan(0, n * n);
            Similarities(u.AsSpan(0, z1.Length), v.AsSpan(0, z2.Length), dimension, temperature, s);

            int[] diagonal = ArrayPool<int>.Shared.Rent(n);
            try
            {
                var targets = diagonal.AsSpan(0, n);
                for (int i = 0; i < n; i++)
                {
                    targets[i] = i;
                }

                double loss = CrossEntropyLoss.FromLogits(s, n, targets).Value;
                if (symmetric)
                {
                    Transpose(s, n);
                    loss = (loss + CrossEntropyLoss.FromLogits(s, n, targets).Value) / 2;
                }

                loss = Math.Max(0.0, loss);
                return new InfoNceResult(logBase.FromNats(loss), logBase.FromNats(Math.Log(n) - loss), n, logBase.Unit);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(diagonal);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(u);
            ArrayPool<double>.Shared.Return(v);
            ArrayPool<double>.Shared.Return(similarities);
        }
    }

    /// <summary>Each row divided by its Euclidean norm, in double; a zero row is rejected naming it.</summary>
    private static void UnitRows<T>(ReadOnlySpan<T> rows, int dimension, Span<double> destination, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows.Length; i++)
        {
            destination[i] = ElementLoss.Finite(rows[i], paramName, i);
        }

        for (int start = 0; start < rows.Length; start += dimension)
        {
            var row = destination.Slice(start, dimension);
            double largest = Math.Abs(TensorPrimitives.MaxMagnitude(row));
            if (largest == 0.0)
            {
                throw new ArgumentException($"{paramName} row {start / dimension} has zero norm; its cosine similarity is undefined.", paramName);
            }

            // Scaling by the largest entry first keeps the sum of squares from overflowing (1e200) or underflowing (1e-200).
            TensorPrimitives.Divide(row, largest, row);
            TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row);
        }
    }

    private static void Transpose(Span<double> square, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                (square[(i * n) + j], square[(j * n) + i]) = (square[(j * n) + i], square[(i * n) + j]);
            }
        }
    }
}
