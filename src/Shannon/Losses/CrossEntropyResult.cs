namespace Shannon.Losses;

/// <summary>
/// A cross-entropy loss with what it was reduced from, so that batches can be combined exactly:
/// the mean over several batches is (Σ <see cref="Sum"/>) / (Σ <see cref="Weight"/>), which <see cref="Add"/> computes.
/// </summary>
/// <param name="Value">The reduced loss in nats: <see cref="Sum"/> / <see cref="Weight"/> for <see cref="LossReduction.Mean"/> (NaN when the weight is 0, as PyTorch gives), else <see cref="Sum"/>.</param>
/// <param name="Sum">Σᵢ ℓᵢ over the rows that count, in nats.</param>
/// <param name="Weight">The mean's denominator: Σᵢ w_{yᵢ} over non-ignored rows for index targets (the row count without class weights), the row count for probability targets.</param>
/// <param name="Count">The rows that counted (not ignored).</param>
/// <param name="Reduction">The reduction that produced <see cref="Value"/>.</param>
/// <param name="TargetEntropy">With <see cref="CrossEntropyOptions.Decompose"/>: H(target), reduced like the loss; else 0.</param>
public readonly record struct CrossEntropyResult(double Value, double Sum, double Weight, long Count, LossReduction Reduction, double TargetEntropy)
{
    /// <summary>With <see cref="CrossEntropyOptions.Decompose"/>: KL(target ‖ prediction) = <see cref="Value"/> − <see cref="TargetEntropy"/>, clamped at 0.</summary>
    public double KullbackLeibler => Math.Max(0.0, Value - TargetEntropy);

    /// <summary>The perplexity e^Value of a mean loss (the effective number of equally likely classes).</summary>
    public double Perplexity => Math.Exp(Value);

    /// <summary>Combines this batch's result with another's of the same reduction, exactly (sums and weights add).</summary>
    /// <param name="other">Another batch's result.</param>
    /// <returns>The result over both batches.</returns>
    /// <exception cref="ArgumentException">The reductions differ.</exception>
    public CrossEntropyResult Add(CrossEntropyResult other)
    {
        if (other.Reduction != Reduction)
        {
            throw new ArgumentException($"Cannot add a {other.Reduction} result to a {Reduction} result.", nameof(other));
        }

        double sum = Sum + other.Sum;
        double weight = Weight + other.Weight;
        double entropySum = Reduction == LossReduction.Mean
            ? (TargetEntropy * Weight) + (other.TargetEntropy * other.Weight)
            : TargetEntropy + other.TargetEntropy;
        return Reduction == LossReduction.Mean
            ? new(sum / weight, sum, weight, Count + other.Count, Reduction, weight > 0 ? entropySum / weight : 0.0)
            : new(sum, sum, weight, Count + other.Count, Reduction, entropySum);
    }
}
