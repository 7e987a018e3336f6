namespace Shannon.Data.Tables;

/// <summary>What a reader does with a missing value (SQL NULL, an empty CSV field, or NaN in a numeric column).</summary>
public enum MissingValuePolicy
{
    /// <summary>Drop every row that has a missing value in any selected column (listwise deletion).</summary>
    DropRows,

    /// <summary>
    /// A missing value in a categorical column becomes its own category (named <see langword="null"/> in
    /// <see cref="TableColumn.Categories"/>); a row with a missing value in a numeric column is still dropped,
    /// because a number has no "missing" value that estimators could use.
    /// </summary>
    OwnCategory,
}
