using Shannon.Language;

namespace Shannon.Cli.Commands;

/// <summary>What one source of token scores gave <c>shannon perplexity</c>: the documents and any extra results.</summary>
/// <param name="Documents">The scored documents.</param>
/// <param name="Model">A label for the model or source.</param>
/// <param name="HasText">Do the documents hold real text (else bytes, characters and words are not reported)?</param>
internal sealed record PerplexityRun(IReadOnlyList<ScoredText> Documents, string Model, bool HasText = true)
{
    /// <summary>Extra JSON fields after the report's.</summary>
    public List<KeyValuePair<string, object?>> Fields { get; } = [];

    /// <summary>Extra human lines after the report's.</summary>
    public List<string> Lines { get; } = [];

    /// <summary>The model has a closed vocabulary (an n-gram model), so its out-of-vocabulary count is always reported.</summary>
    public bool ClosedVocabulary { get; init; }
}
