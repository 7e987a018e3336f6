namespace Shannon.Data.Tables;

/// <summary>Which columns to read and how: selection, kind overrides and the missing-value policy.</summary>
public sealed record TableReadOptions
{
    /// <summary>The columns to read, in this order; null reads every column in file order.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns read as categorical whatever their inferred type (for example integer-coded classes).</summary>
    public IReadOnlyCollection<string> Categorical { get; init; } = [];

    /// <summary>
    /// Columns read as class labels (a classifier's target): categorical like <see cref="Categorical"/>, but a CSV column
    /// whose cells are numbers and null tokens (<c>NA</c>, …) keeps the tokens as missing cells, as a numeric column does,
    /// where <see cref="Categorical"/> keeps them as text (the user asked for text). A column in both lists keeps its tokens.
    /// </summary>
    public IReadOnlyCollection<string> Labels { get; init; } = [];

    /// <summary>Columns read as numeric whatever their inferred type; a value that is not a number fails the read.</summary>
    public IReadOnlyCollection<string> Numeric { get; init; } = [];

    /// <summary>
    /// Columns read as booleans: each value, trimmed and in any case, must be true/false, yes/no, t/f, y/n or 1/0, and
    /// becomes the category <c>true</c> or <c>false</c>; any other value fails the read. Text is never turned into
    /// booleans unless the column is named here.
    /// </summary>
    public IReadOnlyCollection<string> Boolean { get; init; } = [];

    /// <summary>
    /// Read text columns whose every non-empty value is an ISO 8601 date (<c>2024-01-31</c>), date and time
    /// (<c>2024-01-31T08:15:00</c>, a space instead of T, optional fraction and offset) or time of day (<c>08:15</c>,
    /// <c>08:15:00</c>) as numbers: seconds since 1970-01-01T00:00Z for dates and date-times, seconds since midnight for
    /// times of day, so they are ordered and continuous (<see cref="TableColumn.ReadAs"/> says which). False by default:
    /// text stays text. A column named in <see cref="Categorical"/> stays text.
    /// </summary>
    public bool Times { get; init; }

    /// <summary>What to do with missing values; <see cref="MissingValuePolicy.DropRows"/> by default.</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.DropRows;
}
