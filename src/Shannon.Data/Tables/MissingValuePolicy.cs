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

    /// <summary>
    /// Pairwise-complete: no row is dropped; a missing number is held as <see cref="double.NaN"/> and a missing label
    /// as the <see langword="null"/> category, and <see cref="TableColumn.IsMissing"/> tells them. A caller that pairs two
    /// columns (<see cref="PairwiseComplete"/>) leaves out only the rows where one of the two is missing, so a
    /// column's missing cells cost only the pairs it is in. The cells are still counted per column in
    /// <see cref="ColumnTable.Dropped"/> (with 0 rows dropped).
    /// </summary>
    KeepCells,
}
