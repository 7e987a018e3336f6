using Shannon.Numerics;

namespace Shannon.Language.NGrams;

/// <summary>
/// An interpolated modified Kneser–Ney n-gram language model over words or characters, of order 1 … <see cref="MaxOrder"/>,
/// trained from text; it scores texts and gives the full next-token distribution for any history.
/// </summary>
/// <remarks>
/// <para>
/// P(w | h) = max(c(h w) − D(c(h w)), 0) / c(h •) + γ(h) P(w | h′), with γ(h) = (D₁N₁(h •) + D₂N₂(h •) +
/// D₃₊N₃₊(h •)) / c(h •), h′ the history without its oldest word, and the recursion ending in the uniform
/// distribution 1/V over the V predicted tokens (<c>&lt;/s&gt;</c>, <c>&lt;unk&gt;</c> and the vocabulary).
/// The highest order uses raw counts c; every lower order uses continuation counts N₁₊(• h w). A history
/// never seen falls through to the next lower order. The discounts of each order come from its
/// count-of-counts nᵢ: Y = n₁/(n₁ + 2n₂), D₁ = 1 − 2Y n₂/n₁, D₂ = 2 − 3Y n₃/n₂, D₃₊ = 3 − 4Y n₄/n₃; when some
/// nᵢ is 0 or some Dᵢ leaves (0, i] (tiny corpora), KenLM's fallback D = 0.5, 1, 1.5 is used instead.
/// </para>
/// <para>
/// Sentences are lines; each is padded on the left with n − 1 <c>&lt;s&gt;</c> and ends with
/// <c>&lt;/s&gt;</c>, which is predicted and stands for the newline. Unknown-word policy: a token seen
/// fewer than <see cref="MinCount"/> times in training is replaced by <c>&lt;unk&gt;</c> (so
/// <c>&lt;unk&gt;</c> gets real counts); with <see cref="MinCount"/> = 1 it keeps only the interpolated
/// uniform share. At scoring time every token outside the vocabulary is <c>&lt;unk&gt;</c>. Probabilities
/// sum to 1 over the V predicted tokens for every history.
/// </para>
/// <para>
/// References: Kneser, R. &amp; Ney, H. (1995), Improved backing-off for M-gram language modeling, ICASSP,
/// doi:10.1109/ICASSP.1995.479394; Chen, S. F. &amp; Goodman, J. (1998), An Empirical Study of Smoothing
/// Techniques for Language Modeling, Harvard TR-10-98 (also Computer Speech &amp; Language 13(4), 1999,
/// doi:10.1006/csla.1999.0128), §3.4 and eq. 26.
/// </para>
/// </remarks>
public sealed class KneserNeyModel
{
    /// <summary>The begin-of-sentence padding symbol (a history word only, never predicted).</summary>
    public const string BeginOfSentence = "<s>";

    /// <summary>The end-of-sentence symbol; it stands for a line's newline.</summary>
    public const string EndOfSentence = "</s>";

    /// <summary>The unknown-token symbol.</summary>
    public const string Unknown = "<unk>";

    /// <summary>
    /// The highest order <see cref="Train"/> accepts and <see cref="KneserNeyFile"/> reads, so every model Shannon
    /// trains can be saved and loaded again. Each order keeps up to one entry per training token, so memory grows
    /// with order × tokens; 16 is far beyond where Kneser–Ney stops improving on word or character data.
    /// </summary>
    public const int MaxOrder = 16;

    private readonly NGramVocabulary _vocabulary;
    private readonly KneserNeyTable _table;

    internal KneserNeyModel(NGramLevel level, int minCount, long trainingTokens, NGramVocabulary vocabulary, KneserNeyTable table)
    {
        Level = level;
        MinCount = minCount;
        TrainingTokens = trainingTokens;
        _vocabulary = vocabulary;
        _table = table;
    }

    /// <summary>The order n: the model conditions on the n − 1 previous tokens.</summary>
    public int Order => _table.Order;

    /// <summary>Words or characters.</summary>
    public NGramLevel Level { get; }

    /// <summary>Training tokens seen fewer times than this became <c>&lt;unk&gt;</c>.</summary>
    public int MinCount { get; }

    /// <summary>Tokens in the training text, end-of-sentence tokens included.</summary>
    public long TrainingTokens { get; }

    /// <summary>
    /// The token of each id: 0 <c>&lt;s&gt;</c>, 1 <c>&lt;/s&gt;</c>, 2 <c>&lt;unk&gt;</c>, then the known tokens.
    /// <see cref="Distribution"/> writes one probability per entry.
    /// </summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary.Tokens;

    /// <summary>V: the number of tokens the model predicts (every vocabulary entry but <c>&lt;s&gt;</c>).</summary>
    public int VocabularySize => _vocabulary.Count - 1;

    internal NGramVocabulary Symbols => _vocabulary;

    internal KneserNeyTable Table => _table;

    /// <summary>Trains a model on a text.</summary>
    /// <param name="text">The training text; each non-blank line is a sentence.</param>
    /// <param name="order">n in 1 … <see cref="MaxOrder"/> (1 = unigram).</param>
    /// <param name="level">Words or characters.</param>
    /// <param name="minCount">Tokens seen fewer times become <c>&lt;unk&gt;</c>; ≥ 1.</param>
    /// <param name="progress">Told the tokens counted of the training stream's tokens (about 256 reports once the text
    /// is tokenized, the last with Done = Total), on the calling thread; null for none.</param>
    /// <returns>The trained model.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> has no token.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is outside 1 … <see cref="MaxOrder"/>, <paramref name="minCount"/> is below 1, or <paramref name="level"/> is not defined.</exception>
    public static KneserNeyModel Train(string text, int order = 3, NGramLevel level = NGramLevel.Word, int minCount = 1, IProgress<WorkDone>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, MaxOrder);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be Word or Character.");
        }

        var (vocabulary, stream) = NGramEncoder.ForTraining(text, level, minCount);
        if (stream.Length == 0)
        {
            throw new ArgumentException("text has no token to train on (it is empty or blank).", nameof(text));
        }

        var table = KneserNeyTable.Count(order, vocabulary.Count, stream, NGramVocabulary.EndId, progress);
        return new KneserNeyModel(level, minCount, stream.Length, vocabulary, table);
    }

    /// <summary>ln P(token | history): the natural log of the model's probability of a token after a history.</summary>
    /// <param name="token">The predicted token (<c>&lt;/s&gt;</c> for the end of a sentence; unknown text counts as <c>&lt;unk&gt;</c>).</param>
    /// <param name="history">The preceding tokens of the sentence, most recent last; only the last n − 1 are used, and a shorter history is the start of a sentence (padded with <c>&lt;s&gt;</c>).</param>
    /// <returns>ln P in nats, &lt; 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is <c>&lt;s&gt;</c>, which is never predicted.</exception>
    public double LogProbability(string token, params ReadOnlySpan<string> history)
    {
        ArgumentNullException.ThrowIfNull(token);
        int word = _vocabulary.IdOf(token);
        if (word == NGramVocabulary.BeginId)
        {
            throw new ArgumentException($"token '{BeginOfSentence}' is padding and is never predicted.", nameof(token));
        }

        return _table.LogProbability(PaddedHistory(history), word);
    }

    /// <summary>Boundaries of runs of about <see cref="ScoringRun"/> tokens that each begin a sentence (after a <c>&lt;/s&gt;</c>), ending with the token count.</summary>
    private static int[] SentenceRuns(int[] ids)
    {
        var starts = new List<int> { 0 };
        for (int next = ScoringRun; next < ids.Length; next += ScoringRun)
        {
            int end = Array.IndexOf(ids, NGramVocabulary.EndId, Math.Max(next, starts[^1]));
            if (end < 0 || end + 1 >= ids.Length)
            {
                break;
            }

            starts.Add(end + 1);
            next = end + 1;
        }

        starts.Add(ids.Length);
        return [.. starts];
    }

    /// <summary>Writes P(w | history) for every vocabulary entry w into <paramref name="destination"/>.</summary>
    /// <param name="history">The preceding tokens, most recent last (see <see cref="LogProbability"/>).</param>
    /// <param name="destination">One slot per <see cref="Vocabulary"/> entry; entry 0 (<c>&lt;s&gt;</c>) gets 0 and the rest sum to 1.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Vocabulary"/>.</exception>
    public void Distribution(ReadOnlySpan<string> history, Span<double> destination)
    {
        Guard.DestinationFits(destination, _vocabulary.Count, nameof(destination));
        _table.Distribution(PaddedHistory(history), destination);
    }

    /// <summary>Tokens per parallel scoring run (each run is extended to the next sentence boundary).</summary>
    private const int ScoringRun = 1 << 15;

    /// <summary>Scores every token of a text: log-probability, range, and on request entropy, rank and top alternatives.</summary>
    /// <param name="text">The text; each non-blank line is a sentence whose <c>&lt;/s&gt;</c> is scored as its newline.</param>
    /// <param name="details">Also compute each position's predictive entropy, the true token's rank and the top alternatives (costs O(V) per token).</param>
    /// <param name="topK">Alternatives kept per token when <paramref name="details"/> is set; ≥ 0.</param>
    /// <returns>The scored tokens.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> has no token.</exception>
    public ScoredText Score(string text, bool details = false, int topK = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        var (ids, offsets, lengths) = NGramEncoder.ForScoring(text, Level, _vocabulary);
        if (ids.Length == 0)
        {
            throw new ArgumentException("text has no token to score (it is empty or blank).", nameof(text));
        }

        var logProbabilities = new double[ids.Length];
        double[]? entropies = details ? new double[ids.Length] : null;
        int[]? ranks = details ? new int[ids.Length] : null;
        IReadOnlyList<TokenAlternative>[]? alternatives = details ? new IReadOnlyList<TokenAlternative>[ids.Length] : null;

        // Every sentence starts from <s> padding, so runs of whole sentences score independently, in parallel.
        int[] starts = SentenceRuns(ids);
        Parallel.For(0, starts.Length - 1, run =>
        {
            int pad = Order - 1;
            Span<int> history = stackalloc int[pad];
            double[]? distribution = details ? new double[_vocabulary.Count] : null;
            for (int i = starts[run]; i < starts[run + 1]; i++)
            {
                // The history is the sentence's last n − 1 tokens before i, left-padded with <s>.
                ReadOnlySpan<int> seen = ids.AsSpan(Math.Max(starts[run], i - pad), Math.Min(pad, i - starts[run]));
                seen = seen[(seen.LastIndexOf(NGramVocabulary.EndId) + 1)..];
                history[..(pad - seen.Length)].Fill(NGramVocabulary.BeginId);
                seen.CopyTo(history[(pad - seen.Length)..]);
                logProbabilities[i] = _table.LogProbability(history, ids[i]);
                if (distribution is not null)
                {
                    _table.Distribution(history, distribution);
                    var analysis = DistributionAnalysis.Of(distribution, ids[i], topK, _vocabulary.Tokens, skip: NGramVocabulary.BeginId);
                    entropies![i] = analysis.Entropy;
                    ranks![i] = analysis.Rank;
                    alternatives![i] = analysis.Alternatives;
                }
            }
        });

        // A token outside the vocabulary was scored as <unk>: the report charges its spelling (see ScoredText).
        bool[] unknown = Array.ConvertAll(ids, id => id == NGramVocabulary.UnknownId);
        return new ScoredText(text, logProbabilities, offsets, lengths, entropies, ranks, alternatives, unknown);
    }

    private int[] PaddedHistory(ReadOnlySpan<string> history)
    {
        var ids = new int[Order - 1];
        int take = Math.Min(history.Length, ids.Length);
        for (int i = 0; i < take; i++)
        {
            ids[ids.Length - take + i] = _vocabulary.IdOf(history[history.Length - take + i]);
        }

        return ids;
    }
}
