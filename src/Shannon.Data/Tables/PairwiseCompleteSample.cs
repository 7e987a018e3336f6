using System.Globalization;
using Shannon.Estimators;
using Shannon.Selection;

namespace Shannon.Data.Tables;

/// <summary>
/// Table columns with missing cells as a forward selection's data: each term on the rows where the target and that
/// term's features have values, every variable made by <see cref="PairwiseComplete.Variable"/> as <c>mi</c> makes it.
/// So a feature's relevance I(X;Y) is the number <c>shannon mi DATA --x X --y TARGET</c> prints, and its missing cells
/// cost only the terms it is in, not the other features' rows.
/// </summary>
/// <remarks>
/// Rows without a target value are in no term: the selection is about the target, so they are the rows it leaves out.
/// The terms that pair a candidate X with a picked X_j (I(X;X_j), I(X;X_j|Y), DISR's ratio) share the rows where X,
/// X_j and the target have values; the kinds of their variables are decided on those rows by the one rule
/// (<see cref="Variable.LooksDiscrete"/>), as <c>mi</c> decides them on the rows it reads.
/// </remarks>
public sealed class PairwiseCompleteSample : SelectionSample
{
    /// <summary>The fewest rows a term is estimated on: two, the least a dependence can be seen in.</summary>
    public const int MinimumRows = 2;

    private readonly TableColumn[] _features;
    private readonly TableColumn _target;
    private readonly Func<TableColumn, int[], Variable> _readTarget;
    private readonly string[] _names;

    /// <summary>The sample of <paramref name="features"/> against <paramref name="target"/>.</summary>
    /// <param name="features">The candidate columns; each as long as the target (<see cref="ForwardSelection"/> refuses none or a name twice).</param>
    /// <param name="target">The target column; at least <see cref="MinimumRows"/> cells present.</param>
    /// <param name="readTarget">How the target's cells at some rows become a variable; <see cref="PairwiseComplete.Variable"/>
    /// (the one rule) when null, or e.g. a caller's rule that reads a numeric target as classes.</param>
    /// <exception cref="ArgumentNullException">An argument or a feature is null.</exception>
    /// <exception cref="ArgumentException">A feature's length differs from the target's, or fewer than
    /// <see cref="MinimumRows"/> rows have a target value.</exception>
    public PairwiseCompleteSample(IReadOnlyList<TableColumn> features, TableColumn target, Func<TableColumn, int[], Variable>? readTarget = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        _features = [.. features];
        _target = target;
        _readTarget = readTarget ?? ((column, rows) => PairwiseComplete.Variable(column, rows));
        foreach (var column in _features)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(features));
            if (column.Length != target.Length)
            {
                throw new ArgumentException($"'{column.Name}' has {column.Length} rows but the target '{target.Name}' has {target.Length}.", nameof(features));
            }
        }

        _names = [.. _features.Select(c => c.Name)];
        int[] rows = Rows();
        Target = rows.Length >= MinimumRows
            ? _readTarget(target, rows)
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the target '{target.Name}' has {rows.Length} row(s) with a value; a selection needs at least {MinimumRows}."), nameof(target));
        TargetRows = rows.Length;
    }

    /// <summary>Rows with a target value: the rows the selection can use; the others are in no term.</summary>
    public int TargetRows { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Features => _names;

    /// <inheritdoc/>
    public override Variable Target { get; }

    /// <inheritdoc/>
    /// <remarks>The rows where the feature and the target have values (<see cref="PairwiseComplete.Rows"/>).</remarks>
    public override (Variable Feature, Variable Target) Relevance(int feature)
    {
        var x = _features[feature];
        int[] rows = Rows(x);
        return (PairwiseComplete.Variable(x, rows), _readTarget(_target, rows));
    }

    /// <inheritdoc/>
    /// <remarks>The rows where both features and the target have values.</remarks>
    public override (Variable Feature, Variable Other, Variable Target) Pair(int feature, int other)
    {
        TableColumn x = _features[feature], z = _features[other];
        int[] rows = Rows(x, z);
        return (PairwiseComplete.Variable(x, rows), PairwiseComplete.Variable(z, rows), _readTarget(_target, rows));
    }

    /// <summary>The rows where the target and every one of <paramref name="columns"/> have a value.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumRows"/> such rows for a term (one or more columns); the message names the columns, without a parameter name, to be read inside the selection's "the pair …" message.</exception>
    private int[] Rows(params TableColumn[] columns)
    {
        var rows = new List<int>(_target.Length);
        for (int r = 0; r < _target.Length; r++)
        {
            if (!_target.IsMissing(r) && Array.TrueForAll(columns, c => !c.IsMissing(r)))
            {
                rows.Add(r);
            }
        }

        if (columns.Length > 0 && rows.Count < MinimumRows)
        {
            string names = string.Join(" and ", columns.Select(c => $"'{c.Name}'"));
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{names} {(columns.Length == 1 ? "has" : "have")} {rows.Count} row(s) with a value of {(columns.Length == 1 ? "it" : "each")} and of the target '{_target.Name}'; a term needs at least {MinimumRows}."));
        }

        return [.. rows];
    }
}
