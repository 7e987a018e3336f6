namespace Shannon.Cli;

/// <summary>The streams a command reads and writes; tests pass string readers and writers.</summary>
/// <param name="In">Standard input as text, read when an input argument is <c>-</c>.</param>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: errors, warnings and progress.</param>
internal sealed record CliContext(TextReader In, TextWriter Out, TextWriter Error)
{
    // Shared by reference with every copy made by 'with' (CliApp gives commands a copy whose stdout is held back),
    // so the stdin bookkeeping and the notes a command leaves are seen through the caller's context too.
    private readonly State _state = new();

    /// <summary>Standard input as bytes, for inputs spooled to a file (.npy, Parquet); null means <see cref="In"/> encoded as UTF-8.</summary>
    public Func<Stream>? OpenStandardInput { get; init; }

    /// <summary>Standard output as bytes, for binary results written to <c>-</c> (<c>compress -o -</c>); null where only text output exists.</summary>
    public Func<Stream>? OpenStandardOutput { get; init; }

    /// <summary>
    /// Whether long commands print plain progress lines on <see cref="Error"/>: null (the default) decides by the stream,
    /// lines only when it is the process's standard error redirected to a file or pipe; tests set it.
    /// </summary>
    public bool? ProgressLines { get; init; }

    /// <summary>The least time between two plain progress lines (and before the first, so short work prints none).</summary>
    public TimeSpan ProgressLineInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The argument that read standard input, if one did (see <see cref="CliInput"/>).</summary>
    internal string? StdinTakenBy { get => _state.StdinTakenBy; set => _state.StdinTakenBy = value; }

    /// <summary>The output option writing to standard output (<c>-o -</c>), if one does: the command's summary then goes to stderr.</summary>
    internal string? StdoutTakenBy { get => _state.StdoutTakenBy; set => _state.StdoutTakenBy = value; }

    /// <summary>The private directory holding standard input spooled to a file, deleted when the command ends.</summary>
    internal string? Spool { get => _state.Spool; set => _state.Spool = value; }

    /// <summary>The spooled file, named <c>stdin</c> in messages.</summary>
    internal string? SpoolFile { get => _state.SpoolFile; set => _state.SpoolFile = value; }

    /// <summary>The warnings and notes a command left for stderr, in order.</summary>
    public IReadOnlyList<string> Notes => _state.Notes;

    /// <summary>
    /// Leaves one line for stderr (a warning, or a count of dropped rows). <see cref="CliApp"/> prints the lines after a
    /// command succeeds and drops them when it fails, so a failure is always exactly one line on stderr.
    /// </summary>
    /// <param name="line">The whole line, e.g. <c>warning: …</c>.</param>
    public void Note(string line) => _state.Notes.Add(CliApp.OneLine(line));

    /// <summary>The column types asked for with <c>--types</c>, applied to every table the command reads.</summary>
    internal Data.Tables.TableReadOptions TableTypes { get => _state.TableTypes; set => _state.TableTypes = value; }

    /// <summary>What the missing-value policy dropped from the table the command read, if it read one.</summary>
    internal Data.Tables.DroppedRows? RowsDropped { get => _state.RowsDropped; set => _state.RowsDropped = value; }

    private sealed class State
    {
        public string? StdinTakenBy { get; set; }

        public string? StdoutTakenBy { get; set; }

        public string? Spool { get; set; }

        public string? SpoolFile { get; set; }

        public List<string> Notes { get; } = [];

        public Data.Tables.TableReadOptions TableTypes { get; set; } = new();

        public Data.Tables.DroppedRows? RowsDropped { get; set; }
    }
}
