using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;
using System.Text;
using Shannon.Data.Files;

namespace Shannon.Cli;

/// <summary>
/// The one rule for every option that names an output: a path is literal, and <c>-</c> is standard output wherever the
/// output is a stream of bytes or text (a compressed file, a model, a .npy array, an HTML page). Where it cannot be (a
/// directory of files, an image whose format comes from the file's extension) <c>-</c> is refused while parsing, with
/// the reason. A real file named <c>-</c> is reachable as <c>./-</c>.
/// </summary>
/// <remarks>
/// Each output option declares its kind once, next to its range (<see cref="ToStdoutOrFile{T}"/> or
/// <see cref="FileOnly{T}"/>), and is written through <see cref="Write{T}(CliContext, string, string, IEnumerable{string}, Func{Stream, T})"/>.
/// When an output goes to stdout the command's human summary goes to stderr instead (<see cref="CliApp"/> routes it),
/// and <c>--json</c>, whose object would share stdout with the output, is refused, as is a second output to <c>-</c>.
/// </remarks>
internal static class OutputPaths
{
    /// <summary>The argument that means standard output.</summary>
    public const string Stdout = "-";

    // The options that accept '-' for stdout, with what they write (for messages); weak so command trees built for tests are collected.
    private static readonly ConditionalWeakTable<Option, string> StreamOutputs = [];

    /// <summary>Whether <paramref name="path"/> means standard output.</summary>
    public static bool IsStdout(string? path) => path == Stdout;

    /// <summary>Declares <paramref name="option"/> an output that may be a file or, given <c>-</c>, standard output.</summary>
    /// <typeparam name="T"><see cref="string"/> (nullable or not).</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="what">What it writes, for messages ("the compressed bytes").</param>
    /// <returns>The same option, for chaining in a declaration.</returns>
    public static Option<T> ToStdoutOrFile<T>(this Option<T> option, string what)
    {
        StreamOutputs.AddOrUpdate(option, what);
        option.Validators.Add(result =>
        {
            if (!IsStdout(Value(result)) || result.Parent is not CommandResult command)
            {
                return;
            }

            foreach (var sibling in command.Children.OfType<OptionResult>())
            {
                if (sibling.Option.Name == "--json" && sibling.GetValueOrDefault<bool>())
                {
                    result.AddError($"--json prints on stdout, where {option.Name} - writes {what}; give {option.Name} a file (a file named '-' is ./-).");
                    return;
                }

                if (!ReferenceEquals(sibling, result) && StreamOutputs.TryGetValue(sibling.Option, out _) && IsStdout(Value(sibling)))
                {
                    result.AddError($"{option.Name} - and {sibling.Option.Name} - would both write to stdout; give one of them a file.");
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>Declares <paramref name="option"/> an output that must be a path: <c>-</c> is refused with <paramref name="reason"/>.</summary>
    /// <typeparam name="T"><see cref="string"/> (nullable or not).</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="reason">Why stdout cannot hold this output ("the image format comes from the file's extension").</param>
    /// <returns>The same option, for chaining in a declaration.</returns>
    public static Option<T> FileOnly<T>(this Option<T> option, string reason)
    {
        option.Validators.Add(result =>
        {
            if (IsStdout(Value(result)))
            {
                result.AddError($"{option.Name} '-' cannot be stdout: {reason}; give a path (a file named '-' is ./-).");
            }
        });
        return option;
    }

    /// <summary>Checks an output before the work, so a slow command refuses a bad target first: stdout passes; a file must be writable and not an input.</summary>
    /// <param name="path">The output as given.</param>
    /// <param name="option">The option's name for messages.</param>
    /// <param name="inputs">The command's input paths.</param>
    /// <exception cref="UsageException">The path is a directory, a device, or one of the inputs.</exception>
    public static void Check(string path, string option, IEnumerable<string> inputs)
    {
        if (IsStdout(path))
        {
            return;
        }

        try
        {
            AtomicFile.Target(path, inputs);
        }
        catch (IOException ex)
        {
            throw new UsageException($"{option} {ex.Message}"); // "-o cannot write 'x': it is a directory."; nothing was read or written yet
        }
    }

    /// <summary>
    /// An output name the command chose itself (compress's FILE.shn, decompress's FILE without .shn): refused when
    /// something already has that name, as gzip refuses without -f, since the user never named the file it would
    /// replace; an explicit -o replaces it.
    /// </summary>
    /// <param name="path">The name the command derived from its input.</param>
    /// <param name="option">The option that names the output explicitly.</param>
    /// <returns><paramref name="path"/>, when nothing has that name.</returns>
    /// <exception cref="UsageException">A file or directory named <paramref name="path"/> exists.</exception>
    public static string Derived(string path, string option) =>
        File.Exists(path) || System.IO.Directory.Exists(path)
            ? throw new UsageException($"'{NumberList.Escape(path)}' already exists and was not named as the output; give {option} '{NumberList.Escape(path)}' to replace it, or another {option}.")
            : path;

    /// <summary>Checks (and with <paramref name="create"/> makes) an output directory, naming the option when it cannot be one.</summary>
    /// <param name="path">The directory as given.</param>
    /// <param name="option">The option's name for messages.</param>
    /// <param name="create">Create it (and missing parents) now; false only checks.</param>
    /// <returns>The directory's full path.</returns>
    /// <exception cref="UsageException">The path or a parent is a file, or the directory cannot be created.</exception>
    public static string Directory(string path, string option, bool create)
    {
        try
        {
            return AtomicFile.OutputDirectory(path, create);
        }
        catch (IOException ex)
        {
            throw new UsageException($"{option} {ex.Message}"); // "-o cannot write into 'x': it exists and is not a directory."
        }
    }

    /// <summary>Checks a figure output before the work, naming the option: a .png or .svg file that may be written and is not an input.</summary>
    /// <param name="path">The output as given.</param>
    /// <param name="option">The option's name for messages (<c>-o</c>, <c>--plot</c>).</param>
    /// <param name="inputs">The command's input paths.</param>
    /// <exception cref="UsageException">Another extension, or a target that cannot be written.</exception>
    public static void CheckFigure(string path, string option, IEnumerable<string>? inputs = null)
    {
        try
        {
            Reports.Plots.FigureFile.Check(path, inputs);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"{option} '{NumberList.Escape(path)}' must end in .png or .svg (the image format comes from the extension).");
        }
        catch (IOException ex)
        {
            throw new UsageException($"{option} {ex.Message}");
        }
    }

    /// <summary>Runs <paramref name="write"/> on the output (a file written atomically, or stdout for <c>-</c>) and returns its result.</summary>
    /// <param name="context">Supplies binary standard output.</param>
    /// <param name="path">The output path, or <c>-</c>.</param>
    /// <param name="option">The option's name for messages.</param>
    /// <param name="inputs">The command's input paths; the output must not be one of them.</param>
    /// <param name="write">Writes the content.</param>
    /// <exception cref="UsageException">The output cannot be a target, or is stdout where none is available.</exception>
    public static T Write<T>(CliContext context, string path, string option, IEnumerable<string> inputs, Func<Stream, T> write)
    {
        T value = default!;
        WriteAll(context, inputs, [(path, option, stream => value = write(stream))]);
        return value;
    }

    /// <summary>
    /// Writes a command's outputs as one commit: the files through <see cref="AtomicFile.WriteAll"/> (all complete before
    /// any target is replaced, so a failure leaves every previous file as it was), then the one that goes to stdout, if
    /// any, so a failed run puts no bytes on stdout.
    /// </summary>
    /// <param name="context">Supplies binary standard output.</param>
    /// <param name="inputs">The command's input paths; no output may be one of them.</param>
    /// <param name="outputs">Each output's path (<c>-</c> for stdout; null when the option was not given), option name for messages, and writer.</param>
    /// <exception cref="UsageException">An output cannot be a target, or is stdout where none is available.</exception>
    /// <exception cref="IOException">A file cannot be written (the message names the user's path).</exception>
    public static void WriteAll(CliContext context, IEnumerable<string> inputs, IReadOnlyList<(string? Path, string Option, Action<Stream> Write)> outputs)
    {
        string[] inputList = [.. inputs];
        var files = outputs.Where(o => o.Path is not null && !IsStdout(o.Path)).ToArray();
        foreach (var (path, option, _) in files)
        {
            Check(path!, option, inputList);
        }

        var toStdout = outputs.Where(o => IsStdout(o.Path)).ToArray();
        var stdout = toStdout.Length == 0 ? null : context.OpenStandardOutput?.Invoke()
            ?? throw new UsageException($"{toStdout[0].Option} -: binary output to stdout is not available here; give a file.");
        if (files.Length > 0)
        {
            AtomicFile.WriteAll([.. files.Select(o => new AtomicOutput(o.Path!, o.Write))], inputList);
        }

        foreach (var (_, option, write) in toStdout)
        {
            context.StdoutTakenBy = option;
            write(stdout!);
            stdout!.Flush();
        }
    }

    /// <summary>Writes the output with <paramref name="write"/> (see <see cref="Write{T}(CliContext, string, string, IEnumerable{string}, Func{Stream, T})"/>).</summary>
    public static void Write(CliContext context, string path, string option, IEnumerable<string> inputs, Action<Stream> write) =>
        Write(context, path, option, inputs, stream =>
        {
            write(stream);
            return true;
        });

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to a file or stdout.</summary>
    public static void WriteText(CliContext context, string path, string option, IEnumerable<string> inputs, string text) =>
        Write(context, path, option, inputs, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));

    // The value as typed (an option given twice keeps its last); none for an option left at its default.
    private static string? Value(OptionResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
}
