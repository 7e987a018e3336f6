namespace Shannon.Losses;

/// <summary>How <see cref="KlDivLoss"/> combines its element-wise terms, with PyTorch's meanings.</summary>
public enum KlDivReduction
{
    /// <summary>The sum over all elements divided by the number of rows N (PyTorch <c>'batchmean'</c>): the mean KL per row, the KL divergence itself.</summary>
    BatchMean,

    /// <summary>The sum over all elements (PyTorch <c>'sum'</c>).</summary>
    Sum,

    /// <summary>The sum divided by the number of elements N·C (PyTorch <c>'mean'</c>, its default): the KL per row divided by C, not a KL divergence.</summary>
    Mean,

    /// <summary>No reduction: one term per element (PyTorch <c>'none'</c>).</summary>
    None,
}
