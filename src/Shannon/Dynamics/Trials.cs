using Shannon.Estimators;

namespace Shannon.Dynamics;

/// <summary>
/// How the rows of a time series split into trials (independent repetitions, each time-ordered and contiguous), so that
/// embedded samples never reach from one trial into another and are pooled across trials, as JIDT and IDTxl pool them.
/// </summary>
/// <remarks>
/// A trial is a maximal run of rows with the same trial label; a label that comes back after another trial has started is
/// an error, because the rows of a trial must be contiguous and in time order. Reference: Wibral, M. et al. (2014),
/// Directed information measures in neuroscience, Springer, ch. 1, doi:10.1007/978-3-642-54474-3 (ensemble estimation).
/// </remarks>
public sealed class Trials
{
    private readonly int[] _starts;
    private readonly int[] _lengths;

    private Trials(int[] starts, int[] lengths)
    {
        _starts = starts;
        _lengths = lengths;
    }

    /// <summary>The first row of each trial, in order.</summary>
    public ReadOnlySpan<int> Starts => _starts;

    /// <summary>The number of rows of each trial, in order.</summary>
    public ReadOnlySpan<int> Lengths => _lengths;

    /// <summary>The number of trials.</summary>
    public int Count => _starts.Length;

    /// <summary>The total number of rows.</summary>
    public int Rows => _starts.Length == 0 ? 0 : _starts[^1] + _lengths[^1];

    /// <summary>One trial of <paramref name="rows"/> rows: the whole series.</summary>
    /// <param name="rows">The length of the series; at least 1.</param>
    /// <returns>A single trial.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> &lt; 1.</exception>
    public static Trials Single(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        return new Trials([0], [rows]);
    }

    /// <summary>Trials from a column of trial labels, one per row.</summary>
    /// <param name="labels">The trial of each row (codes of any labels); each trial's rows contiguous.</param>
    /// <returns>The trials in order of appearance.</returns>
    /// <exception cref="ArgumentException">A trial's rows are not contiguous (its label comes back after another trial).</exception>
    public static Trials FromLabels(Variable labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ReadOnlySpan<int> codes = labels.Codes;
        var seen = new bool[labels.Categories];
        var starts = new List<int>();
        for (int i = 0; i < codes.Length; i++)
        {
            if (i > 0 && codes[i] == codes[i - 1])
            {
                continue;
            }

            if (seen[codes[i]])
            {
                throw new ArgumentException(
                    $"trial column '{labels.Name}': row {i} returns to a trial that ended before row {i}; each trial's rows must be contiguous and time-ordered.",
                    nameof(labels));
            }

            seen[codes[i]] = true;
            starts.Add(i);
        }

        var lengths = new int[starts.Count];
        for (int t = 0; t < starts.Count; t++)
        {
            lengths[t] = (t + 1 < starts.Count ? starts[t + 1] : codes.Length) - starts[t];
        }

        return new Trials([.. starts], lengths);
    }
}
