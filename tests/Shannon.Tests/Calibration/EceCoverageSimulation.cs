using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

/// <summary>
/// Models with a known top-label ECE, and the coverage of <c>calibration --ci</c>'s interval on samples from them: the
/// short run is <see cref="EceCoverageTests"/>, the long one bench/simulations/EceCoverage.cs. Each model reports
/// probabilities p = softmax(z) for logits z ~ N(0, s²) per class and draws the label from softmax(z·a): a = 1 is
/// perfectly calibrated (true ECE 0), a &lt; 1 over-confident, a &gt; 1 under-confident.
/// </summary>
/// <param name="Name">How the model is printed.</param>
/// <param name="Classes">C ≥ 2.</param>
/// <param name="Scale">s, the spread of the logits.</param>
/// <param name="Sharpness">a, the factor on the logits of the distribution the labels come from.</param>
public sealed record EceCoverageSimulation(string Name, int Classes, double Scale, double Sharpness)
{
    /// <summary>The bins of every ECE here: 15 equal-width, as Guo et al.</summary>
    public const int Bins = 15;

    /// <summary>The models of the simulation: binary and 10 classes, calibrated, over- and under-confident.</summary>
    public static IReadOnlyList<EceCoverageSimulation> All { get; } =
    [
        new("binary, calibrated", 2, 2.0, 1.0),
        new("binary, over-confident", 2, 2.0, 0.6),
        new("10 classes, calibrated", 10, 2.0, 1.0),
        new("10 classes, slightly over-confident", 10, 2.0, 0.9),
        new("10 classes, over-confident", 10, 2.0, 0.6),
        new("10 classes, under-confident", 10, 2.0, 1.4),
    ];

    /// <summary>
    /// The model's true ECE on the 15 bins: Σ_b |Σ_{i in b} (q_i − c_i)| / N over 5·10⁵ rows, with c_i the confidence
    /// and q_i the probability that row i's arg-max is its label (no label noise, so no upward bias).
    /// </summary>
    public double TrueEce()
    {
        const int Rows = 500_000;
        var random = new Random(12345);
        var gap = new double[Bins];
        var p = new double[Classes];
        var q = new double[Classes];
        for (int i = 0; i < Rows; i++)
        {
            Row(random, p, q);
            int top = ArgMax(p);
            int bin = Math.Clamp((int)Math.Ceiling(p[top] * Bins) - 1, 0, Bins - 1);
            gap[bin] += q[top] - p[top];
        }

        return gap.Sum(Math.Abs) / Rows;
    }

    /// <summary>n rows of probabilities (row-major) and their labels, drawn from the model with the given seed.</summary>
    public (double[] Probabilities, int[] Labels) Sample(int n, int seed)
    {
        var random = new Random(seed);
        var probabilities = new double[n * Classes];
        var labels = new int[n];
        var q = new double[Classes];
        for (int i = 0; i < n; i++)
        {
            var p = probabilities.AsSpan(i * Classes, Classes);
            Row(random, p, q);
            double u = random.NextDouble();
            int label = 0;
            for (double cumulative = q[0]; cumulative < u && label < Classes - 1; cumulative += q[++label])
            {
            }

            labels[i] = label;
        }

        return (probabilities, labels);
    }

    /// <summary>How often the interval at <paramref name="level"/> covers the true ECE in <paramref name="trials"/> samples of n rows, its mean width, and whether every interval held its ECE.</summary>
    public (double Coverage, double MeanWidth, bool HoldsEstimate) Coverage(double truth, int n, int trials, double level = 0.95, int replicates = 200)
    {
        int covered = 0;
        double width = 0;
        bool holds = true;
        for (int trial = 0; trial < trials; trial++)
        {
            var (p, labels) = Sample(n, seed: (n * 7919) + trial);
            var report = CalibrationReport.FromProbabilities(p, Classes, labels, new CalibrationOptions { IntervalReplicates = replicates, ConfidenceLevel = level, Seed = trial });
            var ci = report.EceInterval!.Value;
            covered += ci.Low <= truth && truth <= ci.High ? 1 : 0;
            width += ci.High - ci.Low;
            holds &= ci.Low <= report.Ece && report.Ece <= ci.High;
        }

        return ((double)covered / trials, width / trials, holds);
    }

    private void Row(Random random, Span<double> p, Span<double> q)
    {
        for (int k = 0; k < Classes; k++)
        {
            p[k] = Scale * Normal(random);
            q[k] = Sharpness * p[k];
        }

        SoftMax(p);
        SoftMax(q);
    }

    private static void SoftMax(Span<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        for (int k = 0; k < z.Length; k++)
        {
            z[k] = Math.Exp(z[k] - max);
            sum += z[k];
        }

        for (int k = 0; k < z.Length; k++)
        {
            z[k] /= sum;
        }
    }

    private static int ArgMax(ReadOnlySpan<double> p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++)
        {
            best = p[k] > p[best] ? k : best;
        }

        return best;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
