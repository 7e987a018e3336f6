using BenchmarkDotNet.Attributes;
using Shannon.Dynamics;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;

namespace Shannon.Benchmarks;

/// <summary>
/// Transfer entropy TE_{X→Y} with k = l = d = 1 on the 10⁵-step VAR(1) series bench/peers/dynamics.py writes to
/// bench/data/te_100000.f64 (run that script first): KSG (Frenzel–Pompe, k = 4) and Gaussian. The setup prints the KSG
/// value, which must agree with the value the peer script prints for the same series (scikit-learn's KDTree counts).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Shannon.Benchmarks -- --filter '*DynamicsBenchmarks*'</c>, then
/// <c>/usr/bin/python3 bench/peers/dynamics.py</c> in the same session.</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DynamicsBenchmarks
{
    private Variable _x = null!;
    private Variable _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(BenchData.RepositoryRoot(), "bench", "data", "te_100000.f64");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: run /usr/bin/python3 bench/peers/dynamics.py first (it writes the shared input).", path);
        }

        double[] both = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();
        _x = Variable.Continuous("x", both.AsSpan(0, 100_000));
        _y = Variable.Continuous("y", both.AsSpan(100_000));
        Console.WriteLine($"// KSG (Frenzel-Pompe) TE n={_x.Rows - 1}, k=4: value {KsgTransferEntropy():F6} nats; Gaussian {GaussianTransferEntropy():F6} nats");
    }

    [Benchmark]
    public double KsgTransferEntropy() => TransferEntropy.Of(new FrenzelPompe(4), _x, _y).Value;

    [Benchmark]
    public double GaussianTransferEntropy() => TransferEntropy.Of(new Gaussian(), _x, _y).Value;
}
