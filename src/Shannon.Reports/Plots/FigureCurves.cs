using Shannon.Estimators.Continuous;
using Shannon.Losses;
using Shannon.Measures;
using Shannon.Reports.Tour;

namespace Shannon.Reports.Plots;

/// <summary>The numbers behind each figure, computed by the library (the plots only draw them).</summary>
internal static class FigureCurves
{
    /// <summary><paramref name="count"/> evenly spaced points from <paramref name="start"/> to <paramref name="stop"/> inclusive.</summary>
    public static double[] Grid(double start, double stop, int count) =>
        Enumerable.Range(0, count).Select(i => start + ((stop - start) * i / (count - 1))).ToArray();

    /// <summary>H(p, 1 − p) in bits for each p.</summary>
    public static double[] BinaryEntropy(IReadOnlyList<double> p) =>
        p.Select(x => Entropy.Of([x, 1.0 - x], LogBase.Bits)).ToArray();

    /// <summary>KL(P‖Q) and KL(Q‖P) in nats for P = <paramref name="p"/> and each Q = (q, 1 − q).</summary>
    public static (double[] Forward, double[] Reverse) KlAsymmetry(double[] p, IReadOnlyList<double> q) =>
        (q.Select(x => Divergence.KullbackLeibler(p, [x, 1.0 - x])).ToArray(), q.Select(x => Divergence.KullbackLeibler([x, 1.0 - x], p)).ToArray());

    /// <summary>KL(P‖Q_μ) and KL(Q_μ‖P) in nats on the tour's grid, for each of the tour's means μ (lesson 003 §4.5).</summary>
    public static (double[] Forward, double[] Reverse) ForwardReverse()
    {
        double[] p = Tour.Sections.KlDirectionSection.Bimodal();
        double[] means = Tour.Sections.KlDirectionSection.Means;
        return (means.Select(mu => Divergence.KullbackLeibler(p, Tour.Sections.KlDirectionSection.Gaussian(mu))).ToArray(),
                means.Select(mu => Divergence.KullbackLeibler(Tour.Sections.KlDirectionSection.Gaussian(mu), p)).ToArray());
    }

    /// <summary>H(softmax(<paramref name="logits"/> / T)) in nats for each temperature T.</summary>
    public static double[] TemperatureEntropy(double[] logits, IReadOnlyList<double> temperatures) =>
        temperatures.Select(t => Softmax.Entropy(logits, t)).ToArray();

    /// <summary>
    /// For each ρ, estimates of I(X;Y) in bits from <paramref name="samples"/> pairs X = Z₁, Y = ρZ₁ + √(1 − ρ²)Z₂
    /// drawn with numpy's seed-0 stream: KSG (k = 3), plug-in on <paramref name="bins"/> equal-frequency bins, and the
    /// Gaussian estimate −½ log(1 − ρ̂²) from the sample correlation.
    /// </summary>
    public static (double[] Ksg, double[] Binned, double[] Gaussian) MutualInformationVersusCorrelation(IReadOnlyList<double> rho, int samples, int bins)
    {
        var random = new NumpyLegacyRandom(0);
        double[] z1 = random.Normals(samples);
        double[] z2 = random.Normals(samples);
        var ksg = new double[rho.Count];
        var binned = new double[rho.Count];
        var gaussian = new double[rho.Count];
        var binning = new Binning(BinRule.EqualFrequency, bins);
        for (int i = 0; i < rho.Count; i++)
        {
            double r = rho[i];
            double[] y = z1.Zip(z2, (a, b) => (r * a) + (Math.Sqrt(1 - (r * r)) * b)).ToArray();
            ksg[i] = new Ksg().MutualInformation(z1, y, LogBase.Bits).Value;
            binned[i] = binning.MutualInformation(z1, y, LogBase.Bits).Value;
            gaussian[i] = new Gaussian().MutualInformation(z1, y, LogBase.Bits).Value;
        }

        return (ksg, binned, gaussian);
    }
}
