using System.Globalization;

namespace Shannon.Cli;

/// <summary>
/// Reads a matrix file: one row per line, numbers separated by commas, semicolons or whitespace; lines starting
/// with <c>#</c> are skipped, a blank line before the last row is refused with its number (blank lines at the end
/// are the end of the file); every row must have the same number of entries.
/// </summary>
internal static class NumberTable
{
    private static readonly char[] Separators = [',', ' ', '\t', ';'];

    /// <param name="path">The file, or <c>-</c> for standard input.</param>
    /// <param name="name">The option's name for error messages (<c>--joint</c>).</param>
    /// <param name="context">Supplies standard input.</param>
    /// <returns>The entries row-major, with the number of rows and columns.</returns>
    public static (double[] Values, int Rows, int Columns) Read(string path, string name, CliContext context)
    {
        string text = CliInput.ReadAllText(context, path, name);
        var values = new List<double>();
        int rows = 0;
        int columns = -1;
        string[] lines = text.Split('\n');
        int end = LastNonBlank(lines) + 1;
        for (int line = 0; line < end; line++)
        {
            string trimmed = lines[line].Trim();
            if (trimmed.Length == 0)
            {
                throw BlankLine(name, line);
            }

            if (trimmed.StartsWith('#'))
            {
                continue;
            }

            string[] tokens = trimmed.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (columns >= 0 && tokens.Length != columns)
            {
                throw new InvalidDataException($"{name} line {line + 1} has {tokens.Length} entries but the first row has {columns}.");
            }

            columns = tokens.Length;
            foreach (string token in tokens)
            {
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    throw new InvalidDataException($"{name} line {line + 1} has '{NumberList.Escape(token)}', which is not a number.");
                }

                values.Add(value);
            }

            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidDataException($"{name} has no rows of numbers.");
        }

        return (values.ToArray(), rows, columns);
    }

    /// <summary>The index of the last line that is not blank, or -1: blank lines after it are the end of the file.</summary>
    public static int LastNonBlank(string[] lines)
    {
        int last = lines.Length - 1;
        while (last >= 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        return last;
    }

    /// <summary>
    /// The refusal of a blank line before the last row: each line is one row, and a row left out would pair every
    /// later row with its neighbour's label (or shift a matrix), so it is never skipped silently.
    /// </summary>
    public static InvalidDataException BlankLine(string name, int line) =>
        new($"{name} line {line + 1} is blank: each line is one row, so a blank line inside the data would shift the rows after it; delete it or fill it in.");
}
