using System.Buffers;
using System.Globalization;
using System.Text;
using Shannon.Coding;

namespace Shannon.Language.NGrams;

/// <summary>
/// A trained Kneser–Ney model as a compressor's model: text is coded token by token with the model's next-token
/// distribution, so the compressed size is the model's cross-entropy on the text (plus what it cannot predict).
/// </summary>
/// <remarks>
/// <para>Each block is cut into the units the model knows. Character models: one unit per UTF-8 character, and a
/// newline is <c>&lt;/s&gt;</c>. Word models: words (letters, digits and inner apostrophes), single punctuation
/// characters and newlines, each preceded by its run of spaces, tabs and carriage returns, coded with a small adaptive
/// model (none, one space, or the bytes spelled out) chosen by the kind of the previous unit. A unit outside the
/// vocabulary, an invalid UTF-8 byte included, is coded as <c>&lt;unk&gt;</c> followed by its bytes under an adaptive
/// byte model (character models: one byte per <c>&lt;unk&gt;</c>; word models: the bytes and an end mark), so every
/// byte sequence round-trips. The history is the last n − 1 units of the current line, padded with <c>&lt;s&gt;</c>, and
/// starts afresh at each block (blocks are independent; the adaptive models restart too).</para>
/// <para>The model's probabilities become integer frequencies summing to 2²⁴ (<see cref="ArithmeticCode.Frequencies"/>),
/// every token ≥ 1, computed from the model's IEEE arithmetic without platform functions, so encoder and decoder agree.
/// Each unit costs O(V) for V tokens in the vocabulary: fast for character models, slow for large word vocabularies.</para>
/// <para>Reference: Delétang, G. et al. (2024), Language modeling is compression, ICLR, arXiv:2309.10668.</para>
/// </remarks>
public sealed class KneserNeyCompressionModel : CompressionModel
{
    private const uint Total = RangeEncoder.MaxTotal;

    /// <summary>Wraps a trained model under a name and checksum recorded in the container.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="name">How the container names it, e.g. <c>ngram:kjv3.kn</c> (1 … 255 UTF-8 bytes).</param>
    /// <param name="checksum">The CRC-32 of the model file, which a decoder's model must match.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or longer than 255 UTF-8 bytes.</exception>
    public KneserNeyCompressionModel(KneserNeyModel model, string name, uint checksum)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(name);
        if (Encoding.UTF8.GetByteCount(name) is 0 or > 255)
        {
            throw new ArgumentException($"name must be 1 … 255 UTF-8 bytes; got {Encoding.UTF8.GetByteCount(name)}.", nameof(name));
        }

        if (model.Vocabulary.Count >= (int)Total)
        {
            throw new ArgumentException($"The model's vocabulary of {model.Vocabulary.Count} tokens does not fit the coder's 2^24 frequency total.", nameof(model));
        }

        Model = model;
        Name = name;
        Checksum = checksum;
    }

    /// <summary>The trained model.</summary>
    public KneserNeyModel Model { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override uint Checksum { get; }

    /// <summary>Loads a model file saved by <see cref="KneserNeyFile"/>, named <c>ngram:</c> and the file's name, with the
    /// CRC-32 the file stores (of all its bytes before the checksum; not of the whole file, whose CRC-32 is the same
    /// constant for every file that ends with its own CRC-32).</summary>
    /// <param name="path">The .kn file.</param>
    /// <returns>The compression model.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid n-gram model (the message names it).</exception>
    public static KneserNeyCompressionModel Load(string path)
    {
        var model = KneserNeyFile.Load(path, out uint checksum);
        string name = "ngram:" + Path.GetFileName(path);
        if (Encoding.UTF8.GetByteCount(name) > 255)
        {
            name = "ngram:" + new string(Path.GetFileName(path).AsSpan(0, 120));
        }

        return new KneserNeyCompressionModel(model, name, checksum);
    }

    /// <inheritdoc/>
    public override BlockCoder CreateCoder() => new Coder(Model);

    private sealed class Coder : BlockCoder
    {
        private const int EndMark = 256;

        private readonly KneserNeyModel _model;
        private readonly bool _words;
        private readonly int[] _history;
        private readonly double[] _distribution;
        private readonly uint[] _frequencies;
        private readonly AdaptiveCounts _bytes = new(257);
        private readonly AdaptiveCounts[] _gaps = [new(3), new(3), new(3)];
        private double _idealBits;

        public Coder(KneserNeyModel model)
        {
            _model = model;
            _words = model.Level == NGramLevel.Word;
            _history = new int[Math.Max(0, model.Order - 1)];
            _distribution = new double[model.Vocabulary.Count];
            _frequencies = new uint[model.Vocabulary.Count];
        }

        public override double Encode(ReadOnlySpan<byte> block, RangeEncoder encoder)
        {
            ArgumentNullException.ThrowIfNull(encoder);
            Restart();
            int kind = 0;
            int position = 0;
            while (position < block.Length)
            {
                if (_words)
                {
                    int gapEnd = position;
                    while (gapEnd < block.Length && IsGap(block[gapEnd]))
                    {
                        gapEnd++;
                    }

                    EncodeGap(block[position..gapEnd], kind, encoder);
                    position = gapEnd;
                    if (position == block.Length)
                    {
                        break;
                    }
                }

                var (id, end) = NextUnit(block, position);
                Predict();
                EncodeSymbol(_frequencies, id, encoder);
                if (id == NGramVocabulary.UnknownId)
                {
                    foreach (byte b in block[position..end])
                    {
                        EncodeSymbol(_bytes, b, encoder);
                    }

                    if (_words)
                    {
                        EncodeSymbol(_bytes, EndMark, encoder);
                    }
                }

                Push(id);
                kind = Kind(id, block[position]);
                position = end;
            }

            return _idealBits;
        }

        public override void Decode(RangeDecoder decoder, Span<byte> block)
        {
            ArgumentNullException.ThrowIfNull(decoder);
            Restart();
            int kind = 0;
            int position = 0;
            while (position < block.Length)
            {
                if (_words)
                {
                    position = DecodeGap(decoder, block, position, kind);
                    if (position >= block.Length)
                    {
                        break;
                    }
                }

                Predict();
                int id = DecodeSymbol(_frequencies, decoder);
                int start = position;
                if (id == NGramVocabulary.UnknownId)
                {
                    int count = 0;
                    while (position < block.Length)
                    {
                        int b = DecodeSymbol(_bytes, decoder);
                        if (b == EndMark)
                        {
                            break;
                        }

                        block[position++] = (byte)b;
                        count++;
                        if (!_words)
                        {
                            break;
                        }
                    }

                    if (count == 0)
                    {
                        throw new InvalidDataException("The compressed file is damaged: an unknown token has no bytes.");
                    }
                }
                else
                {
                    position = Spell(id, block, position);
                }

                Push(id);
                kind = Kind(id, block[start]);
            }
        }

        /// <summary>Blocks are independent: there is nothing to learn from a stored one.</summary>
        public override double Learn(ReadOnlySpan<byte> block) => 0.0;

        private void Restart()
        {
            Array.Fill(_history, NGramVocabulary.BeginId);
            _bytes.Reset();
            foreach (var gap in _gaps)
            {
                gap.Reset();
            }

            _idealBits = 0;
        }

        private void Predict()
        {
            _model.Table.Distribution(_history, _distribution);
            ArithmeticCode.Frequencies(_distribution, Total, _frequencies);
        }

        private void Push(int id)
        {
            if (_history.Length == 0)
            {
                return;
            }

            if (id == NGramVocabulary.EndId)
            {
                Array.Fill(_history, NGramVocabulary.BeginId);
                return;
            }

            Array.Copy(_history, 1, _history, 0, _history.Length - 1);
            _history[^1] = id;
        }

        /// <summary>The next unit from <paramref name="position"/>: its id (<c>&lt;unk&gt;</c> for anything outside the vocabulary) and where it ends.</summary>
        private (int Id, int End) NextUnit(ReadOnlySpan<byte> block, int position)
        {
            if (block[position] == (byte)'\n')
            {
                return (NGramVocabulary.EndId, position + 1);
            }

            if (Rune.DecodeFromUtf8(block[position..], out var rune, out int length) != OperationStatus.Done)
            {
                return (NGramVocabulary.UnknownId, position + 1);
            }

            int end = position + length;
            if (_words && IsWordRune(rune))
            {
                while (end < block.Length)
                {
                    if (Rune.DecodeFromUtf8(block[end..], out var next, out int nextLength) != OperationStatus.Done)
                    {
                        break;
                    }

                    if (IsWordRune(next))
                    {
                        end += nextLength;
                    }
                    else if ((next.Value is '\'' or '\u2019') && end + nextLength < block.Length
                        && Rune.DecodeFromUtf8(block[(end + nextLength)..], out var after, out _) == OperationStatus.Done && IsWordRune(after))
                    {
                        end += nextLength;
                    }
                    else
                    {
                        break;
                    }
                }
            }

            Span<char> text = stackalloc char[256];
            int id = end - position <= 128
                ? _model.Symbols.IdOf(text[..Encoding.UTF8.GetChars(block[position..end], text)])
                : NGramVocabulary.UnknownId;
            if (id <= NGramVocabulary.UnknownId)
            {
                return (NGramVocabulary.UnknownId, _words ? end : position + 1);
            }

            return (id, end);
        }

        /// <summary>Writes the UTF-8 bytes of token <paramref name="id"/> at <paramref name="position"/>; returns the position after it.</summary>
        private int Spell(int id, Span<byte> block, int position)
        {
            if (id == NGramVocabulary.EndId)
            {
                block[position] = (byte)'\n';
                return position + 1;
            }

            if (id < NGramVocabulary.UnknownId)
            {
                throw new InvalidDataException("The compressed file is damaged: it decodes to the padding symbol <s>.");
            }

            string token = _model.Vocabulary[id];
            int length = Encoding.UTF8.GetByteCount(token);
            if (length > block.Length - position)
            {
                throw new InvalidDataException("The compressed file is damaged: a token runs past the end of its block.");
            }

            return position + Encoding.UTF8.GetBytes(token, block[position..]);
        }

        private void EncodeGap(ReadOnlySpan<byte> gap, int kind, RangeEncoder encoder)
        {
            int symbol = gap.Length == 0 ? 0 : gap.Length == 1 && gap[0] == (byte)' ' ? 1 : 2;
            EncodeSymbol(_gaps[kind], symbol, encoder);
            if (symbol == 2)
            {
                foreach (byte b in gap)
                {
                    EncodeSymbol(_bytes, b, encoder);
                }

                EncodeSymbol(_bytes, EndMark, encoder);
            }
        }

        private int DecodeGap(RangeDecoder decoder, Span<byte> block, int position, int kind)
        {
            int symbol = DecodeSymbol(_gaps[kind], decoder);
            if (symbol == 1)
            {
                block[position] = (byte)' ';
                return position + 1;
            }

            if (symbol == 2)
            {
                while (true)
                {
                    int b = DecodeSymbol(_bytes, decoder);
                    if (b == EndMark || position >= block.Length)
                    {
                        break;
                    }

                    if (!IsGap((byte)b))
                    {
                        throw new InvalidDataException("The compressed file is damaged: a gap holds a non-space byte.");
                    }

                    block[position++] = (byte)b;
                }
            }

            return position;
        }

        private void EncodeSymbol(uint[] frequencies, int symbol, RangeEncoder encoder)
        {
            uint cumulative = 0;
            for (int i = 0; i < symbol; i++)
            {
                cumulative += frequencies[i];
            }

            encoder.Encode(cumulative, frequencies[symbol], Total);
            _idealBits += Math.Log2((double)Total / frequencies[symbol]);
        }

        private static int DecodeSymbol(uint[] frequencies, RangeDecoder decoder)
        {
            uint target = decoder.DecodeCumulative(Total);
            uint cumulative = 0;
            int symbol = 0;
            while (cumulative + frequencies[symbol] <= target)
            {
                cumulative += frequencies[symbol];
                symbol++;
            }

            decoder.Decode(cumulative, frequencies[symbol], Total);
            return symbol;
        }

        private void EncodeSymbol(AdaptiveCounts model, int symbol, RangeEncoder encoder)
        {
            encoder.Encode(model.Cumulative(symbol), model.Frequency(symbol), model.Total);
            _idealBits += Math.Log2((double)model.Total / model.Frequency(symbol));
            model.Add(symbol);
        }

        private static int DecodeSymbol(AdaptiveCounts model, RangeDecoder decoder)
        {
            uint target = decoder.DecodeCumulative(model.Total);
            int symbol = model.Find(target);
            decoder.Decode(model.Cumulative(symbol), model.Frequency(symbol), model.Total);
            model.Add(symbol);
            return symbol;
        }

        /// <summary>The gap model's context: 0 after a line start or block start, 1 after a word, 2 after anything else.</summary>
        private static int Kind(int id, byte first) =>
            id == NGramVocabulary.EndId ? 0 : (first < 128 && char.IsAsciiLetterOrDigit((char)first)) || first >= 128 ? 1 : 2;

        private static bool IsGap(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or 0x0B or 0x0C;

        private static bool IsWordRune(Rune rune) => rune.IsAscii
            ? char.IsAsciiLetterOrDigit((char)rune.Value)
            : Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>An adaptive frequency table: counts start at 1 and grow by 32, halved when their total passes 2¹⁶.</summary>
    private sealed class AdaptiveCounts(int symbols)
    {
        private readonly uint[] _counts = new uint[symbols];

        public uint Total { get; private set; }

        public void Reset()
        {
            Array.Fill(_counts, 1u);
            Total = (uint)_counts.Length;
        }

        public uint Frequency(int symbol) => _counts[symbol];

        public uint Cumulative(int symbol)
        {
            uint sum = 0;
            for (int i = 0; i < symbol; i++)
            {
                sum += _counts[i];
            }

            return sum;
        }

        public int Find(uint target)
        {
            uint sum = 0;
            int symbol = 0;
            while (sum + _counts[symbol] <= target)
            {
                sum += _counts[symbol];
                symbol++;
            }

            return symbol;
        }

        public void Add(int symbol)
        {
            _counts[symbol] += 32;
            Total += 32;
            if (Total > 1 << 16)
            {
                Total = 0;
                for (int i = 0; i < _counts.Length; i++)
                {
                    _counts[i] = (_counts[i] + 1) / 2;
                    Total += _counts[i];
                }
            }
        }
    }
}
