using Shannon.Data.Tables;

namespace Shannon.Reports.Information;

/// <summary>A seeded uniform sample of a table's rows, so a report on millions of rows stays bounded in time and memory.</summary>
internal static class RowSample
{
    /// <summary>
    /// <paramref name="table"/> itself when it has at most <paramref name="maxRows"/> rows; otherwise a table of
    /// <paramref name="maxRows"/> rows drawn without replacement (partial Fisher–Yates with <paramref name="seed"/>), in their original order.
    /// </summary>
    public static ColumnTable Take(ColumnTable table, int maxRows, int seed)
    {
        if (table.RowCount <= maxRows)
        {
            return table;
        }

        int[] order = Enumerable.Range(0, table.RowCount).ToArray();
        var random = new Random(seed);
        for (int i = 0; i < maxRows; i++)
        {
            int j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }

        int[] rows = order[..maxRows];
        Array.Sort(rows);
        return new ColumnTable(table.Columns.Select(column => Subset(column, rows)).ToArray());
    }

    private static TableColumn Subset(TableColumn column, int[] rows)
    {
        if (column.Kind == ColumnKind.Numeric)
        {
            var values = column.Values;
            var kept = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                kept[i] = values[rows[i]];
            }

            return TableColumn.Numeric(column.Name, kept);
        }

        var codes = column.Codes;
        var keptCodes = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            keptCodes[i] = codes[rows[i]];
        }

        return TableColumn.Categorical(column.Name, keptCodes, column.Categories.ToArray());
    }
}
