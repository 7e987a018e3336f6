using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class InfoNceTests
{
    private static double[] Gaussian(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();

    /// <summary>n rows of d entries in [−3, 3], none all zero (a zero row has no cosine).</summary>
    private static Gen<double[]> Rows(int d, int n) => Gen.Double[-3, 3].Array[d * n].Where(a => a.Chunk(d).All(r => r.Any(v => v != 0)));

    /// <summary>n rows of d entries in [−3, 3], each of norm ≥ 0.5, so a finite-difference step of 1e-6 barely turns a row.</summary>
    private static Gen<double[]> WellScaledRows(int d, int n) => Gen.Double[-3, 3].Array[d * n].Where(a => a.Chunk(d).All(r => r.Sum(v => v * v) >= 0.25));

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

    [Fact]
    public void Options_overload_with_cosine_and_symmetric_is_the_lessons_loss() =>
        Gen.Select(Rows(4, 6), Rows(4, 6), Gen.Double[0.05, 2]).Sample((z1, z2, tau) =>
        {
            double lesson = InfoNce.FromEmbeddings(z1, z2, 4, tau).Loss;
            var result = InfoNce.FromEmbeddings(z1, z2, 4, new InfoNceOptions { Temperature = tau, Cosine = true, Symmetric = true });
            return Math.Abs(result.Value - lesson) <= 1e-12 * Math.Max(1, lesson) && result.Count == 6;
        });

    [Fact]
    public void Single_batch_nt_xent_equals_the_two_view_form() =>
        Gen.Select(Rows(3, 5), Rows(3, 5), Gen.Double[0.05, 2]).Sample((z1, z2, tau) =>
        {
            double twoViews = InfoNce.NtXent(z1, z2, 3, tau).Loss;
            var result = InfoNce.NtXent(z1.Concat(z2).ToArray(), 3, tau);
            return Math.Abs(result.Value - twoViews) <= 1e-12 * Math.Max(1, twoViews) && result.Count == 10;
        });

    [Fact]
    public void InfoNce_gradients_agree_with_finite_differences() =>
        Gen.Select(WellScaledRows(3, 5), WellScaledRows(3, 5), Gen.Double[0.2, 2], Gen.Bool, Gen.Bool).Sample((q, k, tau, cosine, symmetric) =>
        {
            var options = new InfoNceOptions { Temperature = tau, Cosine = cosine, Symmetric = symmetric, Reduction = LossReduction.Sum };
            var queryGradient = new double[15];
            var keyGradient = new double[15];
            InfoNce.FromEmbeddings(q, k, 3, options, default, queryGradient, keyGradient);
            return GradientCheck.Agrees(q, queryGradient, x => InfoNce.FromEmbeddings(x, k, 3, options).Value)
                && GradientCheck.Agrees(k, keyGradient, x => InfoNce.FromEmbeddings(q, x, 3, options).Value);
        });

    [Fact]
    public void Nt_xent_gradient_agrees_with_finite_differences() =>
        Gen.Select(WellScaledRows(4, 8), Gen.Double[0.2, 2]).Sample((z, tau) =>
        {
            var gradient = new double[32];
            InfoNce.NtXent(z, 4, tau, gradient: gradient);
            return GradientCheck.Agrees(z, gradient, x => InfoNce.NtXent(x, 4, tau).Value);
        });

    [Fact]
    public void One_pair_gives_zero_loss_and_zero_gradient()
    {
        var gradient = new double[6] { 9, 9, 9, 9, 9, 9 };
        var result = InfoNce.NtXent([1.0, 2.0, 3.0, -3.0, 0.5, 1.0], 3, gradient: gradient);
        Assert.Equal(0.0, result.Value);
        Assert.All(gradient, g => Assert.Equal(0.0, g, 15));
        var queryGradient = new float[2];
        var keyGradient = new float[2];
        var single = InfoNce.FromEmbeddings([1f, 2f], [3f, -1f], 2, InfoNceOptions.Default, default, queryGradient, keyGradient);
        Assert.Equal(0.0, single.Value);
        Assert.Equal([0f, 0f, 0f, 0f], queryGradient.Concat(keyGradient));
    }

    [Fact]
    public void Float_and_double_agree_on_a_batch_large_enough_to_run_in_parallel_blocks()
    {
        // 2N = 600 rows of D = 40 (a product of 14.4 million multiply-adds, blocks of rows on every core, row counts
        // that are not multiples of the kernel's four rows or panels). float: the similarities carry ≈ 40 roundings of
        // 6e-8 each, times 1/τ = 5, so 1e-5 relative on the loss and on the gradient's larger entries.
        var random = new Random(5);
        var z = Gaussian(random, 600 * 40);
        var single = z.Select(v => (float)v).ToArray();
        var widened = single.Select(v => (double)v).ToArray();
        var g = new double[z.Length];
        var gf = new float[z.Length];
        var exact = InfoNce.NtXent(widened, 40, 0.2, gradient: g);
        var fast = InfoNce.NtXent(single, 40, 0.2, gradient: gf);
        Assert.Equal(exact.Value, fast.Value, 1e-5 * exact.Value);
        double largest = g.Max(Math.Abs);
        for (int i = 0; i < g.Length; i++)
        {
            Assert.True(Math.Abs(g[i] - gf[i]) <= 1e-4 * largest, $"{i}: {g[i]} vs {gf[i]}");
        }

        var options = new InfoNceOptions { Temperature = 0.2, Cosine = true, Symmetric = true };
        var qg = new double[300 * 40];
        var kg = new double[300 * 40];
        var qgf = new float[300 * 40];
        var kgf = new float[300 * 40];
        var pairs = InfoNce.FromEmbeddings(widened.AsSpan(0, 12000), widened.AsSpan(12000), 40, options, default, qg, kg);
        var pairsFloat = InfoNce.FromEmbeddings(single.AsSpan(0, 12000), single.AsSpan(12000), 40, options, default, qgf, kgf);
        Assert.Equal(pairs.Value, pairsFloat.Value, 1e-5 * pairs.Value);
        largest = qg.Concat(kg).Max(Math.Abs);
        for (int i = 0; i < qg.Length; i++)
        {
            Assert.True(Math.Abs(qg[i] - qgf[i]) <= 1e-4 * largest && Math.Abs(kg[i] - kgf[i]) <= 1e-4 * largest, $"{i}");
        }
    }

    [Fact]
    public void InfoNce_loss_and_gradients_match_pytorch_autograd()
    {
        int cases = 0;
        foreach (var c in LossReference.GradientCases("info_nce"))
        {
            cases++;
            int n = c.GetProperty("n").GetInt32();
            int d = c.GetProperty("d").GetInt32();
            var options = new InfoNceOptions
            {
                Temperature = c.Number("temperature"),
                Cosine = c.GetProperty("cosine").GetBoolean(),
                Symmetric = c.GetProperty("symmetric").GetBoolean(),
                Reduction = c.Reduction(),
            };
            var losses = new double[n];
            string what = $"{c.Label("info_nce")} n={n} cosine={options.Cosine} symmetric={options.Symmetric} tau={options.Temperature}";
            if (c.IsDouble())
            {
                var qg = new double[n * d];
                var kg = new double[n * d];
                var result = InfoNce.FromEmbeddings(c.Doubles("queries"), c.Doubles("keys"), d, options, losses, qg, kg);
                // Logits up to ‖q‖‖k‖/τ ≈ 100 carry one rounding each (1e-14 absolute), and so do the row losses.
                c.CloseLoss(result, losses, 1e-12, what, absolute: 1e-13);
                c.CloseGradient("query_gradient", qg, 1e-10, 1e-13, what);
                c.CloseGradient("key_gradient", kg, 1e-10, 1e-13, what);
            }
            else
            {
                var qg = new float[n * d];
                var kg = new float[n * d];
                var result = InfoNce.FromEmbeddings(c.Floats("queries"), c.Floats("keys"), d, options, losses, qg, kg);
                // float32 on both sides, dot products summed in different orders: logits up to 100 with errors of a few ulps
                // (1e-5 absolute), the same absolute error on the losses and, relative to their scale, on the gradients.
                c.CloseLoss(result, losses, 1e-5, what, absolute: 2e-5);
                c.CloseGradient("query_gradient", qg, 1e-4, 2e-5, what);
                c.CloseGradient("key_gradient", kg, 1e-4, 2e-5, what);
            }
        }

        Assert.Equal(72, cases);
    }

    [Fact]
    public void Nt_xent_loss_and_gradient_match_pytorch_autograd()
    {
        int cases = 0;
        foreach (var c in LossReference.GradientCases("nt_xent"))
        {
            cases++;
            int n = c.GetProperty("n").GetInt32();
            int d = c.GetProperty("d").GetInt32();
            double tau = c.Number("temperature");
            var losses = new double[2 * n];
            string what = $"{c.Label("nt_xent")} n={n} d={d} tau={tau}";
            if (c.IsDouble())
            {
                var gradient = new double[2 * n * d];
                var result = InfoNce.NtXent(c.Doubles("embeddings"), d, tau, c.Reduction(), losses, gradient);
                // Cosines ≤ 1 over τ ≥ 0.1: logits ≤ 10 with one rounding each.
                c.CloseLoss(result, losses, 1e-12, what, absolute: 1e-14);
                c.CloseGradient("gradient", gradient, 1e-10, 1e-14, what);
            }
            else
            {
                var gradient = new float[2 * n * d];
                var result = InfoNce.NtXent(c.Floats("embeddings"), d, tau, c.Reduction(), losses, gradient);
                // float32: logits ≤ 10 with a few ulps each (3e-6 absolute) on both sides.
                c.CloseLoss(result, losses, 1e-5, what, absolute: 5e-6);
                c.CloseGradient("gradient", gradient, 1e-4, 5e-6, what);
            }
        }

        Assert.Equal(32, cases);
    }

    [Fact]
    public void Gradient_overloads_reject_bad_inputs_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => InfoNce.NtXent([1.0, 2.0, 3.0], 1));
        Assert.Equal("embeddings", ex.ParamName);
        Assert.Contains("even number", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => InfoNce.NtXent([1.0, 2.0, 0.0, 0.0], 2));
        Assert.Equal("embeddings", ex.ParamName);
        Assert.Contains("row 1 has zero norm", ex.Message);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => InfoNce.NtXent([1.0, 2.0], 1, temperature: -1)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => InfoNce.NtXent([1.0, 2.0], 1, gradient: new double[1])).ParamName);
        Assert.Equal("rowLosses", Assert.Throws<ArgumentException>(() => InfoNce.NtXent([1.0, 2.0, 3.0, 4.0], 1, rowLosses: new double[3])).ParamName);
        Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() => InfoNce.NtXent([1.0, 2.0], 1, reduction: (LossReduction)4)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => InfoNce.FromEmbeddings([1.0], [1.0], 1, (InfoNceOptions)null!)).ParamName);
        Assert.Equal("options.Temperature", Assert.Throws<ArgumentOutOfRangeException>(() => InfoNce.FromEmbeddings([1.0], [1.0], 1, new InfoNceOptions { Temperature = 0 })).ParamName);
        Assert.Equal("keys", Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings([1.0, 2.0], [1.0], 1, InfoNceOptions.Default)).ParamName);
        Assert.Equal("keyGradient", Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings([1.0, 2.0], [1.0, 2.0], 1, InfoNceOptions.Default, keyGradient: new double[1])).ParamName);
        ex = Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings([1f, 0f, 0f, 0f], [1f, 1f, 1f, 1f], 2, new InfoNceOptions { Cosine = true }));
        Assert.Equal("queries", ex.ParamName);
        Assert.Contains("row 1 has zero norm", ex.Message);
        // The dot product of rows of 1e30 overflows float: the log-sum-exp is not finite.
        ex = Assert.Throws<ArgumentException>(() => InfoNce.FromEmbeddings([1e30f, 1e30f, 1f, 1f], [1e30f, 1e30f, 1f, 1f], 2, InfoNceOptions.Default));
        Assert.Contains("overflow", ex.Message);
        // Zero rows are fine for the dot product (every similarity 0: the loss is log N).
        Assert.Equal(Math.Log(2), InfoNce.FromEmbeddings([0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], 2, InfoNceOptions.Default).Value, 15);
    }

    [Fact]
    public void Low_temperatures_take_the_maximum_shifted_path_and_agree_with_the_shared_shift()
    {
        // float with τ = 0.02 (1/τ = 50 > 30) finds each row's maximum; double with the same τ shifts by 1/τ and shares one
        // exponential between the two softmaxes. Cosines of D = 16 independent Gaussians (the loss far from 0); float logits up
        // to 50 carry errors of ≈ 50·16·6e-8 = 5e-5, so 1e-3 relative on the gradient's scale.
        var random = new Random(6);
        var z = Gaussian(random, 40 * 16);
        var single = z.Select(v => (float)v).ToArray();
        var g = new double[z.Length];
        var gf = new float[z.Length];
        var exact = InfoNce.NtXent(single.Select(v => (double)v).ToArray(), 16, 0.02, gradient: g);
        var fast = InfoNce.NtXent(single, 16, 0.02, gradient: gf);
        Assert.Equal(exact.Value, fast.Value, 1e-4 * Math.Max(1, exact.Value));
        double largest = g.Max(Math.Abs);
        Assert.All(Enumerable.Range(0, g.Length), i => Assert.True(Math.Abs(g[i] - gf[i]) <= 1e-3 * largest, $"{i}: {g[i]} vs {gf[i]}"));
        var deep = InfoNce.NtXent(single.Select(v => (double)v).ToArray(), 16, 0.001);
        Assert.True(double.IsFinite(deep.Value) && deep.Value >= 0, $"{deep.Value}");
    }

    [Fact]
    public void Nt_xent_over_several_tiles_matches_the_direct_sum()
    {
        // 2N = 250 rows: three tiles of 96 on the symmetric first pass, blocks of rows on the gradient pass. The direct
        // sum forms every cosine and log-sum-exp on its own (max-shifted), in double: 1e-12 relative per row.
        var random = new Random(7);
        int rows = 250, d = 7;
        var z = Gaussian(random, rows * d);
        var unit = z.Chunk(d).Select(r => r.Select(v => v / Math.Sqrt(r.Sum(u => u * u))).ToArray()).ToArray();
        var expected = new double[rows];
        for (int a = 0; a < rows; a++)
        {
            var logits = Enumerable.Range(0, rows).Where(b => b != a).Select(b => unit[a].Zip(unit[b], (x, y) => x * y).Sum() / 0.3).ToArray();
            double max = logits.Max();
            int partner = a < rows / 2 ? a + (rows / 2) : a - (rows / 2);
            expected[a] = max + Math.Log(logits.Sum(v => Math.Exp(v - max))) - (unit[a].Zip(unit[partner], (x, y) => x * y).Sum() / 0.3);
        }

        var losses = new double[rows];
        var result = InfoNce.NtXent(z, d, 0.3, LossReduction.None, losses);
        LossReference.Close(expected, losses, 1e-12, "nt-xent row", absolute: 1e-13);
        Assert.Equal(expected.Sum(), result.Value, 1e-11 * expected.Sum());
        var single = new double[rows];
        InfoNce.NtXent(z.Select(v => (float)v).ToArray(), d, 0.3, LossReduction.None, single);
        LossReference.Close(expected, single, 1e-5, "float nt-xent row", absolute: 1e-5);
    }
}

