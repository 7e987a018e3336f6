using System.Text;
using Shannon.Coding;
using Shannon.Data.Files;

namespace Shannon.Language.NGrams;

/// <summary>
/// Saves and loads <see cref="KneserNeyModel"/>s in Shannon's binary n-gram format, version 2, whose CRC-32 makes
/// every single-bit change of a saved file an error on load instead of a silently different model.
/// </summary>
/// <remarks>
/// <para>Little-endian layout: the 8 ASCII bytes <c>SHNNGRAM</c>; int32 format version (2); byte level
/// (0 word, 1 character); int32 order; int32 min-count; int64 training tokens; int32 vocabulary size and
/// each token as a length-prefixed UTF-8 string (ids in order, the three reserved symbols first); int32
/// context count and, for contexts 1 …, int32 parent and int32 oldest word (parents precede children); then
/// for each order 1 … n an int32 entry count and per entry int32 context, int32 word, int64 count (raw at
/// the highest order, continuation counts below); the 8 bytes <c>SHNNGEND</c>; finally the uint32 CRC-32
/// (<see cref="Crc32"/>) of every byte before it, magic through end marker. Discounts and interpolation weights are
/// recomputed on load, so a file cannot hold inconsistent ones.</para>
/// <para>Load checks, in order: the magic, the version, that the file ends with <c>SHNNGEND</c> and a checksum
/// matching its content (so a truncated file, an appended byte and any flipped bit are refused before the body is
/// parsed), then every declared size against the bytes that remain before allocating from it, and every id and count
/// (a file crafted with a valid checksum is still bounded and checked). A CRC-32 detects every error burst of up to 32
/// bits (Peterson &amp; Brown 1961, doi:10.1109/JRPROC.1961.287814).</para>
/// <para>Version 1 files (no checksum) are refused with a message to train the model again: reading them unchecked
/// would keep the silent corruption the checksum exists to stop, and training is deterministic (the same corpus and
/// options give the same model) and takes seconds. The version is 2 rather than any later number because no single
/// bit flip turns 2 into 1, so a damaged version field cannot switch the check off.</para>
/// </remarks>
public static class KneserNeyFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int Version = 2;

    private static ReadOnlySpan<byte> Magic => "SHNNGRAM"u8;

    private static ReadOnlySpan<byte> Trailer => "SHNNGEND"u8;

    /// <summary>Writes a model to a stream.</summary>
    /// <param name="model">The model.</param>
    /// <param name="stream">A writable stream; left open.</param>
    public static void Save(KneserNeyModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var checksum = new ChecksumWriter(stream);
        using var writer = new BinaryWriter(checksum, Encoding.UTF8, leaveOpen: true);
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
        writer.Flush();
        writer.Write(checksum.Crc);
    }

    /// <summary>Writes a model to a file, atomically (<see cref="AtomicFile"/>): a failed save leaves the previous file intact.</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="inputs">Files the caller read (the training corpus); the model must not replace one of them.</param>
    /// <exception cref="IOException"><paramref name="path"/> is a directory, a device or FIFO, or one of <paramref name="inputs"/>, or cannot be written.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory of <paramref name="path"/> does not exist.</exception>
    public static void Save(KneserNeyModel model, string path, IEnumerable<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream => Save(model, stream), inputs);
    }

    /// <summary>Reads a model from a stream.</summary>
    /// <param name="stream">A readable stream positioned at the model (one that cannot seek is read into memory first).</param>
    /// <returns>The model, identical in every probability to the one saved.</returns>
    /// <exception cref="InvalidDataException">The stream is not a Shannon n-gram model, has another version (version 1 included: train
    /// the model again), is truncated or has bytes appended, fails its checksum, declares more entries than it holds, or holds
    /// inconsistent ids or counts.</exception>
    /// <remarks>The checksum is verified before the body is parsed, and every count the file declares (vocabulary,
    /// contexts, entries per order, string lengths) is checked against the bytes that remain before anything is
    /// allocated from it (<see cref="BoundedReader"/>), so a small corrupt file fails at once instead of allocating what
    /// it claims.</remarks>
    public static KneserNeyModel Load(Stream stream) => Load(stream, "The n-gram model", out _);

    /// <summary>Reads a model from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid Shannon n-gram model (see <see cref="Load(Stream)"/>); the message names the file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static KneserNeyModel Load(string path) => Load(path, out _);

    /// <summary>Reads a model from a file, with the CRC-32 it stores (the identity a compressed container records).</summary>
    internal static KneserNeyModel Load(string path, out uint checksum)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(stream, Path.GetFileName(path), out checksum);
    }

    private static KneserNeyModel Load(Stream stream, string name, out uint checksum)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BoundedReader(stream, name, leaveOpen: true);
        return Read(reader, out checksum);
    }

    private static KneserNeyModel Read(BoundedReader reader, out uint checksum)
    {
        long start = reader.Position;
        Span<byte> magic = stackalloc byte[Magic.Length];
        if (reader.Remaining < Magic.Length)
        {
            throw NotAModel(reader);
        }

        reader.ReadExactly(magic, "the magic string");
        if (!magic.SequenceEqual(Magic))
        {
            throw NotAModel(reader);
        }

        int version = reader.ReadInt32("the format version");
        if (version == 1)
        {
            throw new InvalidDataException($"{reader.Name} is an n-gram model in format version 1, which has no checksum; this build reads version {Version} only: train the model again (shannon ngram train, or KneserNeyModel.Train and KneserNeyFile.Save).");
        }

        if (version != Version)
        {
            throw new InvalidDataException($"{reader.Name} has n-gram model format version {version}; this build reads version {Version}.");
        }

        checksum = reader.VerifyTrailer(start, Trailer);

        byte level = reader.ReadByte("the level");
        Check(reader, level <= (byte)NGramLevel.Character, $"level byte {level} is neither 0 (word) nor 1 (character)");
        int order = reader.ReadInt32("the order");
        Check(reader, order is >= 1 and <= KneserNeyModel.MaxOrder, $"order {order} is outside 1 … {KneserNeyModel.MaxOrder}");
        int minCount = reader.ReadInt32("the min-count");
        Check(reader, minCount >= 1, $"min-count {minCount} is below 1");
        long trainingTokens = reader.ReadInt64("the training token count");
        Check(reader, trainingTokens >= 1, $"training token count {trainingTokens} is below 1");
        int declaredVocabulary = reader.ReadInt32("the vocabulary size");
        Check(reader, declaredVocabulary >= 3, $"vocabulary size {declaredVocabulary} is below 3");

        // Each token takes at least its one-byte length prefix.
        int vocabularySize = reader.Count(declaredVocabulary, 1, "vocabulary tokens");
        var tokens = new string[vocabularySize];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i] = reader.ReadString("a vocabulary token");
        }

        Check(reader, tokens.AsSpan(0, 3).SequenceEqual(NGramVocabulary.Reserved), "the first three tokens are not <s>, </s>, <unk>");
        int declaredContexts = reader.ReadInt32("the context count");
        Check(reader, declaredContexts >= 1, $"context count {declaredContexts} is below 1");

        // Context 0 is implicit; each other context is stored as two int32 values.
        int contextCount = reader.Count(declaredContexts - 1L, 8, "contexts") + 1;
        var parents = new int[contextCount];
        var words = new int[contextCount];
        var lengths = new int[contextCount];
        var used = new bool[contextCount];
        parents[0] = words[0] = -1;
        for (int c = 1; c < contextCount; c++)
        {
            parents[c] = reader.ReadInt32("a context's parent");
            words[c] = reader.ReadInt32("a context's word");
            if (parents[c] < 0 || parents[c] >= c)
            {
                throw Corrupt(reader, $"context {c} has parent {parents[c]}, not an earlier context");
            }

            if (words[c] < 0 || words[c] >= vocabularySize)
            {
                throw Corrupt(reader, $"context {c} has word id {words[c]} outside the vocabulary");
            }

            lengths[c] = lengths[parents[c]] + 1;
            if (lengths[c] >= order)
            {
                throw Corrupt(reader, $"context {c} is {lengths[c]} tokens long, too long for order {order}");
            }
        }

        var counts = new NGramMap<long>[order];
        for (int k = 0; k < order; k++)
        {
            int declaredEntries = reader.ReadInt32($"the entry count of order {k + 1}");
            Check(reader, declaredEntries >= 1, $"order {k + 1} has {declaredEntries} entries");

            // Each entry is int32 context, int32 word, int64 count.
            int entries = reader.Count(declaredEntries, 16, $"order {k + 1} entries");
            counts[k] = new NGramMap<long>(entries);
            for (int e = 0; e < entries; e++)
            {
                int context = reader.ReadInt32("an entry's context");
                int word = reader.ReadInt32("an entry's word");
                long count = reader.ReadInt64("an entry's count");
                if (context < 0 || context >= contextCount || lengths[context] != k)
                {
                    throw Corrupt(reader, $"order {k + 1} entry {e} has context {context}, not one of {k} tokens");
                }

                if (word <= 0 || word >= vocabularySize)
                {
                    throw Corrupt(reader, $"order {k + 1} entry {e} predicts id {word}, outside 1 … {vocabularySize - 1}");
                }

                if (count < 1)
                {
                    throw Corrupt(reader, $"order {k + 1} entry {e} has count {count}");
                }

                if (!counts[k].TryAdd(KneserNeyTable.Key(context, word), count))
                {
                    throw Corrupt(reader, $"order {k + 1} entry {e} repeats (context {context}, word {word})");
                }
                used[context] = true;
            }
        }

        int unused = Array.IndexOf(used, false);
        Check(reader, unused < 0, $"context {unused} predicts nothing");

        // VerifyTrailer has seen the end marker and the checksum at the end; the entries must stop right before them.
        long between = reader.Remaining - Trailer.Length - sizeof(uint);
        Check(reader, between == 0, between > 0 ? $"{between} bytes lie between the last entry and the end marker SHNNGEND" : "the last entry runs into the end marker SHNNGEND");
        var table = new KneserNeyTable(order, vocabularySize, parents, words, counts);
        return new KneserNeyModel((NGramLevel)level, minCount, trainingTokens, new NGramVocabulary(tokens), table);
    }

    private static InvalidDataException NotAModel(BoundedReader reader) =>
        new($"{reader.Name} is not a Shannon n-gram model: it does not start with SHNNGRAM.");

    /// <summary>Throws <see cref="Corrupt"/> unless <paramref name="condition"/> holds; for the header only, since its
    /// message is formatted before the call (the per-context and per-entry checks build theirs on failure).</summary>
    private static void Check(BoundedReader reader, bool condition, string problem)
    {
        if (!condition)
        {
            throw Corrupt(reader, problem);
        }
    }

    private static InvalidDataException Corrupt(BoundedReader reader, string problem) =>
        new($"{reader.Name} is a corrupt n-gram model file: {problem}.");

    /// <summary>Passes writes through to a stream and keeps the CRC-32 of every byte written.</summary>
    private sealed class ChecksumWriter(Stream inner) : Stream
    {
        public uint Crc { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Crc = Crc32.Append(Crc, buffer);
            inner.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
