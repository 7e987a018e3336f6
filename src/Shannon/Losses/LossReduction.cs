namespace Shannon.Losses;

/// <summary>How per-row losses are combined, with PyTorch's meanings.</summary>
public enum LossReduction
{
    /// <summary>The weighted mean: Σᵢ ℓᵢ / Σᵢ wᵢ over the rows that count (PyTorch <c>'mean'</c>).</summary>
    Mean,

    /// <summary>The sum Σᵢ ℓᵢ (PyTorch <c>'sum'</c>).</summary>
    Sum,

    /// <summary>No reduction: one loss per row (PyTorch <c>'none'</c>).</summary>
    None,
}
