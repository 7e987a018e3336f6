using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Shannon.Losses;

/// <summary>
/// A batch of embeddings ready for <see cref="ContrastiveKernel{T}"/>: the rows as used in the similarities
/// (divided by their norms for cosine similarity) with a row stride padded to whole panels, the same rows packed as
/// transposed panels of <see cref="ContrastiveKernel{T}.PanelWidth"/> rows each, and the inverse norms the gradient
/// needs. Memory comes from <see cref="ArrayPool{T}"/> and goes back on <see cref="Dispose"/>.
/// </summary>
internal sealed class ContrastiveRows<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private ContrastiveRows(int count, int dimension, bool cosine)
    {
        Count = count;
        Dimension = dimension;
        Stride = (dimension + ContrastiveKernel<T>.PanelWidth - 1) / ContrastiveKernel<T>.PanelWidth * ContrastiveKernel<T>.PanelWidth;
        PanelCount = (count + ContrastiveKernel<T>.PanelWidth - 1) / ContrastiveKernel<T>.PanelWidth;
        Values = ArrayPool<T>.Shared.Rent(count * Stride);
        Panels = ArrayPool<T>.Shared.Rent(PanelCount * dimension * ContrastiveKernel<T>.PanelWidth);
        InverseNorms = cosine ? ArrayPool<double>.Shared.Rent(count) : null;
    }

    /// <summary>The number of rows.</summary>
    internal int Count { get; }

    /// <summary>D, the embedding dimension.</summary>
    internal int Dimension { get; }

    /// <summary>The row stride of <see cref="Values"/>: D rounded up to whole panels, the padding zero.</summary>
    internal int Stride { get; }

    /// <summary>The number of packed panels: Count / <see cref="ContrastiveKernel{T}.PanelWidth"/>, rounded up.</summary>
    internal int PanelCount { get; }

    /// <summary>Count × <see cref="Stride"/> values: the rows (unit rows for cosine similarity).</summary>
    internal T[] Values { get; }

    /// <summary>
    /// Panel p holds rows p·W … p·W + W − 1 (W = <see cref="ContrastiveKernel{T}.PanelWidth"/>) transposed: entry k·W + j is
    /// coordinate k of row p·W + j, zero past the last row.
    /// </summary>
    internal T[] Panels { get; }

    /// <summary>1/‖zᵢ‖ of each input row for cosine similarity; null for the dot product.</summary>
    internal double[]? InverseNorms { get; }

    /// <summary>Checks every entry is finite and, for cosine similarity, that no row is all zero; names the parameter, index or row.</summary>
    internal static void Check(ReadOnlySpan<T> rows, int dimension, bool cosine, string paramName)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            ElementLoss.Finite(rows[i], paramName, i);
        }

        if (!cosine)
        {
            return;
        }

        for (int start = 0; start < rows.Length; start += dimension)
        {
            if (T.IsZero(TensorPrimitives.MaxMagnitude(rows.Slice(start, dimension))))
            {
                throw new ArgumentException($"{paramName} row {start / dimension} has zero norm; its cosine similarity is undefined.", paramName);
            }
        }
    }

    /// <summary>Prepares checked rows: divided by their norms (computed in double, scaled by the largest entry first) for cosine similarity.</summary>
    internal static ContrastiveRows<T> From(ReadOnlySpan<T> rows, int dimension, bool cosine)
    {
        int count = rows.Length / dimension;
        var prepared = new ContrastiveRows<T>(count, dimension, cosine);
        var values = prepared.Values.AsSpan(0, count * prepared.Stride);
        values.Clear();
        for (int i = 0; i < count; i++)
        {
            var source = rows.Slice(i * dimension, dimension);
            var target = values.Slice(i * prepared.Stride, dimension);
            if (!cosine)
            {
                source.CopyTo(target);
                continue;
            }

            // Scaling by the largest entry first keeps the sum of squares from overflowing (1e200) or underflowing (1e-200).
            double largest = double.CreateTruncating(T.Abs(TensorPrimitives.MaxMagnitude(source)));
            double squares = 0.0;
            foreach (T v in source)
            {
                double scaled = double.CreateTruncating(v) / largest;
                squares += scaled * scaled;
            }

            double norm = Math.Sqrt(squares);
            for (int k = 0; k < dimension; k++)
            {
                target[k] = T.CreateTruncating(double.CreateTruncating(source[k]) / largest / norm);
            }

            prepared.InverseNorms![i] = 1.0 / largest / norm;
        }

        int width = ContrastiveKernel<T>.PanelWidth;
        var panels = prepared.Panels.AsSpan(0, prepared.PanelCount * dimension * width);
        panels.Clear();
        for (int i = 0; i < count; i++)
        {
            var row = values.Slice(i * prepared.Stride, dimension);
            var panel = panels.Slice(i / width * dimension * width);
            int j = i % width;
            for (int k = 0; k < dimension; k++)
            {
                panel[(k * width) + j] = row[k];
            }
        }

        return prepared;
    }

    /// <summary>
    /// Turns the gradient with respect to the used rows (row r of <paramref name="used"/>, stride <see cref="Stride"/>) into the
    /// gradient with respect to input row <paramref name="row"/>: unchanged for the dot product, (g − ẑ(ẑ·g))/‖z‖ for cosine.
    /// </summary>
    internal void BackToInput(int row, ReadOnlySpan<T> used, Span<T> destination)
    {
        if (InverseNorms is null)
        {
            used[..Dimension].CopyTo(destination);
            return;
        }

        var unit = Values.AsSpan(row * Stride, Dimension);
        double along = 0.0;
        for (int k = 0; k < Dimension; k++)
        {
            along += double.CreateTruncating(unit[k]) * double.CreateTruncating(used[k]);
        }

        double inverse = InverseNorms[row];
        for (int k = 0; k < Dimension; k++)
        {
            destination[k] = T.CreateTruncating((double.CreateTruncating(used[k]) - (double.CreateTruncating(unit[k]) * along)) * inverse);
        }
    }

    /// <summary>Returns the pooled arrays.</summary>
    public void Dispose()
    {
        ArrayPool<T>.Shared.Return(Values);
        ArrayPool<T>.Shared.Return(Panels);
        if (InverseNorms is not null)
        {
            ArrayPool<double>.Shared.Return(InverseNorms);
        }
    }
}
