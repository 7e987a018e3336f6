using System.Runtime.InteropServices;

namespace Shannon.Language.NGrams;

/// <summary>Turns text into token-id streams: for training (growing the vocabulary) and for scoring (with offsets).</summary>
internal static class NGramEncoder
{
    /// <summary>
    /// Reads a training text: every token that occurs at least <paramref name="minCount"/> times is in the
    /// vocabulary, the rest become <c>&lt;unk&gt;</c>.
    /// </summary>
    internal static (NGramVocabulary Vocabulary, int[] Stream) ForTraining(string text, NGramLevel level, int minCount)
    {
        var sink = new TrainingSink(text);
        NGramTokenizer.Tokenize(text, level, ref sink);
        var stream = sink.Stream.ToArray();
        var counts = sink.Counts;
        var remap = new int[counts.Count];
        var tokens = new List<string>(NGramVocabulary.Reserved);
        for (int i = NGramVocabulary.UnknownId + 1; i < counts.Count; i++)
        {
            if (counts[i] >= minCount)
            {
                remap[i] = tokens.Count;
                tokens.Add(sink.Names[i]);
            }
            else
            {
                remap[i] = NGramVocabulary.UnknownId;
            }
        }

        remap[NGramVocabulary.EndId] = NGramVocabulary.EndId;
        for (int i = 0; i < stream.Length; i++)
        {
            stream[i] = remap[stream[i]];
        }

        return (new NGramVocabulary([.. tokens]), stream);
    }

    /// <summary>Reads a text to score: ids (unknown tokens as <c>&lt;unk&gt;</c>) and each token's range.</summary>
    internal static (int[] Ids, int[] Offsets, int[] Lengths) ForScoring(string text, NGramLevel level, NGramVocabulary vocabulary)
    {
        var sink = new ScoringSink(text, vocabulary);
        NGramTokenizer.Tokenize(text, level, ref sink);
        return (sink.Ids.ToArray(), sink.Offsets.ToArray(), sink.Lengths.ToArray());
    }

    private struct TrainingSink(string text) : NGramTokenizer.ISink
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public List<int> Stream { get; } = [];

        public List<long> Counts { get; } = [0, 0, 0];

        public List<string> Names { get; } = [.. NGramVocabulary.Reserved];

        public void Token(int offset, int length)
        {
            var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            var span = text.AsSpan(offset, length);
            ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, span, out bool exists);
            if (!exists)
            {
                id = Counts.Count;
                Counts.Add(0);
                Names.Add(span.ToString());
            }

            Counts[id]++;
            Stream.Add(id);
        }

        public readonly void EndOfSentence(int newlineOffset) => Stream.Add(NGramVocabulary.EndId);
    }

    private readonly struct ScoringSink(string text, NGramVocabulary vocabulary) : NGramTokenizer.ISink
    {
        public List<int> Ids { get; } = [];

        public List<int> Offsets { get; } = [];

        public List<int> Lengths { get; } = [];

        public void Token(int offset, int length)
        {
            Ids.Add(vocabulary.IdOf(text.AsSpan(offset, length)));
            Offsets.Add(offset);
            Lengths.Add(length);
        }

        public void EndOfSentence(int newlineOffset)
        {
            Ids.Add(NGramVocabulary.EndId);
            Offsets.Add(newlineOffset);
            Lengths.Add(newlineOffset < text.Length ? 1 : 0);
        }
    }
}
