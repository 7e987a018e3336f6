using System.Text;

namespace Shannon.Language.Logits;

/// <summary>
/// Scores a logit dump block by block: the log-probability, entropy, rank and top alternatives of every target token,
/// with memory for the per-token results only, never the whole T×V table.
/// </summary>
/// <remarks>
/// Feed the used rows in order with <see cref="Add"/> (from a <see cref="LogitDumpReader"/> or from memory), then
/// <see cref="Build"/>. The result equals <see cref="LogitDump.Score"/> on the same rows, whatever the blocks. A bad
/// logit (NaN, +∞, or a row of −∞ only) is named by its row in the whole dump. Reference: Bridle, J. S. (1990),
/// Probabilistic interpretation of feedforward classification network outputs, NATO ASI Series F68, 227–236,
/// doi:10.1007/978-3-642-76153-9_28.
/// </remarks>
public sealed class LogitDumpScorer
{
    private readonly int _vocabulary;
    private readonly int[] _tokens;
    private readonly Func<int, string> _decode;
    private readonly int _topK;
    private readonly double _temperature;
    private readonly double[] _logProbabilities;
    private readonly double[] _entropies;
    private readonly int[] _ranks;
    private readonly IReadOnlyList<TokenAlternative>[] _alternatives;
    private int _scored;

    /// <summary>Starts scoring a dump of the given shape.</summary>
    /// <param name="vocabulary">V, the number of columns.</param>
    /// <param name="tokens">All token ids the model read; the targets are all but the first (see <see cref="LogitDump"/>).</param>
    /// <param name="decode">Each token id's text (a tokenizer's decoder); null writes ids as <c>[id]</c>.</param>
    /// <param name="topK">Alternatives kept per token; ≥ 0.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vocabulary"/> or <paramref name="temperature"/> is not positive, <paramref name="topK"/> is negative, or a token id lies outside [0, V).</exception>
    /// <exception cref="ArgumentException"><paramref name="tokens"/> has fewer than 2 ids.</exception>
    public LogitDumpScorer(int vocabulary, ReadOnlySpan<int> tokens, Func<int, string>? decode = null, int topK = 5, double temperature = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabulary);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        if (!(temperature > 0) || double.IsPositiveInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be positive and finite.");
        }

        LogitDump.CheckTokens(tokens.Length - 1, vocabulary, tokens);
        _vocabulary = vocabulary;
        _tokens = tokens.ToArray();
        _decode = decode ?? (id => $"[{id}]");
        _topK = topK;
        _temperature = temperature;
        int n = tokens.Length - 1;
        _logProbabilities = new double[n];
        _entropies = new double[n];
        _ranks = new int[n];
        _alternatives = new IReadOnlyList<TokenAlternative>[n];
    }

    /// <summary>The tokens scored so far.</summary>
    public int Count => _scored;

    /// <summary>Scores the next rows.</summary>
    /// <param name="logits">Whole rows, row-major: the next <c>logits.Length / V</c> used rows of the dump.</param>
    /// <exception cref="ArgumentException">Not whole rows, more rows than targets remain, or a bad logit (named with its row in the dump and its class).</exception>
    public void Add(ReadOnlySpan<double> logits)
    {
        int rows = RowsOf(logits.Length, _vocabulary, _tokens.Length - 1 - _scored, nameof(logits));
        LogitScoring.CheckRows(logits, _vocabulary, _scored, nameof(logits));
        var targets = _tokens.AsSpan(1 + _scored, rows);
        var logProbabilities = _logProbabilities.AsSpan(_scored, rows);
        LogitScoring.Score(logits, _vocabulary, targets, logProbabilities, _entropies.AsSpan(_scored, rows), _ranks.AsSpan(_scored, rows), _temperature);
        for (int t = 0; t < rows; t++)
        {
            var row = logits.Slice(t * _vocabulary, _vocabulary);
            double logNormaliser = (row[targets[t]] / _temperature) - logProbabilities[t];
            _alternatives[_scored + t] = LogitDump.TopAlternatives(row, _topK, logNormaliser, _temperature, _decode);
        }

        _scored += rows;
    }

    /// <summary>The scored text once every row has been added.</summary>
    /// <returns>The scored text; the first token's text is context only and carries no score.</returns>
    /// <exception cref="InvalidOperationException">Rows are missing.</exception>
    public ScoredText Build()
    {
        int n = _logProbabilities.Length;
        if (_scored != n)
        {
            throw new InvalidOperationException($"{_scored} of {n} rows were added; every used row must be scored before the text is built.");
        }

        var text = new StringBuilder(_decode(_tokens[0]));
        var offsets = new int[n];
        var lengths = new int[n];
        for (int t = 0; t < n; t++)
        {
            string token = _decode(_tokens[t + 1]);
            offsets[t] = text.Length;
            lengths[t] = token.Length;
            text.Append(token);
        }

        return new ScoredText(text.ToString(), _logProbabilities, offsets, lengths, _entropies, _ranks, _alternatives);
    }

    /// <summary>The whole rows in a block, checked against the rows that remain.</summary>
    internal static int RowsOf(int length, int vocabulary, int remaining, string name)
    {
        if (length % vocabulary != 0)
        {
            throw new ArgumentException($"{name} has {length} values, not whole rows of {vocabulary}.", name);
        }

        int rows = length / vocabulary;
        return rows <= remaining
            ? rows
            : throw new ArgumentException($"{name} has {rows} rows but only {remaining} targets remain.", name);
    }
}
