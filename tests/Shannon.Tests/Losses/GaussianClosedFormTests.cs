using CsCheck;
using Shannon.Losses;

namespace Shannon.Tests.Losses;

public class GaussianClosedFormTests
{
    [Fact]
    public void Closed_forms_entropy_and_kl()
    {
        Assert.Equal(0.5 * Math.Log(2 * Math.PI * Math.E * 4), GaussianClosedForm.Entropy(4.0), 15);
        Assert.Equal(0.5 * Math.Log(2 * Math.PI * Math.E), GaussianClosedForm.Entropy([1.0, 0, 0, 1.0], 2) / 2, 15);
        // Bivariate with correlation ρ: h = ln(2πe) + ½ ln(1 − ρ²).
        Assert.Equal(Math.Log(2 * Math.PI * Math.E) + (0.5 * Math.Log(1 - 0.36)), GaussianClosedForm.Entropy([1.0, 0.6, 0.6, 1.0], 2), 14);
        // KL(N(0,1) ‖ N(1,4)) = ln 2 + (1 + 1)/8 − ½.
        Assert.Equal(Math.Log(2) + 0.25 - 0.5, GaussianClosedForm.KullbackLeibler(0, 1, 1, 4), 15);
        Assert.Equal(0.0, GaussianClosedForm.KullbackLeibler(0.3, 2, 0.3, 2));
    }

    [Fact]
    public void Diagonal_and_full_covariance_agree_on_diagonal_matrices() =>
        Gen.Double[-3, 3].Array[6].Select(Gen.Double[0.1, 5].Array[6]).Sample((means, variances) =>
        {
            double diagonal = GaussianClosedForm.KullbackLeiblerDiagonal(means.AsSpan(0, 3), variances.AsSpan(0, 3), means.AsSpan(3), variances.AsSpan(3));
            double[] c1 = [variances[0], 0, 0, 0, variances[1], 0, 0, 0, variances[2]];
            double[] c2 = [variances[3], 0, 0, 0, variances[4], 0, 0, 0, variances[5]];
            double full = GaussianClosedForm.KullbackLeibler(means.AsSpan(0, 3), c1, means.AsSpan(3), c2, 3);
            return diagonal >= 0 && Math.Abs(full - diagonal) <= 1e-12 * Math.Max(1, diagonal);
        });

    [Fact]
    public void Lesson_vae_term_is_the_kl_to_the_standard_normal()
    {
        double[] mu = [0.5, -1.0, 0.0, 0.0];
        double[] logVar = [0.2, -0.3, 0.0, 1e-9];
        var rows = new double[2];
        double mean = GaussianClosedForm.VaeKullbackLeibler(mu, logVar, 2, rows);
        for (int r = 0; r < 2; r++)
        {
            double lesson = -0.5 * Enumerable.Range(2 * r, 2).Sum(i => 1 + logVar[i] - (mu[i] * mu[i]) - Math.Exp(logVar[i]));
            double kl = GaussianClosedForm.KullbackLeiblerDiagonal(mu.AsSpan(2 * r, 2), logVar.Skip(2 * r).Take(2).Select(v => Math.Exp(v)).ToArray(), [0.0, 0.0], [1.0, 1.0]);
            Assert.Equal(lesson, rows[r], 12);
            Assert.Equal(kl, rows[r], 14);
        }

        Assert.Equal((rows[0] + rows[1]) / 2, mean, 15);
        // Near the prior the expm1 form keeps the ½(σ² − 1 − log σ²) ≈ ¼(log σ²)² that 1 + x − eˣ loses.
        double nearPrior = GaussianClosedForm.VaeKullbackLeibler([0.0], [1e-9], 1);
        Assert.True(Math.Abs(nearPrior - 0.25e-18) <= 1e-6 * 0.25e-18, $"{nearPrior}");
        Assert.Equal(10 + (4 * 0.3), GaussianClosedForm.NegativeElbo(10, 0.3, beta: 4));
    }

    [Fact]
    public void Kl_is_non_negative_and_zero_for_equal_normals() =>
        Gen.Double[-5, 5].Select(Gen.Double[0.01, 10], Gen.Double[-5, 5], Gen.Double[0.01, 10]).Sample((m1, v1, m2, v2) =>
            GaussianClosedForm.KullbackLeibler(m1, v1, m2, v2) >= 0 && GaussianClosedForm.KullbackLeibler(m1, v1, m1, v1) == 0);

    [Fact]
    public void Matches_torch_distributions()
    {
        int cases = 0;
        foreach (var c in LossReference.Cases("gaussian"))
        {
            cases++;
            int k = c.GetProperty("k").GetInt32();
            double[] m1 = c.Doubles("mean1"), m2 = c.Doubles("mean2"), v1 = c.Doubles("var1"), v2 = c.Doubles("var2");
            string what = $"gaussian k={k} case {cases}";
            // PyTorch's MultivariateNormal uses its own Cholesky and triangular solves; the difference is rounding of a
            // sum of k² terms, within 1e-12 relative.
            LossReference.Close(c.Number("kl_full"), GaussianClosedForm.KullbackLeibler(m1, c.Doubles("cov1"), m2, c.Doubles("cov2"), k), 1e-12, what + " full");
            LossReference.Close(c.Number("kl_diagonal"), GaussianClosedForm.KullbackLeiblerDiagonal(m1, v1, m2, v2), 1e-12, what + " diagonal");
            LossReference.Close(c.Number("kl_univariate"), GaussianClosedForm.KullbackLeibler(m1[0], v1[0], m2[0], v2[0]), 1e-12, what + " univariate");
            LossReference.Close(c.Number("entropy_full"), GaussianClosedForm.Entropy(c.Doubles("cov1"), k), 1e-12, what + " entropy");
            LossReference.Close(c.Number("entropy_univariate"), GaussianClosedForm.Entropy(v1[0]), 1e-12, what + " entropy univariate");
        }

        Assert.Equal(12, cases);
        foreach (var c in LossReference.Cases("vae"))
        {
            int latent = c.GetProperty("latent").GetInt32();
            double[] expected = c.Doubles("per_row");
            var rows = new double[expected.Length];
            double mean = GaussianClosedForm.VaeKullbackLeibler(c.Doubles("mean"), c.Doubles("log_variance"), latent, rows);
            // PyTorch's 1 + log σ² − σ² cancels: its terms carry 1e-16 absolute per coordinate.
            LossReference.Close(expected, rows, 1e-12, $"vae latent={latent}", absolute: 1e-14);
            LossReference.Close(c.Number("batch_mean"), mean, 1e-12, $"vae mean latent={latent}", absolute: 1e-14);
        }
    }

    [Fact]
    public void Bad_inputs_name_parameter_index_and_value()
    {
        Assert.Equal("variance", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.Entropy(0.0)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => GaussianClosedForm.Entropy([1.0, 2.0, 2.0, 1.0], 2));
        Assert.Equal("covariance", ex.ParamName);
        Assert.Contains("not positive definite: the Cholesky pivot at row 1 is -3", ex.Message);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => GaussianClosedForm.Entropy([1.0, 0.0, 0.0], 2)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.Entropy([1.0], 0)).ParamName);
        Assert.Equal("covariance2", Assert.Throws<ArgumentException>(() => GaussianClosedForm.KullbackLeibler([0.0, 0.0], [1.0, 0, 0, 1.0], [0.0, 0.0], [1.0, 0, 0, -1.0], 2)).ParamName);
        Assert.Equal("mean1", Assert.Throws<ArgumentException>(() => GaussianClosedForm.KullbackLeibler([0.0], [1.0, 0, 0, 1.0], [0.0, 0.0], [1.0, 0, 0, 1.0], 2)).ParamName);
        Assert.Equal("variance2", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.KullbackLeibler(0, 1, 0, -1)).ParamName);
        Assert.Equal("mean1", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.KullbackLeibler(double.NaN, 1, 0, 1)).ParamName);
        ex = Assert.Throws<ArgumentException>(() => GaussianClosedForm.KullbackLeiblerDiagonal([0.0, 0.0], [1.0, 0.0], [0.0, 0.0], [1.0, 1.0]));
        Assert.Equal("variance1", ex.ParamName);
        Assert.Contains("at index 1", ex.Message);
        Assert.Equal("variance2", Assert.Throws<ArgumentException>(() => GaussianClosedForm.KullbackLeiblerDiagonal([0.0], [1.0], [0.0], [1.0, 1.0])).ParamName);
        Assert.Equal("logVariance", Assert.Throws<ArgumentException>(() => GaussianClosedForm.VaeKullbackLeibler([0.0, 0.0], [0.0], 1)).ParamName);
        Assert.Equal("logVariance", Assert.Throws<ArgumentException>(() => GaussianClosedForm.VaeKullbackLeibler([0.0], [double.NaN], 1)).ParamName);
        Assert.Equal("latentDimension", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.VaeKullbackLeibler([0.0], [0.0], 0)).ParamName);
        Assert.Equal("rowTerms", Assert.Throws<ArgumentException>(() => GaussianClosedForm.VaeKullbackLeibler([0.0, 0.0], [0.0, 0.0], 1, new double[1])).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.NegativeElbo(1, 1, -1)).ParamName);
        Assert.Equal("kullbackLeibler", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.NegativeElbo(1, double.NaN)).ParamName);
        Assert.Equal("reconstructionLoss", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.NegativeElbo(double.PositiveInfinity, 1)).ParamName);
    }

    [Fact]
    public void Vae_gradient_is_mu_and_half_of_sigma_squared_minus_one_per_row_of_the_batch()
    {
        var muGradient = new double[4];
        var logVarGradient = new double[4];
        var result = GaussianClosedForm.VaeKullbackLeibler([1.0, 0.0, -2.0, 0.5], [0.0, Math.Log(3), 1.0, -1.0], 2, LossReduction.Mean, default, muGradient, logVarGradient);
        Assert.Equal([0.5, 0.0, -1.0, 0.25], muGradient);
        LossReference.Close([0.0, 0.5, 0.25 * (Math.E - 1), 0.25 * (Math.Exp(-1) - 1)], logVarGradient, 1e-15, "log-variance gradient", absolute: 1e-16);
        Assert.Equal((2.0, 2L), (result.Weight, result.Count));
        Assert.Equal(result.Sum / 2, result.Value, 15);
        Assert.Equal(result.Value, GaussianClosedForm.VaeKullbackLeibler([1.0, 0.0, -2.0, 0.5], [0.0, Math.Log(3), 1.0, -1.0], 2), 15);
    }

    [Fact]
    public void Vae_gradient_agrees_with_finite_differences() =>
        Gen.Double[-3, 3].Array[6].Select(Gen.Double[-3, 3].Array[6]).Sample((mu, logVar) =>
        {
            var muGradient = new double[6];
            var logVarGradient = new double[6];
            GaussianClosedForm.VaeKullbackLeibler(mu, logVar, 3, LossReduction.Mean, default, muGradient, logVarGradient);
            return GradientCheck.Agrees(mu, muGradient, m => GaussianClosedForm.VaeKullbackLeibler(m, logVar, 3, LossReduction.Mean).Value)
                && GradientCheck.Agrees(logVar, logVarGradient, v => GaussianClosedForm.VaeKullbackLeibler(mu, v, 3, LossReduction.Mean).Value);
        });

    [Fact]
    public void Vae_term_and_gradients_match_pytorch_autograd()
    {
        int cases = 0;
        foreach (var c in LossReference.GradientCases("gaussian_kl"))
        {
            cases++;
            int latent = c.GetProperty("latent").GetInt32();
            var rows = new double[c.Doubles("mu").Length / latent];
            string what = $"{c.Label("gaussian_kl")} d={latent}";
            if (c.IsDouble())
            {
                var mu = new double[rows.Length * latent];
                var logVar = new double[mu.Length];
                var result = GaussianClosedForm.VaeKullbackLeibler(c.Doubles("mu"), c.Doubles("logvar"), latent, c.Reduction(), rows, mu, logVar);
                // PyTorch sums 1 + log σ² − μ² − σ² with cancellation (terms up to e^4.5 ≈ 90): 1e-14 absolute per row.
                c.CloseLoss(result, rows, 1e-12, what, absolute: 1e-13);
                c.CloseGradient("mu_gradient", mu, 1e-15, 0, what);
                // PyTorch's e^x − 1 by subtraction: one ulp of e^x absolute.
                c.CloseGradient("logvar_gradient", logVar, 1e-12, 1e-16, what);
            }
            else
            {
                var mu = new float[rows.Length * latent];
                var logVar = new float[mu.Length];
                var result = GaussianClosedForm.VaeKullbackLeibler(c.Floats("mu"), c.Floats("logvar"), latent, c.Reduction(), rows, mu, logVar);
                // float32: PyTorch's float32 sums with cancellation (6e-8 of terms up to 90) against our double.
                c.CloseLoss(result, rows, 1e-6, what, absolute: 2e-5);
                c.CloseGradient("mu_gradient", mu, 2e-7, 0, what);
                c.CloseGradient("logvar_gradient", logVar, 1e-6, 1e-7, what);
            }
        }

        Assert.Equal(18, cases);
    }

    [Fact]
    public void Vae_gradient_overloads_reject_bad_inputs_by_name()
    {
        Assert.Equal("meanGradient", Assert.Throws<ArgumentException>(() => GaussianClosedForm.VaeKullbackLeibler([0.0, 0.0], [0.0, 0.0], 1, LossReduction.Sum, default, new double[1])).ParamName);
        Assert.Equal("logVarianceGradient", Assert.Throws<ArgumentException>(() => GaussianClosedForm.VaeKullbackLeibler([0f, 0f], [0f, 0f], 1, LossReduction.Sum, default, default, new float[1])).ParamName);
        Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianClosedForm.VaeKullbackLeibler([0.0], [0.0], 1, (LossReduction)5)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => GaussianClosedForm.VaeKullbackLeibler([0f, float.PositiveInfinity], [0f, 0f], 1, LossReduction.Mean));
        Assert.Equal("mean", ex.ParamName);
        Assert.Contains("index 1", ex.Message);
    }
}
