using System.Diagnostics;
using System.Globalization;

namespace Shannon.Cli.Tests;

public sealed class ReportLargeDataTests() : ScratchDirectoryTests("shannon-large-")
{
    [Fact]
    public void Million_row_csv_finishes_on_a_bounded_sample()
    {
        string csv = PathOf("large.csv");
        var random = new Random(1);
        using (var writer = new StreamWriter(csv))
        {
            writer.WriteLine("signal,noise,target");
            for (int i = 0; i < 1_000_000; i++)
            {
                int label = random.Next(2);
                double signal = label + random.NextDouble();
                writer.Write(signal.ToString("F4", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(random.NextDouble().ToString("F4", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.WriteLine(label == 1 ? "yes" : "no");
            }
        }

        var clock = Stopwatch.StartNew();
        var (code, output, error) = CliRunner.Run("report", csv, "-o", Scratch, "--max-rows", "20000", "--permutations", "0", "--replicates", "0");
        Assert.True(code == 0, error);
        Assert.Contains("1,000,000 rows; the estimates use a seeded uniform sample of 20,000", output, StringComparison.Ordinal);
        Assert.Contains("1000000 rows", output, StringComparison.Ordinal);
        // The table of 10⁶ rows × 3 columns is ~20 MB; the peak working set of the whole test host stays far below 2 GB.
        Assert.True(Process.GetCurrentProcess().PeakWorkingSet64 < 2L << 30, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"took {clock.Elapsed}");
    }
}
