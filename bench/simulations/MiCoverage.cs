#:project ../../tests/Shannon.Tests/Shannon.Tests.csproj
// The long simulation behind the discrete intervals (the short one is a test: CoverageTests). Run from the repository root:
//     dotnet run -c Release bench/simulations/MiCoverage.cs [trials] [replicates] [sections, e.g. 4 or 12345 (all, the default)]
// and record its output in HalfSampling's and Automatic's remarks. For a noisy channel on K symbols (X with a uniform or
// a skewed law p(x) ∝ 1/(x + 1)², Y = X mod Ky with probability 1 − ε, else uniform on Ky values) the true I(X;Y) is
// computed exactly from the joint; each row gives, over seeded trials, the coverage and mean width of the plug-in's 95 %
// interval (--estimator plugin: the bias-aware interval of WithUncertainty, among the trials where it is given) and of
// Grassberger's (the automatic rule), the share of trials whose interval is withheld as too sparse
// (HalfSampling.TooSparse, the same for both), the coverage among the rest, and the mean width. Rows with
// ε = 1 (independence) add the share of trials whose interval holds 0 and the share with a permutation p > 0.05.
// Then the same for H(X) and for I(X;Y|Z) with a discrete Z, and (4) for heavy-tailed labels: X on Zipf's law
// p(x) ∝ 1/(x + 1) over K = 100 or 1000 labels, I(X;Y) through the same channel and H(X). (5) is why the half-samples'
// bias estimate (HalfSampling.Bias) is not used for the continuous default: KSG on bivariate Gaussians, its interval
// θ̂ ± z·se beside the bias-aware one from the same half-samples, coverage and mean width of both.
using System.Globalization;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Tests.Estimators;
using Shannon.Tests.Estimators.Uncertainty;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
int trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
int replicates = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : EstimatorDefaults.IntervalReplicates;
string sections = args.Length > 2 ? args[2] : "12345";
var before = new Automatic(Discrete: new PlugIn());
var after = new Automatic();
var options = new UncertaintyOptions { Level = 0.95, Replicates = replicates };

if (sections.Contains('1', StringComparison.Ordinal))
{
    Console.WriteLine($"(1) I(X;Y), {trials} trials per row, {replicates} half-samples, nominal 95 %");
    Console.WriteLine("Kx | Ky | p(x) | n | eps | I nats | plug-in cover (given) | plug-in width | grassberger bias | withheld | cover (given) | width | 0 in CI | p > 0.05");
    (int Kx, int Ky, bool Skew)[] cases = [(2, 2, false), (5, 5, false), (15, 15, false), (15, 2, false), (2, 15, true), (5, 15, true), (15, 15, true)];
    foreach (var (kx, ky, skew) in cases)
    {
        foreach (int n in new[] { 100, 300, 1000, 5000 })
        {
            foreach (double eps in new[] { 1.0, 0.5, 0.2, 0.05 })
            {
                double[] px = NoisyChannel.Law(kx, skew);
                double truth = NoisyChannel.Information(px, ky, eps);
                var tally = new Tally(truth, trials);
                int zeroIn = 0, quiet = 0;
                for (int t = 0; t < trials; t++)
                {
                    var random = new Random((1_000_003 * t) + (7919 * n) + (31 * kx) + ky);
                    var (x, y) = NoisyChannel.Sample(random, px, ky, eps, n);
                    var corrected = WithUncertainty.MutualInformation(after, x, y, options with { Seed = t, Permutations = eps == 1.0 ? 99 : 0 });
                    tally.Add(WithUncertainty.MutualInformation(before, x, y, options with { Seed = t }), corrected);
                    zeroIn += corrected.ConfidenceInterval?.Low <= 0 ? 1 : 0;
                    quiet += corrected.PValue > 0.05 ? 1 : 0;
                }

                string independence = eps == 1.0 ? $"{Tally.Share(zeroIn, tally.Given)} | {Tally.Share(quiet, trials)}" : "- | -";
                Console.WriteLine($"{kx} | {ky} | {(skew ? "skewed" : "uniform")} | {n} | {eps} | {tally} | {independence}");
            }
        }
    }
}

if (sections.Contains('2', StringComparison.Ordinal))
{
    Console.WriteLine();
    Console.WriteLine("(2) H(X), same columns (no p-value)");
    Console.WriteLine("K | p(x) | n | H nats | plug-in cover (given) | plug-in width | grassberger bias | withheld | cover (given) | width");
    foreach (int k in new[] { 2, 5, 15, 50 })
    {
        foreach (bool skew in new[] { false, true })
        {
            foreach (int n in new[] { 100, 300, 1000 })
            {
                double[] px = NoisyChannel.Law(k, skew);
                double truth = -px.Where(p => p > 0).Sum(p => p * Math.Log(p));
                var tally = new Tally(truth, trials);
                for (int t = 0; t < trials; t++)
                {
                    var random = new Random((1_000_003 * t) + (7919 * n) + k);
                    var (x, _) = NoisyChannel.Sample(random, px, 1, 1.0, n);
                    tally.Add(WithUncertainty.Entropy(before, x, options with { Seed = t }), WithUncertainty.Entropy(after, x, options with { Seed = t }));
                }

                Console.WriteLine($"{k} | {(skew ? "skewed" : "uniform")} | {n} | {tally}");
            }
        }
    }
}

if (sections.Contains('3', StringComparison.Ordinal))
{
    Console.WriteLine();
    Console.WriteLine("(3) I(X;Y|Z), Z uniform on 3 values, X uniform on K, Y = X with probability 1 - eps_z (eps_z = eps, 1, (1 + eps)/2 for z = 0, 1, 2), else uniform");
    Console.WriteLine("K | n | eps | I nats | plug-in cover (given) | plug-in width | grassberger bias | withheld | cover (given) | width");
    foreach (int k in new[] { 2, 5, 15 })
    {
        foreach (int n in new[] { 300, 1000, 5000 })
        {
            foreach (double eps in new[] { 1.0, 0.5, 0.1 })
            {
                double[] epsZ = [eps, 1.0, (1 + eps) / 2];
                double[] px = NoisyChannel.Law(k, false);
                double truth = epsZ.Average(e => NoisyChannel.Information(px, k, e));
                var tally = new Tally(truth, trials);
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
                    tally.Add(
                        WithUncertainty.ConditionalMutualInformation(before, x, y, z, options with { Seed = t }),
                        WithUncertainty.ConditionalMutualInformation(after, x, y, z, options with { Seed = t }));
                }

                Console.WriteLine($"{k} | {n} | {eps} | {tally}");
            }
        }
    }
}

if (sections.Contains('4', StringComparison.Ordinal))
{
    Console.WriteLine();
    Console.WriteLine("(4) heavy tail: X on Zipf's law p(x) ∝ 1/(x + 1) over K labels, Y = X mod Ky with probability 1 - eps, else uniform; then H(X)");
    Console.WriteLine("K | Ky | n | eps | I nats | plug-in cover (given) | plug-in width | grassberger bias | withheld | cover (given) | width | 0 in CI | -");
    foreach (int k in new[] { 100, 1000 })
    {
        double[] px = NoisyChannel.Zipf(k);
        foreach (int ky in new[] { 2, 10 })
        {
            foreach (int n in new[] { 500, 5000, 20000 })
            {
                foreach (double eps in new[] { 1.0, 0.5, 0.2 })
                {
                    double truth = NoisyChannel.Information(px, ky, eps);
                    var tally = new Tally(truth, trials);
                    int zeroIn = 0;
                    for (int t = 0; t < trials; t++)
                    {
                        var random = new Random((1_000_003 * t) + (7919 * n) + (31 * k) + ky + 17);
                        var (x, y) = NoisyChannel.Sample(random, px, ky, eps, n);
                        var corrected = WithUncertainty.MutualInformation(after, x, y, options with { Seed = t });
                        tally.Add(WithUncertainty.MutualInformation(before, x, y, options with { Seed = t }), corrected);
                        zeroIn += corrected.ConfidenceInterval?.Low <= 0 ? 1 : 0;
                    }

                    Console.WriteLine($"{k} | {ky} | {n} | {eps} | {tally} | {(eps == 1.0 ? Tally.Share(zeroIn, tally.Given) : "-")} | -");
                }
            }
        }

        foreach (int n in new[] { 500, 5000, 20000 })
        {
            double truth = -px.Sum(p => p * Math.Log(p));
            var tally = new Tally(truth, trials);
            for (int t = 0; t < trials; t++)
            {
                var random = new Random((1_000_003 * t) + (7919 * n) + k + 17);
                var (x, _) = NoisyChannel.Sample(random, px, 1, 1.0, n);
                tally.Add(WithUncertainty.Entropy(before, x, options with { Seed = t }), WithUncertainty.Entropy(after, x, options with { Seed = t }));
            }

            Console.WriteLine($"{k} | H(X) | {n} | - | {tally} | - | -");
        }
    }
}

if (sections.Contains('5', StringComparison.Ordinal))
{
    // The same half-samples (same seed) give both intervals: WithUncertainty's (θ̂ ± z·se for a continuous pair) and
    // HalfSampling.Interval's with the bias estimate, which the automatic rule gives count-based estimates only.
    Console.WriteLine();
    Console.WriteLine("(5) KSG (the automatic rule on continuous pairs) on bivariate Gaussians: its interval (estimate ± z·se) against the same with the half-samples' bias estimate");
    Console.WriteLine("rho | n | I nats | KSG bias | plain cover | plain width | with bias estimate: cover | width");
    foreach (int n in new[] { 200, 500, 2000 })
    {
        foreach (double rho in new[] { 0.0, 0.3, 0.6, 0.9 })
        {
            double truth = -0.5 * Math.Log(1 - (rho * rho));
            int coverPlain = 0, cover = 0;
            double bias = 0, widthPlain = 0, width = 0;
            for (int t = 0; t < trials; t++)
            {
                var (xs, ys) = GaussianSamples.Correlated(n, rho, seed: 1000 + t);
                var (x, y) = (Variable.Continuous("x", xs), Variable.Continuous("y", ys));
                var plain = WithUncertainty.MutualInformation(after, x, y, options with { Seed = t });
                var aware = HalfSampling.Interval(after.MutualInformation(x, y), n, rows => after.MutualInformation(x.Subset(rows), y.Subset(rows)).RawValue, replicates, 0.95, t, estimateBias: true);
                var (plainCi, awareCi) = (plain.ConfidenceInterval!.Value, aware.ConfidenceInterval!.Value);
                bias += plain.RawValue - truth;
                coverPlain += plainCi.Low <= truth && truth <= plainCi.High ? 1 : 0;
                cover += awareCi.Low <= truth && truth <= awareCi.High ? 1 : 0;
                widthPlain += plainCi.High - plainCi.Low;
                width += awareCi.High - awareCi.Low;
            }

            Console.WriteLine($"{rho} | {n} | {truth:F3} | {(Math.Round(bias / trials, 3) + 0.0):+0.000;-0.000} | {Tally.Share(coverPlain, trials)} | {widthPlain / trials:F3} | {Tally.Share(cover, trials)} | {width / trials:F3}");
        }
    }
}

/// <summary>One row's counts over its trials: the plug-in's coverage and width among its given intervals, Grassberger's bias, withheld intervals, coverage among the rest and their mean width.</summary>
internal sealed class Tally(double truth, int trials)
{
    private int _coverBefore, _givenBefore, _withheld, _coverAfter;
    private double _bias, _width, _widthBefore;

    public int Given => trials - _withheld;

    public static string Share(int count, int of) => of == 0 ? "-" : $"{100.0 * count / of:F1} %";

    public void Add(Estimate plain, Estimate corrected)
    {
        if (plain.ConfidenceInterval is { } plainCi)
        {
            _givenBefore++;
            _coverBefore += Covers(plain) ? 1 : 0;
            _widthBefore += plainCi.High - plainCi.Low;
        }

        _bias += corrected.RawValue - truth;
        if (corrected.ConfidenceInterval is { } ci)
        {
            _coverAfter += Covers(corrected) ? 1 : 0;
            _width += ci.High - ci.Low;
        }
        else
        {
            _withheld++;
        }
    }

    /// <summary>The columns "truth | plug-in cover (given) | plug-in width | grassberger bias | withheld | cover (given) | width".</summary>
    public override string ToString() =>
        $"{truth:F3} | {Share(_coverBefore, _givenBefore)} | {(_givenBefore > 0 ? (_widthBefore / _givenBefore).ToString("F3") : "-")} | {(Math.Round(_bias / trials, 3) + 0.0):+0.000;-0.000} | {Share(_withheld, trials)} | {Share(_coverAfter, Given)} | {(Given > 0 ? (_width / Given).ToString("F3") : "-")}";

    private bool Covers(Estimate estimate) =>
        estimate.ConfidenceInterval is { } ci && truth >= ci.Low - 1e-12 && truth <= ci.High + 1e-12;
}
