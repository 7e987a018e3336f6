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
/// its own input). Symbolic links are followed in every component of both paths, so <c>dl/t.txt</c> with <c>dl</c> a
/// link to the input's directory is refused as <c>t.txt</c> is; a link as the last component stays, its final target
/// is the file replaced.</para>
/// <para>A replaced file keeps its Unix permissions (a 0600 file stays 0600); a new file gets the default mode.</para>
/// <para>Paths are literal: no globbing, no expansion of <c>~</c> or environment variables.</para>
/// </remarks>
public static class AtomicFile
{
    /// <summary>Symbolic links followed on one path before giving up (Linux's own limit).</summary>
    private const int MaxLinks = 40;

    /// <summary>Writes <paramref name="path"/> atomically with whatever <paramref name="write"/> puts into the stream it is given.</summary>
    /// <param name="path">The output file; created, or replaced if it is a regular file.</param>
    /// <param name="write">Writes the whole content to the stream (it need not flush or close it).</param>
    /// <param name="inputs">Files the command reads; the output must not be any of them.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The target is not a regular file, is one of the inputs, or cannot be written (the message names <paramref name="path"/>, never the temporary file).</exception>
    /// <exception cref="DirectoryNotFoundException">The target's directory does not exist.</exception>
    public static void Write(string path, Action<Stream> write, IEnumerable<string>? inputs = null) =>
        WriteAll([new AtomicOutput(path, write)], inputs);

    /// <summary>
    /// Writes several outputs of one command as one commit: every file is first written to its temporary, and the
    /// targets are replaced only once all of them are complete, so a failure while writing any of them leaves every
    /// previous file as it was (no mismatched pair such as new logits beside old labels).
    /// </summary>
    /// <param name="outputs">The outputs, each a path and what to write into it; no two may name the same file.</param>
    /// <param name="inputs">Files the command reads; no output may be one of them.</param>
    /// <exception cref="ArgumentException">No outputs, or an empty path.</exception>
    /// <exception cref="IOException">A target is not a regular file, is an input, or cannot be written; the message names the user's path.</exception>
    /// <exception cref="DirectoryNotFoundException">A target's directory does not exist.</exception>
    /// <remarks>
    /// <para>The renames come last, in order. A rename fails only when the file system changes under the command (a
    /// target made immutable, a directory made read-only after its temporary was written): then the targets already
    /// replaced are put back from copies taken just before the renames (a target that did not exist is removed again),
    /// so the outputs stay a matching set. The copies cost one extra write of every output but the last, and only when
    /// a command has more than one output; a single output is renamed with no copy.</para>
    /// </remarks>
    public static void WriteAll(IReadOnlyList<AtomicOutput> outputs, IEnumerable<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count == 0)
        {
            throw new ArgumentException("There is no output to write.", nameof(outputs));
        }

        string[] inputList = [.. inputs ?? []];
        string[] targets = [.. outputs.Select(o => Directed(o.Path, inputList))];
        var temporaries = new string?[outputs.Count];
        var backups = new string?[outputs.Count];
        try
        {
            for (int i = 0; i < outputs.Count; i++)
            {
                temporaries[i] = Scratch(targets[i], "tmp");
                Named(outputs[i].Path, temporaries[i]!, () =>
                {
                    using (var stream = new FileStream(temporaries[i]!, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                    {
                        outputs[i].Write(stream);
                        stream.Flush(flushToDisk: true);
                    }

                    if (!OperatingSystem.IsWindows() && FileType.Of(targets[i]) == FileType.Kind.Regular)
                    {
                        File.SetUnixFileMode(temporaries[i]!, File.GetUnixFileMode(targets[i])); // a 0600 file stays 0600
                    }
                });
            }

            for (int i = 0; i < outputs.Count - 1; i++)
            {
                if (FileType.Of(targets[i]) == FileType.Kind.Regular)
                {
                    backups[i] = Scratch(targets[i], "bak");
                    Named(outputs[i].Path, backups[i]!, () => File.Copy(targets[i], backups[i]!));
                }
            }

            for (int i = 0; i < outputs.Count; i++)
            {
                try
                {
                    Named(outputs[i].Path, temporaries[i]!, () => File.Move(temporaries[i]!, targets[i], overwrite: true));
                }
                catch (Exception ex) when (i > 0 && ex is IOException or UnauthorizedAccessException)
                {
                    throw Restore(outputs, targets, backups, i, ex);
                }
            }
        }
        finally
        {
            foreach (string? scratch in temporaries.Concat(backups))
            {
                if (scratch is not null)
                {
                    File.Delete(scratch);
                }
            }
        }
    }

    /// <summary>Puts back the targets before <paramref name="failed"/> after its rename failed, and says what happened.</summary>
    private static IOException Restore(IReadOnlyList<AtomicOutput> outputs, string[] targets, string?[] backups, int failed, Exception cause)
    {
        var lost = new List<string>();
        for (int i = 0; i < failed; i++)
        {
            try
            {
                if (backups[i] is { } backup)
                {
                    File.Move(backup, targets[i], overwrite: true);
                    backups[i] = null;
                }
                else
                {
                    File.Delete(targets[i]);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                lost.Add(outputs[i].Path);
            }
        }

        return new IOException(lost.Count == 0
            ? $"{cause.Message} The other outputs were put back as they were."
            : $"{cause.Message} '{string.Join("', '", lost)}' already held the new output and could not be put back: the outputs do not match.", cause);
    }

    /// <summary>Runs a file operation on a scratch file, naming the user's <paramref name="path"/> instead of the scratch file if it fails.</summary>
    private static void Named(string path, string scratch, Action operation)
    {
        try
        {
            operation();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex.Message.Contains(scratch, StringComparison.Ordinal))
        {
            // .NET names the scratch file ("Could not find file '/d/.x.npy.41.….tmp'"), which the user never wrote.
            string reason = ex switch
            {
                UnauthorizedAccessException => "permission denied.",
                FileNotFoundException or DirectoryNotFoundException => "the file system refused to create a file in its directory.",
                _ => ex.Message.Replace(scratch, path, StringComparison.Ordinal),
            };
            throw new IOException($"cannot write '{path}': {reason}", ex);
        }
    }

    /// <summary>A new scratch file's name beside <paramref name="target"/> (hidden, unique to this process and call).</summary>
    private static string Scratch(string target, string suffix) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.{suffix}");

    /// <summary>The checked target of <paramref name="path"/> (<see cref="Target"/>), whose directory exists.</summary>
    private static string Directed(string path, IEnumerable<string> inputs)
    {
        string target = Target(path, inputs);
        string directory = Path.GetDirectoryName(target)!;
        return FileType.Of(directory) switch
        {
            FileType.Kind.Missing => throw new DirectoryNotFoundException($"cannot write '{path}': the directory '{directory}' does not exist."),
            FileType.Kind.Regular or FileType.Kind.Special => throw new IOException($"cannot write '{path}': '{directory}' is not a directory."),
            _ => target,
        };
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
    /// <exception cref="IOException"><paramref name="path"/> exists and is a file, device, FIFO or socket, not a directory; or it cannot be created (the message names the first missing directory).</exception>
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
        string firstMissing = full;
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

            firstMissing = parent;
        }

        if (create)
        {
            try
            {
                System.IO.Directory.CreateDirectory(full);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // .NET says "Could not find file '/proc/x'" when a directory cannot be made there: say what is missing.
                throw new IOException(
                    $"cannot write into '{path}': the directory '{firstMissing}' does not exist and cannot be created ({(ex is UnauthorizedAccessException ? "permission denied" : "the file system refused it")}).", ex);
            }
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
    /// <exception cref="IOException">The target exists and is not a regular file, is one of the inputs, or a path has a cycle of symbolic links.</exception>
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

            if (SameResolved(full, Resolve(input)))
            {
                throw new IOException($"cannot write '{path}': it is also an input of this command.");
            }
        }

        return full;
    }

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> name the same file once every symbolic link on either
    /// path is followed (in any directory component as well as the last); neither file need exist.
    /// </summary>
    /// <param name="a">A path.</param>
    /// <param name="b">Another path.</param>
    /// <returns>True when both paths resolve to the same full path (compared without case on Windows and macOS).</returns>
    /// <exception cref="ArgumentException">A path is empty.</exception>
    /// <exception cref="IOException">A path has more than 40 symbolic links to follow (a cycle).</exception>
    /// <remarks>
    /// <para>Two outputs of one command (<c>--logits</c> and <c>--labels</c>) must not be the same file: the second
    /// would replace the first. A missing part of a path is taken as written once the existing part is resolved.</para>
    /// <para>Hard links are different names of one inode and are not detected, on purpose: nothing is lost through them.
    /// <see cref="Write"/> never writes into the target's inode; it renames a new file over the target's directory entry
    /// (POSIX <c>rename()</c>), so <c>cmd IN -o LINK</c> with LINK a hard link to IN makes LINK name the new file while
    /// IN still names the old inode with its bytes intact, and the command has read IN through its own entry. Two
    /// outputs that are hard links to each other each get their own new file in the same way. Only the sharing between
    /// the two names ends, which is what writing to LINK asks for. (A symbolic link is different: its target is the
    /// entry replaced, so it is followed and refused.)</para>
    /// <para>Reference: IEEE Std 1003.1-2017 (POSIX), <c>realpath()</c>, whose resolution this follows.</para>
    /// </remarks>
    public static bool SameFile(string a, string b)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(a);
        ArgumentException.ThrowIfNullOrWhiteSpace(b);
        return SameResolved(Resolve(a), Resolve(b));
    }

    /// <summary>
    /// The full path of <paramref name="path"/> with every symbolic link followed, component by component (a link
    /// in a directory component too: <c>dl/t.txt</c> with <c>dl</c> a link to <c>.</c> is <c>./t.txt</c>). From the
    /// first component that does not exist on, the rest is appended as written.
    /// </summary>
    private static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Components(full[root.Length..]).Reverse());
        string current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            if (name == ".")
            {
                continue;
            }

            string next = Path.Combine(current, name);
            string? link = LinkTarget(next);
            if (link is null)
            {
                if (!Path.Exists(next))
                {
                    return Path.GetFullPath(Path.Combine([next, .. pending]));
                }

                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"cannot resolve '{path}': too many levels of symbolic links (a cycle?).");
            }

            foreach (string part in Components(link).Reverse())
            {
                pending.Push(part);
            }

            if (Path.IsPathRooted(link))
            {
                current = Path.GetPathRoot(Path.GetFullPath(link))!;
            }
        }

        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Components(string path) =>
        path[(Path.GetPathRoot(path)?.Length ?? 0)..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static bool SameResolved(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary>One output of a command that writes several (<see cref="AtomicFile.WriteAll"/>).</summary>
/// <param name="Path">The output file as the user named it.</param>
/// <param name="Write">Writes the whole content to the stream it is given (it need not flush or close it).</param>
public sealed record AtomicOutput(string Path, Action<Stream> Write);
