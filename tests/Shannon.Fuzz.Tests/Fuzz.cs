using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Shannon.Cli;
using Xunit.Sdk;

namespace Shannon.Fuzz.Tests;

/// <summary>One fuzz case: the files it lays out, its command line and the outputs seeded before it runs.</summary>
/// <param name="Args">The command line; <c>{name}</c> stands for the path of the file or output called name.</param>
/// <param name="Files">Input files by name.</param>
/// <param name="Outputs">Output files by name, each seeded with known bytes before the run (a name ending in / is a directory holding report.html).</param>
internal sealed record FuzzCase(string[] Args, IReadOnlyDictionary<string, byte[]> Files, params string[] Outputs)
{
    public static FuzzCase Of(string args, params (string Name, byte[] Bytes)[] files) =>
        new(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), files.ToDictionary(f => f.Name, f => f.Bytes));

    public FuzzCase WithOutputs(params string[] outputs) => this with { Outputs = outputs };
}

/// <summary>
/// Runs generated cases through the CLI in-process and checks the promises on bad input: exit 0 or 2; on 2 exactly
/// one stderr line and nothing on stdout; no NaN printed; no control character or raw byte in a message; the
/// previous output intact and no temporary file left after any failure.
/// </summary>
/// <remarks>
/// Case i of a run is generated from CsCheck's PCG with stream i and the seed <c>SHANNON_FUZZ_SEED</c> (default
/// 15), so a failure names the seed and the case and <c>SHANNON_FUZZ_CASE=i</c> replays that case alone;
/// <c>SHANNON_FUZZ_SCALE</c> multiplies the number of cases (longer runs off CI). The test host runs under
/// <c>DOTNET_GCHeapHardLimit=0x80000000</c> (fuzz.runsettings).
/// </remarks>
internal static partial class Fuzz
{
    private static readonly byte[] Previous = "previous output: a failed run must leave these bytes\n"u8.ToArray();

    public static ulong Seed { get; } = ulong.TryParse(Environment.GetEnvironmentVariable("SHANNON_FUZZ_SEED"), CultureInfo.InvariantCulture, out ulong s) ? s : 15;

    private static double Scale => double.TryParse(Environment.GetEnvironmentVariable("SHANNON_FUZZ_SCALE"), CultureInfo.InvariantCulture, out double s) && s > 0 ? s : 1;

    private static int Only => int.TryParse(Environment.GetEnvironmentVariable("SHANNON_FUZZ_CASE"), CultureInfo.InvariantCulture, out int i) ? i : -1;

    /// <summary>Generates and checks <paramref name="cases"/> cases (times SHANNON_FUZZ_SCALE).</summary>
    public static void Run<T>(string name, Gen<T> gen, int cases, Func<T, FuzzCase> build)
    {
        int n = Math.Max(1, (int)(cases * Scale));
        var failures = new List<string>();
        for (int i = 0; i < n; i++)
        {
            if (Only >= 0 && i != Only)
            {
                continue;
            }

            var value = gen.Generate(new PCG((uint)i, Seed), null, out _);
            string? failure = Check(build(value));
            if (failure is not null)
            {
                failures.Add($"{name} case {i} (replay: SHANNON_FUZZ_SEED={Seed} SHANNON_FUZZ_CASE={i}): {failure}");
                if (failures.Count >= 3)
                {
                    break;
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new XunitException(string.Join("\n\n", failures));
        }
    }

    /// <summary>Runs one case; null when every promise held, else what broke with the case laid out.</summary>
    public static string? Check(FuzzCase c)
    {
        string directory = Directory.CreateTempSubdirectory("shannon-fuzz-").FullName;
        try
        {
            foreach (var (name, bytes) in c.Files)
            {
                File.WriteAllBytes(Path.Combine(directory, name), bytes);
            }

            var seeded = new List<string>();
            foreach (string output in c.Outputs)
            {
                string path = Path.Combine(directory, output);
                if (output.EndsWith('/'))
                {
                    Directory.CreateDirectory(path);
                    path = Path.Combine(path, "report.html");
                }

                File.WriteAllBytes(path, Previous);
                seeded.Add(path);
            }

            string[] args = [.. c.Args.Select(a => Placeholder().Replace(a, m => Path.Combine(directory, m.Groups[1].Value)))];
            var output1 = new StringWriter();
            var error = new StringWriter();
            int code;
            try
            {
                code = CliApp.Run(args, new CliContext(new StringReader(string.Empty), output1, error));
            }
            catch (Exception ex)
            {
                return Describe($"the CLI threw {ex.GetType().Name}: {ex.Message}", c, -1, output1.ToString(), error.ToString());
            }

            string stdout = output1.ToString();
            string stderr = error.ToString();
            var problems = new List<string>();
            if (code is not (0 or 2))
            {
                problems.Add($"exit code {code}");
            }

            if (code == 2)
            {
                string[] lines = stderr.TrimEnd('\n').Split('\n');
                if (lines.Length != 1 || !stderr.StartsWith("error: ", StringComparison.Ordinal))
                {
                    problems.Add($"{lines.Length} stderr lines on exit 2, not one 'error: ' line");
                }

                if (stdout.Length > 0)
                {
                    problems.Add("stdout written on exit 2");
                }
            }

            if (stderr.Any(ch => (char.IsControl(ch) && ch != '\n') || ch == '\uFFFD'))
            {
                problems.Add("a control character or undecodable byte on stderr");
            }

            // A result is never NaN: on exit 0 nothing printed is NaN. (A message may name a NaN the input holds.)
            if (code == 0 && NotANumber().IsMatch(stdout))
            {
                problems.Add("NaN printed with exit 0");
            }

            if (code != 0)
            {
                foreach (string path in seeded)
                {
                    if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(Previous))
                    {
                        problems.Add($"the previous {Path.GetFileName(path)} was changed by a failed run");
                    }
                }
            }

            string[] leftovers = [.. Directory.EnumerateFiles(directory, "*.tmp", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>()];
            if (leftovers.Length > 0)
            {
                problems.Add("temporary files left: " + string.Join(", ", leftovers));
            }

            return problems.Count == 0 ? null : Describe(string.Join("; ", problems), c, code, stdout, stderr);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Describe(string problem, FuzzCase c, int code, string stdout, string stderr)
    {
        var text = new StringBuilder(problem);
        text.Append("\n  shannon ").AppendJoin(' ', c.Args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
        foreach (var (name, bytes) in c.Files)
        {
            text.Append($"\n  {name} ({bytes.Length} bytes): {Preview(bytes)}");
        }

        text.Append($"\n  exit {code}\n  stdout: {Clip(stdout)}\n  stderr: {Clip(stderr)}");
        return text.ToString();
    }

    private static string Preview(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (byte b in bytes.AsSpan(0, Math.Min(bytes.Length, 400)))
        {
            text.Append(b is >= 0x20 and < 0x7F && b != '\\' ? ((char)b).ToString() : $"\\x{b:x2}");
        }

        return bytes.Length > 400 ? text + "…" : text.ToString();
    }

    private static string Clip(string s) => (s.Length > 600 ? s[..600] + "…" : s).Replace("\n", "\n          ", StringComparison.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z0-9_.\-/]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![A-Za-z])(NaN|nan|-nan)(?![A-Za-z])")]
    private static partial Regex NotANumber();
}
