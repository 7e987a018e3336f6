using System.Data.Common;
using DuckDB.NET.Data;
using Shannon.Data.Files;

namespace Shannon.Data.Tables;

/// <summary>A CSV or Parquet file as a DuckDB table expression, with its inferred schema.</summary>
internal sealed class TableSource
{
    private TableSource(string path, string rawFromClause, IReadOnlyList<(string Name, string Type)> schema, IReadOnlySet<string> nullTokenColumns)
    {
        Path = path;
        RawFromClause = rawFromClause;
        Schema = schema;
        NullTokenColumns = nullTokenColumns;
        FromClause = nullTokenColumns.Count == 0
            ? rawFromClause
            : $"(SELECT * REPLACE ({string.Join(", ", schema.Where(s => nullTokenColumns.Contains(s.Name)).Select(s => $"{CellExpression(s.Name)} AS {SqlText.Identifier(s.Name)}"))}) FROM {rawFromClause})";
    }

    /// <summary>
    /// The text a CSV cell of a numeric column may hold instead of a number to say "no value", matched exactly as
    /// written (case-sensitive, no trimming, as DuckDB's <c>nullstr</c> matches): <c>NA</c>, <c>N/A</c>, <c>n/a</c>, <c>#N/A</c>, <c>#NA</c>, <c>&lt;NA&gt;</c>, <c>NULL</c>,
    /// <c>null</c>, <c>None</c> — pandas' default <c>na_values</c> without the spellings of NaN and the Excel error codes
    /// (NaN and ±∞ already parse as numbers and are counted as such). An empty field is SQL NULL as before.
    /// </summary>
    public static IReadOnlyList<string> NullTokens { get; } = ["NA", "N/A", "n/a", "#N/A", "#NA", "<NA>", "NULL", "null", "None"];

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// The table expression every query reads: the file's table function, wrapped so that a null token in a
    /// <see cref="NullTokenColumns">numeric column</see> is NULL and the column is a number type.
    /// </summary>
    public string FromClause { get; }

    /// <summary>The table function call that reads the file as DuckDB sniffs it, e.g. <c>read_parquet('x.parquet')</c>.</summary>
    public string RawFromClause { get; }

    /// <summary>Column names and DuckDB type names, in file order (a null-token column has its number type).</summary>
    public IReadOnlyList<(string Name, string Type)> Schema { get; }

    /// <summary>
    /// CSV columns that DuckDB sniffs as text only because some cells hold a <see cref="NullTokens">null token</see>:
    /// every other cell is a number, so they are read as numbers and the tokens as missing.
    /// </summary>
    public IReadOnlySet<string> NullTokenColumns { get; }

    /// <summary>A column of <see cref="RawFromClause"/> as the value it is read as: a null token → NULL, otherwise the column's number type.</summary>
    public string CellExpression(string name) => NullTokenColumns.Contains(name)
        ? $"CAST(CASE WHEN {NullTokenTest(name)} THEN NULL ELSE {SqlText.Identifier(name)} END AS {Schema.First(s => s.Name == name).Type})"
        : SqlText.Identifier(name);

    /// <summary>A condition on a column of <see cref="RawFromClause"/>: the cell is one of the <see cref="NullTokens"/>.</summary>
    public static string NullTokenTest(string name) =>
        $"{SqlText.Identifier(name)} IN ({string.Join(", ", NullTokens.Select(SqlText.Literal))})";

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

    /// <summary>
    /// CSV has no comment lines: without this, DuckDB's sniffer may take <c>#</c> for a comment character and skip
    /// every row that starts with it (an Excel <c>#N/A</c> in the first column), dropping rows without a word.
    /// </summary>
    private const string NoComments = "comment = ''";

    /// <summary>
    /// Fields are quoted with <c>"</c> (RFC 4180), not sniffed: after a UTF-8 byte-order mark DuckDB's sniffer missed the
    /// quotes of a header whose first name alone is quoted, and named the column <c>"a"</c>, quotes and all.
    /// </summary>
    private const string Quote = "quote = '\"'";

    /// <summary>The table expression for a file, chosen by its extension (.csv, .tsv, .parquet; .gz allowed on text); the path is literal, never a glob.</summary>
    public static string FromClauseFor(string path, string paramName)
    {
        string lower = path.ToLowerInvariant();
        string literal = SqlText.PathLiteral(path);
        return lower.EndsWith(".parquet", StringComparison.Ordinal) ? $"read_parquet({literal})"
            : lower.EndsWith(".csv", StringComparison.Ordinal) || lower.EndsWith(".csv.gz", StringComparison.Ordinal)
                ? $"read_csv({literal}, header = true, {Quote}, {NoComments}, {TypeCandidates})"
            : lower.EndsWith(".tsv", StringComparison.Ordinal) || lower.EndsWith(".tsv.gz", StringComparison.Ordinal)
                ? $"read_csv({literal}, header = true, delim = '\t', {Quote}, {NoComments}, {TypeCandidates})"
            : throw new ArgumentException($"{paramName} '{path}' has an unknown extension; expected .csv, .tsv or .parquet.", paramName);
    }

    /// <summary>Checks the file, builds its table expression and reads its schema.</summary>
    /// <param name="connection">The DuckDB connection.</param>
    /// <param name="path">The file.</param>
    /// <param name="paramName">The name of the caller's path parameter, for messages.</param>
    /// <param name="keepText">Columns the caller reads as text (or booleans): their null tokens stay the text they are.</param>
    /// <exception cref="ArgumentException">Unknown extension.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">DuckDB cannot read the file, a CSV file is empty (or only white space), or a <c>.gz</c> file is truncated or corrupt ("truncated gzip: …").</exception>
    /// <remarks>
    /// A CSV column is sniffed twice: as written, and with the <see cref="NullTokens"/> as NULL. A column that is text the
    /// first time and a number type the second holds numbers and null tokens only; it is read as numbers and its tokens as
    /// missing cells (counted, never silently). A column with any other text stays text, its "NA" cells included.
    /// </remarks>
    public static TableSource Open(DuckDBConnection connection, string path, string paramName, IReadOnlyCollection<string>? keepText = null)
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

        bool text = !fromClause.StartsWith("read_parquet(", StringComparison.Ordinal);
        if (text && !GzipCheck.IsGzipName(path) && IsBlank(full))
        {
            // DuckDB would read an empty file as one column named "column0", and the error would be about that column.
            throw new InvalidDataException($"'{path}' is empty: a table needs a header row of column names and at least one data row.");
        }

        var header = text ? Header(full, path) : null;
        var schema = Describe(connection, path, fromClause);
        if (schema.Count == 0)
        {
            throw new InvalidDataException($"'{path}' has no columns.");
        }

        if (header is not null)
        {
            if (schema.Count != header.Count && RaggedMessage(path) is { } ragged)
            {
                // DuckDB's sniffer found no delimiter every line agrees on and fell back to fewer columns.
                throw new InvalidDataException(ragged);
            }

            if (schema.Count == header.Count)
            {
                RefuseDuplicates(header, path);
            }
        }

        var tokenColumns = new HashSet<string>(StringComparer.Ordinal);
        if (text && schema.Any(s => s.Type == "VARCHAR"))
        {
            string nullsAsNull = fromClause[..^1] + $", nullstr = [{string.Join(", ", NullTokens.Prepend(string.Empty).Select(SqlText.Literal))}])";
            var sniffed = Describe(connection, path, nullsAsNull);
            for (int c = 0; c < schema.Count && sniffed.Count == schema.Count; c++)
            {
                if (schema[c].Type == "VARCHAR" && IsNumericType(sniffed[c].Type) && sniffed[c].Name == schema[c].Name
                    && keepText?.Contains(schema[c].Name) != true && tokenColumns.Add(schema[c].Name))
                {
                    schema[c] = sniffed[c];
                }
            }
        }

        return new TableSource(full, fromClause, schema, tokenColumns);
    }

    /// <summary>
    /// The header's fields as written. A <c>.tsv</c> file whose header line has no tab but has commas is refused: it is
    /// comma-separated, and read with tabs it would be one column named after the whole line.
    /// </summary>
    private static List<string> Header(string full, string path)
    {
        string first = CsvLayout.FirstLine(full);
        char delimiter = CsvLayout.Delimiter(path, first);
        if (delimiter == '\t' && !first.Contains('\t') && first.Contains(','))
        {
            throw new InvalidDataException(
                $"'{path}' line 1 has no tab but has commas: a .tsv file separates its fields by tabs, and this one looks comma-separated (name it .csv).");
        }

        return CsvLayout.HeaderFields(full, delimiter);
    }

    /// <summary>
    /// Refuses a header that names a column twice: DuckDB would rename the second <c>x</c> to <c>x_1</c>, a column the
    /// user never wrote.
    /// </summary>
    private static void RefuseDuplicates(List<string> header, string path)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Count; c++)
        {
            if (!seen.TryAdd(header[c], c) && header[c].Length > 0)
            {
                throw new InvalidDataException(
                    $"'{path}' names column '{CsvLayout.Shown(header[c])}' twice (columns {seen[header[c]] + 1} and {c + 1}); column names must be unique.");
            }
        }
    }

    /// <summary>
    /// For a CSV or TSV file with a record whose field count differs from the header's, the message naming the line
    /// ("'x.csv' line 3 has 2 fields; the header has 3."); null for other files, or when every record agrees.
    /// </summary>
    private static string? RaggedMessage(string path)
    {
        string lower = path.ToLowerInvariant();
        if (!(lower.EndsWith(".csv", StringComparison.Ordinal) || lower.EndsWith(".tsv", StringComparison.Ordinal)
            || lower.EndsWith(".csv.gz", StringComparison.Ordinal) || lower.EndsWith(".tsv.gz", StringComparison.Ordinal)))
        {
            return null;
        }

        try
        {
            char delimiter = CsvLayout.Delimiter(path, CsvLayout.FirstLine(path));
            return CsvLayout.FirstRagged(path, delimiter) is { } ragged
                ? $"'{path}' line {ragged.Line} has {ragged.Fields} field{(ragged.Fields == 1 ? "" : "s")}; the header has {ragged.HeaderFields}."
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Is the file empty or only white space (and a UTF-8 byte-order mark)? Reads at most 4 KiB.</summary>
    private static bool IsBlank(string path)
    {
        const int Probe = 4096;
        using var stream = File.OpenRead(path);
        if (stream.Length > Probe)
        {
            return false;
        }

        var bytes = new byte[(int)stream.Length];
        stream.ReadExactly(bytes);
        ReadOnlySpan<byte> content = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        return content.IndexOfAnyExcept(" \t\r\n"u8) < 0;
    }

    private static List<(string Name, string Type)> Describe(DuckDBConnection connection, string path, string fromClause)
    {
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
        return schema;
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
            // A ragged row past the sniffer's sample fails the read; name its line rather than quote DuckDB.
            if (RaggedMessage(path) is { } ragged)
            {
                throw new InvalidDataException(ragged, ex);
            }

            throw new InvalidDataException($"Cannot read '{path}': {FirstLine(ex.Message)}", ex);
        }
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return (newline >= 0 ? message[..newline] : message).Trim();
    }
}
