using Shannon.Estimators;

namespace Shannon.Data.Tables;

/// <summary>
/// Two columns as a pair of estimator variables over the rows where both have a value: the one pairing that
/// <c>mi</c>, <c>features</c> and <c>report</c> share, so a column's missing cells cost only the pairs it is in.
/// </summary>
public static class PairwiseComplete
{
    /// <summary>The rows where neither <paramref name="x"/> nor <paramref name="y"/> is missing, in order.</summary>
    /// <param name="x">One column.</param>
    /// <param name="y">The other column, as long as <paramref name="x"/>.</param>
    /// <returns>The row indices with both cells present (<see cref="TableColumn.IsMissing"/> false for both).</returns>
    /// <exception cref="ArgumentNullException">A column is null.</exception>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public static int[] Rows(TableColumn x, TableColumn y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"'{x.Name}' has {x.Length} rows but '{y.Name}' has {y.Length}.", nameof(y));
        }

        var rows = new List<int>(x.Length);
        for (int row = 0; row < x.Length; row++)
        {
            if (!x.IsMissing(row) && !y.IsMissing(row))
            {
                rows.Add(row);
            }
        }

        return [.. rows];
    }

    /// <summary>The column's cells at <paramref name="rows"/> as a variable, its kind decided by the one rule (<see cref="TableColumn.ToVariable"/>).</summary>
    /// <param name="column">The column.</param>
    /// <param name="rows">Rows without a missing cell, e.g. from <see cref="Rows"/>; at least one.</param>
    /// <returns>A discrete variable of the labels, a continuous one for a column of times, or <see cref="Variable.FromNumbers"/> of the numbers at those rows.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty, or a selected number is not finite.</exception>
    /// <exception cref="IndexOutOfRangeException">A row is outside the column.</exception>
    public static Variable Variable(TableColumn column, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(rows);
        if (column.Kind == ColumnKind.Categorical)
        {
            var codes = new int[rows.Count];
            var source = column.Codes;
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = source[rows[i]];
            }

            return Estimators.Variable.Discrete(column.Name, (ReadOnlySpan<int>)codes);
        }

        var values = new double[rows.Count];
        var numbers = column.Values;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = numbers[rows[i]];
        }

        return column.IsTime ? Estimators.Variable.Continuous(column.Name, values) : Estimators.Variable.FromNumbers(column.Name, values);
    }
}
