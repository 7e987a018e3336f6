namespace Shannon.Cli;

/// <summary>
/// Standard output held back until the command has succeeded: a command that fails half-way prints nothing on stdout
/// (its one error line goes to stderr), so a result is never half a JSON object or a table cut short.
/// </summary>
/// <param name="target">The real standard output, written on success.</param>
internal sealed class CommandOutput(TextWriter target) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    /// <summary>The writer the output goes to once the command succeeds (used to decide on colour).</summary>
    public TextWriter Target { get; } = target;

    /// <summary>Writes what was held back to <see cref="Target"/>.</summary>
    public void Release()
    {
        Target.Write(ToString());
        Target.Flush();
    }
}
