using System.Buffers;
using System.Text;

namespace Shannon.Language;

/// <summary>
/// Collects an engine's tokens as UTF-8 bytes with their log-probabilities and builds the <see cref="ScoredText"/>:
/// the text is the bytes decoded, and a token covers the characters whose first byte it holds.
/// </summary>
/// <remarks>
/// Byte-level BPE tokens may split a character; such a character belongs to the token holding its first byte, and a
/// token of continuation bytes only covers no character. Invalid UTF-8 decodes to U+FFFD, one per maximal invalid
/// subsequence (as <see cref="Encoding.UTF8"/> does).
/// </remarks>
internal sealed class ScoredTextBuilder
{
    private readonly ArrayBufferWriter<byte> _bytes = new();
    private readonly List<int> _starts = [];
    private readonly List<int> _ends = [];
    private readonly List<double> _logProbabilities = [];
    private readonly List<int> _ranks = [];
    private readonly List<double> _entropies = [];
    private readonly List<IReadOnlyList<TokenAlternative>> _alternatives = [];

    /// <summary>The number of scored tokens so far.</summary>
    public int Count => _logProbabilities.Count;

    /// <summary>Appends text that belongs to the document but has no score (e.g. a first prompt token).</summary>
    public void AddUnscored(ReadOnlySpan<byte> bytes) => _bytes.Write(bytes);

    /// <summary>Appends a scored token.</summary>
    /// <param name="bytes">The token's UTF-8 bytes.</param>
    /// <param name="logProbability">ln p of the token (≤ 0).</param>
    /// <param name="rank">1 + the number of more probable tokens, or 0 when unknown.</param>
    /// <param name="alternatives">The engine's top alternatives, most probable first.</param>
    /// <param name="entropy">The predictive entropy in nats, or NaN when unknown.</param>
    public void Add(ReadOnlySpan<byte> bytes, double logProbability, int rank, IReadOnlyList<TokenAlternative> alternatives, double entropy = double.NaN)
    {
        _entropies.Add(entropy);
        _starts.Add(_bytes.WrittenCount);
        _bytes.Write(bytes);
        _ends.Add(_bytes.WrittenCount);
        _logProbabilities.Add(logProbability);
        _ranks.Add(rank);
        _alternatives.Add(alternatives);
    }

    /// <summary>The scored text; ranks and entropies are dropped when no token has one.</summary>
    public ScoredText Build()
    {
        var bytes = _bytes.WrittenSpan;
        var text = new StringBuilder(bytes.Length);
        var startsCharacter = new bool[bytes.Length + 1];
        var charAt = new int[bytes.Length + 1];
        int at = 0;
        while (at < bytes.Length)
        {
            Rune.DecodeFromUtf8(bytes[at..], out var rune, out int consumed);
            startsCharacter[at] = true;
            charAt[at] = text.Length;
            text.Append(rune.ToString());
            at += consumed;
        }

        startsCharacter[bytes.Length] = true;
        charAt[bytes.Length] = text.Length;
        int n = _logProbabilities.Count;
        var offsets = new int[n];
        var lengths = new int[n];
        for (int i = 0; i < n; i++)
        {
            offsets[i] = CharacterStart(startsCharacter, charAt, _starts[i]);
            lengths[i] = CharacterStart(startsCharacter, charAt, _ends[i]) - offsets[i];
        }

        int[]? ranks = _ranks.TrueForAll(r => r == 0) ? null : [.. _ranks];
        double[]? entropies = _entropies.TrueForAll(double.IsNaN) ? null : [.. _entropies];
        return new ScoredText(text.ToString(), [.. _logProbabilities], offsets, lengths, entropies, ranks, [.. _alternatives]);
    }

    /// <summary>The UTF-16 index of the first character that starts at or after byte <paramref name="position"/>.</summary>
    private static int CharacterStart(bool[] startsCharacter, int[] charAt, int position)
    {
        while (!startsCharacter[position])
        {
            position++;
        }

        return charAt[position];
    }
}
