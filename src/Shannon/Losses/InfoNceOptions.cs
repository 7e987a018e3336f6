namespace Shannon.Losses;

/// <summary>The options of <see cref="InfoNce.FromEmbeddings(ReadOnlySpan{float}, ReadOnlySpan{float}, int, InfoNceOptions, Span{double}, Span{float}, Span{float})"/>.</summary>
public sealed record InfoNceOptions
{
    /// <summary>The default options: τ = 0.07, dot product, one direction (queries → keys), mean reduction.</summary>
    public static InfoNceOptions Default { get; } = new();

    /// <summary>τ &gt; 0, finite: the similarities are divided by it; 0.07 by default (CLIP's initial value).</summary>
    public double Temperature { get; init; } = 0.07;

    /// <summary>
    /// Cosine similarity (each row divided by its norm first, as <c>F.normalize</c>) instead of the dot product of the rows as
    /// given; false by default (the rows are used as given, as MoCo and CPC do with embeddings their model already normalised).
    /// </summary>
    public bool Cosine { get; init; }

    /// <summary>Average the queries → keys loss with the keys → queries loss (CLIP's symmetric form); false by default.</summary>
    public bool Symmetric { get; init; }

    /// <summary>How the N per-pair losses are combined; <see cref="LossReduction.Mean"/> by default.</summary>
    public LossReduction Reduction { get; init; } = LossReduction.Mean;
}
