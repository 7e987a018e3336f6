using System.CommandLine;
using System.IO.Compression;
using Shannon.Coding;
using Shannon.Data.Files;
using Shannon.Language.NGrams;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon compress FILE [-o FILE.shn] [--order N | --model ngram:FILE.kn] [--json] [--compare]</c>: lossless
/// compression with the adaptive context-mixing model (or a trained n-gram model) and the range coder.
/// </summary>
internal static class CompressCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The file to compress, or - for stdin." };
        var output = new Option<string?>("--output", "-o") { Description = "The compressed file (FILE.shn by default), or - for stdout." }.ToStdoutOrFile("the compressed bytes");
        var order = new Option<int?>("--order") { Description = $"The adaptive model's longest context in bytes (default {AdaptiveContextModel.DefaultOrder}; from 3 on, a word and a long-match model join)." }.Within(OptionRanges.CompressionOrder);
        var model = new Option<string?>("--model") { Description = "A trained model instead of the adaptive one: ngram:FILE.kn (from shannon ngram train). The decoder needs the same file." };
        var compare = new Option<bool>("--compare") { Description = "Also report the sizes of gzip, Deflate and Brotli at their best levels (System.IO.Compression) on the same input." };
        var json = CommonOptions.Json();
        var command = new Command(
            "compress",
            "Compresses a file losslessly: an adaptive model predicts each bit, an arithmetic (range) coder spends −log₂ p on it, so the size is the model's cross-entropy on the data.\nExamples:\n  shannon compress data/kjv.txt -o kjv.shn --json\n  shannon compress notes.txt --model ngram:kjv5c.kn --compare")
        {
            file, output, order, model, compare, json,
        };
        command.SetAction(parse =>
        {
            string input = parse.GetValue(file)!;
            if (parse.GetValue(order) is not null && parse.GetValue(model) is not null)
            {
                throw new UsageException("--order sets the adaptive model; it cannot be combined with --model.");
            }

            string target = parse.GetValue(output)
                ?? (CliInput.IsStdin(input) ? throw new UsageException("compressing stdin needs -o FILE.shn (or -o - for stdout).") : OutputPaths.Derived(input + ".shn", "-o"));
            string[] inputs = [input, .. ModelPath(parse.GetValue(model))];
            CompressionModel compression = parse.GetValue(model) is string spec
                ? LoadModel(spec, context)
                : new AdaptiveContextModel(parse.GetValue(order) ?? AdaptiveContextModel.DefaultOrder);
            var comparison = parse.GetValue(compare) ? new Comparison() : null;
            string label = CliInput.DisplayName(input);
            var report = WorkProgress.Run(context, $"compressing {label}", () =>
            {
                using var source = CliInput.OpenBinary(context, input, "FILE");
                using var reader = comparison is null ? source : comparison.Tee(source);
                return OutputPaths.Write(context, target, "-o", inputs, stream => Compressor.Compress(reader, stream, compression));
            });
            comparison?.Finish();
            if (parse.GetValue(json))
            {
                var fields = new List<KeyValuePair<string, object?>>
                {
                    new("bytes_in", report.BytesIn),
                    new("bytes_out", report.BytesOut),
                    new("bits_per_byte", PerByte(report, report.BitsPerByte)),
                    new("model_bits_per_byte", PerByte(report, report.ModelBitsPerByte)),
                    new("overhead_bits_per_byte", PerByte(report, report.OverheadBitsPerByte)),
                    new("model", report.Model),
                    new("blocks", report.Blocks),
                    new("stored_blocks", report.StoredBlocks),
                };
                if (comparison is not null)
                {
                    fields.Add(new("gzip_bytes", comparison.GzipBytes));
                    fields.Add(new("deflate_bytes", comparison.DeflateBytes));
                    fields.Add(new("brotli_bytes", comparison.BrotliBytes));
                }

                CliOutput.Json(context, fields);
            }
            else
            {
                // The summary is a result (stdout); with -o - the compressed bytes hold stdout and CliApp sends it to stderr.
                var lines = context.Out;
                lines.WriteLine(report.BytesIn == 0
                    ? $"{label}: 0 -> {report.BytesOut} bytes (an empty input has no bits per byte) with {report.Model}"
                    : $"{label}: {report.BytesIn} -> {report.BytesOut} bytes, {CliOutput.Number(report.BitsPerByte)} bits per byte (model {CliOutput.Number(report.ModelBitsPerByte)}, overhead {CliOutput.Number(report.OverheadBitsPerByte)}) with {report.Model}");
                if (comparison is not null)
                {
                    foreach (var (name, bytes) in new[] { ("gzip -9", comparison.GzipBytes), ("deflate -9", comparison.DeflateBytes), ("brotli q11", comparison.BrotliBytes) })
                    {
                        lines.WriteLine($"  {name,-11} {bytes} bytes, {CliOutput.Number(report.BytesIn == 0 ? 0 : 8.0 * bytes / report.BytesIn)} bits per byte");
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The file of <c>--model ngram:FILE.kn</c>, an input the output must not replace; none for no model or another form.</summary>
    internal static string[] ModelPath(string? spec) =>
        spec is not null && spec.StartsWith("ngram:", StringComparison.Ordinal) && spec.Length > "ngram:".Length ? [spec["ngram:".Length..]] : [];

    /// <summary>Loads <c>ngram:FILE.kn</c>.</summary>
    internal static CompressionModel LoadModel(string spec, CliContext context)
    {
        if (!spec.StartsWith("ngram:", StringComparison.Ordinal) || spec.Length == "ngram:".Length)
        {
            throw new UsageException($"--model '{NumberList.Escape(spec)}' is not ngram:FILE.kn.");
        }

        string path = spec["ngram:".Length..];
        if (CliInput.IsStdin(path))
        {
            throw new UsageException("--model ngram:- is not supported here: the compressed data may itself come from stdin, and the decoder needs the model file.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--model file '{NumberList.Escape(path)}' does not exist.", path);
        }

        return KneserNeyCompressionModel.Load(path);
    }

    /// <summary>Runs gzip, Deflate and Brotli at their best levels on every byte read through <see cref="Tee"/>.</summary>
    private sealed class Comparison
    {
        private readonly CountingSink _gzip = new();
        private readonly CountingSink _deflate = new();
        private readonly CountingSink _brotli = new();
        private GZipStream? _gzipStream;
        private DeflateStream? _deflateStream;
        private BrotliStream? _brotliStream;

        public long GzipBytes => _gzip.Count;

        public long DeflateBytes => _deflate.Count;

        public long BrotliBytes => _brotli.Count;

        public Stream Tee(Stream source)
        {
            _gzipStream = new GZipStream(_gzip, CompressionLevel.SmallestSize, leaveOpen: true);
            _deflateStream = new DeflateStream(_deflate, CompressionLevel.SmallestSize, leaveOpen: true);
            _brotliStream = new BrotliStream(_brotli, new BrotliCompressionOptions { Quality = 11 }, leaveOpen: true);
            return new TeeStream(source, [_gzipStream, _deflateStream, _brotliStream]);
        }

        public void Finish()
        {
            _gzipStream?.Dispose();
            _deflateStream?.Dispose();
            _brotliStream?.Dispose();
        }
    }

    /// <summary>A write-only stream that only counts.</summary>
    private sealed class CountingSink : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
    }

    /// <summary>Reads from a source and copies every byte read to other streams.</summary>
    private sealed class TeeStream(Stream source, Stream[] copies) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = source.Read(buffer);
            foreach (var copy in copies)
            {
                copy.Write(buffer[..read]);
            }

            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A per-byte rate for JSON: null for an empty input, where it is 0/0 (the library's 0 is no rate).</summary>
    private static double? PerByte(CompressionReport report, double rate) => report.BytesIn == 0 ? null : rate;
}
