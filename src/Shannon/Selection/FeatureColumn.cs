using Shannon.Estimators.Discrete;
using Shannon.Numerics;

namespace Shannon.Selection;

/// <summary>A named variable for feature selection: continuous samples, or discrete labels held as dense codes.</summary>
public sealed class FeatureColumn
{
    private readonly double[]? values;
    private readonly int[]? codes;

    private FeatureColumn(string name, double[]? values, int[]? codes, int categoryCount)
    {
        Name = name;
        this.values = values;
        this.codes = codes;
        CategoryCount = categoryCount;
    }

    /// <summary>The variable's name.</summary>
    public string Name { get; }

    /// <summary>Whether the variable is discrete (estimated from counts) rather than continuous (k-nearest neighbours).</summary>
    public bool IsDiscrete => codes is not null;

    /// <summary>The number of samples.</summary>
    public int Length => values?.Length ?? codes!.Length;

    /// <summary>The number of distinct labels of a discrete variable; 0 for a continuous one.</summary>
    public int CategoryCount { get; }

    /// <summary>The samples of a continuous variable.</summary>
    /// <exception cref="InvalidOperationException">The variable is discrete.</exception>
    public ReadOnlySpan<double> Values => values ?? throw new InvalidOperationException($"'{Name}' is discrete; read its Codes.");

    /// <summary>The codes 0…CategoryCount−1 of a discrete variable, in order of first appearance.</summary>
    /// <exception cref="InvalidOperationException">The variable is continuous.</exception>
    public ReadOnlySpan<int> Codes => codes ?? throw new InvalidOperationException($"'{Name}' is continuous; read its Values.");

    internal double[] ValueArray => values!;

    internal int[] CodeArray => codes!;

    /// <summary>A continuous variable.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="values">Its samples; finite. Copied.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or has a non-finite entry.</exception>
    public static FeatureColumn Continuous(string name, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        Guard.NotEmpty(values, nameof(values));
        Guard.AllFinite(values, nameof(values));
        return new FeatureColumn(name, values.ToArray(), null, 0);
    }

    /// <summary>A discrete variable from any integer labels (codes from a table reader, class numbers, counts).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="labels">One label per sample; re-coded densely.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="ArgumentException"><paramref name="labels"/> is empty.</exception>
    public static FeatureColumn Discrete(string name, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(name);
        Guard.NotEmpty(labels, nameof(labels));
        int[] codes = LabelCodes.Encode(labels, out int distinct);
        return new FeatureColumn(name, null, codes, distinct);
    }

    /// <summary>The rows <paramref name="rows"/> of this variable (codes are kept, not re-coded).</summary>
    internal FeatureColumn Subset(int[] rows)
    {
        if (values is not null)
        {
            return new FeatureColumn(Name, [.. rows.Select(r => values[r])], null, 0);
        }

        return new FeatureColumn(Name, null, [.. rows.Select(r => codes![r])], CategoryCount);
    }

    /// <summary>This variable with its samples reordered by <paramref name="permutation"/>.</summary>
    internal FeatureColumn Permuted(int[] permutation) => Subset(permutation);
}
