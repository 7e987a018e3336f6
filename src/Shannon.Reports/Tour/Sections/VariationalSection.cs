using Shannon.Losses;

namespace Shannon.Reports.Tour.Sections;

/// <summary>The VAE's KL term in closed form and the sign of the ELBO (lesson 003 §4.5–4.6).</summary>
internal static class VariationalSection
{
    public static TourSection Build(int number)
    {
        double[] mean = [0.5, -0.3];
        double[] logVariance = [-0.2, 0.1];
        double[] variance = logVariance.Select(Math.Exp).ToArray();
        double vae = GaussianClosedForm.VaeKullbackLeibler(mean, logVariance, latentDimension: 2);
        double diagonal = GaussianClosedForm.KullbackLeiblerDiagonal(mean, variance, [0.0, 0.0], [1.0, 1.0]);
        return new TourSection(number, "The VAE term: KL(q(z|x) ‖ N(0, I)) in closed form (lesson 003 §4.5)",
        [
            new("−½ Σ (1 + log σ² − μ² − σ²), μ = [0.5, −0.3], log σ² = [−0.2, 0.1]", vae, "nats", 4, null, "vae.kl"),
            new("the same as KL between diagonal Gaussians (torch.distributions)", diagonal, "nats", 4, null, "vae.kl.torch"),
            new("negative ELBO with a reconstruction loss of 1.0 nats, β = 1", GaussianClosedForm.NegativeElbo(1.0, vae), "nats", 4),
        ],
        ["003.vae.elbo.sign"],
        ["The ELBO is E_q[log p(x|z)] − KL(q ‖ p) ≤ log p(x); a VAE minimises its negative, reconstruction loss + β·KL."]);
    }
}
