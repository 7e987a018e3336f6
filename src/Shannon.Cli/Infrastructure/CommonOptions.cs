using System.CommandLine;

namespace Shannon.Cli;

/// <summary>Options with the same name and meaning on every command.</summary>
internal static class CommonOptions
{
    /// <summary><c>--base B</c>: 2, e, 10, bits, nats, hartleys or any finite number &gt; 1; nats by default.</summary>
    public static Option<string> Base() => new("--base")
    {
        Description = "Unit: 2|e|10|bits|nats|hartleys or any finite number greater than 1.",
        DefaultValueFactory = _ => "nats",
    };

    /// <summary><c>--json</c>: print exactly one JSON object on stdout.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of a human line." };
}
