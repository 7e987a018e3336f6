using Shannon.Numerics;

namespace Shannon.Language;

/// <summary>
/// Corpus-level language-model numbers from scored documents: perplexity with its standard error, the mean
/// of per-document perplexities (a different quantity, labelled as such), cross-entropy, and the per-byte,
/// per-character and per-word normalisations with their counts.
/// </summary>
/// <remarks>
/// Corpus perplexity is exp(mean NLL) over all tokens of all documents, NLL = −ln p of each token; its
/// standard error is the delta-method PPL · s/√N with s the sample standard deviation of the token NLLs
/// (the convention of llama.cpp's perplexity tool; NaN for fewer than two tokens, where a spread is undefined). A token of
/// probability 0 (ln p = −∞) makes the cross-entropy, the perplexity, the standard error (for two or more tokens), the
/// normalisations and its document's perplexity +∞, the limit of each as p → 0, rather than NaN. The mean of per-document
/// perplexities weights short documents as much as long ones and differs in general
/// from the corpus value: NLLs [ln 2] and [ln 4, ln 4, ln 4] give corpus 2^1.75 ≈ 3.3636 but a document
/// mean of 3. Bits per byte = Σ NLL / (ln 2 · UTF-8 bytes) = log₂ of the byte-level perplexity; likewise per
/// character (Unicode scalar values) and per word (whitespace-separated runs, see <see cref="ScoredText.WordSurprisals"/>).
/// Reference: Jelinek, F., Mercer, R. L., Bahl, L. R. &amp; Baker, J. K. (1977), Perplexity — a measure of the
/// difficulty of speech recognition tasks, JASA 62(S1), S63, doi:10.1121/1.2016299.
/// </remarks>
public sealed record PerplexityReport
{
    private PerplexityReport()
    {
    }

    /// <summary>Scored tokens over all documents.</summary>
    public long Tokens { get; private init; }

    /// <summary>Documents.</summary>
    public int Documents { get; private init; }

    /// <summary>Mean token NLL, in nats per token.</summary>
    public double CrossEntropy { get; private init; }

    /// <summary>Standard error of <see cref="CrossEntropy"/>, s/√N, in nats (NaN for N &lt; 2, +∞ when a token has probability 0).</summary>
    public double CrossEntropyStandardError { get; private init; }

    /// <summary>Mean token NLL in bits per token.</summary>
    public double CrossEntropyBits => CrossEntropy / Math.Log(2.0);

    /// <summary>Corpus perplexity exp(<see cref="CrossEntropy"/>).</summary>
    public double Perplexity => Math.Exp(CrossEntropy);

    /// <summary>Delta-method standard error of <see cref="Perplexity"/>: PPL · s/√N.</summary>
    /// <remarks>0 when every token has the same NLL (even if the perplexity overflows to +∞); NaN for fewer than two tokens.</remarks>
    public double PerplexityStandardError => CrossEntropyStandardError == 0 ? 0 : Perplexity * CrossEntropyStandardError;

    /// <summary>The mean over documents of each document's own perplexity (not the corpus perplexity).</summary>
    public double MeanDocumentPerplexity { get; private init; }

    /// <summary>UTF-8 bytes of all documents.</summary>
    public long Bytes { get; private init; }

    /// <summary>Unicode scalar values of all documents.</summary>
    public long Characters { get; private init; }

    /// <summary>Whitespace-separated words of all documents.</summary>
    public long Words { get; private init; }

    /// <summary>Total NLL over all tokens, in nats.</summary>
    public double TotalNegativeLogLikelihood { get; private init; }

    /// <summary>Tokens outside the model's vocabulary, scored as <c>&lt;unk&gt;</c> (see <see cref="ScoredText.OutOfVocabulary"/>).</summary>
    public long OutOfVocabulary { get; private init; }

    /// <summary>The share of tokens outside the vocabulary, <see cref="OutOfVocabulary"/> / <see cref="Tokens"/>.</summary>
    public double OutOfVocabularyRate => (double)OutOfVocabulary / Tokens;

    /// <summary>UTF-8 bytes the model did not predict (out-of-vocabulary tokens, unscored first tokens), spelled out.</summary>
    public long SpelledBytes { get; private init; }

    /// <summary>The nats spent spelling out <see cref="SpelledBytes"/> (see <see cref="ScoredText.SpellingNats"/>).</summary>
    public double SpellingNats { get; private init; }

    /// <summary>
    /// Bits per UTF-8 byte of the whole text: (Σ NLL + spelling) / (ln 2 · bytes), where the spelling term charges the
    /// text the model did not predict (see <see cref="ScoredText"/>), so a model whose <c>&lt;unk&gt;</c> covers most
    /// of the text cannot claim fewer bits than a code for that text needs.
    /// </summary>
    public double BitsPerByte => TextNats / (Math.Log(2.0) * Bytes);

    /// <summary>Byte-level perplexity exp((Σ NLL + spelling) / bytes) = 2^<see cref="BitsPerByte"/>.</summary>
    public double BytePerplexity => Math.Exp(TextNats / Bytes);

    /// <summary>Bits per character: (Σ NLL + spelling) / (ln 2 · characters).</summary>
    public double BitsPerCharacter => TextNats / (Math.Log(2.0) * Characters);

    /// <summary>Word-level perplexity exp((Σ NLL + spelling) / words).</summary>
    public double WordPerplexity => Math.Exp(TextNats / Words);

    // The code length of the whole text: the tokens' NLL plus the spelling of what the model did not predict.
    private double TextNats => TotalNegativeLogLikelihood + SpellingNats;

    /// <summary>Builds the report of a set of scored documents.</summary>
    /// <param name="documents">At least one document; every document has at least one token.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="documents"/> is empty or a document has no token.</exception>
    public static PerplexityReport Of(IReadOnlyList<ScoredText> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            throw new ArgumentException("documents is empty.", nameof(documents));
        }

        var total = default(CompensatedSum);
        var documentPerplexities = default(CompensatedSum);
        long tokens = 0, bytes = 0, characters = 0, words = 0, outOfVocabulary = 0, spelledBytes = 0;
        var spelling = default(CompensatedSum);
        bool impossible = false;
        for (int d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            if (document.Count == 0)
            {
                throw new ArgumentException($"documents has a document with no token at index {d}.", nameof(documents));
            }

            var sum = default(CompensatedSum);
            bool zero = false;
            foreach (double lp in document.LogProbabilities)
            {
                // ln p = −∞ is kept out of the compensated sums (∞ − ∞ would make them NaN); the results become +∞ below.
                if (double.IsNegativeInfinity(lp))
                {
                    zero = true;
                }
                else
                {
                    sum.Add(-lp);
                }
            }

            impossible |= zero;
            total.Add(sum);
            if (!zero)
            {
                documentPerplexities.Add(Math.Exp(sum.Value / document.Count));
            }

            tokens += document.Count;
            bytes += document.Bytes;
            characters += document.Characters;
            words += document.Words;
            outOfVocabulary += document.OutOfVocabulary;
            spelledBytes += document.SpelledBytes;
            spelling.Add(document.SpellingNats);
        }

        double mean = total.Value / tokens;
        var squares = default(CompensatedSum);
        foreach (var document in documents)
        {
            foreach (double lp in document.LogProbabilities)
            {
                double deviation = -lp - mean;
                squares.Add(deviation * deviation);
            }
        }

        double standardError = tokens < 2 ? double.NaN
            : impossible ? double.PositiveInfinity
            : Math.Sqrt(squares.Value / (tokens - 1) / tokens);
        return new PerplexityReport
        {
            Tokens = tokens,
            Documents = documents.Count,
            CrossEntropy = impossible ? double.PositiveInfinity : mean,
            CrossEntropyStandardError = standardError,
            MeanDocumentPerplexity = impossible ? double.PositiveInfinity : documentPerplexities.Value / documents.Count,
            Bytes = bytes,
            Characters = characters,
            Words = words,
            TotalNegativeLogLikelihood = impossible ? double.PositiveInfinity : total.Value,
            OutOfVocabulary = outOfVocabulary,
            SpelledBytes = spelledBytes,
            SpellingNats = spelling.Value,
        };
    }
}
