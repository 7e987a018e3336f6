using Shannon.Estimators.Discrete;
using Shannon.Numerics;

namespace Shannon.Estimators;

/// <summary>
/// The samples of one variable, possibly multivariate (several columns read together), with its kind: discrete
/// (labels, estimated from counts) or continuous (numbers, estimated by neighbours, bins or a Gaussian model).
/// Every estimator that answers a question about samples takes its data as <see cref="Variable"/>s.
/// </summary>
/// <remarks>
/// <para>A discrete variable holds dense codes 0 … <see cref="Categories"/> − 1 in order of first appearance; one read
/// from numbers also keeps the numbers (<see cref="HasValues"/>), so an estimator that needs numbers (KSG on integer
/// data, say) can still take it. A continuous variable holds its numbers row-major (<see cref="Rows"/> ×
/// <see cref="Dimension"/>); its <see cref="Codes"/> are the distinct rows, made on first use, for estimators that
/// count. The kind is what <see cref="Automatic"/> decides by; estimators chosen by name use whatever form they need.</para>
/// <para>Which numeric columns are discrete is decided by one rule, <see cref="LooksDiscrete"/>: every value an
/// integer and at most <see cref="EstimatorDefaults.MaxDiscreteValues"/> distinct values.</para>
/// </remarks>
public sealed class Variable
{
    private readonly double[]? _values;
    private readonly Lazy<(int[] Codes, int Categories)> _codes;

    private Variable(string name, VariableKind kind, int rows, int dimension, double[]? values, int[]? codes, int categories)
    {
        Name = name;
        Kind = kind;
        Rows = rows;
        Dimension = dimension;
        _values = values;
        _codes = codes is not null
            ? new Lazy<(int[], int)>((codes, categories))
            : new Lazy<(int[], int)>(() => DistinctRows(values!, dimension), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The variable's name (a column name, or several joined by commas).</summary>
    public string Name { get; }

    /// <summary>Discrete, continuous, or (for a block joined from both kinds) mixed.</summary>
    public VariableKind Kind { get; }

    /// <summary>Is the variable discrete?</summary>
    public bool IsDiscrete => Kind == VariableKind.Discrete;

    /// <summary>Is the variable continuous?</summary>
    public bool IsContinuous => Kind == VariableKind.Continuous;

    /// <summary>The number of samples n.</summary>
    public int Rows { get; }

    /// <summary>The number of columns d (1 for a scalar variable).</summary>
    public int Dimension { get; }

    /// <summary>Are the samples numbers (continuous, or discrete read from numbers)?</summary>
    public bool HasValues => _values is not null;

    /// <summary>The samples as numbers, row-major n × d.</summary>
    /// <exception cref="InvalidOperationException">The variable holds labels that are not numbers (<see cref="HasValues"/> is false).</exception>
    public ReadOnlySpan<double> Values => _values ?? throw new InvalidOperationException($"'{Name}' holds labels, not numbers; a numeric estimator cannot take it.");

    /// <summary>One code per sample, 0 … <see cref="Categories"/> − 1 in order of first appearance (a joint code for several columns).</summary>
    public ReadOnlySpan<int> Codes => _codes.Value.Codes;

    /// <summary>The number of distinct samples (labels, or distinct rows of numbers).</summary>
    public int Categories => _codes.Value.Categories;

    /// <summary>
    /// Does the variable take one value in every row (a point mass)? Such a variable shares no information with any
    /// other: every mutual information estimator returns I = 0 exactly for a pair with a constant side.
    /// </summary>
    /// <remarks>For numbers, each row is compared with the first (−0 equals 0); for labels, one category. O(n·d), no allocation.</remarks>
    public bool IsConstant
    {
        get
        {
            if (_values is null || _codes.IsValueCreated)
            {
                return Categories <= 1;
            }

            ReadOnlySpan<double> first = _values.AsSpan(0, Dimension);
            for (int offset = Dimension; offset < _values.Length; offset += Dimension)
            {
                ReadOnlySpan<double> row = _values.AsSpan(offset, Dimension);
                for (int j = 0; j < row.Length; j++)
                {
                    if (row[j] != first[j])
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    /// <summary>A continuous variable.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="values">The samples, row-major n × <paramref name="dimension"/>; finite. Copied.</param>
    /// <param name="dimension">d, the number of columns; 1 by default.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty, not a multiple of d long, or has a non-finite entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> &lt; 1.</exception>
    public static Variable Continuous(string name, ReadOnlySpan<double> values, int dimension = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        int rows = CheckNumbers(values, dimension);
        return new Variable(name, VariableKind.Continuous, rows, dimension, values.ToArray(), null, 0);
    }

    /// <summary>A discrete variable from labels of any type with equality (int, long, string, or double: equal values are one label).</summary>
    /// <typeparam name="T">The label type.</typeparam>
    /// <param name="name">Its name.</param>
    /// <param name="labels">One label per sample.</param>
    /// <returns>The variable, with codes in order of first appearance.</returns>
    /// <exception cref="ArgumentException"><paramref name="labels"/> is empty.</exception>
    public static Variable Discrete<T>(string name, ReadOnlySpan<T> labels)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(name);
        Guard.NotEmpty(labels, nameof(labels));
        int[] codes = LabelCodes.Encode(labels, out int categories);
        return new Variable(name, VariableKind.Discrete, labels.Length, 1, null, codes, categories);
    }

    /// <summary>A variable read from numbers, discrete or continuous by the one rule <see cref="LooksDiscrete"/>.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="values">The samples; finite.</param>
    /// <returns>A discrete variable that keeps its numbers when every value is an integer and there are at most
    /// <see cref="EstimatorDefaults.MaxDiscreteValues"/> distinct values; a continuous one otherwise.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or has a non-finite entry.</exception>
    public static Variable FromNumbers(string name, ReadOnlySpan<double> values) =>
        LooksDiscrete(values) ? DiscreteNumbers(name, values) : Continuous(name, values);

    /// <summary>A discrete variable whose labels are numbers, kept so that a numeric estimator can still take it.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="values">The samples; finite; equal values are one label.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or has a non-finite entry.</exception>
    public static Variable DiscreteNumbers(string name, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckNumbers(values, 1);
        int[] codes = LabelCodes.Encode(values, out int categories);
        return new Variable(name, VariableKind.Discrete, values.Length, 1, values.ToArray(), codes, categories);
    }

    /// <summary>
    /// The rule every command and the report use to decide whether a numeric column is discrete: every value is an
    /// integer and there are at most <see cref="EstimatorDefaults.MaxDiscreteValues"/> distinct values.
    /// </summary>
    /// <param name="values">The column's values.</param>
    /// <returns>True when the column reads as labels (classes, ratings, counts of a few values).</returns>
    /// <remarks>
    /// scikit-learn decides by the caller's flag (<c>discrete_features</c>) and by the function called
    /// (<c>mutual_info_classif</c> treats the target as classes); a file carries no flag, so Shannon decides by this
    /// rule. An integer column with many values (an age, a year, a count) stays continuous; a 0/1 flag or a 1–5 rating
    /// is discrete. Dense integer features such as pixel intensities 0–16 are therefore discrete here, where
    /// <c>mutual_info_classif</c>'s default would treat them as continuous.
    /// </remarks>
    public static bool LooksDiscrete(ReadOnlySpan<double> values)
    {
        var seen = new HashSet<double>();
        foreach (double v in values)
        {
            if (!double.IsFinite(v) || v != Math.Floor(v))
            {
                return false;
            }

            if (seen.Add(v) && seen.Count > EstimatorDefaults.MaxDiscreteValues)
            {
                return false;
            }
        }

        return values.Length > 0;
    }

    /// <summary>Several variables read together as one block (X = (X₁, X₂, …)).</summary>
    /// <param name="parts">The variables, with equal numbers of rows; at least one.</param>
    /// <returns>
    /// A variable named by the parts' names joined with commas; discrete when every part is, continuous when every
    /// part is, mixed otherwise; numbers side by side when every part has numbers, and joint codes.
    /// </returns>
    /// <exception cref="ArgumentException">No parts, or parts of different lengths.</exception>
    public static Variable Join(IReadOnlyList<Variable> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("parts is empty; a block needs at least one variable.", nameof(parts));
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        int rows = parts[0].Rows;
        if (parts.FirstOrDefault(p => p.Rows != rows) is { } other)
        {
            throw new ArgumentException($"'{other.Name}' has {other.Rows} rows but '{parts[0].Name}' has {rows}; a block's variables must be paired.", nameof(parts));
        }

        string name = string.Join(",", parts.Select(p => p.Name));
        var kind = parts.All(p => p.IsDiscrete) ? VariableKind.Discrete
            : parts.All(p => p.IsContinuous) ? VariableKind.Continuous
            : VariableKind.Mixed;
        int dimension = parts.Sum(p => p.Dimension);
        double[]? values = parts.All(p => p.HasValues) ? JoinValues(parts, rows, dimension) : null;
        int[] codes = [.. parts[0].Codes];
        int categories = parts[0].Categories;
        for (int i = 1; i < parts.Count; i++)
        {
            codes = LabelCodes.Combine(codes, parts[i].Codes, parts[i].Categories, out categories);
        }

        return kind == VariableKind.Continuous
            ? new Variable(name, kind, rows, dimension, values, null, 0)
            : new Variable(name, kind, rows, dimension, values, codes, categories);
    }

    /// <summary>The samples at <paramref name="rows"/>, in that order (a subsample or a permutation).</summary>
    /// <param name="rows">Row indices in 0 … n − 1; repeats allowed.</param>
    /// <returns>A variable of the same name and kind with <paramref name="rows"/>.Length samples; discrete codes are kept, not renumbered.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0 … n − 1.</exception>
    public Variable Subset(ReadOnlySpan<int> rows)
    {
        double[]? values = null;
        if (_values is not null)
        {
            values = new double[rows.Length * Dimension];
            for (int r = 0; r < rows.Length; r++)
            {
                CheckRow(rows[r]);
                _values.AsSpan(rows[r] * Dimension, Dimension).CopyTo(values.AsSpan(r * Dimension, Dimension));
            }
        }

        if (Kind == VariableKind.Continuous)
        {
            return new Variable(Name, Kind, rows.Length, Dimension, values, null, 0);
        }

        ReadOnlySpan<int> source = Codes;
        var codes = new int[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            CheckRow(rows[r]);
            codes[r] = source[rows[r]];
        }

        return new Variable(Name, Kind, rows.Length, Dimension, values, codes, Categories);
    }

    /// <summary>The same samples under another name (an embedded block named by its lags, e.g. y[t-1..t-3]), so that messages name what the caller gave.</summary>
    internal Variable Named(string name) => Kind == VariableKind.Continuous
        ? new Variable(name, Kind, Rows, Dimension, _values, null, 0)
        : new Variable(name, Kind, Rows, Dimension, _values, _codes.Value.Codes, _codes.Value.Categories);

    /// <summary>How often each code occurs: Categories counts, in code order.</summary>
    /// <returns>The counts n₀ … n_{m−1}; they sum to <see cref="Rows"/>.</returns>
    public long[] Counts() => LabelCodes.Counts(Codes, Categories);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Kind.ToString().ToLowerInvariant()}, n = {Rows}{(Dimension > 1 ? $", d = {Dimension}" : string.Empty)})";

    private static int CheckNumbers(ReadOnlySpan<double> values, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Guard.NotEmpty(values, nameof(values));
        if (values.Length % dimension != 0)
        {
            throw new ArgumentException($"values has {values.Length} entries, not a multiple of the dimension {dimension}.", nameof(values));
        }

        Guard.AllFinite(values, nameof(values));
        return values.Length / dimension;
    }

    private static double[] JoinValues(IReadOnlyList<Variable> parts, int rows, int dimension)
    {
        var values = new double[rows * dimension];
        int offset = 0;
        foreach (var part in parts)
        {
            ReadOnlySpan<double> source = part.Values;
            for (int r = 0; r < rows; r++)
            {
                source.Slice(r * part.Dimension, part.Dimension).CopyTo(values.AsSpan((r * dimension) + offset, part.Dimension));
            }

            offset += part.Dimension;
        }

        return values;
    }

    private static (int[] Codes, int Categories) DistinctRows(double[] values, int dimension)
    {
        if (dimension == 1)
        {
            return (LabelCodes.Encode<double>(values, out int m), m);
        }

        int rows = values.Length / dimension;
        var keys = new string[rows];
        for (int r = 0; r < rows; r++)
        {
            keys[r] = string.Join('\u001f', values.AsSpan(r * dimension, dimension).ToArray().Select(v => BitConverter.DoubleToInt64Bits(v == 0.0 ? 0.0 : v)));
        }

        return (LabelCodes.Encode<string>(keys, out int categories), categories);
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException("rows", row, $"Row {row} is outside 0 … {Rows - 1}.");
        }
    }
}

/// <summary>What kind of samples a <see cref="Variable"/> holds, which decides the estimator <see cref="Automatic"/> picks.</summary>
public enum VariableKind
{
    /// <summary>Labels: estimated from counts.</summary>
    Discrete,

    /// <summary>Real numbers: estimated by neighbours, bins or a Gaussian model.</summary>
    Continuous,

    /// <summary>A block joined from discrete and continuous variables; no estimator is picked for it automatically.</summary>
    Mixed,
}
