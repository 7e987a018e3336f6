using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Shannon.Cli.Tests;

/// <summary>
/// Every example command in README.md, run as written by bash in a scratch directory that holds the repository's data/
/// (and a few small input files the examples name): each must exit 0, or exit 2 with one line on stderr when it is on
/// the list of examples whose inputs the reader supplies (.npy dumps, ONNX models, engine responses) and the line names no
/// option the command lacks (a removed <c>--bootstrap</c> once hid behind the missing p.csv). <c>shannon</c> is
/// the CLI built with the tests; <c>dotnet run -c Release --project src/Shannon.Cli --</c> is run as <c>shannon</c>.
/// Budget: the whole README runs in about two and a half minutes on two otherwise idle cores (the demo report, infoplane
/// and the 5000-epoch logistic regression dominate) and in 11 minutes beside the other test assemblies on a machine at
/// load 50; a command that repeats an earlier one is run once. The test fails past <see cref="Budget"/> and names the
/// slowest examples.
/// </summary>
public sealed partial class ReadmeExamplesTests() : ScratchDirectoryTests("shannon-readme-")
{
    /// <summary>Examples that need a file the reader brings; they must fail cleanly (exit 2, one stderr line).</summary>
    private static readonly string[] ReaderInputs =
    [
        "logits.npy", "logp.npy", "probs.npy", "z.npy", "student_logp.npy", "q.npy", "views.npy", "mu.npy", "p.npy", "p.csv",
        "big.parquet", "counts.csv", "responses.jsonl", "q4.npy", "gpt2.onnx", "kjv-first-3MB.txt", "kjv-rest.txt", "rest.shn",
    ];

    /// <summary>README lines that are not shannon examples (installing the tool, building the docs).</summary>
    private static readonly string[] NotExamples = ["dotnet tool install", "dotnet tool restore"];

    /// <summary>Each example may take this long; the whole README must run within <see cref="Budget"/>.</summary>
    private static readonly TimeSpan PerCommand = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    [Fact]
    public void The_readme_has_examples_and_its_main_command_builds_release()
    {
        string readme = System.IO.File.ReadAllText(Path.Combine(ReportCommandTests.RepositoryRoot(), "README.md"));
        Assert.True(Extract(readme).Count >= 40);
        Assert.DoesNotContain("dotnet run --project", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run -c Release --project src/Shannon.Cli -- report", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_readme_example_runs_as_written()
    {
        string root = ReportCommandTests.RepositoryRoot();
        Prepare(Scratch, root);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var times = new List<(double Seconds, string Command)>();
        foreach (var (line, command) in Extract(System.IO.File.ReadAllText(Path.Combine(root, "README.md"))).DistinctBy(example => example.Command))
        {
            var (code, error, took) = Bash(Scratch, command);
            times.Add((took.TotalSeconds, command));
            bool reader = ReaderInputs.Any(input => Regex.IsMatch(command, $@"(^|[\s:<]){Regex.Escape(input)}(\s|$)"));
            bool ok = reader
                ? code == 2 && error.TrimEnd('\n').Split('\n').Length == 1 && !error.Contains("Unrecognized command or argument", StringComparison.Ordinal)
                : code == 0;
            if (!ok)
            {
                failures.Add($"README.md:{line}: exit {code} in {took.TotalSeconds:F1} s{(reader ? " (expected 2 with one stderr line)" : string.Empty)}: {command}\n  {error.Trim()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(
            clock.Elapsed < Budget,
            $"the README's examples took {clock.Elapsed.TotalSeconds:F0} s, over the {Budget.TotalSeconds:F0} s budget; slowest: "
            + string.Join("; ", times.OrderByDescending(t => t.Seconds).Take(5).Select(t => $"{t.Seconds:F0} s {t.Command}")));
    }

    /// <summary>(line number, command) of every example in README.md's code blocks: lines that run shannon (a leading <c>$ </c> dropped).</summary>
    internal static List<(int Line, string Command)> Extract(string readme)
    {
        var examples = new List<(int, string)>();
        bool code = false;
        string[] lines = readme.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                code = !code;
                continue;
            }

            if (line.StartsWith("$ ", StringComparison.Ordinal))
            {
                line = line[2..];
            }

            if (!code || NotExamples.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal)) || line.StartsWith("dotnet docfx", StringComparison.Ordinal))
            {
                continue;
            }

            if (Runs().IsMatch(line))
            {
                // The build-and-run form runs the same CLI: the test runs the one built with it.
                examples.Add((i + 1, line.Replace("dotnet run -c Release --project src/Shannon.Cli -- ", "shannon ", StringComparison.Ordinal)));
            }
        }

        return examples;
    }

    /// <summary>The scratch directory: data/ linked to the repository's, docs/ for outputs, and the small inputs the examples name.</summary>
    private static void Prepare(string scratch, string root)
    {
        Directory.CreateSymbolicLink(Path.Combine(scratch, "data"), Path.Combine(root, "data"));
        Directory.CreateDirectory(Path.Combine(scratch, "docs"));
        string bin = Directory.CreateDirectory(Path.Combine(scratch, ".bin")).FullName;
        string shannon = Path.Combine(bin, "shannon");
        System.IO.File.WriteAllText(shannon, $"#!/bin/sh\nexec \"{Path.Combine(AppContext.BaseDirectory, "Shannon.Cli")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(shannon, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        string kjv = System.IO.File.ReadAllText(Path.Combine(root, "data", "kjv.txt"));
        System.IO.File.WriteAllText(Path.Combine(scratch, "counts.txt"), "12 7 3 1 1\n");
        System.IO.File.WriteAllText(Path.Combine(scratch, "table.txt"), string.Join(',', Enumerable.Range(1, 24).Select(i => (i / 300.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "\n");
        System.IO.File.WriteAllText(Path.Combine(scratch, "truth.txt"), string.Join('\n', Enumerable.Range(0, 60).Select(i => i % 3)) + "\n");
        System.IO.File.WriteAllText(Path.Combine(scratch, "clusters.txt"), string.Join('\n', Enumerable.Range(0, 60).Select(i => (i % 3 == 0 && i % 2 == 0) ? 1 : i % 3)) + "\n");
        System.IO.File.WriteAllText(Path.Combine(scratch, "notes.txt"), kjv[200_000..203_000]);
        System.IO.File.WriteAllText(Path.Combine(scratch, "corpus.txt"), kjv[..300_000]);
        System.IO.File.WriteAllText(Path.Combine(scratch, "essay.txt"), kjv[300_000..301_000]);
        System.IO.File.WriteAllText(Path.Combine(scratch, "joint.csv"), "0.20,0.05,0.00\n0.05,0.20,0.05\n0.00,0.05,0.40\n");
        System.IO.File.WriteAllText(Path.Combine(scratch, "bsc.csv"), "0.9,0.1\n0.1,0.9\n");
        System.IO.File.WriteAllText(Path.Combine(scratch, "hamming.csv"), "0,1\n1,0\n");
        System.IO.File.WriteAllText(Path.Combine(scratch, "y.txt"), "0\n1\n");
    }

    private static (int Code, string Error, TimeSpan Took) Bash(string directory, string command)
    {
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["PATH"] = Path.Combine(directory, ".bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["BROWSER"] = "true";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PerCommand))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {PerCommand.TotalSeconds:F0} s", clock.Elapsed);
        }

        _ = output.Result;
        return (process.ExitCode, error.Result, clock.Elapsed);
    }

    [GeneratedRegex(@"(^|\|\s*)shannon\s|^dotnet run ")]
    private static partial Regex Runs();
}
