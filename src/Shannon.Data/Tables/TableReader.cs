using System.Text;

namespace Shannon.Data.Tables;

/// <summary>
/// Reads a CSV or Parquet file into a <see cref="ColumnTable"/> through embedded DuckDB: header and type
/// inference, column selection, numeric/categorical detection with per-column overrides, and a missing-value policy.
/// </summary>
public static class TableReader
{
    /// <summary>Reads the selected columns of a CSV (.csv, .tsv, optionally gzipped) or Parquet file.</summary>
    /// <param name="path">The file; its extension chooses the format. CSV files must have a header row.</param>
    /// <param name="options">Column selection, kind overrides and missing-value policy; defaults when null.</param>
    /// <returns>The table, with rows that the policy drops removed.</returns>
    /// <exception cref="ArgumentException">Unknown extension; an unknown column in <paramref name="options"/>; a column both forced numeric and categorical.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot parse the file, a forced-numeric column holds text, or no row survives the missing-value policy.</exception>
    /// <remarks>
    /// Kinds: number types (integers, DECIMAL, FLOAT, DOUBLE) are <see cref="ColumnKind.Numeric"/>; everything else
    /// (text, BOOLEAN, dates) is <see cref="ColumnKind.Categorical"/>, cast to text. A categorical column is held as
    /// one <see cref="int"/> code per row plus its distinct names, never as a one-hot matrix, so a column with a
    /// million categories costs one code per row. NaN in a numeric column counts as missing. Category names are
    /// sorted ordinally, so codes do not depend on row order. Paths with glob characters (<c>*</c>, <c>?</c>,
    /// <c>[</c>) are expanded by DuckDB as globs.
    /// </remarks>
    public static ColumnTable Read(string path, TableReadOptions? options = null)
    {
        options ??= new TableReadOptions();
        using var connection = TableSource.Connect();
        var source = TableSource.Open(connection, path, nameof(path));
        var plan = ColumnPlan.Resolve(source, options);
        string sql = SelectQuery(source, plan, options.MissingValues);

        var numbers = plan.Select(p => p.Kind == ColumnKind.Numeric ? new List<double>() : null).ToArray();
        var labels = plan.Select(p => p.Kind == ColumnKind.Categorical ? new CategoryCoder() : null).ToArray();
        TableSource.Run(path, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (int c = 0; c < plan.Count; c++)
                {
                    if (numbers[c] is { } list)
                    {
                        list.Add(reader.GetDouble(c));
                    }
                    else
                    {
                        labels[c]!.Add(reader.IsDBNull(c) ? null : reader.GetString(c));
                    }
                }
            }
        });

        var columns = new TableColumn[plan.Count];
        for (int c = 0; c < plan.Count; c++)
        {
            columns[c] = numbers[c] is { } list
                ? TableColumn.Numeric(plan[c].Name, [.. list])
                : labels[c]!.ToColumn(plan[c].Name);
        }

        var table = new ColumnTable(columns);
        if (table.RowCount == 0)
        {
            throw new InvalidDataException($"'{path}' has no rows left after the missing-value policy {options.MissingValues}.");
        }

        return table;
    }

    /// <summary>The file's columns in order with the kind each would be read as (no overrides), from the schema only.</summary>
    /// <param name="path">The file (.csv, .tsv or .parquet).</param>
    /// <returns>Column name → kind, in file order.</returns>
    /// <exception cref="ArgumentException">Unknown extension.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot read the file.</exception>
    /// <remarks>Reads only the header (CSV: DuckDB's type sniffing sample; Parquet: the footer), not the rows.</remarks>
    public static OrderedDictionary<string, ColumnKind> ColumnKinds(string path)
    {
        using var connection = TableSource.Connect();
        var source = TableSource.Open(connection, path, nameof(path));
        var kinds = new OrderedDictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var (name, type) in source.Schema)
        {
            kinds.TryAdd(name, TableSource.IsNumericType(type) ? ColumnKind.Numeric : ColumnKind.Categorical);
        }

        return kinds;
    }

    /// <summary>SELECT with casts per kind and the missing-value filter; aliases c0, c1… keep hostile names out of the outer query.</summary>
    private static string SelectQuery(TableSource source, IReadOnlyList<ColumnPlan> plan, MissingValuePolicy missing)
    {
        var select = new StringBuilder("SELECT ");
        var where = new List<string>();
        for (int c = 0; c < plan.Count; c++)
        {
            string type = plan[c].Kind == ColumnKind.Numeric ? "DOUBLE" : "VARCHAR";
            select.Append(c == 0 ? string.Empty : ", ").Append($"CAST({SqlText.Identifier(plan[c].Name)} AS {type}) AS c{c}");
            if (plan[c].Kind == ColumnKind.Numeric)
            {
                where.Add($"c{c} IS NOT NULL AND NOT isnan(c{c})");
            }
            else if (missing == MissingValuePolicy.DropRows)
            {
                where.Add($"c{c} IS NOT NULL");
            }
        }

        select.Append(" FROM ").Append(source.FromClause);
        string inner = select.ToString();
        return where.Count == 0 ? inner : $"SELECT * FROM ({inner}) WHERE {string.Join(" AND ", where)}";
    }
}
