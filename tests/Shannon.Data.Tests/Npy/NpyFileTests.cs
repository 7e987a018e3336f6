using CsCheck;
using Shannon.Data.Npy;

namespace Shannon.Data.Tests.Npy;

public sealed class NpyFileTests : IDisposable
{
    private static readonly double[] Table = [2.0, 1.0, 0.1, -431.0, 279.0, 427.0];
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "References", "npy", name);

    [Fact]
    public void Reads_numpy_float64_float32_float16_in_c_order()
    {
        var f8 = NpyFile.Read(Fixture("f8.npy"));
        Assert.Equal(NpyType.Float64, f8.Type);
        Assert.Equal([2, 3], f8.Shape);
        Assert.Equal((2, 3), (f8.Rows, f8.Columns));
        Assert.Equal(Table, f8.ToDouble());
        Assert.Equal(Table.Select(v => (float)v).ToArray(), NpyFile.Read(Fixture("f4.npy")).ToSingle());
        Assert.Equal(Table.Select(v => (float)(Half)v).ToArray(), NpyFile.Read(Fixture("f2.npy")).ToSingle());
        Assert.Equal(Table, NpyFile.Read(Fixture("v2.npy")).ToDouble());
    }

    [Fact]
    public void Reads_int32_and_int64_vectors()
    {
        Assert.Equal([0, 2, -100], NpyFile.Read(Fixture("i4.npy")).ToInt32());
        var i8 = NpyFile.Read(Fixture("i8.npy"));
        Assert.Equal([3], i8.Shape);
        Assert.Equal(1, i8.Columns);
        Assert.Equal([0, 2, -100], i8.ToInt32());
        Assert.Throws<InvalidDataException>(() => i8.ToSingle());
    }

    [Theory]
    [InlineData("truncated.npy", "= 24 data bytes, but it holds 20")]
    [InlineData("fortran.npy", "Fortran")]
    [InlineData("big_endian.npy", "big-endian")]
    [InlineData("three_d.npy", "3 dimensions")]
    [InlineData("u8.npy", "dtype '|u1'")]
    public void Files_that_are_not_what_the_reader_supports_are_rejected_with_the_reason(string name, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => NpyFile.Read(Fixture(name)));
        Assert.Contains(expected, ex.Message);
        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void A_header_that_claims_more_rows_than_the_file_holds_is_rejected()
    {
        byte[] bytes = File.ReadAllBytes(Fixture("f8.npy"));
        string text = System.Text.Encoding.Latin1.GetString(bytes);
        string lying = text.Replace("(2, 3)", "(9, 3)", StringComparison.Ordinal);
        string path = _files.Path("lying.npy");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(lying));
        var ex = Assert.Throws<InvalidDataException>(() => NpyFile.Read(path));
        Assert.Contains("says shape (9, 3) of <f8 = 216 data bytes, but it holds 48", ex.Message);
        File.WriteAllText(_files.Path("text.npy"), "not numpy");
        Assert.Contains("no \\x93NUMPY", Assert.Throws<InvalidDataException>(() => NpyFile.Read(_files.Path("text.npy"))).Message);
    }

    [Fact]
    public void A_shape_whose_byte_count_wraps_around_64_bits_is_rejected()
    {
        // 1073807362 × 2147352580 × 8 bytes = 2^64 + 64: a wrapped product would match the 64 data bytes present.
        string path = _files.Path("wrapped.npy");
        File.WriteAllBytes(path, Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1073807362, 2147352580), }", new byte[64]));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => NpyFile.Read(path));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Contains("wrapped.npy", error.Message);
        Assert.Contains("64 bits", error.Message);
    }

    [Theory]
    [InlineData("2147483648,", "declares a dimension of 2147483648 in its shape, more than the largest supported, 2147483647 (2³¹ − 1)")]
    [InlineData("3, 4294967296", "declares a dimension of 4294967296")]
    [InlineData("99999999999999999999999999999999999999999999999999,", "declares a dimension of 9999999999999999999999999999999999999999…")]
    [InlineData("-1,", "shape entry '-1' that is not a dimension (a non-negative integer)")]
    [InlineData("2.5,", "shape entry '2.5' that is not a dimension")]
    public void A_shape_entry_beyond_32_bits_or_not_a_count_is_named_before_any_allocation(string shape, string expected)
    {
        string path = _files.Path("huge.npy");
        File.WriteAllBytes(path, Npy($"{{'descr': '<f8', 'fortran_order': False, 'shape': ({shape}), }}", new byte[8]));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => NpyFile.Read(path));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.StartsWith("huge.npy ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => NpyFile.Map(path)).Message);
    }

    [Fact]
    public void Declared_header_lengths_beyond_the_file_fail_fast()
    {
        byte[] v2 = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0, 0xFF, 0xFF, 0x0F, 0x00];
        Assert.Contains("header", Assert.Throws<InvalidDataException>(() => NpyFile.Read(new MemoryStream(v2), "v2.npy")).Message);
        byte[] v1 = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 0xFF, 0xFF, (byte)'{'];
        Assert.Contains("ends inside its .npy header", Assert.Throws<InvalidDataException>(() => NpyFile.Read(new MemoryStream(v1), "v1.npy")).Message);
    }

    [Fact]
    public void Random_headers_either_read_or_fail_as_invalid_data_without_allocating_what_they_declare()
    {
        var dims = Gen.Int[0, int.MaxValue].Array[1, 3];
        Gen.Select(dims, Gen.OneOf("<f2", "<f4", "<f8", "<i4", "<i8"), Gen.Int[0, 96]).Sample((shape, descr, dataBytes) =>
        {
            string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({string.Join(", ", shape)},), }}";
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var array = NpyFile.Read(new MemoryStream(Npy(dict, new byte[dataBytes])), "fuzz.npy");
                return array.Data.Length == dataBytes && (long)array.Length * NpyFile.ItemSize(array.Type) == dataBytes;
            }
            catch (InvalidDataException)
            {
                return GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000;
            }
        });
    }

    /// <summary>A version 1.0 .npy file with this header dictionary and data.</summary>
    private static byte[] Npy(string dict, byte[] data)
    {
        string header = dict + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 };
        bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        bytes.AddRange(System.Text.Encoding.Latin1.GetBytes(header));
        bytes.AddRange(data);
        return [.. bytes];
    }

    [Fact]
    public void Int64_outside_int32_is_named()
    {
        var array = new NpyArray(NpyType.Int64, [2], BitConverter.GetBytes(1L).Concat(BitConverter.GetBytes(1L << 40)).ToArray());
        Assert.Contains("at index 1", Assert.Throws<InvalidDataException>(() => array.ToInt32()).Message);
    }

    [Fact]
    public void Write_then_read_round_trips_float32_and_float64() =>
        Gen.Double.Array[1, 40].Sample(values =>
        {
            var floats = values.Select(v => (float)v).ToArray();
            string path = _files.Path($"round-{Guid.NewGuid():N}.npy"); // samples run in parallel
            NpyFile.Write(path, values, [values.Length]);
            Assert.Equal(values, NpyFile.Read(path).ToDouble());
            NpyFile.Write(path, floats, [1, floats.Length]);
            var backFloat = NpyFile.Read(path);
            Assert.Equal([1, floats.Length], backFloat.Shape);
            Assert.Equal(floats, backFloat.ToSingle());
        }, iter: 50);

    [Fact]
    public void Written_header_is_padded_to_64_bytes_and_replaces_an_existing_file_whole()
    {
        string path = _files.Write("grad.npy", new string('x', 5000));
        NpyFile.Write(path, [1.0f, 2.0f, 3.0f, 4.0f], [2, 2]);
        byte[] bytes = File.ReadAllBytes(path);
        int dataStart = bytes.Length - 16;
        Assert.Equal(0, dataStart % 64);
        Assert.Equal((byte)'\n', bytes[dataStart - 1]);
        Assert.Single(Directory.GetFiles(_files.Directory));
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => NpyFile.Write(path, [1.0, 2.0], [3])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => NpyFile.Write(path, [1.0], [1, 1, 1])).ParamName);
    }

    [Fact]
    public void Write_to_a_stream_gives_the_bytes_the_file_gets() =>
        Gen.Double.Array[1, 40].Sample(values =>
        {
            string path = _files.Path($"stream-{Guid.NewGuid():N}.npy");
            NpyFile.Write(path, values, [values.Length]);
            using var doubles = new MemoryStream();
            NpyFile.Write(doubles, values, [values.Length]);
            Assert.Equal(File.ReadAllBytes(path), doubles.ToArray());
            var floats = values.Select(v => (float)v).ToArray();
            NpyFile.Write(path, floats, [1, floats.Length]);
            using var singles = new MemoryStream();
            NpyFile.Write(singles, floats, [1, floats.Length]);
            Assert.Equal(File.ReadAllBytes(path), singles.ToArray());
        }, iter: 20);

    [Fact]
    public void Write_to_a_stream_checks_its_arguments()
    {
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => NpyFile.Write((Stream)null!, [1.0], [1])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => NpyFile.Write(new MemoryStream(), [1.0f, 2.0f], [3])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => NpyFile.Write(new MemoryStream(), [1.0], [1, 1, 1])).ParamName);
    }
}
