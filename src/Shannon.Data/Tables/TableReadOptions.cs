namespace Shannon.Data.Tables;

/// <summary>Which columns to read and how: selection, kind overrides and the missing-value policy.</summary>
public sealed record TableReadOptions
{
    /// <summary>The columns to read, in this order; null reads every column in file order.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns read as categorical whatever their inferred type (for example integer-coded classes).</summary>
    public IReadOnlyCollection<string> Categorical { get; init; } = [];

    /// <summary>Columns read as numeric whatever their inferred type; a value that is not a number fails the read.</summary>
    public IReadOnlyCollection<string> Numeric { get; init; } = [];

    /// <summary>
    /// Columns read as booleans: each value, trimmed and in any case, must be true/false, yes/no, t/f, y/n or 1/0, and
    /// becomes the category <c>true</c> or <c>false</c>; any other value fails the read. Text is never turned into
    /// booleans unless the column is named here.
    /// </summary>
    public IReadOnlyCollection<string> Boolean { get; init; } = [];

    /// <summary>What to do with missing values; <see cref="MissingValuePolicy.DropRows"/> by default.</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.DropRows;
}
