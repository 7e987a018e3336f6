using System.Data.Common;
using DuckDB.NET.Data;
using Shannon.Data.Files;

namespace Shannon.Data.Tables;

/// <summary>A CSV or Parquet file as a DuckDB table expression, with its inferred schema.</summary>
internal sealed class TableSource
{
    private TableSource(string path, string fromClause, IReadOnlyList<(string Name, string Type)> schema)
    {
        Path = path;
        FromClause = fromClause;
        Schema = schema;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The table function call that reads the file, e.g. <c>read_parquet('x.parquet')</c>.</summary>
    public string FromClause { get; }

    /// <summary>Column names and DuckDB type names, in file order.</summary>
    public IReadOnlyList<(string Name, string Type)> Schema { get; }

    /// <summary>Opens an in-memory DuckDB connection (no server, no file of its own).</summary>
    public static DuckDBConnection Connect()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The types CSV sniffing may infer: integers, floating point, and text. Booleans, dates and times are not
    /// candidates, so "yes"/"no", "t"/"f" or "2024-01-31" stay the text they are (a column is read as a boolean only
    /// when the caller asks, <see cref="TableReadOptions.Boolean"/>).
    /// </summary>
    private const string TypeCandidates = "auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR']";

    /// <summary>The table expression for a file, chosen by its extension (.csv, .tsv, .parquet; .gz allowed on text); the path is literal, never a glob.</summary>
    public static string FromClauseFor(string path, string paramName)
    {
        string lower = path.ToLowerInvariant();
        string literal = SqlText.PathLiteral(path);
        return lower.EndsWith(".parquet", StringComparison.Ordinal) ? $"read_parquet({literal})"
            : lower.EndsWith(".csv", StringComparison.Ordinal) || lower.EndsWith(".csv.gz", StringComparison.Ordinal)
                ? $"read_csv({literal}, header = true, {TypeCandidates})"
            : lower.EndsWith(".tsv", StringComparison.Ordinal) || lower.EndsWith(".tsv.gz", StringComparison.Ordinal)
                ? $"read_csv({literal}, header = true, delim = '\t', {TypeCandidates})"
            : throw new ArgumentException($"{paramName} '{path}' has an unknown extension; expected .csv, .tsv or .parquet.", paramName);
    }

    /// <summary>Checks the file, builds its table expression and reads its schema.</summary>
    /// <exception cref="ArgumentException">Unknown extension.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot read the file, or a <c>.gz</c> file is truncated or corrupt ("truncated gzip: …").</exception>
    public static TableSource Open(DuckDBConnection connection, string path, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, paramName);
        string fromClause = FromClauseFor(path, paramName);
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"{paramName} '{path}' does not exist.", path);
        }

        if (GzipCheck.IsGzipName(path))
        {
            // DuckDB's gzip reader analyses a cut stream as if it were whole; the file must be complete first.
            GzipCheck.VerifyComplete(full, path);
        }

        var schema = new List<(string, string)>();
        Run(path, () =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DESCRIBE SELECT * FROM {fromClause}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                schema.Add((reader.GetString(0), reader.GetString(1)));
            }
        });
        if (schema.Count == 0)
        {
            throw new InvalidDataException($"'{path}' has no columns.");
        }

        return new TableSource(full, fromClause, schema);
    }

    /// <summary>Whether a DuckDB type name is a number type (integers, unsigned integers, DECIMAL, FLOAT, DOUBLE).</summary>
    public static bool IsNumericType(string type)
    {
        string t = type.ToUpperInvariant();
        return t is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT"
            or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT"
            or "FLOAT" or "DOUBLE" or "REAL"
            || t.StartsWith("DECIMAL", StringComparison.Ordinal);
    }

    /// <summary>Runs a DuckDB action, turning its failures into <see cref="InvalidDataException"/> naming the file.</summary>
    public static void Run(string path, Action action)
    {
        try
        {
            action();
        }
        catch (DbException ex)
        {
            throw new InvalidDataException($"Cannot read '{path}': {FirstLine(ex.Message)}", ex);
        }
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return (newline >= 0 ? message[..newline] : message).Trim();
    }
}
