using Shannon.Data.Tables;
using Shannon.Estimators.Discrete;

namespace Shannon.Cli.Commands;

/// <summary>
/// Columns of a data file gathered for the estimators: numeric columns as a row-major table, any columns as one
/// label per row (a tuple of several columns becomes one joint label). Rows can be re-selected (bootstrap) or
/// reordered (permutation) without reading the file again.
/// </summary>
internal sealed class SampleTable
{
    private SampleTable(IReadOnlyList<TableColumn> columns, string option)
    {
        Columns = columns;
        Option = option;
        Rows = columns[0].Length;
    }

    /// <summary>The columns, in the order given.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The option that named them (<c>--x</c>, <c>--column</c>), for messages.</summary>
    public string Option { get; }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>Are all columns numeric?</summary>
    public bool IsNumeric => Columns.All(c => c.Kind == ColumnKind.Numeric);

    /// <summary>Reads the named columns of one or more variables from a data file (or stdin, <c>-</c>) in one pass; missing values drop the row.</summary>
    public static SampleTable[] Read(CliContext context, string path, params (string Option, string? Names)[] variables)
    {
        var names = variables.Select(v => Split(v.Names, v.Option)).ToArray();
        var table = TableReader.Read(CliInput.FilePath(context, path, "DATA", InputFormat.Table), new TableReadOptions { Columns = names.SelectMany(n => n).Distinct().ToArray() });
        return variables.Select((v, i) => new SampleTable(names[i].Select(name => table[name]).ToArray(), v.Option)).ToArray();
    }

    /// <summary>Reads every column of the file or stdin (used when a command takes the only column by default).</summary>
    public static TableColumn[] ReadAll(CliContext context, string path) => [.. TableReader.Read(CliInput.FilePath(context, path, "DATA", InputFormat.Table)).Columns];

    /// <summary>Wraps already-read columns.</summary>
    public static SampleTable Of(IReadOnlyList<TableColumn> columns, string option) => new(columns, option);

    /// <summary>The numeric columns as a row-major table of the given rows (all rows when null).</summary>
    public double[] Numbers(int[]? rows = null)
    {
        var notNumeric = Columns.FirstOrDefault(c => c.Kind != ColumnKind.Numeric);
        if (notNumeric is not null)
        {
            throw new UsageException($"column '{notNumeric.Name}' ({Option}) is not numeric; this estimator needs numbers (use a discrete estimator such as plugin, or ross for a label column).");
        }

        int width = Columns.Count;
        int count = rows?.Length ?? Rows;
        var table = new double[count * width];
        for (int c = 0; c < width; c++)
        {
            ReadOnlySpan<double> values = Columns[c].Values;
            for (int r = 0; r < count; r++)
            {
                table[(r * width) + c] = values[rows is null ? r : rows[r]];
            }
        }

        return table;
    }

    /// <summary>One label per row: the category code or the number itself for one column, a joint code for several.</summary>
    public long[] Labels(int[]? rows = null)
    {
        int count = rows?.Length ?? Rows;
        var labels = new long[count];
        foreach (var column in Columns)
        {
            long[] codes = ColumnCodes(column, out long distinct);
            for (int r = 0; r < count; r++)
            {
                labels[r] = checked((labels[r] * distinct) + codes[rows is null ? r : rows[r]]);
            }
        }

        return labels;
    }

    /// <summary>Each numeric column binned by <paramref name="binning"/> (over the given rows), label columns as they are, several columns combined into one joint label.</summary>
    public long[] BinnedLabels(Estimators.Continuous.Binning binning, int[]? rows = null)
    {
        int count = rows?.Length ?? Rows;
        var labels = new long[count];
        var bins = new int[count];
        for (int c = 0; c < Columns.Count; c++)
        {
            var single = Of([Columns[c]], Option);
            if (!single.IsNumeric)
            {
                // A label column needs no bins: its labels join the tuple as they are.
                long[] codes = single.Labels(rows);
                for (int r = 0; r < count; r++)
                {
                    labels[r] = checked((labels[r] * Math.Max(1, Columns[c].CategoryCount)) + codes[r]);
                }

                continue;
            }

            int binCount = binning.Assign(single.Numbers(rows), bins);
            for (int r = 0; r < count; r++)
            {
                labels[r] = checked((labels[r] * binCount) + bins[r]);
            }
        }

        return labels;
    }

    /// <summary>The columns' names joined with commas.</summary>
    public string Names => string.Join(",", Columns.Select(c => c.Name));

    private static long[] ColumnCodes(TableColumn column, out long distinct)
    {
        if (column.Kind == ColumnKind.Categorical)
        {
            distinct = Math.Max(1, column.CategoryCount);
            return column.Codes.ToArray().Select(c => (long)c).ToArray();
        }

        var map = new Dictionary<double, long>();
        ReadOnlySpan<double> values = column.Values;
        var codes = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (!map.TryGetValue(values[i], out long code))
            {
                code = map.Count;
                map.Add(values[i], code);
            }

            codes[i] = code;
        }

        distinct = Math.Max(1, map.Count);
        return codes;
    }

    private static string[] Split(string? names, string option)
    {
        string[] parts = (names ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new UsageException($"{option} needs at least one column name.");
        }

        return parts;
    }
}
