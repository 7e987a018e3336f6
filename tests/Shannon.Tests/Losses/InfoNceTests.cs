using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class InfoNceTests
{
    private static double[] Gaussian(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();

    /// <summary>n rows of d entries in [−3, 3], none all zero (a zero row has no cosine).</summary>
    private static Gen<double[]> Rows(int d, int n) => Gen.Double[-3, 3].Array[d * n].Where(a => a.Chunk(d).All(r => r.Any(v => v != 0)));

    [Fact]
    public void Unrelated_embeddings_give_log_n_and_a_bound_near_zero()
    {
        // Lesson exercise: N = 128 random embeddings. Cosines of independent D = 512 Gaussians have standard deviation
        // 1/√512 ≈ 0.044, so with τ = 0.5 the logits spread by σ ≈ 0.088 and E[L] ≈ log N + σ²/2 ≈ log N + 0.004;
        // the sampling spread of the mean over 128 rows is about σ/√128 ≈ 0.008. Tolerance 0.05 (seed 1).
        var random = new Random(1);
        var result = InfoNce.FromEmbeddings(Gaussian(random, 128 * 512), Gaussian(random, 128 * 512), 512, temperature: 0.5);
        Assert.Equal(Math.Log(128), result.Loss, 0.05);
        Assert.Equal(0.0, result.MutualInformationBound, 0.05);
        Assert.Equal((128, "nats"), (result.BatchSize, result.Unit));
    }

    [Fact]
    public void Identical_embeddings_at_low_temperature_give_zero_loss_and_a_bound_of_log_n()
    {
        // τ = 0.01: the positive logit is 100 and the negatives are cosines of independent D = 128 Gaussians (|cos| ≲ 0.5,
        // logit ≲ 50), so the loss is below 128·e^−50 ≈ 2.5e-20.
        var random = new Random(2);
        var z = Gaussian(random, 128 * 128);
        var result = InfoNce.FromEmbeddings(z, z, 128, temperature: 0.01);
        Assert.True(result.Loss < 1e-15, $"{result.Loss}");
        Assert.Equal(Math.Log(128), result.MutualInformationBound, 12);
        Assert.Equal(Math.Log2(128), InfoNce.FromEmbeddings(z, z, 128, temperature: 0.01, logBase: LogBase.Bits).MutualInformationBound, 12);
    }

    [Fact]
    public void Loss_is_non_negative_and_the_bound_at_most_log_n() =>
        Rows(4, 6).Select(Rows(4, 6), Gen.Double[0.05, 2]).Sample((z1, z2, tau) =>
        {
            var r = InfoNce.FromEmbeddings(z1, z2, 4, tau, symmetric: tau > 1);
            return r.Loss >= 0 && r.MutualInformationBound <= Math.Log(6) + 1e-15;
        });

    [Fact]
    public void Rescaling_rows_and_permuting_pairs_leave_the_loss_unchanged() =>
        Rows(3, 5).Select(Rows(3, 5), Gen.Double[0.1, 50]).Sample((z1, z2, scale) =>
        {
            double loss = InfoNce.FromEmbeddings(z1, z2, 3, 0.3).Loss;
            var scaled = z1.Select((v, i) => i < 3 ? v * scale : v).ToArray();
            int[] order = [4, 2, 0, 3, 1];
            var p1 = order.SelectMany(i => z1.Skip(i * 3).Take(3)).ToArray();
            var p2 = order.SelectMany(i => z2.Skip(i * 3).Take(3)).ToArray();
            return Math.Abs(InfoNce.FromEmbeddings(scaled, z2, 3, 0.3).Loss - loss) <= 1e-12 * Math.Max(1, loss)
                && Math.Abs(InfoNce.FromEmbeddings(p1, p2, 3, 0.3).Loss - loss) <= 1e-12 * Math.Max(1, loss);
        });

    [Fact]
    public void Huge_and_tiny_rows_have_the_cosines_of_moderate_ones()
    {
        double[] z1 = [1, 2, 3, -1, 0.5, 2];
        double[] z2 = [2, 1, 0, 1, 1, -1];
        double expected = InfoNce.FromEmbeddings(z1, z2, 3).Loss;
        Assert.Equal(expected, InfoNce.FromEmbeddings(z1.Select(v => v * 1e200).ToArray(), z2.Select(v => v * 1e-200).ToArray(), 3).Loss, 12);
    }

    [Fact]
    public void Matches_pytorch_cross_entropy_on_the_similarity_matrix()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("info_nce"))
        {
            cases++;
            int d = c.GetProperty("d").GetInt32();
            double tau = c.Number("temperature");
            foreach (bool symmetric in new[] { false, true })
            {
                double loss = c.IsDouble()
                    ? InfoNce.FromEmbeddings(c.Doubles("z1"), c.Doubles("z2"), d, tau, symmetric).Loss
                    : InfoNce.FromEmbeddings(c.Floats("z1"), c.Floats("z2"), d, tau, symmetric).Loss;
                // Double: rounding of the cosines (1e-16) times 1/τ ≤ 14. float32: PyTorch's float32 cosines carry 6e-8
                // each, times 1/τ ≤ 14 in the logits, so 1e-6 absolute on the loss.
                LossReference.Close(c.Number(symmetric ? "symmetric_loss" : "loss"), loss, c.IsDouble() ? 1e-12 : 1e-6, $"info_nce {c.GetProperty("dtype")} n={c.GetProperty("n")} d={d} tau={tau} sym={symmetric}", absolute: c.IsDouble() ? 1e-14 : 1e-6);
            }
        }

        Assert.Equal(48, cases);
    }

    [Fact]
    public void Nt_xent_matches_pytorch_on_the_masked_two_view_matrix()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("info_nce"))
        {
            cases++;
            int d = c.GetProperty("d").GetInt32();
            double tau = c.Number("temperature");
            var result = c.IsDouble()
                ? InfoNce.NtXent(c.Doubles("z1"), c.Doubles("z2"), d, tau)
                : InfoNce.NtXent(c.Floats("z1"), c.Floats("z2"), d, tau);
            int n = c.GetProperty("n").GetInt32();
            string label = $"nt_xent {c.GetProperty("dtype")} n={n} d={d} tau={tau}";
            LossReference.Close(c.Number("nt_xent_loss"), result.Loss, c.IsDouble() ? 1e-12 : 1e-6, label, absolute: c.IsDouble() ? 1e-14 : 1e-6);
            Assert.Equal(Math.Log((2 * n) - 1) - result.Loss, result.MutualInformationBound, 12);
            Assert.Equal(n, result.BatchSize);
        }

        Assert.Equal(48, cases);
    }

    [Fact]
    public void Nt_xent_is_log_of_2n_minus_1_on_unrelated_views_and_zero_on_identical_ones_at_low_temperature()
    {
        // 2N − 1 = 255 candidates; the same spread argument as for InfoNCE above (τ = 0.5, D = 512).
        var random = new Random(3);
        var unrelated = InfoNce.NtXent(Gaussian(random, 128 * 512), Gaussian(random, 128 * 512), 512);
        Assert.Equal(Math.Log(255), unrelated.Loss, 0.05);

        var z = Gaussian(random, 128 * 128);
        var identical = InfoNce.NtXent(z, z, 128, temperature: 0.01);
        Assert.True(identical.Loss < 1e-15, $"{identical.Loss}");
        Assert.Equal(Math.Log(255), identical.MutualInformationBound, 12);

        var single = InfoNce.NtXent([1.0, 2.0, 3.0], [-3.0, 0.5, 1.0], 3);
        Assert.Equal((0.0, 0.0, 1), (single.Loss, single.MutualInformationBound, single.BatchSize));
    }

    [Fact]
    public void Nt_xent_ignores_row_scale_and_view_order() =>
        Gen.Select(Rows(3, 5), Rows(3, 5), Gen.Double[0.01, 100]).Sample((z1, z2, scale) =>
        {
            double loss = InfoNce.NtXent(z1, z2, 3, 0.3).Loss;
            var scaled = z1.Select(v => v * scale).ToArray();
            return Math.Abs(InfoNce.NtXent(scaled, z2, 3, 0.3).Loss - loss) <= 1e-12 * Math.Max(1, loss)
                && Math.Abs(InfoNce.NtXent(z2, z1, 3, 0.3).Loss - loss) <= 1e-12 * Math.Max(1, loss);
        });

    [Fact]
    public void Nt_xent_rejects_bad_inputs_as_infonce_does()
    {
        Assert.Equal("z2", Assert.Throws<ArgumentException>(() => InfoNce.NtXent([1.0, 2.0], [1.0], 1)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => InfoNce.NtXent([1.0], [1.0], 1, temperature: double.NaN)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => InfoNce.NtXent([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 0.0, 0.0], 2));
        Assert.Equal("z2", ex.ParamName);
        Assert.Contains("row 1", ex.Message);
    }

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        Assert.Equal("z2", Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings([1.0, 2.0], [1.0], 1)).ParamName);
        Assert.Equal("z1", Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 2)).ParamName);
        Assert.Equal("z1", Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, 2)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => InfoNce.FromEmbeddings([1.0], [1.0], 0)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => InfoNce.FromEmbeddings([1.0], [1.0], 1, temperature: 0)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings([1.0, 2.0, 0.0, 0.0], [1.0, 2.0, 3.0, 4.0], 2));
        Assert.Equal("z1", ex.ParamName);
        Assert.Contains("row 1 has zero norm", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings([1.0, 2.0], [1.0, double.NaN], 2));
        Assert.Equal("z2", ex.ParamName);
        Assert.Contains("NaN at index 1", ex.Message);
    }
}
