#:project ../../tests/Shannon.Tests/Shannon.Tests.csproj
// The long simulation behind the report's p-values (the short one is a test: AdaptivePermutationTests and
// FeatureScoringTests). Run from the repository root:
//     dotnet run -c Release bench/simulations/PValueCalibration.cs [replicates]
// and record its output in docs/areas/estimators.md. Under independence a p-value must satisfy P(p ≤ α) ≤ α; this
// prints, for the report's adaptive schedule (batches doubling from 10, stop at 3 exceedances or at
// max(1000, ⌈m/q⌉ − 1) permutations), (1) the exact size for a continuous statistic, (2) the simulated size with the
// estimators the report uses on discrete and continuous features, and (3) the same for the earlier rule that fitted a
// Gaussian to the permuted values when none reached the observed one.
using System.Diagnostics;
using System.Globalization;
using Shannon;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Tests.Estimators.Uncertainty;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
int replicates = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
double[] levels = [0.001, 0.01, 0.05, 0.1];
const int Rows = 100;
var clock = Stopwatch.StartNew();

Console.WriteLine("(1) Exact size P(p <= a) under independence, continuous statistic (beta-binomial law of the exceedances)");
Console.WriteLine("tests m | Maximum | " + string.Join(" | ", levels.Select(a => $"a = {a}")));
foreach (int m in new[] { 1, 30, 64, 1000 })
{
    var schedule = Schedule(m);
    var law = AdaptivePermutationNullLaw.Of(schedule, (b, m) => (b + 1.0) / (m + 1.0));
    Console.WriteLine($"{m} | {schedule.Maximum} | " + string.Join(" | ", levels.Select(a => law.Where(kv => kv.Key <= a).Sum(kv => kv.Value).ToString("F5"))));
}

Console.WriteLine();
Console.WriteLine($"(2) Simulated size with the report's estimators, n = {Rows} rows, {replicates} independent data sets each, schedule for m = 30 tests");
Console.WriteLine("pair | estimator | " + string.Join(" | ", levels.Select(a => $"a = {a}")) + " | mean permutations | old rule (Gaussian tail) " + string.Join(" | ", new[] { 1e-3, 1e-6 }.Select(a => $"a = {a:G1}")));
foreach (string kind in new[] { "discrete-discrete", "continuous-discrete", "continuous-continuous" })
{
    var below = new int[levels.Length];
    var oldBelow = new int[2];
    long spent = 0;
    for (int r = 0; r < replicates; r++)
    {
        var random = new Random(r);
        var (x, y) = kind switch
        {
            "discrete-discrete" => (Variable.Discrete("x", Draw(random, 3)), Variable.Discrete("y", Draw(random, 2))),
            "continuous-discrete" => (Variable.Continuous("x", Normal(random)), Variable.Discrete("y", Draw(random, 2))),
            _ => (Variable.Continuous("x", Normal(random)), Variable.Continuous("y", Normal(random))),
        };
        var estimator = new Automatic(JitterSeed: r).For(x, y);
        var estimate = estimator.MutualInformation(x, y);
        var outcome = PermutationTest.Adaptive(estimate, Rows, order => estimator.MutualInformation(x, y.Subset(order)).RawValue, Schedule(30), seed: r);
        spent += outcome.Permutations;
        for (int i = 0; i < levels.Length; i++)
        {
            below[i] += outcome.PValue <= levels[i] ? 1 : 0;
        }

        double old = OldRule(estimate, x, y, estimator, r);
        oldBelow[0] += old <= 1e-3 ? 1 : 0;
        oldBelow[1] += old <= 1e-6 ? 1 : 0;
    }

    string name = new Automatic().For(x: kind.StartsWith("discrete", StringComparison.Ordinal) ? Variable.Discrete("x", [0, 1]) : Variable.Continuous("x", [0.0, 1.0]),
        y: kind.EndsWith("-discrete", StringComparison.Ordinal) ? Variable.Discrete("y", [0, 1]) : Variable.Continuous("y", [0.0, 1.0])).Name;
    Console.WriteLine($"{kind} | {name} | " + string.Join(" | ", below.Select(b => ((double)b / replicates).ToString("F5")))
        + $" | {(double)spent / replicates:F1} | " + string.Join(" | ", oldBelow.Select(b => ((double)b / replicates).ToString("F5"))));
}

Console.WriteLine($"Monte Carlo standard error of a rate near a: sqrt(a(1 - a)/{replicates}); {clock.Elapsed.TotalSeconds:F0} s");

static AdaptivePermutations Schedule(int tests) => AdaptivePermutations.Decisive(tests, 0.05) with { Initial = 10, Exceedances = 3 };

static int[] Draw(Random random, int levels) => [.. Enumerable.Range(0, Rows).Select(_ => random.Next(levels))];

static double[] Normal(Random random) => [.. Enumerable.Range(0, Rows).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];

// The rule this replaces: with no exceedance after at least 100 permutations, the tail of a Gaussian fitted to the
// permuted values (the plug-in pair used the G-test's chi-square tail), stopping once it fell below 0.05 / (10 m).
static double OldRule(Estimate estimate, Variable x, Variable y, IMutualInformationEstimator estimator, int seed)
{
    var values = new List<double>();
    int done = 0, atLeast = 0;
    double tail = 1.0;
    while (true)
    {
        int next = Math.Min(1000, done == 0 ? 10 : 2 * done);
        for (int b = done; b < next; b++)
        {
            double v = estimator.MutualInformation(x, y.Subset(PermutationTest.Shuffle(Rows, seed, b))).RawValue;
            values.Add(v);
            atLeast += v >= estimate.RawValue ? 1 : 0;
        }

        done = next;
        if (atLeast >= 3 || done == 1000)
        {
            break;
        }

        if (atLeast == 0 && done >= 100)
        {
            tail = Tail();
            if (tail < 0.05 / (10.0 * 30))
            {
                break;
            }
        }
    }

    double counted = (1.0 + atLeast) / (1.0 + done);
    return atLeast > 0 ? counted : Math.Min(counted, Tail());

    double Tail()
    {
        if (estimator is PlugIn)
        {
            return GTest.MutualInformation<int, int>(x.Codes, y.Codes).PValue!.Value; // the G-test's chi-square tail
        }

        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return sd > 0 ? 0.5 * Erfc((estimate.RawValue - mean) / (sd * Math.Sqrt(2))) : 1.0;
    }

    // erfc(z) for z >= 0 by the Chebyshev fit of Numerical Recipes (relative error below 1.2e-7 everywhere).
    static double Erfc(double z)
    {
        if (z < 0)
        {
            return 2 - Erfc(-z);
        }

        double t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        double poly = 0;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            poly = c[i] + (t * poly);
        }

        return t * Math.Exp(-(z * z) + poly);
    }
}
