using Shannon.Reports.Information;
using Spectre.Console;

namespace Shannon.Cli.Commands;

/// <summary>Runs the report builder with a progress bar on stderr when stderr is a terminal, silently otherwise.</summary>
internal static class ReportProgress
{
    public static InformationReport Run(CliContext context, Func<IProgress<ReportStep>?, InformationReport> build)
    {
        if (!Terminal.IsTerminal(context.Error))
        {
            return build(null);
        }

        InformationReport? report = null;
        Terminal.Console(context.Error).Progress().AutoClear(true).Start(progressContext =>
        {
            var task = progressContext.AddTask("report", maxValue: 1.0);
            report = build(new Callback(step =>
            {
                task.Description = Markup.Escape(step.Description);
                task.Value = step.Fraction;
            }));
        });
        return report!;
    }

    /// <summary>Reports synchronously on the builder's thread, so the bar is current when the builder returns.</summary>
    private sealed class Callback(Action<ReportStep> report) : IProgress<ReportStep>
    {
        public void Report(ReportStep value) => report(value);
    }
}
