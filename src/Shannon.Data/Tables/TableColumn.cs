using Shannon.Estimators;

namespace Shannon.Data.Tables;

/// <summary>One column of a <see cref="ColumnTable"/>: numbers for a numeric column, codes and names for a categorical one.</summary>
public sealed class TableColumn
{
    private readonly double[]? values;
    private readonly int[]? codes;
    private readonly string?[] categories;

    private TableColumn(string name, ColumnKind kind, double[]? values, int[]? codes, string?[] categories)
    {
        Name = name;
        Kind = kind;
        this.values = values;
        this.codes = codes;
        this.categories = categories;
    }

    /// <summary>The column's name as it appears in the file's header.</summary>
    public string Name { get; }

    /// <summary>Whether the column holds numbers or category codes.</summary>
    public ColumnKind Kind { get; }

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
        return new TableColumn(name, ColumnKind.Numeric, values, null, []);
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

        return new TableColumn(name, ColumnKind.Categorical, null, codes, categories);
    }

    /// <summary>The column as an estimator's <see cref="Variable"/>, its kind decided by the one rule every command and the report share.</summary>
    /// <returns>
    /// A categorical column → a discrete variable of its codes; a numeric column → <see cref="Variable.FromNumbers"/>:
    /// discrete when every value is an integer and there are at most <see cref="EstimatorDefaults.MaxDiscreteValues"/>
    /// distinct values (keeping the numbers), continuous otherwise.
    /// </returns>
    /// <exception cref="ArgumentException">The column is empty or has a non-finite value.</exception>
    public Variable ToVariable() => Kind == ColumnKind.Categorical
        ? Variable.Discrete(Name, Codes)
        : Variable.FromNumbers(Name, Values);
}
