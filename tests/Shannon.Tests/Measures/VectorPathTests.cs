using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

/// <summary>
/// The fused vector pass (four terms at a time, a table-driven log, blocks re-summed exactly when a lane needs the
/// conventions) against a plain per-element sum with Math.Log, on long inputs full of the awkward values: zeros,
/// subnormals, entries near 2⁻¹⁰²², ratios that overflow.
/// </summary>
public class VectorPathTests
{
    private static readonly double[] Awkward = [0.0, 0.0, 5e-324, 1e-310, 2.2250738585072014e-308, 3e-308, 1e-300, 1e-200];

    /// <summary>A distribution of <paramref name="n"/> outcomes where about one entry in five is an awkward value.</summary>
    private static Gen<double[]> Rough(int n) =>
        Gen.Select(Gen.Double[0.0, 1.0].Array[n], Gen.Int[0, 4 * Awkward.Length].Array[n])
            .Select((w, pick) =>
            {
                double total = w.Where((_, i) => pick[i] >= Awkward.Length).Sum();
                return w.Select((x, i) => pick[i] < Awkward.Length ? Awkward[pick[i]] : x / total).ToArray();
            })
            .Where(p => Math.Abs(p.Sum() - 1.0) < 1e-12);

    private static readonly Gen<int> Length = Gen.Int[4, 3000];

    private static double Sum(IEnumerable<double> terms) => terms.Aggregate(0.0, (total, t) => total + t);

    private static double LogRatio(double x, double y)
    {
        double ratio = x / y;
        return ratio is >= 2.2250738585072014e-308 and <= double.MaxValue ? Math.Log(ratio) : Math.Log(x) - Math.Log(y);
    }

    /// <summary>H(p, q) and KL(p‖q) against per-element sums over the entries where p &gt; 0 (no qᵢ = 0 among them).</summary>
    private static void AssertMatchesPerElementSums(double[] p, double[] q)
    {
        var live = Enumerable.Range(0, p.Length).Where(i => p[i] > 0).ToArray();
        double crossEntropy = Sum(live.Select(i => -p[i] * Math.Log(q[i])));
        double scale = Sum(live.Select(i => Math.Abs(p[i] * LogRatio(p[i], q[i]))));
        double divergence = Sum(live.Select(i => p[i] * LogRatio(p[i], q[i])));
        Assert.Equal(crossEntropy, CrossEntropy.Of(p, q), crossEntropy * 1e-13);
        Assert.Equal(divergence, Divergence.KullbackLeibler(p, q), scale * 1e-13);
    }

    [Fact]
    public void Entropy_matches_the_per_element_sum() =>
        Length.SelectMany(Rough).Sample(p =>
        {
            double expected = Sum(p.Where(x => x > 0).Select(x => -x * Math.Log(x)));
            Assert.Equal(expected, Entropy.Of(p), expected * 1e-13);
        });

    [Fact]
    public void Cross_entropy_and_divergence_match_the_per_element_sums() =>
        Length.SelectMany(n => Gen.Select(Rough(n), Rough(n))).Sample((p, q) =>
        {
            if (Enumerable.Range(0, p.Length).Any(i => p[i] > 0 && q[i] == 0))
            {
                return; // +∞ for both: covered below
            }

            AssertMatchesPerElementSums(p, q);
        });

    [Fact]
    public void Shared_zeros_in_long_inputs_leave_cross_entropy_and_divergence_finite_and_exact() =>
        Gen.Int[1000, 5000].SelectMany(n => Gen.Select(Rough(n), Rough(n))).Sample((p, q) =>
        {
            // Move p's mass off q's zeros, so blocks have zero minima (and get scanned) without any infinite term.
            int largest = Array.IndexOf(p, p.Max());
            for (int i = 0; i < p.Length; i++)
            {
                if (q[i] == 0.0 && i != largest)
                {
                    p[largest] += p[i];
                    p[i] = 0.0;
                }
            }

            if (q[largest] == 0.0)
            {
                return;
            }

            AssertMatchesPerElementSums(p, q);
        }, iter: 200);

    [Fact]
    public void An_awkward_lane_inside_a_full_block_sends_the_block_to_the_exact_terms()
    {
        const int n = 4096;
        for (int at = 1021; at < 1029; at++)
        {
            double[] p = Enumerable.Repeat(1.0 / n, n).ToArray();
            double[] q = (double[])p.Clone();
            q[at] = 0.0;
            q[0] += 1.0 / n;
            Assert.Equal(double.PositiveInfinity, Divergence.KullbackLeibler(p, q));
            Assert.Equal(double.PositiveInfinity, CrossEntropy.Of(p, q));

            // A subnormal crumb in p (mass moved from its neighbour) carries its own exact term.
            p[at] = 1e-310;
            p[at + 1] = (2.0 / n) - 1e-310;
            double expected = Sum(p.Select(x => -x * Math.Log(x)));
            Assert.Equal(expected, Entropy.Of(p), expected * 1e-13);
        }
    }

    [Fact]
    public void A_zero_q_under_a_positive_p_is_infinite_anywhere_in_a_long_input()
    {
        for (int at = 0; at < 37; at++)
        {
            double[] p = Enumerable.Repeat(1.0 / 37, 37).ToArray();
            double[] q = Enumerable.Repeat(1.0 / 36, 37).ToArray();
            q[at] = 0.0;
            Assert.Equal(double.PositiveInfinity, Divergence.KullbackLeibler(p, q));
            Assert.Equal(double.PositiveInfinity, CrossEntropy.Of(p, q));
        }
    }

    [Fact]
    public void Subnormal_entries_keep_their_exact_terms_in_a_vector()
    {
        // A point mass with four subnormal crumbs: every bit of H and H(p, p) is in the crumbs, −1e-310·ln(1e-310) each.
        double[] p = [1.0, 1e-310, 1e-310, 1e-310, 1e-310, 0.0, 0.0, 0.0];
        double crumbs = 4 * -1e-310 * Math.Log(1e-310);
        Assert.Equal(crumbs, Entropy.Of(p), crumbs * 1e-14);
        Assert.Equal(crumbs, CrossEntropy.Of(p, p), crumbs * 1e-14);

        // p/q overflows: the term is taken as ln p − ln q instead.
        double[] half = [0.5, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        double[] q = [1e-310, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        double expected = (0.5 * (Math.Log(0.5) - Math.Log(1e-310))) + (0.5 * Math.Log(0.5));
        Assert.Equal(expected, Divergence.KullbackLeibler(half, q), expected * 1e-14);

        // One row of four cells: H(Y|X) and VI are carried entirely by the two subnormal cells.
        double[] row = [1.0, 1e-310, 1e-310, 0.0];
        double tail = 2 * -1e-310 * Math.Log(1e-310);
        Assert.Equal(tail, MutualInformation.ConditionalEntropy(row, [1, 4]), tail * 1e-14);
        Assert.Equal(tail, MutualInformation.VariationOfInformation(row, [1, 4]), tail * 1e-14);
    }

    [Fact]
    public void Two_dimensional_measures_match_the_per_cell_sums() =>
        Gen.Select(Gen.Int[1, 40], Gen.Int[4, 40]).SelectMany((rows, columns) => Rough(rows * columns).Select(p => (rows, columns, p)))
            .Sample((rows, columns, p) =>
            {
                int[] shape = [rows, columns];
                double[] px = Enumerable.Range(0, rows).Select(x => p.Skip(x * columns).Take(columns).Sum()).ToArray();
                double[] py = Enumerable.Range(0, columns).Select(y => Enumerable.Range(0, rows).Sum(x => p[(x * columns) + y])).ToArray();
                var cells = Enumerable.Range(0, p.Length).Where(i => p[i] > 0).ToArray();
                double Px(int i) => px[i / columns];
                double Py(int i) => py[i % columns];
                double mutual = Sum(cells.Select(i => p[i] * LogRatio(p[i] / Px(i), Py(i))));
                double scale = Sum(cells.Select(i => Math.Abs(p[i] * LogRatio(p[i] / Px(i), Py(i)))));
                double conditional = Sum(cells.Select(i => -p[i] * LogRatio(p[i], Px(i))));
                double variation = Sum(cells.Select(i => -p[i] * (LogRatio(p[i], Px(i)) + LogRatio(p[i], Py(i)))));
                // I(X;Y) = 0 tables (one row) leave rounding noise of order ε·Σp in any per-cell sum.
                Assert.Equal(Math.Max(0.0, mutual), MutualInformation.Of(p, shape), (scale * 1e-13) + 1e-15);
                Assert.Equal(Math.Max(0.0, conditional), MutualInformation.ConditionalEntropy(p, shape), (conditional * 1e-13) + 1e-300);
                Assert.Equal(Math.Max(0.0, variation), MutualInformation.VariationOfInformation(p, shape), (variation * 1e-13) + 1e-300);
            });
}
