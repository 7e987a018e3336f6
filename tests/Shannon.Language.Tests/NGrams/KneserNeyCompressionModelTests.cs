using System.Text;
using CsCheck;
using Shannon.Coding;
using Shannon.Language.NGrams;

namespace Shannon.Language.Tests.NGrams;

public class KneserNeyCompressionModelTests
{
    private static readonly string[] Lines = KingJamesBible.Text.Split('\n');
    private static readonly string Training = string.Join('\n', Lines.Take(2000));
    private static readonly byte[] Held = Encoding.UTF8.GetBytes(string.Join('\n', Lines.Skip(2000).Take(300)) + "\n");
    private static readonly KneserNeyModel Characters = KneserNeyModel.Train(Training, order: 5, NGramLevel.Character);
    private static readonly KneserNeyModel Words = KneserNeyModel.Train(Training, order: 3, NGramLevel.Word, minCount: 2);

    [Fact]
    public void Character_model_codes_text_at_its_cross_entropy()
    {
        var model = new KneserNeyCompressionModel(Characters, "ngram:genesis5c.kn", 123);
        byte[] packed = Compress(Held, model, out var report);
        Assert.Equal(Held, Decompress(packed, model));
        Assert.True(report.BitsPerByte < 3.0, $"{report.BitsPerByte} bits per byte");

        // On lines of known characters every unit is a token the model scores, so the ideal code length is the model's
        // own cross-entropy (the perplexity report's bits per byte) up to the 2^24 quantisation of its probabilities.
        var known = Characters.Vocabulary.ToHashSet();
        string plain = string.Join('\n', Encoding.UTF8.GetString(Held).Split('\n').Where(l => l.Length > 0 && l.All(c => known.Contains(c.ToString())))) + "\n";
        Compress(Encoding.UTF8.GetBytes(plain), model, out var exact);
        var scored = PerplexityReport.Of([Characters.Score(plain)]);
        Assert.InRange(exact.ModelBitsPerByte - scored.BitsPerByte, 0.0, 1e-4);
        // Beyond that, only the container (a 40-byte header here, 13 bytes per block and at the end) and the coder's final bytes.
        Assert.InRange((exact.BytesOut * 8.0) - exact.ModelBits, 0.0, 8.0 * (40 + 13 + (18 * exact.Blocks)));
    }

    [Fact]
    public void Word_model_round_trips_text_with_unknown_words_spacing_and_punctuation()
    {
        var model = new KneserNeyCompressionModel(Words, "ngram:genesis3w.kn", 7);
        byte[] text = Encoding.UTF8.GetBytes("  In the  beginning\tGod created Zyxwvut, and the earth!\r\nAnd God said: Let there be light.\n\n\nÉlan naïve 𝔘nicode’s words, don't stop.   ");
        Assert.Equal(text, Decompress(Compress(text, model, out _), model));
        Assert.Equal(Held, Decompress(Compress(Held, model, out var report), model));
        Assert.True(report.BitsPerByte < 3.0, $"{report.BitsPerByte} bits per byte");
    }

    [Fact]
    public void Any_bytes_round_trip_through_either_level() =>
        Gen.Select(Gen.Byte.Array[0, 400], Gen.Bool).Sample((data, words) =>
        {
            var model = new KneserNeyCompressionModel(words ? Words : Characters, "ngram:test.kn", 1);
            return data.AsSpan().SequenceEqual(Decompress(Compress(data, model, out _), model));
        }, iter: 60);

    [Fact]
    public void Text_with_invalid_utf8_and_split_characters_round_trips_across_blocks()
    {
        var bytes = new List<byte>();
        var random = new Random(3);
        while (bytes.Count < 70_000)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(Lines[random.Next(Lines.Length)] + " ñ€😀\n"));
            if (random.Next(20) == 0)
            {
                bytes.Add(0xC3);
                bytes.Add(0xFF);
            }
        }

        byte[] data = [.. bytes];
        foreach (var level in new[] { Characters, Words })
        {
            var model = new KneserNeyCompressionModel(level, "ngram:x.kn", 9);
            Assert.Equal(data, Decompress(Compress(data, model, out var report), model));
            Assert.Equal(2, report.Blocks);
        }
    }

    [Fact]
    public void Load_names_the_model_by_file_and_records_the_checksum_the_file_stores()
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-kn-{Guid.NewGuid():N}.kn");
        string other = Path.ChangeExtension(path, ".other.kn");
        try
        {
            KneserNeyFile.Save(Characters, path);
            KneserNeyFile.Save(KneserNeyModel.Train("another corpus entirely\n", order: 2, NGramLevel.Character), other);
            var model = KneserNeyCompressionModel.Load(path);
            Assert.Equal("ngram:" + Path.GetFileName(path), model.Name);

            // The stored CRC-32 of the bytes before it, which tells models apart; the whole file's CRC-32 would not
            // (a file ending in its own CRC-32 has the same CRC-32, 0x2144DF1C, whatever it holds).
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(Crc32.Of(bytes.AsSpan(0, bytes.Length - 4)), model.Checksum);
            Assert.Equal(Crc32.Of(File.ReadAllBytes(other)), Crc32.Of(bytes));
            Assert.NotEqual(model.Checksum, KneserNeyCompressionModel.Load(other).Checksum);
            byte[] packed = Compress(Held, model, out _);
            var header = Compressor.ReadHeader(new MemoryStream(packed));
            Assert.False(header.IsAdaptive);
            Assert.Equal(model.Name, header.ModelName);
            Assert.Equal(model.Checksum, header.ModelChecksum);
        }
        finally
        {
            File.Delete(path);
            File.Delete(other);
        }
    }

    [Fact]
    public void Bad_arguments_name_their_parameter()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new KneserNeyCompressionModel(Characters, "", 0)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new KneserNeyCompressionModel(Characters, new string('n', 256), 0)).ParamName);
        Assert.Throws<FileNotFoundException>(() => KneserNeyCompressionModel.Load(Path.Combine(Path.GetTempPath(), "no-such-model.kn")));
    }

    private static byte[] Compress(byte[] data, CompressionModel model, out CompressionReport report)
    {
        var output = new MemoryStream();
        report = Compressor.Compress(new MemoryStream(data), output, model, lanes: 2, blockSize: 1 << 16);
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] packed, CompressionModel model)
    {
        var output = new MemoryStream();
        Compressor.Decompress(new MemoryStream(packed), output, header => header.ModelChecksum == model.Checksum ? model : null);
        return output.ToArray();
    }
}
