using System.Diagnostics;
using System.Text.Json;
using Shannon.Cli;

namespace Shannon.Fuzz.Tests;

/// <summary>A logit dump is streamed: <c>shannon perplexity --logits</c> scores a dump larger than its whole heap limit.</summary>
public sealed class LogitDumpMemoryTests() : ScratchDirectoryTests("shannon-logit-memory-")
{
    private const int Rows = 1536;
    private const int Vocabulary = 16384;

    [Fact]
    public async Task A_96_MiB_dump_and_its_reference_are_scored_under_a_64_MiB_heap_limit()
    {
        // 1536 × 16384 float32 = 96 MiB per dump; the heap limit (64 MiB) is below one dump, let alone the three
        // copies (bytes, floats, doubles) the whole-table reader held.
        string model = WriteDump("model.npy", seed: 1);
        string reference = WriteDump("reference.npy", seed: 2);
        string ids = PathOf("ids.txt");
        System.IO.File.WriteAllText(ids, string.Join(' ', Enumerable.Range(0, Rows + 1).Select(i => (i * 7919) % Vocabulary)));
        var start = new ProcessStartInfo(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { typeof(CliApp).Assembly.Location, "perplexity", "--logits", model, "--tokens", ids, "--reference", reference, "--temperatures", "0.5,1,2", "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x4000000";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}");
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(Rows, json.GetProperty("tokens").GetInt32());
        Assert.True(json.GetProperty("perplexity").GetDouble() > 1);
        Assert.True(json.GetProperty("reference").GetProperty("kl_mean").GetDouble() > 0);
        Assert.Equal(3, json.GetProperty("temperature_sweep").GetArrayLength());
    }

    private string WriteDump(string name, int seed)
    {
        string path = PathOf(name);
        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({Rows}, {Vocabulary}), }}";
        int padded = (dict.Length + 11 + 63) / 64 * 64;
        string header = dict.PadRight(padded - 11) + "\n";
        using var stream = new FileStream(path, FileMode.CreateNew);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(System.Text.Encoding.Latin1.GetBytes(header));
        var random = new Random(seed);
        var row = new float[Vocabulary];
        for (int r = 0; r < Rows; r++)
        {
            for (int v = 0; v < Vocabulary; v++)
            {
                row[v] = (float)((random.NextDouble() * 8) - 4);
            }

            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.AsSpan()));
        }

        return path;
    }
}
