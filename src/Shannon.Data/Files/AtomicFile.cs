using System.Text;

namespace Shannon.Data.Files;

/// <summary>
/// Writes an output file so that a reader sees either the previous file or the complete new one, never a part:
/// the bytes go to a temporary file in the target's directory, which is renamed over the target only once it is
/// complete and flushed. A failure or interruption leaves the previous file as it was.
/// </summary>
/// <remarks>
/// <para>Refused before anything is written (<see cref="IOException"/>, with the path in the message): a target
/// that exists and is not a regular file (a directory, a device such as <c>/dev/null</c>, a FIFO or socket), and a
/// target that resolves to one of the inputs the caller names (<c>perplexity X --html X</c> would otherwise destroy
/// its own input). A symbolic link is followed: its final target is the file replaced, the link stays.</para>
/// <para>Paths are literal: no globbing, no expansion of <c>~</c> or environment variables.</para>
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> atomically with whatever <paramref name="write"/> puts into the stream it is given.</summary>
    /// <param name="path">The output file; created, or replaced if it is a regular file.</param>
    /// <param name="write">Writes the whole content to the stream (it need not flush or close it).</param>
    /// <param name="inputs">Files the command reads; the output must not be any of them.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The target is not a regular file, is one of the inputs, or cannot be written.</exception>
    /// <exception cref="DirectoryNotFoundException">The target's directory does not exist.</exception>
    public static void Write(string path, Action<Stream> write, IEnumerable<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        string target = Target(path, inputs);
        string directory = Path.GetDirectoryName(target)!;
        switch (FileType.Of(directory))
        {
            case FileType.Kind.Missing:
                throw new DirectoryNotFoundException($"cannot write '{path}': the directory '{directory}' does not exist.");
            case FileType.Kind.Regular or FileType.Kind.Special:
                throw new IOException($"cannot write '{path}': '{directory}' is not a directory.");
        }

        string temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The output file.</param>
    /// <param name="text">The content.</param>
    /// <param name="inputs">Files the command reads; the output must not be any of them.</param>
    /// <exception cref="IOException">As <see cref="Write(string, Action{Stream}, IEnumerable{string}?)"/>.</exception>
    public static void WriteAllText(string path, string text, IEnumerable<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)), inputs);
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The output file.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="inputs">Files the command reads; the output must not be any of them.</param>
    /// <exception cref="IOException">As <see cref="Write(string, Action{Stream}, IEnumerable{string}?)"/>.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, IEnumerable<string>? inputs = null)
    {
        byte[] copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy), inputs);
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can hold a command's output files: it is an existing directory, or nothing
    /// exists there yet and its parent is a directory (then it is created when <paramref name="create"/> is true).
    /// </summary>
    /// <param name="path">The output directory as the user gave it (<c>-o DIR</c>).</param>
    /// <param name="create">Create the directory (and any missing parents) now; false only checks, so a slow command can refuse a bad <c>-o</c> before its work.</param>
    /// <returns>The directory's full path.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException"><paramref name="path"/> exists and is a file, device, FIFO or socket, not a directory.</exception>
    public static string OutputDirectory(string path, bool create = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        switch (FileType.Of(full))
        {
            case FileType.Kind.Directory:
                return full;
            case FileType.Kind.Regular or FileType.Kind.Special:
                throw new IOException($"cannot write into '{path}': it exists and is not a directory.");
        }

        // Each missing ancestor must also not be a file ('a.csv/out' fails on 'a.csv').
        for (string? parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            var kind = FileType.Of(parent);
            if (kind == FileType.Kind.Directory)
            {
                break;
            }

            if (kind != FileType.Kind.Missing)
            {
                throw new IOException($"cannot write into '{path}': '{parent}' is not a directory.");
            }
        }

        if (create)
        {
            System.IO.Directory.CreateDirectory(full);
        }

        return full;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> may be written as an output and returns the full path of the file that
    /// will be replaced (a symbolic link's final target).
    /// </summary>
    /// <param name="path">The output path as the user gave it.</param>
    /// <param name="inputs">Files the command reads.</param>
    /// <returns>The full path to write.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The target exists and is not a regular file, or is one of the inputs.</exception>
    public static string Target(string path, IEnumerable<string>? inputs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Resolve(path);
        switch (FileType.Of(full))
        {
            case FileType.Kind.Directory:
                throw new IOException($"cannot write '{path}': it is a directory.");
            case FileType.Kind.Special:
                throw new IOException($"cannot write '{path}': it exists and is not a regular file (a device, FIFO or socket).");
        }

        foreach (string input in inputs ?? [])
        {
            if (input is "-" or "" || !File.Exists(input))
            {
                continue;
            }

            if (SameFile(full, Resolve(input)))
            {
                throw new IOException($"cannot write '{path}': it is also an input of this command.");
            }
        }

        return full;
    }

    private static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } final ? final.FullName : full;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
