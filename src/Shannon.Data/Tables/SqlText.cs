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

    private static void RejectNul(string text, string paramName)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{paramName} contains a NUL character, which SQL text cannot hold.", paramName);
        }
    }
}
