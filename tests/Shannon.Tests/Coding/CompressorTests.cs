using System.Text;
using CsCheck;
using Shannon.Coding;

namespace Shannon.Tests.Coding;

public class CompressorTests
{
    private const int SmallBlock = 1 << 16;

    private static readonly byte[] Text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i =>
        $"And it came to pass in the {i % 7 + 1}th day, that the {(i % 3 == 0 ? "king" : "people")} went up unto the house of the LORD; and they said, Let us go.\n")));

    public static TheoryData<string, byte[]> Inputs()
    {
        var random = new Random(11);
        var noise = new byte[200_000];
        random.NextBytes(noise);
        var runs = new byte[150_000];
        for (int i = 0; i < runs.Length; i++)
        {
            runs[i] = (byte)((i / 5000) % 3 == 0 ? 'a' : i / 5000);
        }

        return new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "one byte", [42] },
            { "all equal", Enumerable.Repeat((byte)0xFF, 100_000).ToArray() },
            { "long runs", runs },
            { "random bytes", noise },
            { "text", Text },
            { "every byte value", Enumerable.Range(0, 256 * 40).Select(i => (byte)(i * 7)).ToArray() },
        };
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Round_trips_at_every_order(string name, byte[] data)
    {
        for (int order = 0; order <= 8; order++)
        {
            byte[] packed = Compress(data, new AdaptiveContextModel(order), out var report);
            Assert.Equal(data.Length, report.BytesIn);
            Assert.Equal(packed.Length, report.BytesOut);
            Assert.True(data.AsSpan().SequenceEqual(Decompress(packed)), $"{name} at order {order}");
        }
    }

    [Fact]
    public void Random_inputs_round_trip_across_blocks_and_lanes() =>
        Gen.Select(Gen.Byte[0, 6].Array[0, 150_000], Gen.Int[1, 3], Gen.Int[0, 5]).Sample((data, lanes, order) =>
        {
            byte[] packed = Compress(data, new AdaptiveContextModel(order), out _, lanes);
            return data.AsSpan().SequenceEqual(Decompress(packed));
        }, iter: 20);

    [Fact]
    public void Incompressible_input_grows_by_the_header_and_13_bytes_per_block_at_most()
    {
        var data = new byte[5 * SmallBlock + 123];
        new Random(5).NextBytes(data);
        byte[] packed = Compress(data, new AdaptiveContextModel(), out var report);
        Assert.Equal(report.Blocks, report.StoredBlocks);
        int header = 8 + 6 + "adaptive order 4".Length + 8;
        Assert.Equal(data.Length + header + (13 * report.Blocks) + 13, packed.Length);
        Assert.True(packed.Length <= data.Length + 64 + (data.Length / 1000));
        Assert.Equal(data, Decompress(packed));
    }

    [Fact]
    public void Text_compresses_to_its_model_cross_entropy_with_little_overhead()
    {
        byte[] kjv = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "kjv.txt"))[..400_000];
        byte[] packed = Compress(kjv, new AdaptiveContextModel(), out var report, blockSize: 1 << 20);
        Assert.Equal(0, report.StoredBlocks);
        Assert.InRange(report.BitsPerByte, 1.2, 1.9);
        // Container: 38 header bytes, 13 per block, 13 at the end; the range coder adds its 4 final bytes per block and
        // rounds each decision's range by less than 2^-24 relative, so the coded bits are the model's to within a few bytes.
        long container = 38 + (13 * report.Blocks) + 13;
        double coderExcess = ((report.BytesOut - container) * 8.0) - report.ModelBits;
        Assert.InRange(coderExcess, 0.0, 8 * 5 * report.Blocks);
        Assert.InRange(report.OverheadBitsPerByte, 0.0, 0.002);
        Assert.Equal(kjv, Decompress(packed));
    }

    [Fact]
    public void Stored_blocks_are_measured_against_their_raw_bits_so_the_overhead_is_not_negative()
    {
        // Random bytes: the model spends more than 8 bits per byte, so each block is stored raw. The overhead used to be
        // bits on disk − the model's bits, negative here; it is now what the container adds to the payloads' 8 bits per byte.
        var data = new byte[300_000];
        new Random(4).NextBytes(data);
        byte[] packed = Compress(data, new AdaptiveContextModel(), out var report, blockSize: 1 << 16);
        Assert.Equal(report.Blocks, report.StoredBlocks);
        Assert.True(report.ModelBitsPerByte > 8.0, $"{report.ModelBitsPerByte}");
        Assert.Equal(8.0 * data.Length, report.WrittenIdealBits);
        long container = 38 + (13 * report.Blocks) + 13;
        Assert.Equal(8.0 * container / data.Length, report.OverheadBitsPerByte, 12);
        Assert.True(report.OverheadBitsPerByte >= 0);
        Assert.Equal(data, Decompress(packed));
    }

    [Fact]
    public void Order_zero_approaches_the_byte_entropy()
    {
        var random = new Random(2);
        double[] p = [0.5, 0.25, 0.125, 0.0625, 0.0625];
        byte[] data = Enumerable.Range(0, 300_000).Select(_ =>
        {
            double u = random.NextDouble();
            int s = 0;
            while (s < p.Length - 1 && (u -= p[s]) >= 0)
            {
                s++;
            }

            return (byte)('a' + s);
        }).ToArray();
        Compress(data, new AdaptiveContextModel(0), out var report, blockSize: 1 << 20);
        double entropy = Shannon.Measures.Entropy.Of(p, LogBase.Bits);
        // Above H by the learning cost: the adaptive counters never average over more than about 30 events per node.
        Assert.InRange(report.ModelBitsPerByte - entropy, 0.0, 0.03);
    }

    [Fact]
    public void Every_flipped_byte_is_detected()
    {
        byte[] data = Text[..3000];
        byte[] packed = Compress(data, new AdaptiveContextModel(2), out _);
        for (int i = 0; i < packed.Length; i++)
        {
            byte[] damaged = (byte[])packed.Clone();
            damaged[i] ^= 0x5A;
            var thrown = Record.Exception(() => Decompress(damaged));
            Assert.True(thrown is InvalidDataException, $"flip at {i} of {packed.Length}: {thrown?.GetType().Name}");
        }
    }

    [Fact]
    public void Every_truncation_is_detected_and_only_verified_blocks_are_written()
    {
        var random = new Random(4);
        byte[] data = Enumerable.Range(0, (2 * SmallBlock) + 700).Select(i => Text[i % Text.Length] ^ (random.Next(50) == 0 ? 1 : 0)).Select(b => (byte)b).ToArray();
        byte[] packed = Compress(data, new AdaptiveContextModel(3), out _, lanes: 1);
        for (int length = 0; length < packed.Length; length += length < 64 || packed.Length - length < 64 ? 1 : 37)
        {
            var output = new MemoryStream();
            Assert.Throws<InvalidDataException>(() => Compressor.Decompress(new MemoryStream(packed, 0, length), output));
            Assert.True(data.AsSpan().StartsWith(output.ToArray()), $"cut at {length}");
            Assert.Equal(0, output.Length % SmallBlock == 0 || output.Length == data.Length ? 0 : 1);
        }

        Assert.Throws<InvalidDataException>(() => Decompress([.. packed, 0]));
    }

    [Fact]
    public void Flips_in_a_multi_block_container_are_detected()
    {
        var random = new Random(9);
        byte[] data = Enumerable.Range(0, 3 * SmallBlock).Select(_ => (byte)random.Next(4)).ToArray();
        byte[] packed = Compress(data, new AdaptiveContextModel(1), out var report);
        Assert.Equal(3, report.Blocks);
        for (int i = 0; i < packed.Length; i += 97)
        {
            byte[] damaged = (byte[])packed.Clone();
            damaged[i] ^= 1;
            Assert.Throws<InvalidDataException>(() => Decompress(damaged));
        }
    }

    [Fact]
    public void Header_records_the_model_lanes_and_block_size()
    {
        byte[] packed = Compress(Text, new AdaptiveContextModel(5), out var report, lanes: 3);
        var header = Compressor.ReadHeader(new MemoryStream(packed));
        Assert.Equal(new CompressedContainer("adaptive order 5", 0, true, 5, 3, SmallBlock, null), header);
        var restored = new MemoryStream();
        var container = Compressor.Decompress(new MemoryStream(packed), restored);
        Assert.Equal(Text.Length, container.OriginalLength);
        Assert.Equal("adaptive order 5", report.Model);
        Assert.Throws<InvalidDataException>(() => Compressor.ReadHeader(new MemoryStream(Encoding.ASCII.GetBytes("not a container at all"))));
        Assert.Throws<InvalidDataException>(() => Compressor.ReadHeader(new MemoryStream(packed, 0, 10)));
    }

    [Fact]
    public void Containers_of_version_1_are_refused_by_name()
    {
        // Version 1 (up to 1c85b1b) coded with the secondary estimation stage and larger tables: its bytes would decode
        // to garbage with this model, so the header's version byte (offset 8, checked before anything else) refuses it.
        byte[] packed = Compress(Text, new AdaptiveContextModel(4), out _);
        Assert.Equal(2, packed[8]);
        packed[8] = 1;
        var thrown = Assert.Throws<InvalidDataException>(() => Compressor.Decompress(new MemoryStream(packed), new MemoryStream()));
        Assert.Equal("The compressed file has container version 1; this build reads version 2.", thrown.Message);
    }

    [Fact]
    public void An_external_model_must_be_supplied_with_the_recorded_checksum()
    {
        var model = new RecordedModel("test:repeat", 0xABCD1234);
        byte[] packed = Compress(Text, model, out var report);
        Assert.Equal("test:repeat", report.Model);
        var missing = Assert.Throws<InvalidDataException>(() => Compressor.Decompress(new MemoryStream(packed), new MemoryStream()));
        Assert.Contains("'test:repeat'", missing.Message);
        var wrong = Assert.Throws<InvalidDataException>(() =>
            Compressor.Decompress(new MemoryStream(packed), new MemoryStream(), _ => new RecordedModel("test:repeat", 1)));
        Assert.Contains("abcd1234", wrong.Message);
        var restored = new MemoryStream();
        var container = Compressor.Decompress(new MemoryStream(packed), restored, header => header.ModelChecksum == 0xABCD1234 ? model : null);
        Assert.Equal(Text, restored.ToArray());
        Assert.False(container.IsAdaptive);
    }

    [Fact]
    public void Coded_bytes_are_identical_on_every_run()
    {
        byte[] first = Compress(Text, new AdaptiveContextModel(), out _, lanes: 2);
        byte[] second = Compress(Text, new AdaptiveContextModel(), out _, lanes: 2);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Bad_arguments_name_their_parameter()
    {
        var input = new MemoryStream(Text);
        Assert.Equal("lanes", Assert.Throws<ArgumentOutOfRangeException>(() => Compressor.Compress(input, new MemoryStream(), lanes: 0)).ParamName);
        Assert.Equal("lanes", Assert.Throws<ArgumentOutOfRangeException>(() => Compressor.Compress(input, new MemoryStream(), lanes: 17)).ParamName);
        Assert.Equal("blockSize", Assert.Throws<ArgumentOutOfRangeException>(() => Compressor.Compress(input, new MemoryStream(), blockSize: 1000)).ParamName);
        Assert.Equal("blockSize", Assert.Throws<ArgumentOutOfRangeException>(() => Compressor.Compress(input, new MemoryStream(), blockSize: 1 << 25)).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveContextModel(9)).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveContextModel(-1)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => Compressor.Compress(input, new MemoryStream(), new RecordedModel(new string('x', 256), 0))).ParamName);
    }

    private static byte[] Compress(byte[] data, CompressionModel model, out CompressionReport report, int lanes = 2, int blockSize = SmallBlock)
    {
        var output = new MemoryStream();
        report = Compressor.Compress(new MemoryStream(data), output, model, lanes, blockSize);
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] packed)
    {
        var output = new MemoryStream();
        Compressor.Decompress(new MemoryStream(packed), output);
        return output.ToArray();
    }

    /// <summary>An external model (adaptive order 2 inside) with its own name and checksum.</summary>
    private sealed class RecordedModel(string name, uint checksum) : CompressionModel
    {
        public override string Name => name;

        public override uint Checksum => checksum;

        public override BlockCoder CreateCoder() => new AdaptiveContextModel(2).CreateCoder();
    }
}
