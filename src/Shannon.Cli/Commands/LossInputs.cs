using System.Globalization;
using Shannon.Data.Npy;

namespace Shannon.Cli.Commands;

/// <summary>Reads the loss command's inputs: logits and probability tables (.npy or CSV rows) and class indices.</summary>
internal static class LossInputs
{
    /// <summary>An N×C table held as float (from float16/float32 .npy) or as double (float64 .npy or CSV).</summary>
    internal sealed record Table(int Rows, int Classes, float[]? Singles, double[]? Doubles);

    public static Table ReadLogits(string path)
    {
        if (IsNpy(path))
        {
            var array = NpyFile.Read(path);
            if (array.Shape.Length != 2 || !array.IsFloatingPoint)
            {
                throw new InvalidDataException($"--logits {Path.GetFileName(path)} must be a 2-D floating-point array (N×C); it is {array.Type} with shape ({string.Join(", ", array.Shape)}).");
            }

            return array.Type == NpyType.Float64
                ? new Table(array.Rows, array.Columns, null, array.ToDouble())
                : new Table(array.Rows, array.Columns, array.ToSingle(), null);
        }

        var (rows, columns, values) = ReadCsv(path, "--logits");
        return new Table(rows, columns, null, values);
    }

    public static double[] ReadProbabilities(string path, Table logits)
    {
        double[] values;
        int rows;
        int columns;
        if (IsNpy(path))
        {
            var array = NpyFile.Read(path);
            if (!array.IsFloatingPoint)
            {
                throw new InvalidDataException($"--targets {Path.GetFileName(path)} holds {array.Type}; --target-probs needs floating-point rows.");
            }

            (rows, columns, values) = (array.Rows, array.Columns, array.ToDouble());
        }
        else
        {
            (rows, columns, values) = ReadCsv(path, "--targets");
        }

        if (rows != logits.Rows || columns != logits.Classes)
        {
            throw new InvalidDataException($"--targets is {rows}×{columns} but --logits is {logits.Rows}×{logits.Classes}.");
        }

        return values;
    }

    public static int[] ReadIndices(string path)
    {
        if (IsNpy(path))
        {
            var array = NpyFile.Read(path);
            if (array.Columns != 1 || array.IsFloatingPoint)
            {
                throw new InvalidDataException($"--targets {Path.GetFileName(path)} must be a vector of int32/int64 class indices; it is {array.Type} with shape ({string.Join(", ", array.Shape)}). Use --target-probs for probability rows.");
            }

            return array.ToInt32();
        }

        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var indices = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            if (!int.TryParse(lines[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out indices[i]))
            {
                throw new InvalidDataException($"--targets line {i + 1} is '{NumberList.Escape(lines[i])}', not a class index.");
            }
        }

        return indices;
    }

    private static bool IsNpy(string path) => path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase);

    private static (int Rows, int Columns, double[] Values) ReadCsv(string path, string name)
    {
        var values = new List<double>();
        int rows = 0;
        int columns = -1;
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            if (columns >= 0 && cells.Length != columns)
            {
                throw new InvalidDataException($"{name} row {rows + 1} has {cells.Length} values but row 1 has {columns}.");
            }

            columns = cells.Length;
            foreach (string cell in cells)
            {
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    throw new InvalidDataException($"{name} row {rows + 1} has '{NumberList.Escape(cell.Trim())}', which is not a number.");
                }

                values.Add(v);
            }

            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidDataException($"{name} {Path.GetFileName(path)} has no rows.");
        }

        return (rows, columns, values.ToArray());
    }
}
