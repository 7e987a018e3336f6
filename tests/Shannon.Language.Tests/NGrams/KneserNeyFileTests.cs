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

    private static byte[] Bytes(KneserNeyModel model)
    {
        var stream = new MemoryStream();
        KneserNeyFile.Save(model, stream);
        return stream.ToArray();
    }
}
