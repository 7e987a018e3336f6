namespace Shannon.Language.LogProbs;

/// <summary>A line of a log-probability JSONL file that is not valid JSON or does not have the expected shape.</summary>
public sealed class LogProbFormatException : FormatException
{
    /// <summary>Creates the exception for a line.</summary>
    /// <param name="source">The file's name (or another label of the input).</param>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <param name="problem">What is wrong with the line.</param>
    /// <param name="inner">The parser's exception, if any.</param>
    /// <param name="field">The JSON path of the offending field (e.g. <c>choices[0].logprobs.content[2].logprob</c>), when one field is at fault.</param>
    public LogProbFormatException(string source, int lineNumber, string problem, Exception? inner = null, string? field = null)
        : base($"{source} line {lineNumber}: {problem}", inner)
    {
        LineNumber = lineNumber;
        Field = field;
    }

    /// <summary>The 1-based number of the offending line.</summary>
    public int LineNumber { get; }

    /// <summary>The JSON path of the offending field, e.g. <c>choices[0].logprobs.content[2].logprob</c>; null when the
    /// problem is not one field's (no response in the line, a token missing from its alternatives).</summary>
    public string? Field { get; }
}
