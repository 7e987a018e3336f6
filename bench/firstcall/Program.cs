using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Shannon.Losses;
using Shannon.Measures;

// First calls in fresh processes: `FirstCall [--runs N] [function...]` starts N child processes per function, each
// timing its first call, calls 2-8 and the steady state (median of calls 41-60, after the JIT's tiers settle), and
// prints the medians over the processes. Functions: entropy, kl, cross-entropy (10^7 doubles), loss
// (CrossEntropyLoss.FromLogits, 256 x 50,257 float logits, 1.29 * 10^7 values). Wall time and the process's CPU time
// (user + system, all threads) are both reported. `--before STEP,...` does one-time work in each child before its
// first call, so that the first call's extra cost can be split by cause: `load` (Shannon.dll and its first type),
// `vectors` (the runtime's Vector128/Vector256 types over float and double), `thread` (the process's first thread
// start), `small` (the same function on a tiny input: the precompiled code's fix-ups and the types it touches).
const int Calls = 60;
const int Classes = 50_257;
string[] all = ["entropy", "kl", "cross-entropy", "loss"];

if (args.Length == 3 && args[0] == "--child")
{
    Child(args[1], args[2].Split(',', StringSplitOptions.RemoveEmptyEntries));
    return 0;
}

int runs = 5;
string before = "";
var functions = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs" && i + 1 < args.Length)
    {
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--before" && i + 1 < args.Length)
    {
        before = args[++i];
    }
    else
    {
        functions.Add(args[i]);
    }
}

if (functions.Count == 0)
{
    functions.AddRange(all);
}

string self = Environment.ProcessPath!;
string? entry = Path.GetFileName(self).StartsWith("dotnet", StringComparison.Ordinal) ? typeof(Program).Assembly.Location : null;
if (before.Length > 0)
{
    Console.WriteLine($"before the first call: {before}");
}

Console.WriteLine($"{"function",-14} {"first",9} {"(cpu)",7} {"calls 2-8",10} {"(cpu)",7} {"steady",8} {"(cpu)",7} {"first/st",9} {"2-8/st",7}   ({runs} processes, medians, ms)");
foreach (string function in functions)
{
    var rows = new List<double[]>();
    for (int r = 0; r < runs; r++)
    {
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (entry is not null)
        {
            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add("--child");
        start.ArgumentList.Add(function);
        start.ArgumentList.Add(before);
        using var child = Process.Start(start)!;
        string line = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        rows.Add(line.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }

    double Column(int c) => Median(rows.Select(row => row[c]));
    double first = Column(0), middle = Column(2), steady = Column(4);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{function,-14} {first,9:F1} {Column(1),7:F1} {middle,10:F1} {Column(3),7:F1} {steady,8:F2} {Column(5),7:F1} {first / steady,8:F2}x {middle / steady,6:F2}x"));
}

return 0;

static void Child(string function, string[] steps)
{
    double[] p = [], q = [];
    float[] logits = [];
    int[] targets = [];
    if (function == "loss")
    {
        logits = new float[256 * Classes];
        for (int k = 0; k < logits.Length; k++)
        {
            uint h = unchecked((uint)k * 2654435761u);
            logits[k] = (float)((h / 4294967296.0 * 8.0) - 4.0);
        }

        targets = new int[256];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = (int)((long)i * 7919 % Classes);
        }
    }
    else
    {
        p = Hashed(10_000_000, salt: 0);
        q = Hashed(10_000_000, salt: 500);
    }

    Func<double> call = function switch
    {
        "entropy" => () => Entropy.Of(p),
        "kl" => () => Divergence.KullbackLeibler(p, q),
        "cross-entropy" => () => CrossEntropy.Of(p, q),
        "loss" => () => CrossEntropyLoss.FromLogits(logits, Classes, targets).Value,
        _ => throw new ArgumentException($"unknown function '{function}'", nameof(function)),
    };

    foreach (string step in steps)
    {
        Prepare.Step(step, function);
    }

    var process = Process.GetCurrentProcess();
    var wall = new double[Calls];
    var cpu = new double[Calls];
    for (int c = 0; c < Calls; c++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        long started = Stopwatch.GetTimestamp();
        call();
        wall[c] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        cpu[c] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (c >= 30)
        {
            Thread.Sleep(5); // room for the JIT's background tier-up
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wall[0]} {cpu[0]} {Median(wall[1..8])} {Median(cpu[1..8])} {Median(wall[40..])} {Median(cpu[40..])}"));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    int half = sorted.Length / 2;
    return sorted.Length % 2 == 1 ? sorted[half] : 0.5 * (sorted[half - 1] + sorted[half]);
}

// The benchmarks' hashed distribution (bench/Shannon.Benchmarks/BenchData.cs): strictly positive, normalised.
static double[] Hashed(int length, long salt)
{
    var p = new double[length];
    double total = 0;
    for (int i = 0; i < length; i++)
    {
        p[i] = 1.0 + ((((long)i * 2654435761L) + salt) % 1000 / 1000.0);
        total += p[i];
    }

    for (int i = 0; i < length; i++)
    {
        p[i] /= total;
    }

    return p;
}

/// <summary>The one-time work `--before` can do ahead of the first call, each step in its own method so that the
/// precompiled code of one step does not resolve another's types.</summary>
internal static class Prepare
{
    public static void Step(string step, string function)
    {
        switch (step)
        {
            case "load": Load(); break;
            case "vectors": Vectors(); break;
            case "thread": StartThread(); break;
            case "small": Small(function); break;
            default: throw new ArgumentException($"unknown step '{step}' (load, vectors, thread, small)", nameof(step));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Load() => RuntimeHelpers.RunClassConstructor(typeof(Entropy).TypeHandle);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Vectors()
    {
        RuntimeHelpers.RunClassConstructor(typeof(Vector256<double>).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(Vector128<double>).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(Vector256<float>).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(Vector128<float>).TypeHandle);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StartThread()
    {
        var thread = new Thread(() => { });
        thread.Start();
        thread.Join();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Small(string function)
    {
        double[] p = [0.25, 0.25, 0.5], q = [0.5, 0.25, 0.25];
        _ = function switch
        {
            "entropy" => Entropy.Of(p),
            "kl" => Divergence.KullbackLeibler(p, q),
            "cross-entropy" => CrossEntropy.Of(p, q),
            _ => CrossEntropyLoss.FromLogits(new float[] { 1f, 2f, 3f }, 3, [2]).Value,
        };
    }
}
