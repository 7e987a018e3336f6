using System.Buffers.Binary;
using System.Text;
using Shannon.Numerics;

namespace Shannon.Coding;

/// <summary>
/// Lossless compression with a predictive model and the range coder, in a checksummed container that streams in
/// blocks: bounded memory for any input size, and a damaged or truncated container is reported, never decoded into
/// wrong bytes.
/// </summary>
/// <remarks>
/// <para>Container, version 2 (little-endian). Header: the 8 bytes 89 53 48 4E 5A 0D 0A 1A ("\x89SHNZ\r\n\x1A",
/// which catches text-mode and 7-bit transfers), the version (2), the model kind (0 adaptive, 1 external), the
/// adaptive order, the number of lanes, log₂ of the block size, the model's name (length byte and UTF-8), the model's
/// checksum (uint32) and the header's CRC-32. Then one record per block: type (1 coded, 2 stored), the original
/// length (uint32, at most the block size), the payload length (uint32; coded payloads are shorter than the block,
/// stored ones equal it), the payload, and a CRC-32 over the record's bytes followed by the original bytes it decodes
/// to (so a change anywhere in the record is caught, even in the coder's last bytes, which a decoder may not need).
/// Last, an end record: type 0, the total original length (uint64) and the CRC-32 of all the original bytes.
/// Nothing may follow it.</para>
/// <para>Lanes. Block i is coded by lane i mod L, each lane with its own model state, so L consecutive blocks are
/// coded (and decoded) in parallel; each model still learns from every block of its lane. A block that does not
/// shrink is stored raw (its lane's model has learned it anyway, and the decoder learns it too), so the container
/// is never more than the header, 13 bytes per block and 13 bytes at the end larger than the input.</para>
/// <para>Decompression checks every length against the block size before allocating, decodes a group of blocks, and
/// writes a block only after its checksum and the decoder's exact consumption of its payload have been verified;
/// any mismatch, a truncation anywhere, or trailing bytes throw <see cref="InvalidDataException"/>. What was written
/// before a bad block is correct data; write to a temporary file and rename it (as the CLI does) to keep nothing.</para>
/// </remarks>
public static class Compressor
{
    /// <summary>The container version this build writes and reads.</summary>
    public const int Version = 2;

    /// <summary>Lanes by default: blocks coded in parallel by independent model states.</summary>
    public const int DefaultLanes = 2;

    /// <summary>The default block size: 1 MiB.</summary>
    public const int DefaultBlockSize = 1 << 20;

    private const byte EndRecord = 0;
    private const byte CodedRecord = 1;
    private const byte StoredRecord = 2;

    private static ReadOnlySpan<byte> Magic => [0x89, (byte)'S', (byte)'H', (byte)'N', (byte)'Z', 0x0D, 0x0A, 0x1A];

    /// <summary>Compresses a stream into a container.</summary>
    /// <param name="input">The bytes to compress, read to the end.</param>
    /// <param name="output">Receives the container.</param>
    /// <param name="model">The model; the adaptive order-4 model when null.</param>
    /// <param name="lanes">Independent model states coding consecutive blocks in parallel, 1 … 16.</param>
    /// <param name="blockSize">Bytes per block, a power of two in 2¹⁶ … 2²⁴.</param>
    /// <param name="progress">Receives the number of input bytes done after each group of blocks.</param>
    /// <returns>Sizes, the model's ideal code length and the overhead.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lanes"/> or <paramref name="blockSize"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The model's name is empty or longer than 255 UTF-8 bytes.</exception>
    public static CompressionReport Compress(Stream input, Stream output, CompressionModel? model = null, int lanes = DefaultLanes, int blockSize = DefaultBlockSize, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lanes, 16);
        if (blockSize is < 1 << 16 or > 1 << 24 || (blockSize & (blockSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "blockSize must be a power of two in 2^16 … 2^24.");
        }

        model ??= new AdaptiveContextModel();
        byte[] name = Encoding.UTF8.GetBytes(model.Name);
        if (name.Length is 0 or > 255)
        {
            throw new ArgumentException($"The model's name must be 1 … 255 UTF-8 bytes; '{model.Name}' is {name.Length}.", nameof(model));
        }

        var counting = new CountingStream(output);
        WriteHeader(counting, model, name, lanes, blockSize);
        var coders = new BlockCoder?[lanes];
        var encoders = new RangeEncoder?[lanes];
        var blocks = new byte[lanes][];
        var lengths = new int[lanes];
        var ideal = new double[lanes];
        double modelBits = 0;
        double writtenBits = 0;
        long total = 0;
        long blockCount = 0;
        long stored = 0;
        uint crc = 0;
        Span<byte> record = stackalloc byte[9];
        while (true)
        {
            int filled = 0;
            for (; filled < lanes; filled++)
            {
                blocks[filled] ??= new byte[blockSize];
                lengths[filled] = input.ReadAtLeast(blocks[filled], blockSize, throwOnEndOfStream: false);
                if (lengths[filled] < blockSize)
                {
                    filled += lengths[filled] > 0 ? 1 : 0;
                    break;
                }
            }

            if (filled == 0)
            {
                break;
            }

            ParallelLoop.For(0, filled, lane =>
            {
                var coder = coders[lane] ??= model.CreateCoder();
                var encoder = encoders[lane] ??= new RangeEncoder(blockSize / 4);
                encoder.Reset();
                ideal[lane] = coder.Encode(blocks[lane].AsSpan(0, lengths[lane]), encoder);
                encoder.Finish();
            });

            for (int lane = 0; lane < filled; lane++)
            {
                ReadOnlySpan<byte> raw = blocks[lane].AsSpan(0, lengths[lane]);
                ReadOnlySpan<byte> coded = encoders[lane]!.Written;
                bool keepRaw = coded.Length >= raw.Length;
                ReadOnlySpan<byte> payload = keepRaw ? raw : coded;
                record[0] = keepRaw ? StoredRecord : CodedRecord;
                BinaryPrimitives.WriteUInt32LittleEndian(record[1..], (uint)raw.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(record[5..], (uint)payload.Length);
                counting.Write(record);
                counting.Write(payload);
                WriteUInt32(counting, Crc32.Append(Crc32.Append(Crc32.Of(record), payload), raw));
                crc = Crc32.Append(crc, raw);
                total += raw.Length;
                modelBits += ideal[lane];
                writtenBits += keepRaw ? 8.0 * raw.Length : ideal[lane];
                blockCount++;
                stored += keepRaw ? 1 : 0;
            }

            progress?.Report(total);
            if (lengths[filled - 1] < blockSize)
            {
                break;
            }
        }

        counting.WriteByte(EndRecord);
        Span<byte> end = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(end, (ulong)total);
        BinaryPrimitives.WriteUInt32LittleEndian(end[8..], crc);
        counting.Write(end);
        counting.Flush();
        return new CompressionReport(model.Name, total, counting.Count, modelBits, blockCount, stored, writtenBits);
    }

    /// <summary>Decompresses a container written by <see cref="Compress"/>, verifying every checksum.</summary>
    /// <param name="input">The container.</param>
    /// <param name="output">Receives the original bytes.</param>
    /// <param name="resolveModel">For a container coded with an external model: given its recorded name and checksum, returns that model (or null if unavailable). Not needed for the adaptive model.</param>
    /// <param name="progress">Receives the number of original bytes written after each group of blocks.</param>
    /// <returns>The recorded model and the original size.</returns>
    /// <exception cref="InvalidDataException">The input is not a Shannon container, has another version, is truncated or damaged, or needs a model that was not supplied or whose checksum differs.</exception>
    public static CompressedContainer Decompress(Stream input, Stream output, Func<CompressedContainer, CompressionModel?>? resolveModel = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            return DecompressChecked(input, output, resolveModel, progress);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The compressed file is truncated: it ends before its end record.");
        }
    }

    /// <summary>Reads only a container's header: which model it needs, before decompressing it.</summary>
    /// <param name="input">The container, positioned at its start; it is read past the header.</param>
    /// <returns>The recorded model, lanes and block size (the original size is known only at the end).</returns>
    /// <exception cref="InvalidDataException">The header is not a valid Shannon container header.</exception>
    public static CompressedContainer ReadHeader(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return ReadHeaderChecked(input);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The compressed file is truncated inside its header.");
        }
    }

    private static CompressedContainer DecompressChecked(Stream input, Stream output, Func<CompressedContainer, CompressionModel?>? resolveModel, IProgress<long>? progress)
    {
        var header = ReadHeaderChecked(input);
        var model = ResolveModel(header, resolveModel);
        int lanes = header.Lanes;
        int blockSize = header.BlockSize;
        var coders = new BlockCoder?[lanes];
        var payloads = new byte[lanes][];
        var blocks = new byte[lanes][];
        var types = new byte[lanes];
        var rawLengths = new int[lanes];
        var payloadLengths = new int[lanes];
        var crcs = new uint[lanes];
        var recordCrcs = new uint[lanes];
        var failures = new string?[lanes];
        long total = 0;
        long blockIndex = 0;
        uint crc = 0;
        Span<byte> fields = stackalloc byte[9];
        Span<byte> record = fields[1..];
        bool ended = false;
        while (!ended)
        {
            int filled = 0;
            for (; filled < lanes; filled++)
            {
                int type = input.ReadByte();
                if (type < 0)
                {
                    throw new EndOfStreamException();
                }

                if (type == EndRecord)
                {
                    ended = true;
                    break;
                }

                if (type is not (CodedRecord or StoredRecord))
                {
                    throw Damaged($"block {blockIndex + filled} has record type {type}");
                }

                input.ReadExactly(record);
                long raw = BinaryPrimitives.ReadUInt32LittleEndian(record);
                long payload = BinaryPrimitives.ReadUInt32LittleEndian(record[4..]);
                if (raw < 1 || raw > blockSize)
                {
                    throw Damaged($"block {blockIndex + filled} claims {raw} bytes; blocks hold 1 … {blockSize}");
                }

                if (type == StoredRecord ? payload != raw : payload < 4 || payload >= raw)
                {
                    throw Damaged($"block {blockIndex + filled} has a payload of {payload} bytes for {raw} original bytes");
                }

                types[filled] = (byte)type;
                rawLengths[filled] = (int)raw;
                payloadLengths[filled] = (int)payload;
                payloads[filled] ??= new byte[blockSize];
                blocks[filled] ??= new byte[blockSize];
                input.ReadExactly(payloads[filled].AsSpan(0, (int)payload));
                crcs[filled] = ReadUInt32(input);
                fields[0] = (byte)type;
                recordCrcs[filled] = Crc32.Append(Crc32.Of(fields), payloads[filled].AsSpan(0, (int)payload));
            }

            ParallelLoop.For(0, filled, lane =>
            {
                var coder = coders[lane] ??= model.CreateCoder();
                var block = blocks[lane].AsSpan(0, rawLengths[lane]);
                failures[lane] = null;
                if (types[lane] == StoredRecord)
                {
                    payloads[lane].AsSpan(0, rawLengths[lane]).CopyTo(block);
                    coder.Learn(block);
                }
                else
                {
                    var decoder = new RangeDecoder(payloads[lane].AsMemory(0, payloadLengths[lane]));
                    coder.Decode(decoder, block);
                    if (decoder.Overrun || decoder.Consumed != payloadLengths[lane])
                    {
                        failures[lane] = "its code does not end where its payload does";
                    }
                }

                if (failures[lane] is null && Crc32.Append(recordCrcs[lane], block) != crcs[lane])
                {
                    failures[lane] = "its checksum does not match";
                }
            });

            for (int lane = 0; lane < filled; lane++)
            {
                if (failures[lane] is { } failure)
                {
                    throw Damaged($"block {blockIndex} is corrupt: {failure}");
                }

                ReadOnlySpan<byte> block = blocks[lane].AsSpan(0, rawLengths[lane]);
                output.Write(block);
                crc = Crc32.Append(crc, block);
                total += block.Length;
                blockIndex++;
            }

            progress?.Report(total);
        }

        Span<byte> end = stackalloc byte[12];
        input.ReadExactly(end);
        ulong recordedTotal = BinaryPrimitives.ReadUInt64LittleEndian(end);
        uint recordedCrc = BinaryPrimitives.ReadUInt32LittleEndian(end[8..]);
        if (recordedTotal != (ulong)total || recordedCrc != crc)
        {
            throw Damaged($"the end record gives {recordedTotal} bytes with CRC-32 {recordedCrc:x8}, but the blocks hold {total} bytes with CRC-32 {crc:x8}");
        }

        if (input.ReadByte() >= 0)
        {
            throw Damaged("bytes follow its end record");
        }

        output.Flush();
        return header with { OriginalLength = total };
    }

    private static CompressionModel ResolveModel(CompressedContainer header, Func<CompressedContainer, CompressionModel?>? resolveModel)
    {
        if (header.IsAdaptive)
        {
            return new AdaptiveContextModel(header.Order);
        }

        var model = resolveModel?.Invoke(header)
            ?? throw new InvalidDataException($"The compressed file was coded with the model '{header.ModelName}' (CRC-32 {header.ModelChecksum:x8}); supply that model to decompress it.");
        if (model.Checksum != header.ModelChecksum)
        {
            throw new InvalidDataException($"The compressed file was coded with the model '{header.ModelName}' of CRC-32 {header.ModelChecksum:x8}, but the model supplied has CRC-32 {model.Checksum:x8}.");
        }

        return model;
    }

    private static void WriteHeader(Stream output, CompressionModel model, byte[] name, int lanes, int blockSize)
    {
        var header = new byte[Magic.Length + 6 + name.Length + 4];
        Magic.CopyTo(header);
        int at = Magic.Length;
        header[at++] = Version;
        header[at++] = model is AdaptiveContextModel ? (byte)0 : (byte)1;
        header[at++] = model is AdaptiveContextModel adaptive ? (byte)adaptive.Order : (byte)0;
        header[at++] = (byte)lanes;
        header[at++] = (byte)System.Numerics.BitOperations.Log2((uint)blockSize);
        header[at++] = (byte)name.Length;
        name.CopyTo(header, at);
        at += name.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(at), model.Checksum);
        output.Write(header);
        WriteUInt32(output, Crc32.Of(header));
    }

    private static CompressedContainer ReadHeaderChecked(Stream input)
    {
        Span<byte> fixedPart = stackalloc byte[Magic.Length + 6];
        int read = input.ReadAtLeast(fixedPart, fixedPart.Length, throwOnEndOfStream: false);
        int compared = Math.Min(read, Magic.Length);
        if (read == 0 || !fixedPart[..compared].SequenceEqual(Magic[..compared]))
        {
            throw new InvalidDataException("Not a Shannon compressed file: it does not start with the \\x89SHNZ signature.");
        }

        if (read < fixedPart.Length)
        {
            throw new EndOfStreamException();
        }

        int at = Magic.Length;
        int version = fixedPart[at++];
        if (version != Version)
        {
            throw new InvalidDataException($"The compressed file has container version {version}; this build reads version {Version}.");
        }

        int kind = fixedPart[at++];
        int order = fixedPart[at++];
        int lanes = fixedPart[at++];
        int blockBits = fixedPart[at++];
        int nameLength = fixedPart[at++];
        var rest = new byte[nameLength + 8];
        input.ReadExactly(rest);
        uint crc = Crc32.Append(Crc32.Of(fixedPart), rest.AsSpan(0, nameLength + 4));
        if (crc != BinaryPrimitives.ReadUInt32LittleEndian(rest.AsSpan(nameLength + 4)))
        {
            throw Damaged("its header checksum does not match");
        }

        if (kind > 1 || (kind == 0 && order > ContextMixingModel.MaxOrder) || lanes is < 1 or > 16 || blockBits is < 16 or > 24 || nameLength == 0)
        {
            throw Damaged($"its header holds an impossible setting (model kind {kind}, order {order}, {lanes} lanes, block 2^{blockBits})");
        }

        string name = Encoding.UTF8.GetString(rest, 0, nameLength);
        uint checksum = BinaryPrimitives.ReadUInt32LittleEndian(rest.AsSpan(nameLength));
        return new CompressedContainer(name, checksum, kind == 0, order, lanes, 1 << blockBits, null);
    }

    private static InvalidDataException Damaged(string problem) => new($"The compressed file is damaged: {problem}.");

    private static void WriteUInt32(Stream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        output.Write(bytes);
    }

    private static uint ReadUInt32(Stream input)
    {
        Span<byte> bytes = stackalloc byte[4];
        input.ReadExactly(bytes);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    /// <summary>Counts the bytes written through it (the output may not be seekable).</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Count += buffer.Length;
        }

        public override void WriteByte(byte value)
        {
            inner.WriteByte(value);
            Count++;
        }
    }
}
