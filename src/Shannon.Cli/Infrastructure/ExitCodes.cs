namespace Shannon.Cli;

/// <summary>The CLI's documented exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A runtime failure that is not the user's input (a bug, an I/O fault).</summary>
    public const int RuntimeFailure = 1;

    /// <summary>Bad input or usage: malformed files, invalid values, unknown options.</summary>
    public const int BadInput = 2;
}
