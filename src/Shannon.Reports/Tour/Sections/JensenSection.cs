using Shannon.Measures;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Jensen's inequality on the lesson's own numpy draws, and the proof of KL ≥ 0 (lesson 003 §4.6).</summary>
internal static class JensenSection
{
    public static TourSection Build(int number)
    {
        double[] x = new NumpyLegacyRandom(0).Normals(10000);
        double mean = x.Average();
        double[] shifted = x.Select(v => Math.Abs(v) + 0.1).ToArray();
        double[] p = [0.1, 0.3, 0.4, 0.2], q = [0.2, 0.2, 0.3, 0.3];
        double kl = Divergence.KullbackLeibler(p, q);
        return new TourSection(number, "Jensen's inequality and KL ≥ 0 (lesson 003 §4.6, numpy seed 0 reproduced)",
        [
            new("f(E[X]) for f(x) = x², 10,000 N(0,1) draws", mean * mean, string.Empty, 4, "003.jensen.lhs", "jensen.lhs"),
            new("E[f(X)] ≥ f(E[X]) (x² is convex)", x.Average(v => v * v), string.Empty, 4, "003.jensen.rhs", "jensen.rhs"),
            new("log E[X] for X = |N(0,1)| + 0.1", Math.Log(shifted.Average()), string.Empty, 4, null, "jensen.log.lhs"),
            new("E[log X] ≤ log E[X] (log is concave)", shifted.Average(Math.Log), string.Empty, 4, null, "jensen.log.rhs"),
            new("E_P[log Q/P] = −KL(P‖Q), P = [0.1, 0.3, 0.4, 0.2]", -kl, "nats", 4, null, "jensen.kl.elogr"),
            new("KL(P‖Q), Q = [0.2, 0.2, 0.3, 0.3]: ≥ 0 because E_P[log Q/P] ≤ log Σ Q = 0", kl, "nats", 4, null, "jensen.kl"),
        ],
        [],
        ["Jensen: for concave log, E[log r] ≤ log E[r]; with r = Q/P under P, log E[r] = log Σ Q = 0, so −KL ≤ 0."]);
    }
}
