using System.Globalization;
using Shannon.Data.Npy;

namespace Shannon.Cli.Commands;

/// <summary>Reads the loss command's inputs: tables (.npy or CSV rows), class indices and weight vectors.</summary>
internal static class LossInputs
{
    /// <summary>
    /// An N×C table held as float (from float16/float32 .npy) or as double (float64 .npy or CSV); a 1-D .npy of N values
    /// is N×1 and keeps its shape for the gradient file.
    /// </summary>
    internal sealed record Table(int Rows, int Classes, float[]? Singles, double[]? Doubles)
    {
        /// <summary>The shape a gradient of this table is written with: the .npy's own (1-D or 2-D), else rows × columns.</summary>
        public int[] Shape { get; init; } = [Rows, Classes];

        /// <summary>The number of values.</summary>
        public int Length => Rows * Classes;

        /// <summary>The values as double (widened from float when needed).</summary>
        public double[] AsDoubles() => Doubles ?? Array.ConvertAll(Singles!, v => (double)v);

        /// <summary>The values as float (rounded from double when needed).</summary>
        public float[] AsSingles() => Singles ?? Array.ConvertAll(Doubles!, v => (float)v);
    }

    /// <summary>The cross-entropy's N×C logits (a 2-D array or CSV rows).</summary>
    public static Table ReadLogits(string path) => ReadTable(path, "--logits", twoDimensional: true);

    /// <summary>A 1-D or 2-D floating-point .npy, or CSV rows of numbers.</summary>
    /// <param name="path">The file (stdin already spooled).</param>
    /// <param name="name">The option's name for messages.</param>
    /// <param name="twoDimensional">Whether a 1-D .npy is refused (the input must be N×C).</param>
    public static Table ReadTable(string path, string name, bool twoDimensional)
    {
        if (IsNpy(path))
        {
            var array = NpyFile.Read(path);
            if (!array.IsFloatingPoint || array.Shape.Length > 2 || (twoDimensional && array.Shape.Length != 2))
            {
                string wanted = twoDimensional ? "a 2-D floating-point array (N×C)" : "a 1-D or 2-D floating-point array (N or N×C)";
                throw new InvalidDataException($"{name} {Path.GetFileName(path)} must be {wanted}; it is {array.Type} with shape ({string.Join(", ", array.Shape)}).");
            }

            return array.Type == NpyType.Float64
                ? new Table(array.Rows, array.Columns, null, array.ToDouble()) { Shape = array.Shape }
                : new Table(array.Rows, array.Columns, array.ToSingle(), null) { Shape = array.Shape };
        }

        var (rows, columns, values) = ReadCsv(path, name);
        return new Table(rows, columns, null, values);
    }

    /// <summary>Checks that <paramref name="table"/> has the shape of <paramref name="reference"/>.</summary>
    /// <exception cref="InvalidDataException">The shapes differ (the message names both options).</exception>
    public static void SameShape(Table reference, string referenceName, Table table, string name)
    {
        if (table.Rows != reference.Rows || table.Classes != reference.Classes)
        {
            throw new InvalidDataException($"{name} is {table.Rows}×{table.Classes} but {referenceName} is {reference.Rows}×{reference.Classes}; they must have the same shape.");
        }
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

        var lines = Data.Files.TextFile.ReadAllText(path, "--targets").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
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

    /// <summary>
    /// A vector of weights: a floating-point .npy of any shape (flattened, row-major), a file of numbers, an inline list
    /// (<c>1,2,3</c>) or <c>-</c> for stdin.
    /// </summary>
    public static double[] ReadVector(string argument, string name, CliContext context)
    {
        if (IsNpy(argument) && File.Exists(argument))
        {
            var array = NpyFile.Read(argument);
            if (!array.IsFloatingPoint)
            {
                throw new InvalidDataException($"{name} {Path.GetFileName(argument)} holds {array.Type}; weights must be floating-point.");
            }

            return array.ToDouble();
        }

        return NumberList.Read(argument, name, context);
    }

    private static bool IsNpy(string path) => path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase);

    private static (int Rows, int Columns, double[] Values) ReadCsv(string path, string name)
    {
        var values = new List<double>();
        int rows = 0;
        int columns = -1;
        foreach (string raw in Data.Files.TextFile.ReadAllText(path, name).Split('\n'))
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
