namespace Shannon.Language.LogProbs;

/// <summary>A response field with the wrong kind or value; <see cref="LogProbReader"/> turns it into a
/// <see cref="LogProbFormatException"/> that names the file, the line and this field.</summary>
/// <param name="field">The field's JSON path, e.g. <c>choices[0].logprobs.content[2].logprob</c>.</param>
/// <param name="message">What is wrong, naming the field and the value found.</param>
internal sealed class JsonFieldException(string field, string message) : FormatException(message)
{
    /// <summary>The field's JSON path.</summary>
    public string Field { get; } = field;
}
