#:project ../../src/Shannon/Shannon.csproj
// The long simulation behind the discrete intervals (the short one is a test: CoverageTests). Run from the repository root:
//     dotnet run -c Release bench/simulations/MiCoverage.cs [trials] [replicates]
// and record its output in HalfSampling's and Automatic's remarks. For a noisy channel on K symbols (X with a uniform or
// a skewed law p(x) ∝ 1/(x + 1)², Y = X mod Ky with probability 1 − ε, else uniform on Ky values) the true I(X;Y) is
// computed exactly from the joint; each row gives, over seeded trials, the coverage of the default 95 % interval of the
// plug-in (the automatic rule before) and of Grassberger's estimator (the automatic rule now), the share of trials whose
// interval is withheld as too sparse (HalfSampling.TooSparse), the coverage among the rest, and the mean width. Rows with
// ε = 1 (independence) add the share of trials whose interval holds 0 and the share with a permutation p > 0.05.
// Then the same for H(X) and for I(X;Y|Z) with a discrete Z.
using System.Globalization;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
int trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
int replicates = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : EstimatorDefaults.IntervalReplicates;
var before = new Automatic(Discrete: new PlugIn());
var after = new Automatic();
var options = new UncertaintyOptions { Level = 0.95, Replicates = replicates };

Console.WriteLine($"(1) I(X;Y), {trials} trials per row, {replicates} half-samples, nominal 95 %");
Console.WriteLine("Kx | Ky | p(x) | n | eps | I nats | plug-in cover | grassberger bias | withheld | cover (given) | width | 0 in CI | p > 0.05");
(int Kx, int Ky, bool Skew)[] cases = [(2, 2, false), (5, 5, false), (15, 15, false), (15, 2, false), (2, 15, true), (5, 15, true), (15, 15, true)];
foreach (var (kx, ky, skew) in cases)
{
    foreach (int n in new[] { 100, 300, 1000, 5000 })
    {
        foreach (double eps in new[] { 1.0, 0.5, 0.2, 0.05 })
        {
            double[] px = Law(kx, skew);
            double truth = ChannelInformation(px, ky, eps);
            int coverBefore = 0, withheld = 0, coverAfter = 0, zeroIn = 0, quiet = 0;
            double bias = 0, width = 0;
            for (int t = 0; t < trials; t++)
            {
                var random = new Random((1_000_003 * t) + (7919 * n) + (31 * kx) + ky);
                var (x, y) = Channel(random, px, ky, eps, n);
                var plain = WithUncertainty.MutualInformation(before, x, y, options with { Seed = t });
                coverBefore += Covers(plain, truth) ? 1 : 0;
                var corrected = WithUncertainty.MutualInformation(after, x, y, options with { Seed = t, Permutations = eps == 1.0 ? 99 : 0 });
                bias += corrected.RawValue - truth;
                if (corrected.ConfidenceInterval is null)
                {
                    withheld++;
                }
                else
                {
                    coverAfter += Covers(corrected, truth) ? 1 : 0;
                    width += corrected.ConfidenceInterval.Value.High - corrected.ConfidenceInterval.Value.Low;
                    zeroIn += corrected.ConfidenceInterval.Value.Low <= 0 ? 1 : 0;
                }

                quiet += corrected.PValue > 0.05 ? 1 : 0;
            }

            int given = trials - withheld;
            string independence = eps == 1.0 ? $"{Share(zeroIn, given)} | {Share(quiet, trials)}" : "- | -";
            Console.WriteLine($"{kx} | {ky} | {(skew ? "skewed" : "uniform")} | {n} | {eps} | {truth:F3} | {Share(coverBefore, trials)} | {bias / trials:+0.000;-0.000} | {Share(withheld, trials)} | {Share(coverAfter, given)} | {(given > 0 ? (width / given).ToString("F3") : "-")} | {independence}");
        }
    }
}

Console.WriteLine();
Console.WriteLine("(2) H(X), same columns (no p-value)");
Console.WriteLine("K | p(x) | n | H nats | plug-in cover | grassberger bias | withheld | cover (given) | width");
foreach (int k in new[] { 2, 5, 15, 50 })
{
    foreach (bool skew in new[] { false, true })
    {
        foreach (int n in new[] { 100, 300, 1000 })
        {
            double[] px = Law(k, skew);
            double truth = -px.Where(p => p > 0).Sum(p => p * Math.Log(p));
            int coverBefore = 0, withheld = 0, coverAfter = 0;
            double bias = 0, width = 0;
            for (int t = 0; t < trials; t++)
            {
                var random = new Random((1_000_003 * t) + (7919 * n) + k);
                var (x, _) = Channel(random, px, 1, 1.0, n);
                coverBefore += Covers(WithUncertainty.Entropy(before, x, options with { Seed = t }), truth) ? 1 : 0;
                var corrected = WithUncertainty.Entropy(after, x, options with { Seed = t });
                bias += corrected.RawValue - truth;
                if (corrected.ConfidenceInterval is { } ci)
                {
                    coverAfter += Covers(corrected, truth) ? 1 : 0;
                    width += ci.High - ci.Low;
                }
                else
                {
                    withheld++;
                }
            }

            int given = trials - withheld;
            Console.WriteLine($"{k} | {(skew ? "skewed" : "uniform")} | {n} | {truth:F3} | {Share(coverBefore, trials)} | {bias / trials:+0.000;-0.000} | {Share(withheld, trials)} | {Share(coverAfter, given)} | {(given > 0 ? (width / given).ToString("F3") : "-")}");
        }
    }
}

Console.WriteLine();
Console.WriteLine("(3) I(X;Y|Z), Z uniform on 3 values, X uniform on K, Y = X with probability 1 - eps_z (eps_z = eps, 1, (1 + eps)/2 for z = 0, 1, 2), else uniform");
Console.WriteLine("K | n | eps | I nats | plug-in cover | grassberger bias | withheld | cover (given) | width");
foreach (int k in new[] { 2, 5, 15 })
{
    foreach (int n in new[] { 300, 1000, 5000 })
    {
        foreach (double eps in new[] { 1.0, 0.5, 0.1 })
        {
            double[] epsZ = [eps, 1.0, (1 + eps) / 2];
            double[] px = Law(k, false);
            double truth = epsZ.Average(e => ChannelInformation(px, k, e));
            int coverBefore = 0, withheld = 0, coverAfter = 0;
            double bias = 0, width = 0;
            for (int t = 0; t < trials; t++)
            {
                var random = new Random((1_000_003 * t) + (7919 * n) + k);
                int[] zs = new int[n], xs = new int[n], ys = new int[n];
                for (int r = 0; r < n; r++)
                {
                    zs[r] = random.Next(3);
                    xs[r] = random.Next(k);
                    ys[r] = random.NextDouble() < epsZ[zs[r]] ? random.Next(k) : xs[r];
                }

                var (x, y, z) = (Variable.Discrete<int>("x", xs), Variable.Discrete<int>("y", ys), Variable.Discrete<int>("z", zs));
                coverBefore += Covers(WithUncertainty.ConditionalMutualInformation(before, x, y, z, options with { Seed = t }), truth) ? 1 : 0;
                var corrected = WithUncertainty.ConditionalMutualInformation(after, x, y, z, options with { Seed = t });
                bias += corrected.RawValue - truth;
                if (corrected.ConfidenceInterval is { } ci)
                {
                    coverAfter += Covers(corrected, truth) ? 1 : 0;
                    width += ci.High - ci.Low;
                }
                else
                {
                    withheld++;
                }
            }

            int given = trials - withheld;
            Console.WriteLine($"{k} | {n} | {eps} | {truth:F3} | {Share(coverBefore, trials)} | {bias / trials:+0.000;-0.000} | {Share(withheld, trials)} | {Share(coverAfter, given)} | {(given > 0 ? (width / given).ToString("F3") : "-")}");
        }
    }
}

static string Share(int count, int of) => of == 0 ? "-" : $"{100.0 * count / of:F1} %";

static bool Covers(Estimate estimate, double truth) =>
    estimate.ConfidenceInterval is { } ci && truth >= ci.Low - 1e-12 && truth <= ci.High + 1e-12;

static double[] Law(int k, bool skew)
{
    double[] p = new double[k];
    for (int i = 0; i < k; i++)
    {
        p[i] = skew ? 1.0 / ((i + 1.0) * (i + 1.0)) : 1.0;
    }

    double total = p.Sum();
    return [.. p.Select(v => v / total)];
}

// I(X;Y) of X ~ px and Y = X mod ky with probability 1 − eps, else uniform on ky values, from the joint.
static double ChannelInformation(double[] px, int ky, double eps)
{
    double[] py = new double[ky];
    var joint = new double[px.Length, ky];
    for (int i = 0; i < px.Length; i++)
    {
        for (int j = 0; j < ky; j++)
        {
            joint[i, j] = px[i] * ((eps / ky) + (j == i % ky ? 1 - eps : 0));
            py[j] += joint[i, j];
        }
    }

    double sum = 0;
    for (int i = 0; i < px.Length; i++)
    {
        for (int j = 0; j < ky; j++)
        {
            sum += joint[i, j] > 0 ? joint[i, j] * Math.Log(joint[i, j] / (px[i] * py[j])) : 0;
        }
    }

    return Math.Max(0, sum);
}

static (Variable X, Variable Y) Channel(Random random, double[] px, int ky, double eps, int n)
{
    int[] xs = new int[n], ys = new int[n];
    for (int r = 0; r < n; r++)
    {
        double u = random.NextDouble();
        int i = 0;
        while (i < px.Length - 1 && (u -= px[i]) > 0)
        {
            i++;
        }

        xs[r] = i;
        ys[r] = random.NextDouble() < eps ? random.Next(ky) : i % ky;
    }

    return (Variable.Discrete<int>("x", xs), Variable.Discrete<int>("y", ys));
}
