using Spectre.Console;

namespace Shannon.Cli;

/// <summary>Spectre.Console consoles over the CLI's writers: ANSI colour only on a real terminal and only without NO_COLOR.</summary>
internal static class Terminal
{
    /// <summary>Columns assumed when the output is not a terminal.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Whether <paramref name="writer"/> is the process's own, unredirected standard output or error.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (writer is CommandOutput held && IsTerminal(held.Target))
        || (ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected)
        || (ReferenceEquals(writer, System.Console.Error) && !System.Console.IsErrorRedirected);

    /// <summary>Whether <paramref name="writer"/> is the process's own standard error, redirected to a file or pipe.</summary>
    public static bool IsRedirectedStandardError(TextWriter writer) =>
        (writer is CommandOutput held && IsRedirectedStandardError(held.Target))
        || (ReferenceEquals(writer, System.Console.Error) && System.Console.IsErrorRedirected);

    /// <summary>True when colour is allowed: a terminal and NO_COLOR unset or empty (https://no-color.org).</summary>
    public static bool UseColour(TextWriter writer) =>
        IsTerminal(writer) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>A console writing to <paramref name="writer"/>.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        bool colour = UseColour(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            // Into held output through its raw side, so the console's colour codes are kept (callers show the data).
            Out = new AnsiConsoleOutput(writer is CommandOutput held ? held.Raw : writer),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal(writer) ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!IsTerminal(writer))
        {
            // Files and pipes have no width; wide enough that table rows never wrap.
            console.Profile.Width = RedirectedWidth;
        }
        else if (writer is CommandOutput)
        {
            // Held-back output goes to the terminal later: take the terminal's width and colours now.
            console.Profile.Width = System.Console.WindowWidth > 0 ? System.Console.WindowWidth : RedirectedWidth;
            console.Profile.Capabilities.Ansi = colour;
        }

        return console;
    }
}
