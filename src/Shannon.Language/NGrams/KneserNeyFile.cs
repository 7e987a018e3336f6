using System.Text;
using Shannon.Data.Files;

namespace Shannon.Language.NGrams;

/// <summary>
/// Saves and loads <see cref="KneserNeyModel"/>s in Shannon's binary n-gram format, version 1.
/// </summary>
/// <remarks>
/// Little-endian layout: the 8 ASCII bytes <c>SHNNGRAM</c>; int32 format version (1); byte level
/// (0 word, 1 character); int32 order; int32 min-count; int64 training tokens; int32 vocabulary size and
/// each token as a length-prefixed UTF-8 string (ids in order, the three reserved symbols first); int32
/// context count and, for contexts 1 …, int32 parent and int32 oldest word (parents precede children); then
/// for each order 1 … n an int32 entry count and per entry int32 context, int32 word, int64 count (raw at
/// the highest order, continuation counts below); finally the 8 bytes <c>SHNNGEND</c>. Discounts and
/// interpolation weights are recomputed on load, so a file cannot hold inconsistent ones.
/// </remarks>
public static class KneserNeyFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int Version = 1;

    private static ReadOnlySpan<byte> Magic => "SHNNGRAM"u8;

    private static ReadOnlySpan<byte> Trailer => "SHNNGEND"u8;

    /// <summary>Writes a model to a stream.</summary>
    /// <param name="model">The model.</param>
    /// <param name="stream">A writable stream; left open.</param>
    public static void Save(KneserNeyModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        var table = model.Table;
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write((byte)model.Level);
        writer.Write(model.Order);
        writer.Write(model.MinCount);
        writer.Write(model.TrainingTokens);
        writer.Write(model.Vocabulary.Count);
        foreach (string token in model.Vocabulary)
        {
            writer.Write(token);
        }

        writer.Write(table.ContextCount);
        for (int c = 1; c < table.ContextCount; c++)
        {
            writer.Write(table.ContextParents[c]);
            writer.Write(table.ContextWords[c]);
        }

        foreach (var counts in table.Counts)
        {
            writer.Write(counts.Count);
            foreach (var (key, count) in counts.Entries())
            {
                writer.Write((int)(key >> 32));
                writer.Write((int)(uint)key);
                writer.Write(count);
            }
        }

        writer.Write(Trailer);
    }

    /// <summary>Writes a model to a file.</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file to create or overwrite.</param>
    public static void Save(KneserNeyModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream => Save(model, stream));
    }

    /// <summary>Reads a model from a stream.</summary>
    /// <param name="stream">A readable stream positioned at the model.</param>
    /// <returns>The model, identical in every probability to the one saved.</returns>
    /// <exception cref="InvalidDataException">The stream is not a Shannon n-gram model, has another version, is truncated, or holds inconsistent ids or counts.</exception>
    public static KneserNeyModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            return Read(reader);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The n-gram model file is truncated.");
        }
    }

    /// <summary>Reads a model from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid Shannon n-gram model (see <see cref="Load(Stream)"/>).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static KneserNeyModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    private static KneserNeyModel Read(BinaryReader reader)
    {
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a Shannon n-gram model: the file does not start with SHNNGRAM.");
        }

        int version = reader.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"The n-gram model has format version {version}; this build reads version {Version}.");
        }

        byte level = reader.ReadByte();
        Check(level <= (byte)NGramLevel.Character, $"level byte {level} is neither 0 (word) nor 1 (character)");
        int order = reader.ReadInt32();
        Check(order is >= 1 and <= 64, $"order {order} is outside 1 … 64");
        int minCount = reader.ReadInt32();
        Check(minCount >= 1, $"min-count {minCount} is below 1");
        long trainingTokens = reader.ReadInt64();
        Check(trainingTokens >= 1, $"training token count {trainingTokens} is below 1");
        int vocabularySize = reader.ReadInt32();
        Check(vocabularySize >= 3, $"vocabulary size {vocabularySize} is below 3");
        var tokens = new string[vocabularySize];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i] = reader.ReadString();
        }

        Check(tokens.AsSpan(0, 3).SequenceEqual(NGramVocabulary.Reserved), "the first three tokens are not <s>, </s>, <unk>");
        int contextCount = reader.ReadInt32();
        Check(contextCount >= 1, $"context count {contextCount} is below 1");
        var parents = new int[contextCount];
        var words = new int[contextCount];
        var lengths = new int[contextCount];
        var used = new bool[contextCount];
        parents[0] = words[0] = -1;
        for (int c = 1; c < contextCount; c++)
        {
            parents[c] = reader.ReadInt32();
            words[c] = reader.ReadInt32();
            Check(parents[c] >= 0 && parents[c] < c, $"context {c} has parent {parents[c]}, not an earlier context");
            Check(words[c] >= 0 && words[c] < vocabularySize, $"context {c} has word id {words[c]} outside the vocabulary");
            lengths[c] = lengths[parents[c]] + 1;
            Check(lengths[c] < order, $"context {c} is {lengths[c]} tokens long, too long for order {order}");
        }

        var counts = new NGramMap<long>[order];
        for (int k = 0; k < order; k++)
        {
            int entries = reader.ReadInt32();
            Check(entries >= 1, $"order {k + 1} has {entries} entries");
            counts[k] = new NGramMap<long>(entries);
            for (int e = 0; e < entries; e++)
            {
                int context = reader.ReadInt32();
                int word = reader.ReadInt32();
                long count = reader.ReadInt64();
                Check(context >= 0 && context < contextCount && lengths[context] == k, $"order {k + 1} entry {e} has context {context}, not one of {k} tokens");
                Check(word > 0 && word < vocabularySize, $"order {k + 1} entry {e} predicts id {word}, outside 1 … {vocabularySize - 1}");
                Check(count >= 1, $"order {k + 1} entry {e} has count {count}");
                Check(counts[k].TryAdd(KneserNeyTable.Key(context, word), count), $"order {k + 1} entry {e} repeats (context {context}, word {word})");
                used[context] = true;
            }
        }

        int unused = Array.IndexOf(used, false);
        Check(unused < 0, $"context {unused} predicts nothing");

        Check(reader.ReadBytes(Trailer.Length).AsSpan().SequenceEqual(Trailer), "the end marker SHNNGEND is missing");
        var table = new KneserNeyTable(order, vocabularySize, parents, words, counts);
        return new KneserNeyModel((NGramLevel)level, minCount, trainingTokens, new NGramVocabulary(tokens), table);
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"The n-gram model file is corrupt: {problem}.");
        }
    }
}
