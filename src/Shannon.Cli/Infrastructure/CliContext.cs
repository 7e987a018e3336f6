namespace Shannon.Cli;

/// <summary>The streams a command reads and writes; tests pass string readers and writers.</summary>
/// <param name="In">Standard input, read when an input argument is <c>-</c>.</param>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: errors, warnings and progress.</param>
internal sealed record CliContext(TextReader In, TextWriter Out, TextWriter Error);
