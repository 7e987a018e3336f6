using System.Text;
using Shannon.Numerics;

namespace Shannon.Language;

/// <summary>
/// A text and the log-probability a language model gave each of its tokens, with each token's character
/// range; optionally the model's predictive entropy, the rank of the true token and the top alternatives.
/// </summary>
/// <remarks>
/// Tokens are stored column-wise (one array per field) so long texts cost no object per token; index it
/// to get a <see cref="TokenScore"/>. <see cref="Bytes"/>, <see cref="Characters"/> and <see cref="Words"/>
/// count the whole <see cref="Text"/>: UTF-8 bytes, Unicode scalar values, and maximal runs of
/// non-whitespace characters.
/// <para>
/// Text the model did not predict is charged as spelled out: a token outside a closed vocabulary (scored as
/// <c>&lt;unk&gt;</c>, which predicts only that <i>some</i> unknown word comes) and the text before the first scored
/// token (a causal model without a begin-of-sequence token never predicts its first token). Each such piece costs
/// (b + 1)·ln 257 nats for its b UTF-8 bytes: every byte drawn uniformly from 256 values plus an end mark, a prefix
/// code whose lengths satisfy Kraft's inequality with equality, so the per-byte figures of a
/// <see cref="PerplexityReport"/> stay real code lengths whatever the vocabulary. This follows the open-vocabulary
/// evaluation that charges unknown words their spelling (Mielke, S. J. &amp; Eisner, J. (2019), Spell Once, Summon
/// Anywhere: A Two-Level Open-Vocabulary Language Model, AAAI, doi:10.1609/aaai.v33i01.33016843) with the simplest
/// spelling model; SRILM's <c>ngram -ppl</c> and KenLM's <c>query</c> likewise count OOVs separately.
/// </para>
/// </remarks>
public sealed class ScoredText
{
    private readonly double[] _logProbabilities;
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly double[]? _entropies;
    private readonly int[]? _ranks;
    private readonly IReadOnlyList<TokenAlternative>[]? _alternatives;

    /// <summary>Wraps the scores of the tokens of <paramref name="text"/>.</summary>
    /// <param name="text">The scored text.</param>
    /// <param name="logProbabilities">ln p of each token in nats: ≤ 0, not NaN (−∞ allowed).</param>
    /// <param name="offsets">Each token's first UTF-16 index in <paramref name="text"/>, non-decreasing.</param>
    /// <param name="lengths">Each token's length in UTF-16 units (0 allowed, e.g. an end-of-text token).</param>
    /// <param name="entropies">Optional predictive entropies in nats (NaN = unknown).</param>
    /// <param name="ranks">Optional ranks of the true token (0 = unknown).</param>
    /// <param name="alternatives">Optional top alternatives per token.</param>
    /// <param name="outOfVocabulary">Optional: which tokens lay outside the model's vocabulary (scored as <c>&lt;unk&gt;</c>); each is charged its spelling.</param>
    /// <param name="unscoredPrefix">UTF-16 units at the start of <paramref name="text"/> that no token covers because the model never predicted them (0 = none); charged their spelling.</param>
    /// <exception cref="ArgumentException">The arrays differ in length, a log-probability is NaN or positive, a token's range lies outside the text, or <paramref name="unscoredPrefix"/> lies outside it.</exception>
    public ScoredText(string text, double[] logProbabilities, int[] offsets, int[] lengths,
        double[]? entropies = null, int[]? ranks = null, IReadOnlyList<TokenAlternative>[]? alternatives = null,
        bool[]? outOfVocabulary = null, int unscoredPrefix = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(logProbabilities);
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(lengths);
        Guard.SameLength<double, int>(logProbabilities, offsets, nameof(logProbabilities), nameof(offsets));
        Guard.SameLength<double, int>(logProbabilities, lengths, nameof(logProbabilities), nameof(lengths));
        CheckOptional(entropies, logProbabilities.Length, nameof(entropies));
        CheckOptional(ranks, logProbabilities.Length, nameof(ranks));
        CheckOptional(alternatives, logProbabilities.Length, nameof(alternatives));
        CheckOptional(outOfVocabulary, logProbabilities.Length, nameof(outOfVocabulary));
        if (unscoredPrefix < 0 || unscoredPrefix > text.Length)
        {
            throw new ArgumentException($"unscoredPrefix is {unscoredPrefix}, outside the text of length {text.Length}.", nameof(unscoredPrefix));
        }
        for (int i = 0; i < logProbabilities.Length; i++)
        {
            double lp = logProbabilities[i];
            if (double.IsNaN(lp) || lp > 0)
            {
                throw new ArgumentException($"logProbabilities has {lp.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} at index {i}; a log-probability is ≤ 0 and not NaN.", nameof(logProbabilities));
            }

            if (offsets[i] < 0 || lengths[i] < 0 || offsets[i] + lengths[i] > text.Length)
            {
                throw new ArgumentException($"Token {i} covers [{offsets[i]}, {offsets[i] + lengths[i]}), outside the text of length {text.Length}.", nameof(offsets));
            }
        }

        Text = text;
        _logProbabilities = logProbabilities;
        _offsets = offsets;
        _lengths = lengths;
        _entropies = entropies;
        _ranks = ranks;
        _alternatives = alternatives;
        Bytes = Encoding.UTF8.GetByteCount(text);
        Characters = CountCharacters(text);
        Words = CountWords(text);
        long spelled = 0, pieces = 0;
        if (unscoredPrefix > 0)
        {
            spelled += Encoding.UTF8.GetByteCount(text.AsSpan(0, unscoredPrefix));
            pieces++;
        }

        for (int i = 0; outOfVocabulary is not null && i < outOfVocabulary.Length; i++)
        {
            if (outOfVocabulary[i])
            {
                OutOfVocabulary++;
                spelled += Encoding.UTF8.GetByteCount(text.AsSpan(offsets[i], lengths[i]));
                pieces++;
            }
        }

        SpelledBytes = spelled;
        SpellingNats = (spelled + pieces) * Math.Log(257.0);
    }

    /// <summary>Tokens outside the model's vocabulary, scored as <c>&lt;unk&gt;</c> (0 for a model without a closed vocabulary).</summary>
    public long OutOfVocabulary { get; }

    /// <summary>UTF-8 bytes of the text the model did not predict: its out-of-vocabulary tokens and any unscored prefix.</summary>
    public long SpelledBytes { get; }

    /// <summary>
    /// The cost of spelling that text out, in nats: (b + 1)·ln 257 for each piece of b bytes (see the remarks); 0 when
    /// the model predicted all of the text.
    /// </summary>
    public double SpellingNats { get; }

    /// <summary>The scored text.</summary>
    public string Text { get; }

    /// <summary>The number of scored tokens.</summary>
    public int Count => _logProbabilities.Length;

    /// <summary>ln p of each token, in nats.</summary>
    public ReadOnlySpan<double> LogProbabilities => _logProbabilities;

    /// <summary>Each token's first UTF-16 index in <see cref="Text"/>.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>Each token's length in UTF-16 units.</summary>
    public ReadOnlySpan<int> Lengths => _lengths;

    /// <summary>Does every token carry its predictive entropy?</summary>
    public bool HasEntropies => _entropies is not null;

    /// <summary>UTF-8 bytes of <see cref="Text"/>.</summary>
    public long Bytes { get; }

    /// <summary>Unicode scalar values of <see cref="Text"/>.</summary>
    public long Characters { get; }

    /// <summary>Maximal runs of non-whitespace characters in <see cref="Text"/>.</summary>
    public long Words { get; }

    /// <summary>The token at <paramref name="index"/> with everything known about it.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    public TokenScore this[int index] => new(
        Text.Substring(_offsets[index], _lengths[index]),
        _offsets[index],
        _logProbabilities[index],
        _entropies?[index] ?? double.NaN,
        _ranks?[index] ?? 0,
        _alternatives?[index] ?? []);

    /// <summary>
    /// Sums token surprisals into word surprisals. A word is a maximal run of non-whitespace characters; a
    /// token belongs to the word that contains its first non-whitespace character; a token of whitespace only
    /// belongs to the word before it (tokens of whitespace before the first word belong to no word).
    /// </summary>
    /// <returns>One (start, length, surprisal in nats) per word, in text order.</returns>
    /// <remarks>
    /// With this rule the word surprisals and the unassigned leading whitespace add up to the text's total
    /// negative log-likelihood, so word-level perplexity exp(Σ NLL / <see cref="Words"/>) counts every token once.
    /// </remarks>
    public IReadOnlyList<(int Start, int Length, double SurprisalNats)> WordSurprisals()
    {
        var words = new List<(int Start, int Length, double SurprisalNats)>();
        int i = 0;
        while (i < Text.Length)
        {
            while (i < Text.Length && char.IsWhiteSpace(Text[i]))
            {
                i++;
            }

            int start = i;
            while (i < Text.Length && !char.IsWhiteSpace(Text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add((start, i - start, 0.0));
            }
        }

        int word = -1;
        for (int t = 0; t < Count; t++)
        {
            int first = FirstNonWhitespace(_offsets[t], _lengths[t]);
            if (first >= 0)
            {
                while (word + 1 < words.Count && words[word + 1].Start <= first)
                {
                    word++;
                }
            }

            if (word >= 0)
            {
                var w = words[word];
                words[word] = (w.Start, w.Length, w.SurprisalNats - _logProbabilities[t]);
            }
        }

        return words;
    }

    private int FirstNonWhitespace(int offset, int length)
    {
        for (int i = offset; i < offset + length; i++)
        {
            if (!char.IsWhiteSpace(Text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckOptional<T>(T[]? values, int length, string paramName)
    {
        if (values is not null && values.Length != length)
        {
            throw new ArgumentException($"{paramName} has {values.Length} entries but there are {length} tokens.", paramName);
        }
    }

    private static long CountCharacters(string text)
    {
        long count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static long CountWords(string text)
    {
        long count = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool white = char.IsWhiteSpace(c);
            if (!white && !inWord)
            {
                count++;
            }

            inWord = !white;
        }

        return count;
    }
}
