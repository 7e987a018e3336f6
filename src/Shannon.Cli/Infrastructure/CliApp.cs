using System.CommandLine;
using System.Text.Json;
using Shannon.Cli.Commands;

namespace Shannon.Cli;

/// <summary>Builds the command tree and runs it, turning every failure into one line on stderr and an exit code.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("shannon: information theory for machine learning — entropy, divergences, mutual information, losses and estimators.");
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static int Run(string[] args, CliContext context)
    {
        try
        {
            var root = Build(context);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                context.Error.WriteLine($"error: {OneLine(parse.Errors[0].Message)}");
                return ExitCodes.BadInput;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            context.Error.WriteLine($"error: {Describe(ex)}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            context.Error.WriteLine($"error: internal failure ({ex.GetType().Name}): {Describe(ex)}");
            return ExitCodes.RuntimeFailure;
        }
    }

    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        EntropyCommand.Create(context),
        CrossEntropyCommand.Create(context),
        KlCommand.Create(context),
        JsCommand.Create(context),
        MiCommand.Create(context),
        InfoCommand.Create(context),
        IbCommand.Create(context),
        ChannelCommand.Create(context),
        TourCommand.Create(context),
        PlotCommand.Create(context),
        ReportCommand.Create(context),
        PerplexityCommand.Create(context),
        NgramCommand.Create(context),
        LossCommand.Create(context),
        FeaturesCommand.Create(context),
        TreeCommand.Create(context),
        InfoplaneCommand.Create(context),
    ];

    private static bool IsBadInput(Exception ex) => ex is ArgumentException or FormatException or UsageException
        or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or JsonException
        or UnauthorizedAccessException or OverflowException;

    /// <summary>A possibly multi-line parser message folded onto one line ("Must be one of: 'a', 'b'").</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The first line of the message, without .NET's "(Parameter 'x')" suffix.</summary>
    internal static string Describe(Exception ex)
    {
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

        return message.Trim();
    }
}
