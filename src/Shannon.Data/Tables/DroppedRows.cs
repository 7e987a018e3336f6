using System.Globalization;

namespace Shannon.Data.Tables;

/// <summary>Why a cell counts as missing.</summary>
public enum MissingReason
{
    /// <summary>An empty CSV field or SQL NULL.</summary>
    Empty,

    /// <summary>NaN in a numeric column.</summary>
    NotANumber,

    /// <summary>+∞ or −∞ in a numeric column.</summary>
    Infinite,

    /// <summary>A null token such as <c>NA</c> or <c>N/A</c> in a CSV column whose other cells are numbers (see <see cref="TableReader.Read"/>).</summary>
    NullToken,
}

/// <summary>The missing cells of one column among the rows read, by reason.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Empty">Empty fields or NULLs.</param>
/// <param name="NotANumber">NaN values (numeric columns).</param>
/// <param name="Infinite">±∞ values (numeric columns).</param>
/// <param name="NullToken">Null tokens (<c>NA</c>, <c>N/A</c>, …) in a CSV column of numbers.</param>
public sealed record MissingCells(string Column, long Empty, long NotANumber, long Infinite, long NullToken = 0)
{
    /// <summary>All missing cells of the column.</summary>
    public long Total => Empty + NotANumber + Infinite + NullToken;

    /// <summary>"2 empty, 1 NaN, 3 NA" — the non-zero reasons.</summary>
    public string Describe() => string.Join(", ", Reasons().Select(r => $"{r.Count} {r.Name switch { "nan" => "NaN", "na" => "NA", _ => r.Name }}"));

    /// <summary>The non-zero reasons with their JSON names: <c>empty</c>, <c>nan</c>, <c>infinite</c>, <c>na</c> (a null token).</summary>
    public IEnumerable<(string Name, long Count)> Reasons()
    {
        if (Empty > 0)
        {
            yield return ("empty", Empty);
        }

        if (NotANumber > 0)
        {
            yield return ("nan", NotANumber);
        }

        if (Infinite > 0)
        {
            yield return ("infinite", Infinite);
        }

        if (NullToken > 0)
        {
            yield return ("na", NullToken);
        }
    }
}

/// <summary>
/// What the missing-value policy removed from a table: rows read, rows dropped, and each column's missing cells by
/// reason. Nothing is dropped without being counted here.
/// </summary>
/// <param name="RowsRead">Rows in the input (before dropping).</param>
/// <param name="Dropped">Rows dropped because a selected column had a missing cell.</param>
/// <param name="Columns">The columns with missing cells that caused a drop, in table order.</param>
public sealed record DroppedRows(long RowsRead, long Dropped, IReadOnlyList<MissingCells> Columns)
{
    /// <summary>Nothing read, nothing dropped.</summary>
    public static DroppedRows None { get; } = new(0, 0, []);

    /// <summary>One line: "dropped 3 of 150 rows with missing values: 'age' 2 empty; 'income' 1 NaN".</summary>
    public string Describe() => Dropped == 0
        ? string.Create(CultureInfo.InvariantCulture, $"no rows dropped ({RowsRead} read)")
        : string.Create(CultureInfo.InvariantCulture, $"dropped {Dropped} of {RowsRead} rows with missing values: ")
            + string.Join("; ", Columns.Select(c => $"'{c.Column}' {c.Describe()}"));
}
