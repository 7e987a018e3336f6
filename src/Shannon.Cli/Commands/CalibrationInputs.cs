using System.Globalization;
using Shannon.Data.Npy;

namespace Shannon.Cli.Commands;

/// <summary>
/// The inputs of <c>shannon calibration</c>: the PROBS table (a memory-mapped .npy, or CSV/text rows) and the LABELS
/// (a .npy of integers, or one integer per line); standard input reaches these readers spooled to a file by
/// <see cref="CliInput.FilePath"/>.
/// </summary>
internal sealed class CalibrationInputs : IDisposable
{
    private NpyMap? _map;

    private CalibrationInputs(int rows, int columns, bool vector)
    {
        Rows = rows;
        Columns = columns;
        IsVector = vector;
    }

    /// <summary>N.</summary>
    public int Rows { get; }

    /// <summary>C, or 1 for a vector of positive-class values.</summary>
    public int Columns { get; }

    /// <summary>True when PROBS holds one value per row: binary input.</summary>
    public bool IsVector { get; }

    /// <summary>The values when they are float32 in a .npy file (mapped, not copied).</summary>
    public ReadOnlySpan<float> Singles => _map is { Type: NpyType.Float32 } map ? map.Singles : default;

    /// <summary>The values when they are float64 (mapped) or text.</summary>
    public ReadOnlySpan<double> Doubles => _map is { Type: NpyType.Float64 } map ? map.Doubles : TextValues;

    /// <summary>True when the values are float32.</summary>
    public bool IsSingle => _map is { Type: NpyType.Float32 };

    private double[] TextValues { get; init; } = [];

    /// <summary>Opens PROBS: .npy float32/float64 of shape (N, C) or (N,), else text rows separated by commas or whitespace.</summary>
    public static CalibrationInputs Open(string path, CliContext context)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            var map = NpyFile.Map(path);
            try
            {
                if (map.Type is not (NpyType.Float32 or NpyType.Float64))
                {
                    throw new InvalidDataException($"PROBS {Path.GetFileName(path)} holds {map.Type}; float32 or float64 is needed.");
                }

                if (map.Rows == 0)
                {
                    throw new InvalidDataException($"PROBS {Path.GetFileName(path)} has no rows.");
                }

                if (map.Columns == 0)
                {
                    throw new InvalidDataException($"PROBS {Path.GetFileName(path)} has shape ({string.Join(", ", map.Shape)}): no class columns; give (N, C) class probabilities with C ≥ 2, or (N,) positive-class probabilities.");
                }

                bool vector = map.Shape.Length == 1 || map.Columns == 1;
                return new CalibrationInputs(map.Rows, map.Columns, vector) { _map = map };
            }
            catch
            {
                map.Dispose();
                throw;
            }
        }

        var (values, rows, columns) = NumberTable.Read(path, "PROBS", context);
        return new CalibrationInputs(rows, columns, columns == 1) { TextValues = values };
    }

    /// <summary>Reads LABELS: a .npy vector of int32/int64, or one integer per line (a blank line before the last label is refused).</summary>
    public static int[] ReadLabels(string path, CliContext context)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            var array = NpyFile.Read(path);
            if (array.IsFloatingPoint || array.Columns != 1)
            {
                throw new InvalidDataException($"LABELS {Path.GetFileName(path)} must be a vector of int32/int64 class labels; it is {array.Type} with shape ({string.Join(", ", array.Shape)}).");
            }

            return array.ToInt32();
        }

        string text = CliInput.ReadAllText(context, path, "LABELS");
        var labels = new List<int>();
        string[] lines = text.Split('\n');
        int end = NumberTable.LastNonBlank(lines) + 1;
        for (int i = 0; i < end; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                throw NumberTable.BlankLine("LABELS", i);
            }

            if (!int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out int label))
            {
                throw new InvalidDataException($"LABELS line {i + 1} is '{NumberList.Escape(line)}', not an integer class label.");
            }

            labels.Add(label);
        }

        if (labels.Count == 0)
        {
            throw new InvalidDataException("LABELS has no labels.");
        }

        return labels.ToArray();
    }

    /// <summary>The positive-class values of a vector input, as double.</summary>
    public double[] VectorAsDoubles() => IsSingle ? Array.ConvertAll(Singles.ToArray(), v => (double)v) : Doubles.ToArray();

    public void Dispose() => _map?.Dispose();
}
