namespace Shannon.Language.Logits;

/// <summary>
/// A causal language model's logits saved as a T×V .npy table (float16, float32 or float64) with the token ids it
/// read, aligned so that row t predicts token t + 1.
/// </summary>
/// <remarks>
/// Two layouts are accepted. With as many ids as rows (a Hugging Face-style dump of <c>model(input_ids).logits</c>),
/// row t predicts id t + 1: the first id is context only (a text without a BOS token has no score for its first token)
/// and the last row, which predicts beyond the text, is unused — T − 1 tokens are scored. With one id more than rows,
/// every row is used — T tokens are scored. Logits are widened to double exactly.
/// </remarks>
public sealed class LogitDump
{
    private readonly double[] _logits;
    private readonly int[] _tokens;

    private LogitDump(double[] logits, int vocabulary, int[] tokens)
    {
        _logits = logits;
        Vocabulary = vocabulary;
        _tokens = tokens;
    }

    /// <summary>V, the number of columns.</summary>
    public int Vocabulary { get; }

    /// <summary>The scored tokens: one per used row.</summary>
    public int Count => _tokens.Length - 1;

    /// <summary>The used rows' logits, row-major (<see cref="Count"/> × <see cref="Vocabulary"/>).</summary>
    public ReadOnlySpan<double> Logits => _logits.AsSpan(0, Count * Vocabulary);

    /// <summary>All token ids the model read; <see cref="Targets"/> are all but the first.</summary>
    public ReadOnlySpan<int> Tokens => _tokens;

    /// <summary>The true token of each used row: <see cref="Tokens"/> from index 1.</summary>
    public ReadOnlySpan<int> Targets => _tokens.AsSpan(1);

    /// <summary>Reads a .npy table of logits.</summary>
    /// <param name="path">A 2-D float16/float32/float64 .npy file, T×V.</param>
    /// <param name="tokens">T or T + 1 token ids (see the remarks), each in [0, V).</param>
    /// <returns>The aligned dump.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a 2-D floating-point .npy table, or holds more used logits than one array can (read such a dump with <see cref="LogitDumpReader"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="tokens"/> has neither T nor T + 1 ids, or fewer than 2.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A token id lies outside [0, V) (named with its index).</exception>
    public static LogitDump Read(string path, ReadOnlySpan<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = LogitDumpReader.Open(path, tokens);
        long values = (long)reader.Count * reader.Vocabulary;
        if (values > Array.MaxLength)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} holds {reader.Count}×{reader.Vocabulary} used logits, more than one array can hold; read it in blocks with LogitDumpReader.");
        }

        var logits = new double[values];
        int rows = reader.ReadRows(logits);
        return rows == reader.Count ? new LogitDump(logits, reader.Vocabulary, tokens.ToArray()) : throw new InvalidDataException($"{Path.GetFileName(path)} ended after {rows} of {reader.Count} rows.");
    }

    /// <summary>Wraps a T×V table of logits already in memory.</summary>
    /// <param name="logits">T×V logits, row-major (kept, not copied).</param>
    /// <param name="vocabulary">V.</param>
    /// <param name="tokens">T or T + 1 token ids, each in [0, V).</param>
    /// <returns>The aligned dump.</returns>
    /// <exception cref="ArgumentException">The table is not T×V, or <paramref name="tokens"/> has neither T nor T + 1 ids, or fewer than 2.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vocabulary"/> is not positive, or a token id lies outside [0, V).</exception>
    public static LogitDump Of(double[] logits, int vocabulary, ReadOnlySpan<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabulary);
        if (logits.Length == 0 || logits.Length % vocabulary != 0)
        {
            throw new ArgumentException($"logits has {logits.Length} values, not a positive multiple of vocabulary = {vocabulary}.", nameof(logits));
        }

        CheckTokens(logits.Length / vocabulary, vocabulary, tokens);
        return new LogitDump(logits, vocabulary, tokens.ToArray());
    }

    /// <summary>Scores the dump: log-probability, entropy, rank and top alternatives of every target token.</summary>
    /// <param name="decode">Each token id's text (a tokenizer's decoder); null writes ids as <c>[id]</c>.</param>
    /// <param name="topK">Alternatives kept per token; ≥ 0.</param>
    /// <param name="temperature">T &gt; 0; 1 by default.</param>
    /// <returns>The scored text; the first token's text is context only and carries no score.</returns>
    /// <exception cref="ArgumentException">A bad logit (named with its row and class).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topK"/> is negative or <paramref name="temperature"/> not positive.</exception>
    public ScoredText Score(Func<int, string>? decode = null, int topK = 5, double temperature = 1.0)
    {
        var scorer = new LogitDumpScorer(Vocabulary, _tokens, decode, topK, temperature);
        scorer.Add(Logits);
        return scorer.Build();
    }

    /// <summary>Checks T or T + 1 token ids (at least 2) against a T×V table, each in [0, V).</summary>
    internal static void CheckTokens(int rows, int vocabulary, ReadOnlySpan<int> tokens)
    {
        if ((tokens.Length != rows && tokens.Length != rows + 1) || tokens.Length < 2)
        {
            throw new ArgumentException($"tokens has {tokens.Length} ids but the logits have {rows} rows: give {rows} ids (row t predicts id t + 1, the last row unused) or {rows + 1} (every row used), at least 2.", nameof(tokens));
        }

        for (int i = 0; i < tokens.Length; i++)
        {
            if ((uint)tokens[i] >= (uint)vocabulary)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), tokens[i], $"tokens has {tokens[i]} at index {i}, outside [0, {vocabulary}).");
            }
        }
    }

    /// <summary>The <paramref name="k"/> largest logits of a row as (text, ln p), most probable first.</summary>
    internal static TokenAlternative[] TopAlternatives(ReadOnlySpan<double> row, int k, double logNormaliser, double temperature, Func<int, string> decode)
    {
        k = Math.Min(k, row.Length);
        var best = new int[k];
        int kept = 0;
        for (int v = 0; v < row.Length; v++)
        {
            if (kept < k || row[v] > row[best[kept - 1]])
            {
                int at = kept < k ? kept++ : kept - 1;
                while (at > 0 && row[best[at - 1]] < row[v])
                {
                    best[at] = best[at - 1];
                    at--;
                }

                best[at] = v;
            }
        }

        var alternatives = new TokenAlternative[kept];
        for (int i = 0; i < kept; i++)
        {
            alternatives[i] = new TokenAlternative(decode(best[i]), Math.Min(0.0, (row[best[i]] / temperature) - logNormaliser));
        }

        return alternatives;
    }
}
