using CsCheck;
using Shannon.Bottleneck;

namespace Shannon.Tests.Bottleneck;

public class InformationBottleneckTests
{
    /// <summary>A 4 × 3 joint with four distinct conditionals p(y|x), so no x can be merged for free.</summary>
    internal static readonly double[] Joint =
    [
        0.20, 0.04, 0.01,
        0.05, 0.15, 0.05,
        0.02, 0.08, 0.15,
        0.10, 0.05, 0.10,
    ];

    [Fact]
    public void Large_beta_with_enough_clusters_keeps_all_relevant_information()
    {
        double ixy = ExactInformation(Joint, 4, 3);
        var solution = InformationBottleneck.Anneal(Joint, 4, 3, Geometric(0.5, 2000, 40), clusters: 4).Last();
        Assert.Equal(ixy, solution.RelevantInformation, 6);
        Assert.True(solution.Converged);
    }

    [Fact]
    public void Below_the_first_transition_both_informations_are_exactly_zero_not_rounding()
    {
        // Before: the sweep printed I(X;T) = 5.86E-17 and I(T;Y) = 1.19E-16 where the encoder had collapsed (every
        // p(t|x) = p(t)); what the kernel's rounding leaves below 8ε is 0. β = 2.5 is below 1/(1 − 2·0.2)² ≈ 2.78 here.
        double[] symmetric = [0.4, 0.1, 0.1, 0.4];
        var curve = InformationBottleneck.Anneal(symmetric, 2, 2, [0.01, 0.04, 0.16, 0.63, 2.5], clusters: 2);
        Assert.All(curve, s => Assert.Equal(0.0, s.CompressionInformation));
        Assert.All(curve, s => Assert.Equal(0.0, s.RelevantInformation));
        var above = InformationBottleneck.Anneal(symmetric, 2, 2, [10.0], clusters: 2)[0];
        Assert.True(above.RelevantInformation > 0.19, $"I(T;Y) = {above.RelevantInformation} at β = 10");
    }

    [Fact]
    public void Small_beta_forgets_x()
    {
        var solution = InformationBottleneck.Iterative(Joint, 4, 3, beta: 0.01, clusters: 3, seed: 5);
        Assert.True(solution.CompressionInformation < 1e-8);
        Assert.True(solution.RelevantInformation < 1e-8);
    }

    [Fact]
    public void Curve_is_monotone_and_concave()
    {
        var curve = InformationBottleneck.Anneal(Joint, 4, 3, Geometric(0.5, 200, 60), clusters: 4, seed: 3);
        for (int i = 1; i < curve.Length; i++)
        {
            Assert.True(curve[i].CompressionInformation >= curve[i - 1].CompressionInformation - 1e-7, $"I(X;T) decreases at {i}");
            Assert.True(curve[i].RelevantInformation >= curve[i - 1].RelevantInformation - 1e-7, $"I(T;Y) decreases at {i}");
        }

        // Concave: chord slopes dI(T;Y)/dI(X;T) fall along the curve (between points that moved by more than 1e-4).
        var points = curve.Select(s => (s.CompressionInformation, s.RelevantInformation)).ToList();
        var distinct = new List<(double X, double Y)> { points[0] };
        foreach (var p in points.Skip(1).Where(p => p.CompressionInformation > 0))
        {
            if (p.CompressionInformation - distinct[^1].X > 1e-4)
            {
                distinct.Add(p);
            }
        }

        Assert.True(distinct.Count > 5);
        for (int i = 2; i < distinct.Count; i++)
        {
            double before = (distinct[i - 1].Y - distinct[i - 2].Y) / (distinct[i - 1].X - distinct[i - 2].X);
            double after = (distinct[i].Y - distinct[i - 1].Y) / (distinct[i].X - distinct[i - 1].X);
            Assert.True(after <= before + 1e-3, $"slope rises at {i}: {before} then {after}");
        }

        Assert.All(curve, s => Assert.True(s.RelevantInformation <= s.CompressionInformation + 1e-12));
    }

    [Fact]
    public void Encoder_decoder_and_informations_are_consistent() =>
        Gen.Double[0.0, 20.0].Select(Gen.Int[1, 6], Gen.Int[0, 1000]).Sample((beta, clusters, seed) =>
        {
            var s = InformationBottleneck.Iterative(Joint, 4, 3, beta, clusters, seed);
            bool rows = Enumerable.Range(0, 4).All(x => Math.Abs(s.Encoder.Skip(x * clusters).Take(clusters).Sum() - 1) < 1e-12);
            bool marginal = Math.Abs(s.ClusterMarginal.Sum() - 1) < 1e-12;
            return rows && marginal && s.Encoder.Length == 4 * clusters && s.Decoder.Length == clusters * 3
                && s.RelevantInformation <= s.CompressionInformation + 1e-12
                && s.RelevantInformation <= ExactInformation(Joint, 4, 3) + 1e-12
                && s.CompressionInformation <= s.ClusterEntropy + 1e-12;
        }, iter: 40);

    [Fact]
    public void Seeded_runs_are_reproducible_and_seeds_matter()
    {
        var a = InformationBottleneck.Iterative(Joint, 4, 3, 3.0, 3, seed: 11);
        var b = InformationBottleneck.Iterative(Joint, 4, 3, 3.0, 3, seed: 11);
        Assert.Equal(a.Encoder, b.Encoder);
        var c = InformationBottleneck.Iterative(Joint, 4, 3, 3.0, 3, seed: 12, maxIterations: 1);
        var d = InformationBottleneck.Iterative(Joint, 4, 3, 3.0, 3, seed: 11, maxIterations: 1);
        Assert.NotEqual(c.Encoder, d.Encoder);
        Assert.False(d.Converged);
    }

    /// <summary>
    /// Iris: X = round(2 × petal length in cm) (12 values), Y = species; counts of the 150 flowers. From one random start
    /// (seed 0) the IB with |T| = 2 at β = 5 stops at I(T;Y) = 0.456 nats, where other starts and a sweep reach 0.637.
    /// </summary>
    private static readonly double[] IrisPetals = [.. new double[]
    {
        0, 6, 17, 0, 0, 16, 0, 0, 10, 0, 0, 5, 0, 0, 1, 4, 0, 0, 44, 0, 0, 2, 0, 0, 0, 1, 0, 0, 6, 0, 0, 16, 0, 0, 21, 1,
    }.Select(c => c / 150)];

    private static double Lagrangian(BottleneckSolution s) => s.CompressionInformation - (s.Beta * s.RelevantInformation);

    [Fact]
    public void One_random_start_can_stop_at_a_poor_fixed_point_that_the_default_restarts_avoid()
    {
        var single = InformationBottleneck.Iterative(IrisPetals, 12, 3, beta: 5, clusters: 2, seed: 0, restarts: 1);
        Assert.Equal(0.456, single.RelevantInformation, 3);
        Assert.True(single.Converged); // a fixed point, only a poor one
        var best = InformationBottleneck.Iterative(IrisPetals, 12, 3, beta: 5, clusters: 2, seed: 0);
        Assert.Equal(InformationBottleneck.DefaultRestarts, best.Restarts);
        Assert.Equal(1, single.Restarts);
        Assert.True(best.Converged);
        Assert.True(best.RelevantInformation > 0.63, $"{best.RelevantInformation}");
        Assert.True(Lagrangian(best) < Lagrangian(single) - 0.1);
        var swept = InformationBottleneck.Anneal(IrisPetals, 12, 3, [.. Geometric(0.1, 5, 50)], clusters: 2).Last();
        Assert.True(Lagrangian(best) <= Lagrangian(swept) + 1e-6, $"{Lagrangian(best)} vs sweep {Lagrangian(swept)}");
    }

    [Fact]
    public void Restarts_never_do_worse_than_the_seed_alone_by_the_lagrangian() =>
        Gen.Double[0.5, 50.0].Select(Gen.Int[1, 4], Gen.Int[0, 1000]).Sample((beta, clusters, seed) =>
        {
            var one = InformationBottleneck.Iterative(IrisPetals, 12, 3, beta, clusters, seed, restarts: 1);
            var many = InformationBottleneck.Iterative(IrisPetals, 12, 3, beta, clusters, seed, restarts: 4);
            return Lagrangian(many) <= Lagrangian(one) + 1e-12 && many.Restarts == 4;
        }, iter: 25);

    [Fact]
    public void Restarts_below_one_are_refused() =>
        Assert.Equal("restarts", Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Iterative(Joint, 4, 3, 1, 2, restarts: 0)).ParamName);

    [Fact]
    public void Units_convert_once()
    {
        var nats = InformationBottleneck.Iterative(Joint, 4, 3, 5.0, 2, seed: 1);
        var bits = InformationBottleneck.Iterative(Joint, 4, 3, 5.0, 2, seed: 1, logBase: LogBase.Bits);
        Assert.Equal(nats.RelevantInformation / Math.Log(2), bits.RelevantInformation, 14);
        Assert.Equal(LogBase.Bits, bits.Unit);
    }

    [Fact]
    public void Bad_input_names_parameter()
    {
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => InformationBottleneck.Iterative([0.5, 0.4], 1, 2, 1, 2)).ParamName);
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => InformationBottleneck.Iterative([0.5, 0.5], 2, 2, 1, 2)).ParamName);
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Iterative([0.5, 0.5], 1, 2, 1, 0)).ParamName);
        // Review 5: |T| × |Y| = 2 × int.MaxValue wrapped to −2 and |X| × |T| = 2^31 to a negative length
        // (OutOfMemoryException, "Array dimensions exceeded supported range").
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Iterative([0.25, 0.25, 0.25, 0.25], 2, 2, 1, int.MaxValue)).ParamName);
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Iterative([0.5, 0.5], 2, 1, 1, 1 << 30)).ParamName);
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicBottleneck.Solve([0.25, 0.25, 0.25, 0.25], 2, 2, 1, int.MaxValue)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Iterative([0.5, 0.5], 1, 2, double.PositiveInfinity, 2)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => InformationBottleneck.Iterative([0.5, 0.5], 1, 2, 1, 2, tolerance: -1)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => InformationBottleneck.Anneal([0.5, 0.5], 1, 2, [1, 3, 2], 2));
        Assert.Equal("betas", ex.ParamName);
        Assert.Contains("decreases at index 2", ex.Message);
    }

    [Fact]
    public void Problems_wider_than_one_block_find_the_sufficient_clusters_reproducibly()
    {
        // 600 × 40 joint, |T| = 3: x is normalised in 3 blocks of ≤ 256. p(y|x) is one of
        // three distributions (x mod 3), so three clusters are a sufficient statistic: at large β, I(T;Y) = I(X;Y) and
        // I(X;T) = H(x mod 3) under p(x); two runs with one seed agree exactly.
        const int xCount = 600, yCount = 40;
        var joint = new double[xCount * yCount];
        for (int x = 0; x < xCount; x++)
        {
            for (int y = 0; y < yCount; y++)
            {
                joint[(x * yCount) + y] = 1.0 + (y % 3 == x % 3 ? 5.0 : 0.0) + (y < 13 * (x % 3) ? 2.0 : 0.0);
            }
        }

        double total = joint.Sum();
        for (int i = 0; i < joint.Length; i++)
        {
            joint[i] /= total;
        }

        var first = InformationBottleneck.Anneal(joint, xCount, yCount, Geometric(0.5, 500, 25), clusters: 3, seed: 2);
        var second = InformationBottleneck.Anneal(joint, xCount, yCount, Geometric(0.5, 500, 25), clusters: 3, seed: 2);
        Assert.Equal(first.Select(s => s.Encoder), second.Select(s => s.Encoder));
        Assert.Equal(ExactInformation(joint, xCount, yCount), first[^1].RelevantInformation, 9);
        double[] groups = Enumerable.Range(0, 3).Select(g => Enumerable.Range(0, xCount).Where(x => x % 3 == g).Sum(x => joint.Skip(x * yCount).Take(yCount).Sum())).ToArray();
        Assert.Equal(-groups.Sum(p => p * Math.Log(p)), first[^1].CompressionInformation, 6);
    }

    [Fact]
    public void Anneal_reports_each_beta_solved_in_order_and_the_same_curve_as_without_progress()
    {
        var seen = new List<int>();
        double[] betas = Geometric(0.5, 200, 12);
        var withProgress = InformationBottleneck.Anneal(Joint, 4, 3, betas, clusters: 4, seed: 3, progress: new Recorder(seen));
        var without = InformationBottleneck.Anneal(Joint, 4, 3, betas, clusters: 4, seed: 3);
        Assert.Equal(Enumerable.Range(1, 12), seen);
        Assert.Equal(without.Select(s => s.Encoder), withProgress.Select(s => s.Encoder));
    }

    internal static double[] Geometric(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => from * Math.Pow(to / from, i / (double)(count - 1))).ToArray();

    internal static double ExactInformation(double[] joint, int rows, int columns)
    {
        var px = Enumerable.Range(0, rows).Select(i => joint.Skip(i * columns).Take(columns).Sum()).ToArray();
        var py = Enumerable.Range(0, columns).Select(j => Enumerable.Range(0, rows).Sum(i => joint[(i * columns) + j])).ToArray();
        double sum = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double p = joint[(i * columns) + j];
                sum += p > 0 ? p * Math.Log(p / (px[i] * py[j])) : 0;
            }
        }

        return sum;
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to a thread pool).</summary>
    private sealed class Recorder(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
