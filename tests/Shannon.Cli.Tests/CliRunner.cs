using Shannon.Cli;

namespace Shannon.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) RunWithStdin(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, new CliContext(new StringReader(stdin), output, error));
        return (code, output.ToString(), error.ToString());
    }

    public static (int Code, string Out, string Err) Run(params string[] args) => RunWithStdin(string.Empty, args);

    /// <summary>Asserts a run failed as bad input does: exit code 2, nothing on stdout, exactly the one line "error: <paramref name="expected"/>" on stderr.</summary>
    public static void AssertOneErrorLine((int Code, string Out, string Err) run, string expected)
    {
        Assert.Equal(2, run.Code);
        Assert.Equal(string.Empty, run.Out);
        Assert.Single(run.Err.TrimEnd('\n').Split('\n'));
        Assert.Equal("error: " + expected, run.Err.TrimEnd('\n'));
    }

    /// <summary>Runs with binary standard input (a .npy or Parquet file piped in); the context is returned for inspection.</summary>
    public static (int Code, string Out, string Err, CliContext Context) RunWithStdinBytes(byte[] stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(string.Empty), output, error) { OpenStandardInput = () => new MemoryStream(stdin, writable: false) };
        int code = CliApp.Run(args, context);
        return (code, output.ToString(), error.ToString(), context);
    }

    /// <summary>Runs with binary standard input and output (compress/decompress with <c>-</c>).</summary>
    public static (int Code, byte[] Stdout, string Out, string Err) RunBinary(byte[] stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var binary = new MemoryStream();
        var context = new CliContext(new StringReader(string.Empty), output, error)
        {
            OpenStandardInput = () => new MemoryStream(stdin, writable: false),
            OpenStandardOutput = () => binary,
        };
        int code = CliApp.Run(args, context);
        return (code, binary.ToArray(), output.ToString(), error.ToString());
    }
}
