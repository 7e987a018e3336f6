namespace Shannon.Data.Tables;

/// <summary>
/// Quoting for text that goes into SQL: every column name and path Shannon puts in a query passes through
/// here, so a hostile name (<c>a"; DROP TABLE t; --</c>) stays one identifier or one string literal.
/// </summary>
internal static class SqlText
{
    /// <summary>A double-quoted identifier with embedded double quotes doubled (SQL-92; DuckDB, Spark SQL with ANSI mode, Trino).</summary>
    public static string Identifier(string name)
    {
        RejectNul(name, nameof(name));
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A single-quoted string literal with embedded single quotes doubled.</summary>
    public static string Literal(string text)
    {
        RejectNul(text, nameof(text));
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// A file path as a DuckDB string literal that names exactly that file: DuckDB expands <c>*</c>, <c>?</c> and
    /// <c>[…]</c> in a path as a glob, so each of them is wrapped in a one-character class (<c>[[]</c>, <c>[*]</c>,
    /// <c>[?]</c>) that matches only itself; <c>data[1].csv</c> then reads data[1].csv and never data1.csv.
    /// </summary>
    public static string PathLiteral(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.AsSpan().IndexOfAny('*', '?', '[') < 0)
        {
            return Literal(path);
        }

        var escaped = new System.Text.StringBuilder(path.Length + 8);
        foreach (char c in path)
        {
            escaped.Append(c is '*' or '?' or '[' ? $"[{c}]" : c.ToString());
        }

        return Literal(escaped.ToString());
    }

    private static void RejectNul(string text, string paramName)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{paramName} contains a NUL character, which SQL text cannot hold.", paramName);
        }
    }
}
