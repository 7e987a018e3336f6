using Shannon.Estimators;

namespace Shannon.Data.Tables;

/// <summary>One column of a <see cref="ColumnTable"/>: numbers for a numeric column, codes and names for a categorical one.</summary>
public sealed class TableColumn
{
    private readonly double[]? values;
    private readonly int[]? codes;
    private readonly string?[] categories;

    private TableColumn(string name, ColumnKind kind, double[]? values, int[]? codes, string?[] categories, string readAs)
    {
        Name = name;
        Kind = kind;
        ReadAs = readAs;
        this.values = values;
        this.codes = codes;
        this.categories = categories;
    }

    /// <summary>The column's name as it appears in the file's header.</summary>
    public string Name { get; }

    /// <summary>Whether the column holds numbers or category codes.</summary>
    public ColumnKind Kind { get; }

    /// <summary>
    /// How the file's cells were read: <c>number</c>, <c>text</c>, <c>bool</c> (<see cref="TableReadOptions.Boolean"/>),
    /// or, with <see cref="TableReadOptions.Times"/>, <c>date</c> or <c>date-time</c> (seconds since 1970-01-01T00:00Z)
    /// and <c>time</c> (seconds since midnight).
    /// </summary>
    public string ReadAs { get; }

    /// <summary>The number of rows.</summary>
    public int Length => values?.Length ?? codes!.Length;

    /// <summary>The values of a numeric column, one per row.</summary>
    /// <exception cref="InvalidOperationException">The column is categorical.</exception>
    public ReadOnlySpan<double> Values => values ?? throw new InvalidOperationException($"Column '{Name}' is categorical; read its Codes.");

    /// <summary>The codes of a categorical column, one per row: indices into <see cref="Categories"/>.</summary>
    /// <exception cref="InvalidOperationException">The column is numeric.</exception>
    public ReadOnlySpan<int> Codes => codes ?? throw new InvalidOperationException($"Column '{Name}' is numeric; read its Values.");

    /// <summary>
    /// The category names of a categorical column in ordinal (byte-wise) order; code c names <c>Categories[c]</c>.
    /// A <see langword="null"/> name is the "missing" category of <see cref="MissingValuePolicy.OwnCategory"/>
    /// and, when present, comes first. Empty for a numeric column.
    /// </summary>
    public IReadOnlyList<string?> Categories => categories;

    /// <summary>The number of distinct categories (0 for a numeric column).</summary>
    public int CategoryCount => categories.Length;

    /// <summary>A numeric column.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">One value per row; the column keeps this array.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TableColumn Numeric(string name, double[] values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        return new TableColumn(name, ColumnKind.Numeric, values, null, [], "number");
    }

    /// <summary>A categorical column.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="codes">One code per row, each in [0, categories.Length); the column keeps this array.</param>
    /// <param name="categories">The category names; null names the missing category.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A code lies outside [0, categories.Length).</exception>
    public static TableColumn Categorical(string name, int[] codes, string?[] categories)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(categories);
        for (int i = 0; i < codes.Length; i++)
        {
            if ((uint)codes[i] >= (uint)categories.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(codes), codes[i], $"codes has {codes[i]} at index {i}, outside [0, {categories.Length}).");
            }
        }

        return new TableColumn(name, ColumnKind.Categorical, null, codes, categories, "text");
    }

    /// <summary>Is the cell at <paramref name="row"/> missing: NaN or ±∞ in a numeric column, the <see langword="null"/> category in a categorical one?</summary>
    /// <param name="row">The row, 0 … <see cref="Length"/> − 1.</param>
    /// <returns>True when the cell holds no value (only <see cref="MissingValuePolicy.KeepCells"/> and <see cref="MissingValuePolicy.OwnCategory"/> keep such cells).</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="row"/> is outside the column.</exception>
    public bool IsMissing(int row) => values is not null ? !double.IsFinite(values[row]) : categories[codes![row]] is null;

    /// <summary>The number of missing cells (<see cref="IsMissing"/>).</summary>
    /// <returns>A count in 0 … <see cref="Length"/>.</returns>
    public int MissingCount()
    {
        int missing = 0;
        for (int row = 0; row < Length; row++)
        {
            missing += IsMissing(row) ? 1 : 0;
        }

        return missing;
    }

    /// <summary>The same cells read as <paramref name="readAs"/>.</summary>
    internal TableColumn As(string readAs) => new(Name, Kind, values, codes, categories, readAs);

    /// <summary>A numeric column of times read from text (<see cref="ReadAs"/> date, date-time or time).</summary>
    internal static TableColumn Times(string name, double[] values, string readAs) => new(name, ColumnKind.Numeric, values, null, [], readAs);

    /// <summary>The column as an estimator's <see cref="Variable"/>, its kind decided by the one rule every command and the report share.</summary>
    /// <returns>
    /// A categorical column → a discrete variable of its codes; a numeric column → <see cref="Variable.FromNumbers"/>:
    /// discrete when every value is an integer and there are at most <see cref="EstimatorDefaults.MaxDiscreteValues"/>
    /// distinct values (keeping the numbers), continuous otherwise; a column of times (<see cref="IsTime"/>) → continuous.
    /// </returns>
    /// <exception cref="ArgumentException">The column is empty or has a non-finite value.</exception>
    public Variable ToVariable() => Kind == ColumnKind.Categorical
        ? Variable.Discrete(Name, Codes)
        : IsTime ? Variable.Continuous(Name, Values)
        : Variable.FromNumbers(Name, Values);

    /// <summary>Was the column read from dates, date-times or times of day (<see cref="TableReadOptions.Times"/>)? Such a column is always continuous.</summary>
    public bool IsTime => ReadAs is "date" or "date-time" or "time";
}
