namespace Shannon.Data.Tables;

/// <summary>A table held column by column in memory, as read by <see cref="TableReader"/>.</summary>
public sealed class ColumnTable
{
    private readonly Dictionary<string, int> index;

    /// <summary>A table of equally long columns with distinct names.</summary>
    /// <param name="columns">The columns in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException">The columns differ in length, or two share a name.</exception>
    public ColumnTable(IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].Length != columns[0].Length)
            {
                throw new ArgumentException($"columns[{c}] ('{columns[c].Name}') has {columns[c].Length} rows but columns[0] has {columns[0].Length}.", nameof(columns));
            }

            if (!index.TryAdd(columns[c].Name, c))
            {
                throw new ArgumentException($"columns has the name '{columns[c].Name}' twice (indices {index[columns[c].Name]} and {c}).", nameof(columns));
            }
        }

        Columns = columns;
    }

    /// <summary>The columns in file (or selection) order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>What the missing-value policy dropped while the table was read (<see cref="DroppedRows.None"/> for a table built in memory).</summary>
    public DroppedRows Dropped { get; init; } = DroppedRows.None;

    /// <summary>The number of rows (0 for a table without columns).</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Length;

    /// <summary>The column with this exact (case-sensitive) name.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">No column has this name.</exception>
    public TableColumn this[string name] => Columns[IndexOf(name)];

    /// <summary>The position of the column with this exact name.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>Its index in <see cref="Columns"/>.</returns>
    /// <exception cref="ArgumentException">No column has this name.</exception>
    public int IndexOf(string name) => index.TryGetValue(name, out int i)
        ? i
        : throw new ArgumentException($"The table has no column '{name}'; it has: {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
}
