using CsCheck;
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

        byte[] level = (byte[])good.Clone();
        level[12] = 5;
        Assert.Contains("level byte 5", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(level))).Message);
    }

    [Fact]
    public void A_56_byte_file_declaring_2_pow_29_entries_fails_before_allocating_them()
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

        byte[] bytes = stream.ToArray();
        Assert.Equal(56, bytes.Length);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(bytes)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Contains("536870912 order 1 entries", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Declared_vocabulary_and_context_counts_are_checked_against_the_bytes_left()
    {
        byte[] good = Bytes(Model);

        // The vocabulary size sits after magic (8), version (4), level (1), order (4), min-count (4), tokens (8).
        byte[] vocabulary = (byte[])good.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(vocabulary, 29);
        Assert.Contains("vocabulary tokens", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(vocabulary))).Message);
        byte[] trailing = [.. good, 0];
        Assert.Contains("follow the end marker", Assert.Throws<InvalidDataException>(() => KneserNeyFile.Load(new MemoryStream(trailing))).Message);
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
    public void Random_corruptions_of_a_model_load_or_fail_as_invalid_data()
    {
        byte[] good = Bytes(Model);
        Gen.Select(Gen.Int[0, good.Length - 1], Gen.Byte, Gen.Int[1, good.Length]).Sample((at, value, length) =>
        {
            byte[] bad = good[..length];
            if (at < bad.Length)
            {
                bad[at] = value;
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                KneserNeyFile.Load(new MemoryStream(bad));
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
}
