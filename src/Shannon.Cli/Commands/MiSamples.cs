namespace Shannon.Cli.Commands;

/// <summary>The <c>shannon mi</c> handler for its samples input form.</summary>
internal static class MiSamples
{
    public static int Run(MiRequest request, CliContext context) =>
        throw new UsageException("this input form of mi is not available in this build.");
}
