using Shannon.Measures;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Forward vs reverse KL on the lessons' bimodal target (003 §4.5), and the lessons' statements about KL's direction.</summary>
internal static class KlDirectionSection
{
    /// <summary>The grid x = 0 … 10 (200 points) the lesson discretises on.</summary>
    public static double[] Grid { get; } = Enumerable.Range(0, 200).Select(i => 10.0 * i / 199).ToArray();

    /// <summary>The lesson's candidate means μ = 0.5 … 9.5 (100 points).</summary>
    public static double[] Means { get; } = Enumerable.Range(0, 100).Select(i => 0.5 + (9.0 * i / 99)).ToArray();

    /// <summary>P: equal mixture of unit Gaussians at 2 and 8, normalised on the grid.</summary>
    public static double[] Bimodal() => Normalized(Grid.Select(x => (0.5 * Math.Exp(-0.5 * (x - 2) * (x - 2))) + (0.5 * Math.Exp(-0.5 * (x - 8) * (x - 8)))));

    /// <summary>Q_μ: a unit Gaussian at μ, normalised on the grid.</summary>
    public static double[] Gaussian(double mu) => Normalized(Grid.Select(x => Math.Exp(-0.5 * (x - mu) * (x - mu))));

    public static TourSection Build(int number)
    {
        double[] p = Bimodal();
        double[] forward = Means.Select(mu => Divergence.KullbackLeibler(p, Gaussian(mu))).ToArray();
        double[] reverse = Means.Select(mu => Divergence.KullbackLeibler(Gaussian(mu), p)).ToArray();
        // First index within rounding of the minimum: the reverse KL's two modes tie up to the last bits, as in numpy's argmin.
        int forwardBest = Array.FindIndex(forward, v => v <= forward.Min() * (1 + 1e-9));
        int reverseBest = Array.FindIndex(reverse, v => v <= reverse.Min() * (1 + 1e-9));
        return new TourSection(number, "Forward vs reverse KL: mean-seeking and mode-seeking (lesson 003 §4.5, 001, 004)",
        [
            new("argmin_μ KL(P‖Q_μ), P bimodal at 2 and 8 (forward)", Means[forwardBest], string.Empty, 2, "003.kl.forward.mu", "kl.bimodal.forward.mu"),
            new("  its minimum", forward[forwardBest], "nats", 4, null, "kl.bimodal.forward.min"),
            new("argmin_μ KL(Q_μ‖P) (reverse)", Means[reverseBest], string.Empty, 2, "003.kl.reverse.mu", "kl.bimodal.reverse.mu"),
            new("  its minimum", reverse[reverseBest], "nats", 4, null, "kl.bimodal.reverse.min"),
        ],
        ["003.vae.direction", "001.vae.direction"],
        ["Forward KL(P‖Q) punishes Q for missing P's mass, so one Gaussian sits between the modes; reverse KL(Q‖P) punishes Q's mass where P has none, so it locks onto a mode (`shannon plot forward-reverse-kl`)."]);
    }

    private static double[] Normalized(IEnumerable<double> weights)
    {
        double[] w = weights.ToArray();
        var p = new double[w.Length];
        Distributions.Normalize(w, p);
        return p;
    }
}
