using System.Buffers.Binary;
using CsCheck;
using Shannon.Coding;
using Shannon.Language.NGrams;

namespace Shannon.Language.Tests.NGrams;

public class KneserNeyFileTests
{
    private static readonly KneserNeyModel Model = KneserNeyModel.Train("the cat sat on the mat\nthe dog sat on the log\nthe cat ate the fish\n", order: 3, minCount: 1);

    [Fact]
    public void Round_trip_keeps_every_probability()
    {
        var loaded = KneserNeyFile.Load(new MemoryStream(Bytes(Model)));
        Assert.Equal(Model.Vocabulary, loaded.Vocabulary);
        Assert.Equal(Model.Order, loaded.Order);
        Assert.Equal(Model.Level, loaded.Level);
        Assert.Equal(Model.TrainingTokens, loaded.TrainingTokens);
        var text = "the cat sat on the log\nthe fish ate the dog\nzebra";
        Assert.Equal(Model.Score(text).LogProbabilities.ToArray(), loaded.Score(text).LogProbabilities.ToArray());
    }

    [Fact]
    public void Round_trip_through_a_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-kn-{Guid.NewGuid():N}.bin");
        try
        {
            KneserNeyFile.Save(Model, path);
            Assert.Equal(Model.LogProbability("cat", "the"), KneserNeyFile.Load(path).LogProbability("cat", "the"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Wrong_magic_version_truncation_and_bad_ids_are_clear_errors()
    {
        byte[] good = Bytes(Model);
        var notModel = "hello world, not a model"u8.ToArray();
        Assert.Contains("SHNNGRAM", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(notModel))).Message);

        byte[] version = (byte[])good.Clone();
        version[8] = 9;
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(version))).Message);

        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(good[..(good.Length / 2)]))).Message);
        Assert.Contains("end marker", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(good[..^1]))).Message);

        // A level byte out of range, in a file whose checksum was recomputed to match: the parser still checks it.
        byte[] level = Body(good);
        level[12] = 5;
        Assert.Contains("level byte 5", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(Sealed(level)))).Message);
    }

    [Fact]
    public void Every_single_bit_flip_anywhere_in_a_saved_file_is_refused_naming_the_file()
    {
        byte[] good = Bytes(Model);
        string path = Path.Combine(Path.GetTempPath(), $"shannon-kn-flip-{Guid.NewGuid():N}.kn");
        try
        {
            for (int bit = 0; bit < good.Length * 8; bit++)
            {
                byte[] bad = (byte[])good.Clone();
                bad[bit / 8] ^= (byte)(1 << (bit % 8));
                File.WriteAllBytes(path, bad);
                var error = Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(path));
                Assert.StartsWith(Path.GetFileName(path), error.Message);

                // Magic and version have their own messages; from there on the checksum (or the end marker it follows) refuses.
                int at = bit / 8;
                string expected = at < 8 ? "SHNNGRAM" : at < 12 ? "format version" : at >= good.Length - 12 && at < good.Length - 4 ? "end marker" : "CRC-32";
                Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"bit {bit}: {error.Message}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Truncated_and_extended_files_are_refused_at_every_length()
    {
        byte[] good = Bytes(Model);
        for (int length = 0; length < good.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(good[..length])));
        }

        foreach (byte extra in new byte[] { 0, 0x20, 0xFF })
        {
            Assert.Contains("end marker", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream([.. good, extra]))).Message);
        }
    }

    [Fact]
    public void A_version_1_file_is_refused_with_the_advice_to_train_again()
    {
        // Version 1 was version 2 without the checksum.
        byte[] old = Bytes(Model)[..^4];
        BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(8), 1);
        var error = Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(old)));
        Assert.Contains("format version 1, which has no checksum", error.Message);
        Assert.Contains("train the model again", error.Message);
    }

    [Fact]
    public void The_checksum_covers_the_model_where_the_stream_starts_seekable_or_not()
    {
        byte[] good = Bytes(Model);
        var prefixed = new MemoryStream([.. "junk before the model"u8, .. good]) { Position = 21 };
        Assert.Equal(Model.LogProbability("cat", "the"), KneserNeyFile.Load(prefixed).LogProbability("cat", "the"));
        Assert.Equal(Model.LogProbability("cat", "the"), KneserNeyFile.Load(new ForwardOnlyStream(good)).LogProbability("cat", "the"));
        Assert.Equal(Crc32.Of(good.AsSpan(0, good.Length - 4)), BinaryPrimitives.ReadUInt32LittleEndian(good.AsSpan(good.Length - 4)));
    }

    [Fact]
    public void A_small_file_with_a_valid_checksum_declaring_2_pow_29_entries_fails_before_allocating_them()
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("SHNNGRAM"u8);
            writer.Write(KneserNeyFile.Version);
            writer.Write((byte)0);
            writer.Write(1); // order
            writer.Write(1); // min-count
            writer.Write(10L); // training tokens
            writer.Write(3);
            writer.Write("<s>");
            writer.Write("</s>");
            writer.Write("<unk>");
            writer.Write(1); // contexts
            writer.Write(1 << 29); // order-1 entries: 8 GiB if believed
        }

        byte[] bytes = Sealed(stream.ToArray());
        Assert.Equal(56 + 12, bytes.Length);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(bytes)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Contains("536870912 order 1 entries", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Declared_vocabulary_and_context_counts_are_checked_against_the_bytes_left()
    {
        // The vocabulary size sits after magic (8), version (4), level (1), order (4), min-count (4), tokens (8).
        byte[] vocabulary = Body(Bytes(Model));
        BitConverter.GetBytes(int.MaxValue).CopyTo(vocabulary, 29);
        Assert.Contains("vocabulary tokens", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(Sealed(vocabulary)))).Message);

        // Bytes between the last entry and the end marker, with the checksum recomputed over them.
        byte[] padded = [.. Body(Bytes(Model)), 0, 0, 0];
        Assert.Contains("3 bytes lie between the last entry and the end marker", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(Sealed(padded)))).Message);
    }

    [Fact]
    public void Every_order_train_accepts_is_saved_and_loaded_again()
    {
        var deepest = KneserNeyModel.Train("a b c d e f g h i j k l m n o p q r s t\n", order: KneserNeyModel.MaxOrder);
        var loaded = KneserNeyFile.Load(new MemoryStream(Bytes(deepest)));
        Assert.Equal(KneserNeyModel.MaxOrder, loaded.Order);
        Assert.Equal(deepest.LogProbability("t", "q", "r", "s"), loaded.LogProbability("t", "q", "r", "s"));
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => KneserNeyModel.Train("a b", order: KneserNeyModel.MaxOrder + 1)).ParamName);
    }

    [Fact]
    public void Random_corruptions_with_a_recomputed_checksum_load_or_fail_as_invalid_data()
    {
        // A crafted file passes the checksum; the parser's own checks must still hold the allocation to the file's size.
        byte[] good = Body(Bytes(Model));
        Gen.Select(Gen.Int[0, good.Length - 1], Gen.Byte, Gen.Int[12, good.Length]).Sample((at, value, length) =>
        {
            byte[] bad = good[..length];
            if (at < bad.Length)
            {
                bad[at] = value;
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                KneserNeyFile.Load(new MemoryStream(Sealed(bad)));
                return true;
            }
            catch (InvalidDataException)
            {
                return GC.GetAllocatedBytesForCurrentThread() - before < 2_000_000;
            }
        });
    }

    private static byte[] Bytes(KneserNeyModel model)
    {
        var stream = new MemoryStream();
        KneserNeyFile.Save(model, stream);
        return stream.ToArray();
    }

    /// <summary>A saved file without its end marker and checksum.</summary>
    private static byte[] Body(byte[] file) => file[..^12];

    /// <summary>A body closed as Save closes it: the end marker and the CRC-32 of everything before the checksum.</summary>
    private static byte[] Sealed(byte[] body)
    {
        byte[] file = [.. body, .. "SHNNGEND"u8, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 4), Crc32.Of(file.AsSpan(0, file.Length - 4)));
        return file;
    }

    /// <summary>A stream that cannot seek, as a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
