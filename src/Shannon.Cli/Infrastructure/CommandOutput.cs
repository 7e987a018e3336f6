using System.Text;

namespace Shannon.Cli;

/// <summary>
/// Standard output held back until the command has succeeded: a command that fails half-way prints nothing on stdout
/// (its one error line goes to stderr), so a result is never half a JSON object or a table cut short. Text the command
/// writes reaches the terminal with its control characters shown (<see cref="Visible"/>): a column name, class label or
/// token read from a user's file cannot move the cursor, recolour or retitle the terminal. Only the terminal console's
/// own colour codes, written through <see cref="Raw"/>, pass as they are.
/// </summary>
/// <param name="target">The real standard output, written on success.</param>
internal sealed class CommandOutput(TextWriter target) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    private readonly List<(int Start, int End)> _raw = [];

    /// <summary>The writer the output goes to once the command succeeds (used to decide on colour).</summary>
    public TextWriter Target { get; } = target;

    /// <summary>
    /// A writer into the same output whose text is kept as written, for the terminal console's colour codes; whatever
    /// it writes from the user's data must already be shown with <see cref="Visible"/>.
    /// </summary>
    public TextWriter Raw => field ??= new RawWriter(this);

    /// <summary>Writes what was held back to <see cref="Target"/>.</summary>
    public void Release()
    {
        Target.Write(Shown());
        Target.Flush();
    }

    /// <summary>The output as it is released: control characters outside <see cref="Raw"/>'s text shown.</summary>
    public string Shown()
    {
        string text = ToString();
        var shown = new StringBuilder(text.Length);
        int at = 0;
        foreach (var (start, end) in _raw)
        {
            shown.Append(Visible(text[at..start], keepLineBreaks: true)).Append(text, start, end - start);
            at = end;
        }

        return shown.Append(Visible(text[at..], keepLineBreaks: true)).ToString();
    }

    /// <summary>
    /// <paramref name="text"/> with every control character written as <c>\uXXXX</c> (ESC as <c>\u001b</c>), so that
    /// it prints as what it is; with <paramref name="keepLineBreaks"/>, line feeds, tabs and CR LF pairs are kept.
    /// </summary>
    public static string Visible(string text, bool keepLineBreaks = false)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool kept = !char.IsControl(c)
                || (keepLineBreaks && (c is '\n' or '\t' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')));
            if (kept)
            {
                shown.Append(c);
            }
            else
            {
                shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return shown.ToString();
    }

    /// <summary>Appends to the held output and marks what it appended as kept.</summary>
    private sealed class RawWriter(CommandOutput output) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => output.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            var builder = output.GetStringBuilder();
            int start = builder.Length;
            builder.Append(value);
            var marks = output._raw;
            if (marks.Count > 0 && marks[^1].End == start)
            {
                marks[^1] = (marks[^1].Start, builder.Length);
            }
            else
            {
                marks.Add((start, builder.Length));
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    }
}
