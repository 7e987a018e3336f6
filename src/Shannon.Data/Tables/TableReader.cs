using System.Text;

namespace Shannon.Data.Tables;

/// <summary>
/// Reads a CSV or Parquet file into a <see cref="ColumnTable"/> through embedded DuckDB: header and type
/// inference, column selection, numeric/categorical detection with per-column overrides, and a missing-value policy.
/// </summary>
public static class TableReader
{
    /// <summary>Reads the selected columns of a CSV (.csv, .tsv, optionally gzipped) or Parquet file.</summary>
    /// <param name="path">The file; its extension chooses the format. CSV files must have a header row. The path is literal: glob characters name themselves.</param>
    /// <param name="options">Column selection, kind overrides and missing-value policy; defaults when null.</param>
    /// <returns>The table, with rows that the policy drops removed and counted in <see cref="ColumnTable.Dropped"/>.</returns>
    /// <exception cref="ArgumentException">Unknown extension; an unknown column in <paramref name="options"/>; a column in two override lists.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot parse the file, a <c>.gz</c> file is truncated or corrupt ("truncated gzip: …"), a forced-numeric column holds text, a forced-boolean column holds another value, or no row survives the missing-value policy.</exception>
    /// <remarks>
    /// <para>Kinds: number types (integers, DECIMAL, FLOAT, DOUBLE) are <see cref="ColumnKind.Numeric"/>; everything else
    /// is <see cref="ColumnKind.Categorical"/>, held as text exactly as written: CSV sniffing infers only integers,
    /// floating point and text, so "yes"/"no", "t"/"f" and dates stay text (<see cref="TableReadOptions.Boolean"/>
    /// asks for booleans). A categorical column is held as one <see cref="int"/> code per row plus its distinct names,
    /// never as a one-hot matrix. Category names are sorted ordinally, so codes do not depend on row order.</para>
    /// <para>Missing values, the one policy: a cell is missing when it is empty (SQL NULL), or NaN or ±∞ in a numeric
    /// column, or a null token (<c>NA</c>, <c>N/A</c>, <c>n/a</c>, <c>#N/A</c>, <c>#NA</c>, <c>&lt;NA&gt;</c>, <c>NULL</c>,
    /// <c>null</c>, <c>None</c>; exactly as written, pandas' defaults without the NaN spellings) in a CSV column
    /// whose other cells are all numbers: such a column is numeric, not text. In a column with any other text, "NA" is
    /// text like the rest (it may be a value: Namibia's country code), and a column read as text or bool keeps its tokens. A row with a missing cell in a numeric column is dropped; a row with an empty cell in a categorical
    /// column is dropped under <see cref="MissingValuePolicy.DropRows"/> and keeps a "missing" category under
    /// <see cref="MissingValuePolicy.OwnCategory"/>. Every dropped row is counted, with each column's missing cells by
    /// reason, in <see cref="ColumnTable.Dropped"/>.</para>
    /// <para>Paths are literal: glob characters (<c>*</c>, <c>?</c>, <c>[</c>) in the name are matched as themselves.</para>
    /// </remarks>
    public static ColumnTable Read(string path, TableReadOptions? options = null)
    {
        options ??= new TableReadOptions();
        using var connection = TableSource.Connect();
        var source = TableSource.Open(connection, path, nameof(path), [.. options.Categorical, .. options.Boolean]);
        var plan = ColumnPlan.Resolve(source, options);
        string sql = SelectQuery(source, plan);
        bool dropEmptyText = options.MissingValues == MissingValuePolicy.DropRows;
        bool keepCells = options.MissingValues == MissingValuePolicy.KeepCells;

        var numbers = plan.Select(p => p.Kind == ColumnKind.Numeric ? new List<double>() : null).ToArray();
        var labels = plan.Select(p => p.Kind == ColumnKind.Categorical ? new CategoryCoder() : null).ToArray();
        var missing = new long[plan.Count, 4];
        int[] tokenFlag = TokenFlags(source, plan);
        var rowNumbers = new double[plan.Count];
        var rowLabels = new string?[plan.Count];
        long read = 0;
        long dropped = 0;
        TableSource.Run(path, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                read++;
                bool drop = false;
                for (int c = 0; c < plan.Count; c++)
                {
                    if (reader.IsDBNull(c))
                    {
                        if (numbers[c] is not null || dropEmptyText || keepCells)
                        {
                            bool token = tokenFlag[c] >= 0 && !reader.IsDBNull(tokenFlag[c]) && reader.GetBoolean(tokenFlag[c]);
                            missing[c, (int)(token ? MissingReason.NullToken : MissingReason.Empty)]++;
                            drop |= !keepCells;
                        }

                        rowNumbers[c] = double.NaN;
                        rowLabels[c] = null;
                    }
                    else if (numbers[c] is not null)
                    {
                        double value = reader.GetDouble(c);
                        if (!double.IsFinite(value))
                        {
                            missing[c, (int)(double.IsNaN(value) ? MissingReason.NotANumber : MissingReason.Infinite)]++;
                            drop |= !keepCells;
                        }

                        rowNumbers[c] = value;
                    }
                    else
                    {
                        string text = reader.GetString(c);
                        rowLabels[c] = plan[c].Boolean ? Boolean(text, plan[c].Name, path, read) : text;
                    }
                }

                if (drop)
                {
                    dropped++;
                    continue;
                }

                for (int c = 0; c < plan.Count; c++)
                {
                    if (numbers[c] is { } list)
                    {
                        list.Add(rowNumbers[c]);
                    }
                    else
                    {
                        labels[c]!.Add(rowLabels[c]);
                    }
                }
            }
        });

        var columns = new TableColumn[plan.Count];
        var cells = new List<MissingCells>();
        for (int c = 0; c < plan.Count; c++)
        {
            columns[c] = numbers[c] is { } list
                ? TableColumn.Numeric(plan[c].Name, [.. list])
                : labels[c]!.ToColumn(plan[c].Name);
            if (plan[c].Boolean)
            {
                columns[c] = columns[c].As("bool");
            }
            else if (options.Times && columns[c].Kind == ColumnKind.Categorical && !options.Categorical.Contains(plan[c].Name) && !options.Labels.Contains(plan[c].Name)
                && (keepCells || columns[c].Categories.All(name => name is not null)))
            {
                columns[c] = TimeText.TryRead(columns[c]) ?? columns[c];
            }

            var counted = new MissingCells(plan[c].Name, missing[c, 0], missing[c, 1], missing[c, 2], missing[c, 3]);
            if (counted.Total > 0)
            {
                cells.Add(counted);
            }
        }

        var table = new ColumnTable(columns) { Dropped = new DroppedRows(read, dropped, cells) };
        if (table.RowCount == 0)
        {
            throw new InvalidDataException(read == 0
                ? $"'{path}' has no rows."
                : $"'{path}' has no rows left after the missing-value policy {options.MissingValues}: {table.Dropped.Describe()}.");
        }

        return table;
    }

    /// <summary>The file's columns in order with the kind each would be read as (no overrides), from the schema only.</summary>
    /// <param name="path">The file (.csv, .tsv or .parquet).</param>
    /// <returns>Column name → kind, in file order.</returns>
    /// <exception cref="ArgumentException">Unknown extension.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot read the file, or a <c>.gz</c> file is truncated or corrupt.</exception>
    /// <remarks>Reads only the header (CSV: DuckDB's type sniffing sample; Parquet: the footer), not the rows; a <c>.gz</c> file is decompressed once, streaming, to check that it is whole.</remarks>
    public static OrderedDictionary<string, ColumnKind> ColumnKinds(string path) => ColumnKinds(path, new TableReadOptions());

    /// <summary>The file's columns in order with the kind each would be read as under <paramref name="options"/>' overrides, from the schema only.</summary>
    /// <param name="path">The file (.csv, .tsv or .parquet).</param>
    /// <param name="options">The kind overrides (<see cref="TableReadOptions.Categorical"/>, <see cref="TableReadOptions.Numeric"/>, <see cref="TableReadOptions.Boolean"/>); the selection is ignored.</param>
    /// <returns>Column name → kind, in file order.</returns>
    /// <exception cref="ArgumentException">Unknown extension, an override naming an unknown column, or a column in two override lists.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot read the file, or a <c>.gz</c> file is truncated or corrupt.</exception>
    public static OrderedDictionary<string, ColumnKind> ColumnKinds(string path, TableReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var connection = TableSource.Connect();
        var source = TableSource.Open(connection, path, nameof(path), [.. options.Categorical, .. options.Boolean]);
        var kinds = new OrderedDictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var plan in ColumnPlan.Resolve(source, options with { Columns = null }))
        {
            kinds.TryAdd(plan.Name, plan.Kind);
        }

        return kinds;
    }

    /// <summary>
    /// SELECT with casts per kind; aliases c0, c1… keep hostile names out of the rest of the query. Every row comes back:
    /// the missing-value policy runs as the rows stream in, so each drop is counted. A null-token column adds a flag
    /// after the plan's columns that tells a token from an empty field.
    /// </summary>
    private static string SelectQuery(TableSource source, IReadOnlyList<ColumnPlan> plan)
    {
        var select = new StringBuilder("SELECT ");
        for (int c = 0; c < plan.Count; c++)
        {
            string type = plan[c].Kind == ColumnKind.Numeric ? "DOUBLE" : "VARCHAR";
            select.Append(c == 0 ? string.Empty : ", ").Append($"CAST({source.CellExpression(plan[c].Name)} AS {type}) AS c{c}");
        }

        for (int c = 0; c < plan.Count; c++)
        {
            if (source.NullTokenColumns.Contains(plan[c].Name))
            {
                select.Append($", {TableSource.NullTokenTest(plan[c].Name)} AS n{c}");
            }
        }

        return select.Append(" FROM ").Append(source.RawFromClause).ToString();
    }

    /// <summary>For each planned column, the reader index of its null-token flag (<see cref="SelectQuery"/>), or −1.</summary>
    private static int[] TokenFlags(TableSource source, IReadOnlyList<ColumnPlan> plan)
    {
        var flags = new int[plan.Count];
        int next = plan.Count;
        for (int c = 0; c < plan.Count; c++)
        {
            flags[c] = source.NullTokenColumns.Contains(plan[c].Name) ? next++ : -1;
        }

        return flags;
    }

    /// <summary>A boolean column's value as the category <c>true</c> or <c>false</c>.</summary>
    private static string Boolean(string text, string column, string path, long row) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "t" or "yes" or "y" or "1" => "true",
        "false" or "f" or "no" or "n" or "0" => "false",
        _ => throw new InvalidDataException(
            $"'{path}' column '{column}' (read as bool) has '{(text.Length > 40 ? text[..37] + "..." : text)}' in data row {row}; a bool column holds true/false, yes/no, t/f, y/n or 1/0."),
    };
}
