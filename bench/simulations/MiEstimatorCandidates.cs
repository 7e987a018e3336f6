#:project ../../src/Shannon/Shannon.csproj
// The comparison behind the automatic rule's discrete estimator (docs/areas/estimators.md, "Intervals of discrete
// estimates"). Run from the repository root:
//     dotnet run -c Release bench/simulations/MiEstimatorCandidates.cs [trials] [half-samples]
// For each noisy channel (as in MiCoverage.cs) it prints the bias, the RMSE and the coverage of the 95 % half-sampling
// interval of seven discrete I(X;Y) estimates: plug-in, Miller–Madow, delete-1 jackknife, Grassberger, Chao–Shen, the
// plug-in less its permutation mean (Vinh et al. 2010), and the half-sample Richardson step 2Î − mean(Î_half).
using System.Globalization;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Measures;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
int trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
int halves = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
string[] names = ["plugin", "mm", "jackknife", "grassberger", "chao-shen", "chance", "richardson"];
DiscreteEntropyEstimator[] estimators = [new PlugIn(), new MillerMadow(), new Jackknife(), new Grassberger(), new ChaoShen()];
Func<Variable, Variable, double>[] direct =
[
    .. estimators.Select<DiscreteEntropyEstimator, Func<Variable, Variable, double>>(e => (a, b) => e.MutualInformation(a, b).RawValue),
    (a, b) => estimators[0].MutualInformation(a, b).RawValue - Clustering.ExpectedMutualInformation(ContingencyTable.FromLabels(a.Codes, b.Codes)),
];
Console.WriteLine("Kx Ky law n eps I | " + string.Join(" | ", names.Select(s => s + " bias rmse cover")));
(int Kx, int Ky, bool Skew)[] cases = [(2, 2, false), (5, 5, false), (15, 15, false), (15, 2, false), (5, 15, true)];
foreach (var (kx, ky, skew) in cases)
{
    foreach (int n in new[] { 100, 300, 1000, 5000 })
    {
        foreach (double eps in new[] { 1.0, 0.6, 0.2 })
        {
            double[] px = [.. Enumerable.Range(0, kx).Select(i => skew ? 1.0 / ((i + 1.0) * (i + 1.0)) : 1.0)];
            double total = px.Sum();
            px = [.. px.Select(p => p / total)];
            double[] py = new double[ky];
            var joint = new double[kx, ky];
            for (int i = 0; i < kx; i++)
            {
                for (int j = 0; j < ky; j++)
                {
                    joint[i, j] = px[i] * ((eps / ky) + (j == i % ky ? 1 - eps : 0));
                    py[j] += joint[i, j];
                }
            }

            double truth = 0;
            for (int i = 0; i < kx; i++)
            {
                for (int j = 0; j < ky; j++)
                {
                    truth += joint[i, j] > 0 ? joint[i, j] * Math.Log(joint[i, j] / (px[i] * py[j])) : 0;
                }
            }

            var sums = new double[names.Length, 3];
            for (int t = 0; t < trials; t++)
            {
                var random = new Random((1000 * t) + 7);
                int[] xs = new int[n], ys = new int[n];
                for (int r = 0; r < n; r++)
                {
                    double u = random.NextDouble();
                    int i = 0;
                    while (i < kx - 1 && (u -= px[i]) > 0)
                    {
                        i++;
                    }

                    xs[r] = i;
                    ys[r] = random.NextDouble() < eps ? random.Next(ky) : i % ky;
                }

                var (x, y) = (Variable.Discrete<int>("x", xs), Variable.Discrete<int>("y", ys));
                var point = new double[names.Length];
                var half = new double[names.Length, halves];
                for (int e = 0; e < direct.Length; e++)
                {
                    point[e] = direct[e](x, y);
                }

                int kept = n / 2;
                var sampler = new Random(t);
                for (int b = 0; b < halves; b++)
                {
                    int[] order = [.. Enumerable.Range(0, n)];
                    for (int i = 0; i < kept; i++)
                    {
                        int j = sampler.Next(i, n);
                        (order[i], order[j]) = (order[j], order[i]);
                    }

                    int[] rows = order[..kept];
                    Array.Sort(rows);
                    var (hx, hy) = (x.Subset(rows), y.Subset(rows));
                    for (int e = 0; e < direct.Length; e++)
                    {
                        half[e, b] = direct[e](hx, hy);
                    }

                    half[6, b] = half[0, b];
                }

                point[6] = (2 * point[0]) - Enumerable.Range(0, halves).Average(b => half[0, b]);
                for (int e = 0; e < names.Length; e++)
                {
                    double mean = Enumerable.Range(0, halves).Average(b => half[e, b]);
                    double se = Math.Sqrt(Enumerable.Range(0, halves).Sum(b => (half[e, b] - mean) * (half[e, b] - mean)) / halves * kept / (n - kept));
                    double value = Math.Max(0, point[e]);
                    double low = Math.Max(0, value - (1.96 * se)), high = value + (1.96 * se);
                    sums[e, 0] += point[e] - truth;
                    sums[e, 1] += (point[e] - truth) * (point[e] - truth);
                    sums[e, 2] += truth >= low - 1e-12 && truth <= high ? 1 : 0;
                }
            }

            Console.WriteLine($"{kx} {ky} {(skew ? "skewed" : "uniform")} {n} {eps} {truth:F3} | "
                + string.Join(" | ", Enumerable.Range(0, names.Length).Select(e => $"{sums[e, 0] / trials:+0.000;-0.000} {Math.Sqrt(sums[e, 1] / trials):F3} {sums[e, 2] / trials:F2}")));
        }
    }
}
