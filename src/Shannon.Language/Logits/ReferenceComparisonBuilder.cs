using System.Numerics.Tensors;

namespace Shannon.Language.Logits;

/// <summary>
/// Builds a <see cref="ReferenceComparison"/> block by block from two logit dumps of the same tokens read in step, so
/// that neither table is ever held whole.
/// </summary>
/// <remarks>
/// Memory: four doubles per token. The result equals <see cref="ReferenceComparison.Of(ReadOnlySpan{double}, ReadOnlySpan{double}, int, ReadOnlySpan{int})"/>
/// on the same rows, whatever the blocks. A bad logit is named by its table, its row in the whole dump and its class.
/// Reference: Kullback, S. &amp; Leibler, R. A. (1951), On Information and Sufficiency, Ann. Math. Statist. 22(1),
/// 79–86, doi:10.1214/aoms/1177729694.
/// </remarks>
public sealed class ReferenceComparisonBuilder
{
    private readonly int _vocabulary;
    private readonly int[] _targets;
    private readonly double[] _divergences;
    private readonly double[] _referenceLog;
    private readonly double[] _modelLog;
    private int _agree;
    private int _added;

    /// <summary>Starts a comparison of T rows.</summary>
    /// <param name="vocabulary">V, the number of columns of both tables.</param>
    /// <param name="targets">The T true token ids, each in [0, V).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vocabulary"/> is not positive, or a target lies outside [0, V) (named with its index).</exception>
    /// <exception cref="ArgumentException"><paramref name="targets"/> is empty.</exception>
    public ReferenceComparisonBuilder(int vocabulary, ReadOnlySpan<int> targets)
    {
        // The table's size is never formed: a streamed dump may hold more than 2^31 logits.
        LogitScoring.CheckTargets(vocabulary, targets);
        _vocabulary = vocabulary;
        _targets = targets.ToArray();
        _divergences = new double[targets.Length];
        _referenceLog = new double[targets.Length];
        _modelLog = new double[targets.Length];
    }

    /// <summary>The rows added so far.</summary>
    public int Count => _added;

    /// <summary>Adds the next rows of both tables.</summary>
    /// <param name="reference">The reference model's next rows, row-major.</param>
    /// <param name="model">The model under test's same rows.</param>
    /// <exception cref="ArgumentException">The blocks differ in length, are not whole rows, hold more rows than remain, or hold a bad logit (named with its table, row and class).</exception>
    public void Add(ReadOnlySpan<double> reference, ReadOnlySpan<double> model)
    {
        if (reference.Length != model.Length)
        {
            throw new ArgumentException($"reference has {reference.Length} values but model has {model.Length}.", nameof(model));
        }

        int rows = LogitDumpScorer.RowsOf(reference.Length, _vocabulary, _targets.Length - _added, nameof(reference));
        LogitScoring.CheckRows(reference, _vocabulary, _added, nameof(reference));
        LogitScoring.CheckRows(model, _vocabulary, _added, nameof(model));
        var targets = _targets.AsSpan(_added, rows);
        LogitScoring.KullbackLeibler(reference, model, _vocabulary, _divergences.AsSpan(_added, rows));
        LogitScoring.Score(reference, _vocabulary, targets, _referenceLog.AsSpan(_added, rows));
        LogitScoring.Score(model, _vocabulary, targets, _modelLog.AsSpan(_added, rows));
        for (int t = 0; t < rows; t++)
        {
            if (TensorPrimitives.IndexOfMax(reference.Slice(t * _vocabulary, _vocabulary)) == TensorPrimitives.IndexOfMax(model.Slice(t * _vocabulary, _vocabulary)))
            {
                _agree++;
            }
        }

        _added += rows;
    }

    /// <summary>The comparison once every row has been added.</summary>
    /// <returns>The statistics of the T rows.</returns>
    /// <exception cref="InvalidOperationException">Rows are missing.</exception>
    public ReferenceComparison Build() =>
        _added == _targets.Length
            ? ReferenceComparison.From(_divergences, _referenceLog, _modelLog, _agree)
            : throw new InvalidOperationException($"{_added} of {_targets.Length} rows were added; every row must be compared before the statistics are built.");
}
