namespace Shannon.Losses;

/// <summary>The options of <see cref="CrossEntropyLoss"/>, named and defaulted as in <c>torch.nn.functional.cross_entropy</c>.</summary>
public sealed record CrossEntropyOptions
{
    private readonly ReadOnlyMemory<double> _classWeights;
    private readonly bool _hasClassWeights;

    /// <summary>The default options: no class weights, ignore index −100, no smoothing, T = 1, mean reduction.</summary>
    public static CrossEntropyOptions Default { get; } = new();

    /// <summary>One weight w_c ≥ 0 per class (PyTorch <c>weight</c>); empty for none (every w_c = 1).</summary>
    public ReadOnlyMemory<double> ClassWeights
    {
        get => _classWeights;
        init
        {
            _classWeights = value;
            _hasClassWeights = !value.IsEmpty;
        }
    }

    /// <summary>Rows whose target class is this index count for nothing (PyTorch <c>ignore_index</c>, default −100); index targets only.</summary>
    public int IgnoreIndex { get; init; } = -100;

    /// <summary>ε ∈ [0, 1]: the target becomes (1 − ε)·target + ε/C (PyTorch <c>label_smoothing</c>).</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>T &gt; 0: the loss is computed on z / T; the gradient is still with respect to z.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>How the rows are combined; <see cref="LossReduction.Mean"/> by default.</summary>
    public LossReduction Reduction { get; init; } = LossReduction.Mean;

    /// <summary>
    /// The class weights as a span, empty when there are none without asking the memory for its span: the runtime does
    /// not precompile <c>ReadOnlyMemory&lt;double&gt;.Span</c>, which would make the default options' first loss jit it.
    /// </summary>
    internal ReadOnlySpan<double> Weights => _hasClassWeights ? _classWeights.Span : default;

    /// <summary>Also split the loss into H(target) + KL(target ‖ softmax(z / T)); requires no class weights.</summary>
    public bool Decompose { get; init; }
}
