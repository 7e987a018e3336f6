using System.CommandLine;
using Shannon.Coding;
using Shannon.Data.Files;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon decompress FILE.shn [-o OUT] [--model ngram:FILE.kn] [--json]</c>: restores a file compressed by <c>shannon compress</c>, verifying every checksum.</summary>
internal static class DecompressCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The compressed file (.shn), or - for stdin." };
        var output = new Option<string?>("--output", "-o") { Description = "The restored file (FILE without .shn by default), or - for stdout." }.ToStdoutOrFile("the restored bytes");
        var model = new Option<string?>("--model") { Description = "The trained model the file was compressed with (ngram:FILE.kn), when it is not at the name the file records." };
        var json = CommonOptions.Json();
        var command = new Command(
            "decompress",
            "Restores a file compressed by shannon compress; a damaged or truncated file is an error (exit 2) and leaves no output.\nExample: shannon decompress kjv.shn -o kjv.txt")
        {
            file, output, model, json,
        };
        command.SetAction(parse =>
        {
            string input = parse.GetValue(file)!;
            string target = parse.GetValue(output) ?? DefaultOutput(input);
            string? modelSpec = parse.GetValue(model);
            string label = CliInput.DisplayName(input);
            long bytesIn = 0;
            var container = WorkProgress.Run(context, $"decompressing {label}", () =>
            {
                using var source = CliInput.OpenBinary(context, input, "FILE");
                var counting = new ReadCounter(source);
                var result = OutputPaths.Write(context, target, "-o", [input, .. CompressCommand.ModelPath(modelSpec)], stream => Compressor.Decompress(counting, stream, header => Resolve(header, modelSpec, input, target, context)));
                bytesIn = counting.Count;
                return result;
            });
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [new("bytes_in", bytesIn), new("bytes_out", container.OriginalLength), new("model", container.ModelName)]);
            }
            else
            {
                context.Out.WriteLine($"{label}: {bytesIn} -> {container.OriginalLength} bytes ({container.ModelName}), checksums verified");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string DefaultOutput(string input)
    {
        if (CliInput.IsStdin(input))
        {
            throw new UsageException("decompressing stdin needs -o OUT (or -o - for stdout).");
        }

        return input.EndsWith(".shn", StringComparison.Ordinal) && input.Length > 4
            ? OutputPaths.Derived(input[..^4], "-o")
            : throw new UsageException($"'{NumberList.Escape(input)}' does not end in .shn; give the output with -o OUT.");
    }

    /// <summary>
    /// The external model a container needs: --model if given, else the recorded file name next to the container or in
    /// the working directory; a model found there that is also the output is refused (the output would replace it).
    /// </summary>
    private static CompressionModel? Resolve(CompressedContainer header, string? modelSpec, string input, string target, CliContext context)
    {
        if (modelSpec is not null)
        {
            return CompressCommand.LoadModel(modelSpec, context);
        }

        if (!header.ModelName.StartsWith("ngram:", StringComparison.Ordinal))
        {
            return null;
        }

        string name = Path.GetFileName(header.ModelName["ngram:".Length..]);
        string? directory = CliInput.IsStdin(input) ? null : Path.GetDirectoryName(Path.GetFullPath(input));
        foreach (string? candidate in new[] { directory is null ? null : Path.Combine(directory, name), name })
        {
            if (candidate is not null && File.Exists(candidate))
            {
                var found = CompressCommand.LoadModel("ngram:" + candidate, context);
                if (found.Checksum == header.ModelChecksum)
                {
                    return CliInput.IsStdin(target) || !AtomicFile.SameFile(target, candidate)
                        ? found
                        : throw new UsageException($"-o cannot write '{target}': it is the model '{candidate}' this file was compressed with.");
                }
            }
        }

        throw new InvalidDataException($"the file was compressed with the model '{header.ModelName}' (CRC-32 {header.ModelChecksum:x8}); pass it with --model ngram:PATH.");
    }

    /// <summary>Counts the bytes read through it.</summary>
    private sealed class ReadCounter(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = inner.Read(buffer);
            Count += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
