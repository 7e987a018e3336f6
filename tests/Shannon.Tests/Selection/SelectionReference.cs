using System.Globalization;
using System.Text.Json;

namespace Shannon.Tests.Selection;

/// <summary>scikit-learn's values from References/selection_reference.json and the data sets they were computed on.</summary>
internal static class SelectionReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "References", "selection_reference.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    /// <summary>A data set: feature names, row-major features, the target column as text.</summary>
    public static (string[] Names, double[] X, string[] Target) Load(string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", file));
        string[] header = lines[0].Split(',');
        int columns = header.Length - 1;
        var x = new double[(lines.Length - 1) * columns];
        var target = new string[lines.Length - 1];
        for (int r = 1; r < lines.Length; r++)
        {
            string[] cells = lines[r].Split(',');
            for (int c = 0; c < columns; c++)
            {
                x[((r - 1) * columns) + c] = double.Parse(cells[c], CultureInfo.InvariantCulture);
            }

            target[r - 1] = cells[columns];
        }

        return (header[..columns], x, target);
    }

    /// <summary>Class codes in ordinal order of the labels (numpy.unique's order for these labels).</summary>
    public static int[] Codes(string[] labels, out int classCount)
    {
        string[] classes = [.. labels.Distinct().Order(StringComparer.Ordinal)];
        classCount = classes.Length;
        return [.. labels.Select(l => Array.IndexOf(classes, l))];
    }
}
