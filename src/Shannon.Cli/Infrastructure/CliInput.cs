namespace Shannon.Cli;

/// <summary>
/// The one place where a command's input argument becomes something to read: a path as given, or <c>-</c> for
/// standard input. Text is read from stdin directly; readers that need a file (DuckDB for CSV/Parquet, .npy, JSONL,
/// .kn models) get stdin spooled to a private temporary file, which <see cref="CliApp"/> deletes when the command
/// ends and whose path it replaces by <c>stdin</c> in error messages.
/// </summary>
/// <remarks>
/// Stdin can be read once per run: a second <c>-</c> is a usage error naming both arguments. The spool lives in a
/// directory of its own under the system's temporary directory, readable by the user only (0700/0600 on Unix).
/// </remarks>
internal static class CliInput
{
    /// <summary>The argument that means standard input.</summary>
    public const string Stdin = "-";

    /// <summary>How standard input is named in messages.</summary>
    public const string StdinName = "stdin";

    /// <summary>Is this argument <c>-</c>?</summary>
    public static bool IsStdin(string? argument) => argument == Stdin;

    /// <summary>The argument as shown to the user: the path, or <c>stdin</c> for <c>-</c>.</summary>
    public static string DisplayName(string argument) => IsStdin(argument) ? StdinName : argument;

    /// <summary>The whole text of a file or of standard input.</summary>
    /// <param name="context">Supplies standard input.</param>
    /// <param name="argument">The path, or <c>-</c>.</param>
    /// <param name="name">The argument's name for messages (<c>TEXT</c>, <c>--targets</c>).</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UsageException">Standard input was already read by another argument.</exception>
    /// <exception cref="InvalidDataException">The input is not text (a NUL, or bytes that are not UTF-8): a binary file is named, never quoted.</exception>
    public static string ReadAllText(CliContext context, string argument, string name)
    {
        if (IsStdin(argument))
        {
            Take(context, name);
            string text = ReadBounded(context.In, name);
            int bad = text.AsSpan().IndexOfAny('\0', '\uFFFD');
            return bad < 0 ? text : throw new InvalidDataException($"{name} ({StdinName}) is not text: character {bad} is a NUL or a byte that is not UTF-8 (is it binary?).");
        }

        RequireFile(argument, name);
        return Data.Files.TextFile.ReadAllText(argument, name);
    }

    /// <summary>Standard input as text, refused once it passes <see cref="Data.Files.TextFile.MaxBytes"/> characters, before it exhausts memory.</summary>
    private static string ReadBounded(TextReader reader, string name)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + (long)read > Data.Files.TextFile.MaxBytes)
            {
                throw Data.Files.TextFile.TooLarge($"{name} ({StdinName})", text.Length + (long)read);
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>A byte stream over a file or standard input (binary data, read once, never spooled).</summary>
    /// <inheritdoc cref="ReadAllText" path="/param"/>
    /// <returns>A stream the caller disposes.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UsageException">Standard input was already read by another argument.</exception>
    public static Stream OpenBinary(CliContext context, string argument, string name)
    {
        if (IsStdin(argument))
        {
            Take(context, name);
            return context.OpenStandardInput?.Invoke() ?? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(context.In.ReadToEnd()), writable: false);
        }

        RequireFile(argument, name);
        return new FileStream(argument, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    /// <summary>The lines of a file or of standard input.</summary>
    /// <inheritdoc cref="ReadAllText" path="/param"/>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UsageException">Standard input was already read by another argument.</exception>
    public static string[] ReadAllLines(CliContext context, string argument, string name)
    {
        string[] lines = ReadAllText(context, argument, name).ReplaceLineEndings("\n").Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines; // as File.ReadAllLines: a final newline ends the last line
    }

    /// <summary>
    /// A path that a file reader can open: the argument itself, or for <c>-</c> a private temporary copy of
    /// standard input with the extension <paramref name="format"/> chooses.
    /// </summary>
    /// <param name="context">Supplies standard input and remembers the spool for clean-up.</param>
    /// <param name="argument">The path, or <c>-</c>.</param>
    /// <param name="name">The argument's name for messages (<c>DATA</c>, <c>--logits</c>).</param>
    /// <param name="format">What the reader expects; tables are sniffed (Parquet's PAR1 magic, gzip's 1f 8b, else CSV).</param>
    /// <returns>The path to read.</returns>
    /// <exception cref="UsageException">Standard input was already read by another argument.</exception>
    /// <exception cref="FileNotFoundException">The path names no file (missing, or a directory); the message names the argument.</exception>
    public static string FilePath(CliContext context, string argument, string name, InputFormat format)
    {
        if (!IsStdin(argument))
        {
            RequireFile(argument, name);
            return argument;
        }

        Take(context, name);
        string directory = Path.Combine(Path.GetTempPath(), "shannon-stdin-" + Path.GetRandomFileName());
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        context.Spool = directory;
        using var input = context.OpenStandardInput?.Invoke() ?? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(context.In.ReadToEnd()));
        var head = new byte[4];
        int read = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        string path = Path.Combine(directory, StdinName + Extension(format, head.AsSpan(0, read)));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var spool = new FileStream(path, options))
        {
            spool.Write(head, 0, read);
            input.CopyTo(spool);
        }

        context.SpoolFile = path;
        return path;
    }

    /// <summary>Deletes the spooled copy of standard input, if any (called once the command has finished).</summary>
    public static void Release(CliContext context)
    {
        if (context.Spool is { } directory)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a reader on Windows may still hold the file; the directory is private and in the temp folder.
            }
            catch (UnauthorizedAccessException)
            {
            }

            context.Spool = null;
        }
    }

    /// <summary>A message with the spool's path (and file name) replaced by <c>stdin</c>.</summary>
    public static string Unspool(CliContext context, string message)
    {
        if (context.SpoolFile is not { } path)
        {
            return message;
        }

        return message.Replace(path, StdinName, StringComparison.Ordinal)
            .Replace(Path.GetFileName(path), StdinName, StringComparison.Ordinal);
    }

    private static void Take(CliContext context, string name)
    {
        if (context.StdinTakenBy is { } first)
        {
            throw new UsageException($"{first} and {name} both read stdin ('-'); stdin can be read only once: give one of them a file.");
        }

        context.StdinTakenBy = name;
    }

    private static void RequireFile(string path, string name)
    {
        if (!File.Exists(path))
        {
            // "FILE 'x.shn'", not "FILE file 'x.shn'": an argument named FILE already says what it is.
            string what = name.EndsWith("FILE", StringComparison.Ordinal) ? name : name + " file";
            throw new FileNotFoundException(
                Directory.Exists(path) ? $"{what} '{NumberList.Escape(path)}' is a directory, not a file." : $"{what} '{NumberList.Escape(path)}' does not exist.", path);
        }
    }

    private static string Extension(InputFormat format, ReadOnlySpan<byte> head) => format switch
    {
        InputFormat.Table when head.SequenceEqual("PAR1"u8) => ".parquet",
        InputFormat.Table when head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b => ".csv.gz",
        InputFormat.Table => ".csv",
        InputFormat.Npy => ".npy",
        InputFormat.NpyOrText when head.Length >= 4 && head[0] == 0x93 && head[1..4].SequenceEqual("NUM"u8) => ".npy",
        InputFormat.NpyOrText => ".txt",
        InputFormat.JsonLines => ".jsonl",
        InputFormat.NGramModel => ".kn",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown input format."),
    };
}

/// <summary>What a file reader expects, so that stdin spooled to a file gets the right extension.</summary>
internal enum InputFormat
{
    /// <summary>CSV, TSV or Parquet (DuckDB); the format of stdin is sniffed from its first bytes.</summary>
    Table,

    /// <summary>A NumPy .npy array.</summary>
    Npy,

    /// <summary>A .npy array or numbers as text, told apart by the .npy magic bytes (the spool is named .npy or .txt).</summary>
    NpyOrText,

    /// <summary>JSON lines (engine log-probabilities).</summary>
    JsonLines,

    /// <summary>A Kneser–Ney model saved by <c>shannon ngram train</c>.</summary>
    NGramModel,
}
