namespace Shannon.Data.Tables;

/// <summary>One column to read, the kind it will be read as, and whether its text is parsed as a boolean.</summary>
internal sealed record ColumnPlan(string Name, ColumnKind Kind, bool Boolean = false)
{
    /// <summary>Resolves the selection and the kind overrides against a file's schema.</summary>
    /// <exception cref="ArgumentException">An unknown column name, or a column in two override lists.</exception>
    public static IReadOnlyList<ColumnPlan> Resolve(TableSource source, TableReadOptions options)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, type) in source.Schema)
        {
            types.TryAdd(name, type);
        }

        CheckKnown(options.Categorical, types, nameof(options.Categorical));
        CheckKnown(options.Labels, types, nameof(options.Labels));
        CheckKnown(options.Numeric, types, nameof(options.Numeric));
        CheckKnown(options.Boolean, types, nameof(options.Boolean));
        foreach (string name in options.Categorical.Concat(options.Labels))
        {
            if (options.Numeric.Contains(name))
            {
                throw new ArgumentException($"Column '{name}' is forced both categorical and numeric.", nameof(options));
            }
        }

        foreach (string name in options.Boolean)
        {
            if (options.Numeric.Contains(name) || options.Categorical.Contains(name))
            {
                throw new ArgumentException($"Column '{name}' is forced boolean and also {(options.Numeric.Contains(name) ? "numeric" : "categorical text")}.", nameof(options));
            }
        }

        IEnumerable<string> names = options.Columns ?? source.Schema.Select(s => s.Name);
        if (options.Columns is not null)
        {
            CheckKnown(options.Columns, types, nameof(options.Columns));
            if (options.Columns.Count == 0)
            {
                throw new ArgumentException("Columns is empty; select at least one column or pass null for all.", nameof(options));
            }
        }

        return [.. names.Select(name => new ColumnPlan(name,
            options.Categorical.Contains(name) || options.Labels.Contains(name) || options.Boolean.Contains(name) ? ColumnKind.Categorical
            : options.Numeric.Contains(name) ? ColumnKind.Numeric
            : TableSource.IsNumericType(types[name]) ? ColumnKind.Numeric : ColumnKind.Categorical,
            options.Boolean.Contains(name)))];
    }

    private static void CheckKnown(IEnumerable<string> names, Dictionary<string, string> types, string what)
    {
        foreach (string name in names)
        {
            if (!types.ContainsKey(name))
            {
                throw new ArgumentException($"{what} names '{name}', which is not a column; the file has: {string.Join(", ", types.Keys)}.", "options");
            }
        }
    }
}
