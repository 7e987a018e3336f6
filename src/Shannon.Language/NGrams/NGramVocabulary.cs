namespace Shannon.Language.NGrams;

/// <summary>
/// Token ids of an n-gram model: 0 <c>&lt;s&gt;</c> (padding before a sentence, never predicted),
/// 1 <c>&lt;/s&gt;</c> (end of sentence), 2 <c>&lt;unk&gt;</c> (every token not in the vocabulary), then the
/// known tokens in order of first appearance in the training text.
/// </summary>
internal sealed class NGramVocabulary
{
    internal const int BeginId = 0;
    internal const int EndId = 1;
    internal const int UnknownId = 2;

    private readonly string[] _tokens;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal NGramVocabulary(string[] tokens)
    {
        _tokens = tokens;
        var ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!ids.TryAdd(tokens[i], i))
            {
                throw new InvalidDataException($"The vocabulary lists '{tokens[i]}' twice (ids {ids[tokens[i]]} and {i}).");
            }
        }

        _lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    internal IReadOnlyList<string> Tokens => _tokens;

    internal int Count => _tokens.Length;

    /// <summary>The id of a token's text; <see cref="UnknownId"/> when it is not in the vocabulary.</summary>
    internal int IdOf(ReadOnlySpan<char> token) => _lookup.TryGetValue(token, out int id) ? id : UnknownId;

    /// <summary>The reserved symbols in id order.</summary>
    internal static string[] Reserved => [KneserNeyModel.BeginOfSentence, KneserNeyModel.EndOfSentence, KneserNeyModel.Unknown];
}
