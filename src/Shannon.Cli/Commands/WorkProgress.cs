using Spectre.Console;

namespace Shannon.Cli.Commands;

/// <summary>A spinner on stderr while long work runs, only when stderr is a terminal; silent otherwise.</summary>
internal static class WorkProgress
{
    public static T Run<T>(CliContext context, string description, Func<T> work)
    {
        if (!Terminal.IsTerminal(context.Error))
        {
            return work();
        }

        T result = default!;
        Terminal.Console(context.Error).Status().Start(Markup.Escape(description), _ => result = work());
        return result;
    }
}
