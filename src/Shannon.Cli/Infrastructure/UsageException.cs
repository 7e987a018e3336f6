namespace Shannon.Cli;

/// <summary>Bad command-line usage or input detected by the CLI itself; exits with code 2.</summary>
/// <param name="message">One line that names the problem.</param>
internal sealed class UsageException(string message) : Exception(message);
