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
/// N pairs certifies at most log N nats. SimCLR's NT-Xent also counts the 2N − 2 same-view pairs as negatives; this form
/// does not. Each row goes through <see cref="CrossEntropyLoss"/> (max-shifted, double sums); the N×N similarity matrix
/// is held in pooled memory.
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
    public static InfoNceResult Compute(ReadOnlySpan<double> z1, ReadOnlySpan<double> z2, int dimension, double temperature = 0.07, bool symmetric = true, LogBase logBase = default) =>
        Core(z1, z2, dimension, temperature, symmetric, logBase);

    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, int, double, bool, LogBase)"/>
    public static InfoNceResult Compute(ReadOnlySpan<float> z1, ReadOnlySpan<float> z2, int dimension, double temperature = 0.07, bool symmetric = true, LogBase logBase = default) =>
        Core(z1, z2, dimension, temperature, symmetric, logBase);

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
            LogitGuard.ForEachRow(n, n * dimension, i =>
            {
                var ui = u.AsSpan(i * dimension, dimension);
                var row = similarities.AsSpan(i * n, n);
                for (int j = 0; j < n; j++)
                {
                    row[j] = TensorPrimitives.Dot(ui, v.AsSpan(j * dimension, dimension)) / temperature;
                }
            });
            var s = similarities.AsSpan(0, n * n);

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
