namespace Shannon.Cli.Commands;

/// <summary>The <c>shannon mi</c> handler for its labels input form.</summary>
internal static class MiLabels
{
    public static int Run(MiRequest request, CliContext context) =>
        throw new UsageException("this input form of mi is not available in this build.");
}
