namespace Shannon.Data.Tables;

/// <summary>How a column's values are held and how estimators treat them.</summary>
public enum ColumnKind
{
    /// <summary>Numbers held as <see cref="double"/> values (integer, decimal and floating-point columns).</summary>
    Numeric,

    /// <summary>Labels held as integer codes into a sorted list of category names (text, boolean, dates, and any column forced categorical).</summary>
    Categorical,
}
