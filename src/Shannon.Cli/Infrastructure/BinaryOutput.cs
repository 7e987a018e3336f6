using Shannon.Data.Files;

namespace Shannon.Cli;

/// <summary>Binary output of a command: a file written atomically, or standard output for <c>-</c>.</summary>
internal static class BinaryOutput
{
    /// <summary>Runs <paramref name="write"/> on the output stream and returns its result.</summary>
    /// <param name="context">Supplies binary standard output.</param>
    /// <param name="path">The output path, or <c>-</c> for standard output.</param>
    /// <param name="inputs">The command's input paths; the output must not be one of them.</param>
    /// <param name="write">Writes the content.</param>
    /// <exception cref="UsageException">The output cannot be a target (a directory, a device, one of the inputs), or is stdout where none is available.</exception>
    public static T Write<T>(CliContext context, string path, IEnumerable<string> inputs, Func<Stream, T> write)
    {
        if (CliInput.IsStdin(path))
        {
            var stdout = context.OpenStandardOutput?.Invoke()
                ?? throw new UsageException("binary output to stdout is not available here; give a file with -o.");
            context.Out.Flush();
            var result = write(stdout);
            stdout.Flush();
            return result;
        }

        try
        {
            AtomicFile.Target(path, inputs);
        }
        catch (IOException ex)
        {
            throw new UsageException(ex.Message); // a directory, a device, or one of the inputs: nothing was read or written
        }

        T value = default!;
        AtomicFile.Write(path, stream => value = write(stream), inputs);
        return value;
    }
}
