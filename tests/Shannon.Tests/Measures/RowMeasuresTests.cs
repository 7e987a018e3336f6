using CsCheck;
using Shannon.Measures;

namespace Shannon.Tests.Measures;

/// <summary>Entropy.OfRows, CrossEntropy.OfRows and Divergence.KullbackLeiblerRows: scipy.stats.entropy along axis 1.</summary>
public class RowMeasuresTests
{
    [Fact]
    public void Worked_rows_in_bits()
    {
        double[] p = [0.5, 0.5, 1.0, 0.0, 0.25, 0.75];
        double[] q = [0.25, 0.75, 0.5, 0.5, 0.25, 0.75];
        var h = new double[3];
        var kl = new double[3];
        var ce = new double[3];
        Entropy.OfRows(p, 2, h, LogBase.Bits);
        Divergence.KullbackLeiblerRows(p, q, 2, kl, LogBase.Bits);
        CrossEntropy.OfRows(p, q, 2, ce, LogBase.Bits);
        Assert.Equal([1.0, 0.0, Entropy.Of([0.25, 0.75], LogBase.Bits)], h);
        Assert.Equal(1.0, kl[1], 15); // log2(1 / 0.5)
        Assert.Equal(0.0, kl[2]);
        Assert.Equal(1.0, ce[1], 15);
        Assert.Equal(h[2], ce[2], 15);
    }

    [Fact]
    public void Every_matrix_matches_scipy_stats_entropy_along_rows()
    {
        foreach (var matrix in ScipyConveniencesReference.Root.GetProperty("rows").EnumerateArray())
        {
            int outcomes = matrix.GetProperty("outcomes").GetInt32();
            double[] p = ScipyConveniencesReference.Numbers(matrix.GetProperty("p"));
            double[] q = ScipyConveniencesReference.Numbers(matrix.GetProperty("q"));
            var result = new double[p.Length / outcomes];
            foreach (var (name, logBase) in new[] { ("e", LogBase.Nats), ("2", LogBase.Bits) })
            {
                Entropy.OfRows(p, outcomes, result, logBase);
                Expect(matrix, "entropy_" + name, result, outcomes, ScipyConveniencesReference.CloseToScipySum);
                Divergence.KullbackLeiblerRows(p, q, outcomes, result, logBase);
                Expect(matrix, "kl_" + name, result, outcomes, ScipyConveniencesReference.CloseToScipySum);
                CrossEntropy.OfRows(p, q, outcomes, result, logBase);
                Expect(matrix, "cross_entropy_" + name, result, outcomes, ScipyConveniencesReference.CloseToScipySum);
            }

            Entropy.OfRows(p, outcomes, result);
            Expect(matrix, "exact_entropy", result, outcomes, ScipyConveniencesReference.Close);
            Divergence.KullbackLeiblerRows(p, q, outcomes, result);
            Expect(matrix, "exact_kl", result, outcomes, ScipyConveniencesReference.Close);
            CrossEntropy.OfRows(p, q, outcomes, result);
            Expect(matrix, "exact_cross_entropy", result, outcomes, ScipyConveniencesReference.Close);
        }
    }

    [Fact]
    public void Each_row_is_bit_for_bit_the_single_distribution_measure_also_on_the_parallel_path()
    {
        // 2^17 rows of 10: over the parallel threshold, so groups of rows run on several cores.
        const int outcomes = 10, rows = 1 << 17;
        var random = new Random(7);
        var p = new double[rows * outcomes];
        var q = new double[rows * outcomes];
        for (int r = 0; r < rows; r++)
        {
            var w = Enumerable.Range(0, outcomes).Select(_ => random.NextDouble()).ToArray();
            var v = Enumerable.Range(0, outcomes).Select(_ => random.NextDouble() + 1e-3).ToArray();
            Distributions.Normalize(w, p.AsSpan(r * outcomes, outcomes));
            Distributions.Normalize(v, q.AsSpan(r * outcomes, outcomes));
        }

        var h = new double[rows];
        var kl = new double[rows];
        var ce = new double[rows];
        Entropy.OfRows(p, outcomes, h);
        Divergence.KullbackLeiblerRows(p, q, outcomes, kl);
        CrossEntropy.OfRows(p, q, outcomes, ce, LogBase.Bits);
        foreach (int r in new[] { 0, 1, 4095, 26214, 26215, 99999, rows - 1 })
        {
            var pr = p.AsSpan(r * outcomes, outcomes);
            var qr = q.AsSpan(r * outcomes, outcomes);
            Assert.Equal(Entropy.Of(pr), h[r]);
            Assert.Equal(Divergence.KullbackLeibler(pr, qr), kl[r]);
            Assert.Equal(CrossEntropy.Of(pr, qr, LogBase.Bits), ce[r]);
        }
    }

    [Fact]
    public void Cross_entropy_is_entropy_plus_kl_on_every_row() =>
        Gen.Int[1, 6].SelectMany(rows => Gen.Int[1, 12].SelectMany(n => Gen.Double[0.01, 1.0].Array[2 * rows * n].Select(w => (rows, n, w)))).Sample(t =>
        {
            var (rows, n, w) = t;
            var p = new double[rows * n];
            var q = new double[rows * n];
            for (int r = 0; r < rows; r++)
            {
                Distributions.Normalize(w.AsSpan(r * n, n), p.AsSpan(r * n, n));
                Distributions.Normalize(w.AsSpan((rows + r) * n, n), q.AsSpan(r * n, n));
            }

            var h = new double[rows];
            var kl = new double[rows];
            var ce = new double[rows];
            Entropy.OfRows(p, n, h);
            Divergence.KullbackLeiblerRows(p, q, n, kl);
            CrossEntropy.OfRows(p, q, n, ce);
            return Enumerable.Range(0, rows).All(r => Math.Abs(ce[r] - h[r] - kl[r]) <= 1e-12 * Math.Max(1, ce[r]) && kl[r] >= 0);
        });

    [Fact]
    public void Bad_input_names_the_parameter_and_the_row()
    {
        var into = new double[2];
        Assert.Equal("outcomes", Assert.Throws<ArgumentOutOfRangeException>(() => Entropy.OfRows([1.0], 0, into)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => Entropy.OfRows([], 2, into)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => Entropy.OfRows([0.5, 0.5, 1.0], 2, into)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Entropy.OfRows([0.5, 0.5, 1.0, 0.0], 2, new double[1])).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => CrossEntropy.OfRows([0.5, 0.5], [1.0], 2, into)).ParamName);

        var badRow = Assert.Throws<ArgumentException>(() => Entropy.OfRows([0.5, 0.5, 0.7, 0.4], 2, into));
        Assert.Equal("p", badRow.ParamName);
        Assert.Contains("row 1 sums to", badRow.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => Divergence.KullbackLeiblerRows([0.5, 0.5, 1.0, 0.0], [0.5, 0.5, 1.5, -0.5], 2, into));
        Assert.Equal("q", negative.ParamName);
        Assert.Contains("at row 1, column 1", negative.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => CrossEntropy.OfRows([double.NaN, 1.0, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], 2, into));
        Assert.Equal("p", nan.ParamName);
        Assert.Contains("at row 0, column 0", nan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_bad_row_is_reported_on_the_parallel_path()
    {
        const int outcomes = 4, rows = 1 << 18;
        var p = new double[rows * outcomes];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = 0.25;
        }

        p[(200_000 * outcomes) + 1] = 0.3; // rows 200 000 and 150 000 are bad; 150 000 comes first
        p[(150_000 * outcomes) + 2] = -0.25;
        var error = Assert.Throws<ArgumentException>(() => Entropy.OfRows(p, outcomes, new double[rows]));
        Assert.Contains("row 150000", error.Message, StringComparison.Ordinal);
    }

    private static void Expect(System.Text.Json.JsonElement matrix, string key, double[] actual, int outcomes, Action<double, double, string> close)
    {
        double[] expected = ScipyConveniencesReference.Numbers(matrix.GetProperty(key));
        Assert.Equal(expected.Length, actual.Length);
        for (int r = 0; r < expected.Length; r++)
        {
            close(expected[r], actual[r], $"{key} row {r} of {expected.Length}×{outcomes}");
        }
    }
}
