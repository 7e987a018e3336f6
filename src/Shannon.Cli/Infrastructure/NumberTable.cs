using System.Globalization;

namespace Shannon.Cli;

/// <summary>
/// Reads a matrix file: one row per line, numbers separated by commas, semicolons or whitespace; blank lines
/// and lines starting with <c>#</c> are skipped; every row must have the same number of entries.
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
        for (int line = 0; line < lines.Length; line++)
        {
            string trimmed = lines[line].Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
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
}
