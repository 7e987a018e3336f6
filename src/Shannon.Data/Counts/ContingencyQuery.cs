using System.Text;
using Shannon.Data.Tables;
using Shannon.Measures;

namespace Shannon.Data.Counts;

/// <summary>
/// Feature-by-target contingency counts computed inside a SQL engine with GROUP BY, so the rows never enter
/// memory: run here through embedded DuckDB, or printed (<see cref="Sql"/>) for Spark SQL or Trino and read
/// back from the counts table they produce (<see cref="ReadCountsFile"/>).
/// </summary>
/// <remarks>
/// The counts table is long: columns <c>feature</c> (the feature's name), <c>value</c> (its value as text),
/// the target column (under its own name, as text) and <c>count</c>; one row per non-empty cell of each
/// feature's table. A "wide" counts table (one column per variable and <c>count</c>, as from
/// <c>GROUP BY</c> over all variables) is accepted too and summed down to the per-feature tables. Missing cells are
/// left out pairwise: a feature's table counts the rows where the feature and the target are both present, as
/// <c>shannon features DATA</c> scores, so the SQL route and the direct route give one answer.
/// </remarks>
public static class ContingencyQuery
{
    private static readonly string[] ReservedNames = ["feature", "value", "count"];

    /// <summary>The aggregation query: one GROUP BY per feature over (feature, target), joined with UNION ALL.</summary>
    /// <param name="path">The data file (.csv, .tsv or .parquet); it becomes the CTE <c>data</c> at the top of the query.</param>
    /// <param name="target">The target column.</param>
    /// <param name="features">The feature columns; at least one.</param>
    /// <param name="missing">
    /// DropRows leaves out, in each feature's GROUP BY, the rows where that feature or the target is missing
    /// (pairwise-complete, as <c>shannon features DATA</c> scores); OwnCategory keeps NULL as a value.
    /// </param>
    /// <param name="text">Columns read as text (<c>--discrete</c>, <c>--types COL=text</c>): their "NA" and "nan" are values.</param>
    /// <returns>Standard SQL (a WITH clause, CAST, GROUP BY, UNION ALL, WHERE) with every name and path quoted.</returns>
    /// <exception cref="ArgumentException">No features, an unknown extension, or the target is named <c>feature</c>, <c>value</c> or <c>count</c>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot read the file's header, or a <c>.gz</c> file is truncated or corrupt.</exception>
    /// <remarks>
    /// The file's schema is read (not its rows) so the query reads cells as <see cref="TableReader.Read"/> does: a null
    /// token (<c>NA</c>, <c>N/A</c>, …) in a column of numbers is NULL, and in a floating-point column NaN and ±∞ are
    /// missing (<c>isfinite</c>; Trino spells it <c>is_finite</c>). To run it elsewhere, replace the <c>data</c> CTE's
    /// <c>read_…(…)</c> call with the engine's table name.
    /// </remarks>
    public static string Sql(string path, string target, IReadOnlyList<string> features, MissingValuePolicy missing = MissingValuePolicy.DropRows, IReadOnlyCollection<string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireFeatures(features);
        RejectReserved(target);
        using var connection = TableSource.Connect();
        var source = TableSource.Open(connection, path, nameof(path), text);
        return Build(source.FromClause, target, features, Present(source, missing, text), "count(*)");
    }

    /// <summary>Counts each feature against the target inside DuckDB, streaming the file.</summary>
    /// <param name="path">The data file (.csv, .tsv or .parquet).</param>
    /// <param name="target">The target column.</param>
    /// <param name="features">The feature columns; null for every column except the target.</param>
    /// <param name="missing">The missing-value policy (pairwise-complete deletion or NULL as a category).</param>
    /// <returns>
    /// The tables, features in the given order. Under DropRows, <see cref="TargetContingencies.Dropped"/> counts as dropped
    /// the rows without a target value (they leave every table) and lists each column's missing cells; a feature's own
    /// missing cells leave only its table.
    /// </returns>
    /// <exception cref="ArgumentException">An unknown column, no features, or a reserved target name.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot read the file, a <c>.gz</c> file is truncated or corrupt, or no row survives.</exception>
    /// <remarks>Every column is counted by its value as text, so numeric columns count as discrete. The query is <see cref="Sql"/>'s.</remarks>
    public static TargetContingencies Count(string path, string target, IReadOnlyList<string>? features = null, MissingValuePolicy missing = MissingValuePolicy.DropRows)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = TableSource.Connect();
        var source = TableSource.Open(connection, path, nameof(path));
        var names = source.Schema.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        RequireColumn(names, target, nameof(target));
        features ??= [.. source.Schema.Select(s => s.Name).Where(n => n != target)];
        foreach (string feature in features)
        {
            RequireColumn(names, feature, nameof(features));
        }

        RequireFeatures(features);
        RejectReserved(target);
        string sql = Build(source.FromClause, target, features, Present(source, missing, null), "count(*)");
        var dropped = missing == MissingValuePolicy.DropRows ? CountDropped(connection, source, target, [.. features.Append(target).Distinct()]) : null;
        var tables = Collect(connection, path, sql, target, features, dropMissing: false, out _);
        return dropped is null ? tables : tables with { Dropped = dropped };
    }

    /// <summary>
    /// Under DropRows, the condition that a column's cell is present: not NULL and, in a floating-point column not read
    /// as text, finite; null under OwnCategory (no filter).
    /// </summary>
    private static Func<string, string>? Present(TableSource source, MissingValuePolicy missing, IReadOnlyCollection<string>? text)
    {
        if (missing != MissingValuePolicy.DropRows)
        {
            return null;
        }

        var floats = source.Schema.Where(s => IsFloat(s.Type) && text?.Contains(s.Name) != true).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return column => floats.Contains(column)
            ? $"{SqlText.Identifier(column)} IS NOT NULL AND isfinite({SqlText.Identifier(column)})"
            : $"{SqlText.Identifier(column)} IS NOT NULL";
    }

    private static bool IsFloat(string type) => type.ToUpperInvariant() is "DOUBLE" or "FLOAT" or "REAL";

    /// <summary>Counts, in one scan, the rows without a target value and each column's missing cells by reason (empty, NaN, ±∞, null token).</summary>
    private static DroppedRows CountDropped(DuckDB.NET.Data.DuckDBConnection connection, TableSource source, string target, IReadOnlyList<string> columns)
    {
        var floats = source.Schema.Where(s => IsFloat(s.Type)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        string Missing(string column) => floats.Contains(column)
            ? $"{source.CellExpression(column)} IS NULL OR NOT isfinite({source.CellExpression(column)})"
            : $"{source.CellExpression(column)} IS NULL";
        var sql = new StringBuilder($"SELECT count(*), count(*) FILTER (WHERE {Missing(target)})");
        foreach (string column in columns)
        {
            string cell = source.CellExpression(column);
            sql.Append($", count(*) FILTER (WHERE {SqlText.Identifier(column)} IS NULL)");
            sql.Append(floats.Contains(column) ? $", count(*) FILTER (WHERE isnan({cell})), count(*) FILTER (WHERE isinf({cell}))" : ", 0, 0");
            sql.Append(source.NullTokenColumns.Contains(column) ? $", count(*) FILTER (WHERE {TableSource.NullTokenTest(column)})" : ", 0");
        }

        sql.Append(" FROM ").Append(source.RawFromClause);
        DroppedRows result = DroppedRows.None;
        TableSource.Run(source.Path, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql.ToString();
            using var reader = command.ExecuteReader();
            reader.Read();
            var cells = new List<MissingCells>();
            for (int c = 0; c < columns.Count; c++)
            {
                int at = 2 + (4 * c);
                var counted = new MissingCells(columns[c], reader.GetInt64(at), reader.GetInt64(at + 1), reader.GetInt64(at + 2), reader.GetInt64(at + 3));
                if (counted.Total > 0)
                {
                    cells.Add(counted);
                }
            }

            result = new DroppedRows(reader.GetInt64(0), reader.GetInt64(1), cells);
        });
        return result;
    }

    /// <summary>Reads a counts table (long or wide, see the class remarks) back into per-feature tables.</summary>
    /// <param name="path">The counts file (.csv, .tsv or .parquet).</param>
    /// <param name="target">The target column's name in the counts table.</param>
    /// <param name="missing">DropRows drops cells whose value or class is NULL (pairwise); OwnCategory keeps them.</param>
    /// <returns>The tables, features in ordinal name order.</returns>
    /// <exception cref="ArgumentException">No <c>count</c> column, no target column, or a reserved target name.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">Unreadable file, a NULL, negative, non-integer or NaN count, a count past 2^63 − 1, a feature whose counts are all 0 or sum past 2^63 − 1, or no cells.</exception>
    /// <remarks>Rows with a count of 0 are empty cells and add nothing; a feature with no positive count has no observation, and is an error rather than a NaN score.</remarks>
    public static TargetContingencies ReadCountsFile(string path, string target, MissingValuePolicy missing = MissingValuePolicy.DropRows)
    {
        ArgumentNullException.ThrowIfNull(target);
        RejectReserved(target);
        using var connection = TableSource.Connect();
        var source = TableSource.Open(connection, path, nameof(path));
        var names = source.Schema.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        RequireColumn(names, "count", nameof(path));
        RequireColumn(names, target, nameof(target));
        bool dropMissing = missing == MissingValuePolicy.DropRows;
        RequireWholeCounts(connection, source.FromClause, path);
        if (names.Contains("feature") && names.Contains("value"))
        {
            string sql = $"SELECT CAST(feature AS VARCHAR), CAST(value AS VARCHAR), CAST({SqlText.Identifier(target)} AS VARCHAR), CAST(\"count\" AS BIGINT) FROM {source.FromClause}";
            var tables = Collect(connection, path, sql, target, null, dropMissing, out var dropped);
            return tables with { Dropped = dropped };
        }

        string[] features = [.. source.Schema.Select(s => s.Name).Where(n => n != target && n != "count").Order(StringComparer.Ordinal)];
        string wide = Build(source.FromClause, target, features, null, "CAST(sum(\"count\") AS BIGINT)");
        var wideTables = Collect(connection, path, wide, target, features, dropMissing, out var wideDropped);
        return wideTables with { Dropped = wideDropped };
    }

    /// <summary>
    /// Refuses a count that is not a whole number: the counts are read as BIGINT, and a cast would round 2.5 to an integer
    /// without a word, changing the table the scores come from.
    /// </summary>
    private static void RequireWholeCounts(DuckDB.NET.Data.DuckDBConnection connection, string fromClause, string path)
    {
        string? fractional = null;
        TableSource.Run(path, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT CAST(\"count\" AS VARCHAR) FROM {fromClause} WHERE TRY_CAST(\"count\" AS DOUBLE) IS NOT NULL AND isfinite(CAST(\"count\" AS DOUBLE)) AND CAST(\"count\" AS DOUBLE) <> floor(CAST(\"count\" AS DOUBLE)) LIMIT 1";
            using var reader = command.ExecuteReader();
            fractional = reader.Read() ? reader.GetString(0) : null;
        });
        if (fractional is not null)
        {
            throw new InvalidDataException($"'{path}' has a count that is not a whole number ({fractional}); counts are numbers of rows.");
        }

        // A count past 2^63 - 1 (or NaN) read as a DOUBLE cannot be cast to BIGINT: refuse it by name, not by DuckDB's cast error.
        string? beyond = null;
        TableSource.Run(path, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT CAST(\"count\" AS VARCHAR) FROM {fromClause} WHERE TRY_CAST(\"count\" AS DOUBLE) IS NOT NULL AND TRY_CAST(\"count\" AS BIGINT) IS NULL LIMIT 1";
            using var reader = command.ExecuteReader();
            beyond = reader.Read() ? reader.GetString(0) : null;
        });
        if (beyond is not null)
        {
            // DuckDB prints the value as 1e+30, -1e+30, inf or nan.
            throw new InvalidDataException(beyond.Contains("nan", StringComparison.OrdinalIgnoreCase) ? $"'{path}' has a count that is not a number ({beyond}); counts are numbers of rows."
                : beyond.TrimStart().StartsWith('-') ? $"'{path}' has a negative count {beyond}."
                : $"'{path}' has a count of {beyond}, more than 2^63 - 1 = 9223372036854775807; counts are held as 64-bit integers, and a table's total must fit in one.");
        }
    }

    /// <summary>The counting query over <paramref name="fromClause"/>; <paramref name="present"/> (when given) filters each GROUP BY to the rows where its feature and the target are present.</summary>
    private static string Build(string fromClause, string target, IReadOnlyList<string> features, Func<string, string>? present, string countExpression)
    {
        RequireFeatures(features);
        RejectReserved(target);
        string y = SqlText.Identifier(target);
        var sql = new StringBuilder($"WITH data AS (SELECT * FROM {fromClause})\n");
        for (int f = 0; f < features.Count; f++)
        {
            string x = SqlText.Identifier(features[f]);
            string where = present is null ? string.Empty
                : features[f] == target ? $" WHERE {present(target)}"
                : $" WHERE {present(features[f])} AND {present(target)}";
            sql.Append(f == 0 ? string.Empty : "UNION ALL\n")
               .Append($"SELECT {SqlText.Literal(features[f])} AS feature, CAST({x} AS VARCHAR) AS value, CAST({y} AS VARCHAR) AS {y}, {countExpression} AS \"count\" FROM data{where} GROUP BY {x}, {y}\n");
        }

        return sql.ToString().TrimEnd('\n');
    }

    private static void RequireFeatures(IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException("features is empty; count at least one feature.", nameof(features));
        }
    }

    private static TargetContingencies Collect(DuckDB.NET.Data.DuckDBConnection connection, string path, string sql, string target, IReadOnlyList<string>? order, bool dropMissing, out DroppedRows dropped)
    {
        long rowsRead = 0, rowsDropped = 0, emptyValues = 0, emptyClasses = 0;
        var byFeature = new Dictionary<string, CellList>(StringComparer.Ordinal);
        var onlyZeros = new SortedSet<string>(StringComparer.Ordinal);
        var classes = new CategoryCoder();
        int cell = 0;
        TableSource.Run(path, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rowsRead++;
                if (reader.IsDBNull(0) || reader.IsDBNull(3))
                {
                    throw new InvalidDataException($"'{path}' has a counts row without a feature name or count.");
                }

                string? value = reader.IsDBNull(1) ? null : reader.GetString(1);
                string? label = reader.IsDBNull(2) ? null : reader.GetString(2);
                if (dropMissing && (value is null || label is null))
                {
                    rowsDropped++;
                    emptyValues += value is null ? 1 : 0;
                    emptyClasses += label is null ? 1 : 0;
                    continue;
                }

                long count = reader.GetInt64(3);
                if (count < 0)
                {
                    throw new InvalidDataException($"'{path}' has a negative count {count}.");
                }

                string feature = reader.GetString(0);
                if (count == 0)
                {
                    // An empty cell adds nothing to any table; a feature with nothing but empty cells is reported below.
                    onlyZeros.Add(feature);
                    continue;
                }

                if (!byFeature.TryGetValue(feature, out var cells))
                {
                    cells = new CellList();
                    byFeature.Add(feature, cells);
                }

                cells.Add(cell++, value, count);
                classes.Add(label);
            }
        });
        var cells = new List<MissingCells>();
        if (emptyValues > 0)
        {
            cells.Add(new MissingCells("value", emptyValues, 0, 0));
        }

        if (emptyClasses > 0)
        {
            cells.Add(new MissingCells(target, emptyClasses, 0, 0));
        }

        dropped = new DroppedRows(rowsRead, rowsDropped, cells);
        onlyZeros.ExceptWith(byFeature.Keys);
        if (onlyZeros.Count > 0)
        {
            throw new InvalidDataException($"'{path}' gives feature '{onlyZeros.Min}' only zero counts: there is no observation to score it from.");
        }

        if (cell == 0)
        {
            throw new InvalidDataException($"'{path}' gives no counts for target '{target}'.");
        }

        var classColumn = classes.ToColumn(target);
        int[] classCodes = classColumn.Codes.ToArray();
        var features = (order ?? [.. byFeature.Keys.Order(StringComparer.Ordinal)])
            .Where(byFeature.ContainsKey)
            .Select(name => Table(path, name, byFeature[name], classCodes, classColumn.CategoryCount));
        return new TargetContingencies(target, classColumn.Categories, [.. features]);
    }

    /// <summary>One feature's table, an overflowing total named by the file and the feature.</summary>
    private static FeatureContingency Table(string path, string feature, CellList cells, int[] classCodes, int classCount)
    {
        try
        {
            return cells.ToContingency(feature, classCodes, classCount);
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"'{path}': the counts of feature '{feature}' sum past 2^63 - 1 = {long.MaxValue}; a table's total must fit in a 64-bit integer.");
        }
    }

    private static void RejectReserved(string target)
    {
        if (ReservedNames.Contains(target, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The target may not be named '{target}': the counts table uses that name for its own column.", nameof(target));
        }
    }

    private static void RequireColumn(HashSet<string> names, string name, string paramName)
    {
        if (!names.Contains(name))
        {
            throw new ArgumentException($"There is no column '{name}'; the file has: {string.Join(", ", names)}.", paramName);
        }
    }

    /// <summary>One feature's cells as they arrive: global cell index, value label, count.</summary>
    private sealed class CellList
    {
        private readonly List<int> cellIndices = [];
        private readonly List<long> counts = [];
        private readonly CategoryCoder values = new();

        public void Add(int cellIndex, string? value, long count)
        {
            cellIndices.Add(cellIndex);
            values.Add(value);
            counts.Add(count);
        }

        public FeatureContingency ToContingency(string name, ReadOnlySpan<int> classCodes, int classCount)
        {
            var valueColumn = values.ToColumn(name);
            var columns = new int[cellIndices.Count];
            for (int i = 0; i < columns.Length; i++)
            {
                columns[i] = classCodes[cellIndices[i]];
            }

            return new FeatureContingency(name, valueColumn.Categories, ContingencyTable.FromCells(valueColumn.CategoryCount, classCount, valueColumn.Codes, columns, [.. counts]));
        }
    }
}
