namespace Shannon.Cli;

/// <summary>The streams a command reads and writes; tests pass string readers and writers.</summary>
/// <param name="In">Standard input as text, read when an input argument is <c>-</c>.</param>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: errors, warnings and progress.</param>
internal sealed record CliContext(TextReader In, TextWriter Out, TextWriter Error)
{
    private readonly List<string> _notes = [];

    /// <summary>Standard input as bytes, for inputs spooled to a file (.npy, Parquet); null means <see cref="In"/> encoded as UTF-8.</summary>
    public Func<Stream>? OpenStandardInput { get; init; }

    /// <summary>The argument that read standard input, if one did (see <see cref="CliInput"/>).</summary>
    internal string? StdinTakenBy { get; set; }

    /// <summary>The private directory holding standard input spooled to a file, deleted when the command ends.</summary>
    internal string? Spool { get; set; }

    /// <summary>The spooled file, named <c>stdin</c> in messages.</summary>
    internal string? SpoolFile { get; set; }

    /// <summary>The warnings and notes a command left for stderr, in order.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// Leaves one line for stderr (a warning, or a count of dropped rows). <see cref="CliApp"/> prints the lines after a
    /// command succeeds and drops them when it fails, so a failure is always exactly one line on stderr.
    /// </summary>
    /// <param name="line">The whole line, e.g. <c>warning: …</c>.</param>
    public void Note(string line) => _notes.Add(CliApp.OneLine(line));
}
