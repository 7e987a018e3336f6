#:project ../../tests/Shannon.Tests/Shannon.Tests.csproj
// The long simulation behind `calibration --ci` (the short one is a test: tests/Shannon.Tests/Calibration/EceCoverageTests.cs,
// on the same models). Run from the repository root:
//     dotnet run -c Release bench/simulations/EceCoverage.cs [trials]
// and record its output in README.md (Calibration, "Errors"). For each model (labels drawn from a known distribution, so the
// true top-label ECE on 15 equal-width bins is known) and each n, it prints how often the 95 % interval covers the
// true ECE and its mean width.
using System.Diagnostics;
using System.Globalization;
using Shannon.Tests.Calibration;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
int trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var clock = Stopwatch.StartNew();
Console.WriteLine($"95 % intervals of the top-label ECE ({EceCoverageSimulation.Bins} equal-width bins, 200 half-samples), {trials} data sets per row");
Console.WriteLine("model | n | true ECE | coverage | mean width");
foreach (var model in EceCoverageSimulation.All)
{
    double truth = model.TrueEce();
    foreach (int n in new[] { 200, 1000, 5000 })
    {
        var (coverage, width, _) = model.Coverage(truth, n, trials);
        Console.WriteLine($"{model.Name} | {n} | {truth:F4} | {coverage:F3} | {width:F4}");
    }
}

Console.WriteLine($"({clock.Elapsed.TotalSeconds:F0} s)");
