using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Text.Json;
using Shannon.Cli.Commands;

namespace Shannon.Cli;

/// <summary>Builds the command tree and runs it, turning every failure into one line on stderr and an exit code.</summary>
internal static class CliApp
{
    /// <summary>The command's name wherever it is shown: usage lines, messages, --version.</summary>
    public const string Name = "shannon";

    /// <summary>
    /// The root is named <see cref="Name"/> rather than after the executable (a <see cref="RootCommand"/> takes the
    /// assembly's file name, Shannon.Cli, or the test host's), with the root's help and version options.
    /// </summary>
    public static Command Build(CliContext context)
    {
        var root = new Command(Name, "shannon: information theory for machine learning — entropy, divergences, mutual information, losses and estimators.")
        {
            Options = { new HelpOption(), new VersionOption { Action = new VersionLine() } },
        };
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static int Run(string[] args, CliContext context)
    {
        // Commands see a context whose stdout is held back until they succeed (stdin bookkeeping lives on it too).
        var output = new CommandOutput(context.Out);
        var held = context with { Out = output };
        int code;
        try
        {
            var root = Build(held);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                context.Error.WriteLine($"error: {Clean(OneLine(parse.Errors[0].Message))}");
                return ExitCodes.BadInput;
            }

            code = parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            context.Error.WriteLine($"error: {CliInput.Unspool(held, Describe(ex))}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            context.Error.WriteLine($"error: internal failure ({ex.GetType().Name}): {CliInput.Unspool(held, Describe(ex))}");
            return ExitCodes.RuntimeFailure;
        }
        finally
        {
            CliInput.Release(held);
        }

        if (held.StdoutTakenBy is not null)
        {
            context.Error.Write(output.Shown()); // stdout holds the output itself (-o -): the summary is for people
        }
        else
        {
            output.Release();
        }

        if (held.RowsDropped is { Dropped: > 0 } dropped)
        {
            context.Error.WriteLine(Clean(CliInput.Unspool(held, "note: " + dropped.Describe() + ".")));
        }

        foreach (string note in held.Notes)
        {
            context.Error.WriteLine(Clean(CliInput.Unspool(held, note)));
        }

        return code;
    }

    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        EntropyCommand.Create(context),
        CrossEntropyCommand.Create(context),
        KlCommand.Create(context),
        JsCommand.Create(context),
        CodeCommand.Create(context),
        CompressCommand.Create(context),
        DecompressCommand.Create(context),
        MiCommand.Create(context),
        InfoCommand.Create(context),
        TeCommand.Create(context),
        AisCommand.Create(context),
        PidCommand.Create(context),
        IbCommand.Create(context),
        ChannelCommand.Create(context),
        TourCommand.Create(context),
        PlotCommand.Create(context),
        ReportCommand.Create(context),
        PerplexityCommand.Create(context),
        NgramCommand.Create(context),
        LossCommand.Create(context),
        CalibrationCommand.Create(context),
        LogisticCommand.Create(context),
        FeaturesCommand.Create(context),
        TreeCommand.Create(context),
        InfoplaneCommand.Create(context),
    ];

    /// <summary>The tool's version without the commit suffix, e.g. 0.1.0.</summary>
    internal static string Version
    {
        get
        {
            string version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>Prints "shannon VERSION", the tool's name first as on the usage line.</summary>
    private sealed class VersionLine : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"{Name} {Version}");
            return ExitCodes.Success;
        }
    }

    /// <summary>
    /// Failures caused by what the user gave: bad values and files, and any I/O failure on a path the user named
    /// (missing file or directory, permission denied, a file where a directory is expected, a truncated file).
    /// The CLI opens no path the user did not name, so an <see cref="IOException"/> is always about one of them.
    /// </summary>
    private static bool IsBadInput(Exception ex) => ex is ArgumentException or FormatException or UsageException
        or InvalidDataException or JsonException or UnauthorizedAccessException or OverflowException or IOException;

    /// <summary>A possibly multi-line parser message folded onto one line ("Must be one of: 'a', 'b'").</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Text safe for one terminal line: control characters (escape sequences, line breaks, bytes of a binary file
    /// decoded as text) written out as <c>\uXXXX</c>, as results show them (<see cref="CommandOutput.Visible"/>),
    /// replacement characters as '?', and a very long message cut.
    /// </summary>
    internal static string Clean(string text)
    {
        const int Longest = 2000;
        string shown = CommandOutput.Visible(text.Length > Longest ? text[..Longest] : text).Replace('\uFFFD', '?');
        return shown.Length > Longest || text.Length > Longest ? shown[..Math.Min(shown.Length, Longest)] + "…" : shown;
    }

    /// <summary>The first line of the message, without .NET's "(Parameter 'x')" suffix.</summary>
    internal static string Describe(Exception ex)
    {
        if (ex is EndOfStreamException)
        {
            return "an input file ends early: it is truncated.";
        }

        string message = ex.Message;
        int newline = message.IndexOf('\n');
        if (newline >= 0)
        {
            message = message[..newline];
        }

        if (ex is ArgumentException { ParamName: { } name })
        {
            message = message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal);
        }

        return Clean(message.Trim());
    }
}
