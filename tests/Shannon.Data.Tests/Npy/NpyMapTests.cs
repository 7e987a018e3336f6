using Shannon.Data.Npy;

namespace Shannon.Data.Tests.Npy;

public sealed class NpyMapTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "References", "npy", name);

    [Fact]
    public void Mapped_float32_and_float64_equal_what_read_returns()
    {
        using (var f8 = NpyFile.Map(Fixture("f8.npy")))
        {
            Assert.Equal(NpyType.Float64, f8.Type);
            Assert.Equal((2, 3, 6), (f8.Rows, f8.Columns, f8.Length));
            Assert.Equal(NpyFile.Read(Fixture("f8.npy")).ToDouble(), f8.Doubles.ToArray());
            Assert.Throws<InvalidDataException>(() => f8.Singles.Length);
        }

        using var f4 = NpyFile.Map(Fixture("f4.npy"));
        Assert.Equal(NpyFile.Read(Fixture("f4.npy")).ToSingle(), f4.Singles.ToArray());
        using var v2 = NpyFile.Map(Fixture("v2.npy"));
        Assert.Equal(NpyFile.Read(Fixture("v2.npy")).ToDouble(), v2.Doubles.ToArray());
    }

    [Fact]
    public void A_large_written_table_maps_whole_and_a_vector_has_one_column()
    {
        string path = _files.Path("big.npy");
        var values = Enumerable.Range(0, 300_000).Select(i => (float)i).ToArray();
        NpyFile.Write(path, values, [1000, 300]);
        using (var map = NpyFile.Map(path))
        {
            Assert.Equal([1000, 300], map.Shape);
            Assert.True(values.AsSpan().SequenceEqual(map.Singles));
        }

        NpyFile.Write(path, [1.0, 2.0], [2]);
        using var vector = NpyFile.Map(path);
        Assert.Equal((2, 1), (vector.Rows, vector.Columns));
    }

    [Theory]
    [InlineData("truncated.npy", "= 24 data bytes, but it holds 20")]
    [InlineData("fortran.npy", "Fortran")]
    [InlineData("big_endian.npy", "big-endian")]
    public void Files_that_read_rejects_are_rejected_before_mapping(string name, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => NpyFile.Map(Fixture(name)));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_disposed_map_refuses_to_hand_out_views()
    {
        var map = NpyFile.Map(Fixture("f8.npy"));
        map.Dispose();
        map.Dispose();
        Assert.Throws<ObjectDisposedException>(() => map.Doubles.Length);
        Assert.Throws<FileNotFoundException>(() => NpyFile.Map(_files.Path("missing.npy")));
    }

    [Fact]
    public void An_empty_array_maps_to_an_empty_view()
    {
        byte[] bytes = File.ReadAllBytes(Fixture("f8.npy"));
        string text = System.Text.Encoding.Latin1.GetString(bytes);
        int dataStart = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        string header = text[..dataStart].Replace("(2, 3)", "(0, 3)", StringComparison.Ordinal);
        string path = _files.Path("empty.npy");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(header));
        using var map = NpyFile.Map(path);
        Assert.Equal(0, map.Length);
        Assert.True(map.Doubles.IsEmpty);
    }
}
