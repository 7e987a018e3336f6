using Shannon.Losses;

namespace Shannon.Reports.Tour.Sections;

/// <summary>InfoNCE and its log N − loss bound on the mutual information (lesson 003 §4.7 and exercise 14).</summary>
internal static class InfoNceSection
{
    private const int Batch = 64;
    private const int Dimension = 128;
    private const double ChapterTemperature = 0.07;
    private const double Tolerance = TourLine.Float32Tolerance;

    public static TourSection Build(int number)
    {
        // The lesson's code: torch.manual_seed(0); z1 = randn(64, 128); z2 = z1 + 0.1 * randn(64, 128); z2_rand = randn(64, 128),
        // all float32 (z2 rounded as torch rounds it: 0.1 is applied as a float32 scalar).
        var torch = new TorchCpuGenerator(0);
        float[] z1 = torch.RandN(Batch * Dimension);
        float[] noise = torch.RandN(Batch * Dimension);
        float[] z2 = z1.Zip(noise, (a, e) => (float)(a + (float)(0.1f * e))).ToArray();
        float[] unrelated = torch.RandN(Batch * Dimension);
        // Exercise 14 as tour_reference.py runs it: torch.manual_seed(0); a, b = randn(128, 128), randn(128, 128).
        var exercise = new TorchCpuGenerator(0);
        float[] a = exercise.RandN(2 * Batch * Dimension);
        float[] b = exercise.RandN(2 * Batch * Dimension);
        InfoNceResult similar = InfoNce.FromEmbeddings(z1, z2, Dimension, ChapterTemperature);
        InfoNceResult random07 = InfoNce.FromEmbeddings(z1, unrelated, Dimension, ChapterTemperature);
        return new TourSection(number, "InfoNCE (lesson 003 §4.7, exercise 14; torch.manual_seed(0), randn reproduced)",
        [
            new("log N for a batch of N = 64", Math.Log(Batch), "nats", 2, "003.infonce.log64", "infonce.log64"),
            new("InfoNCE of similar views z2 = z1 + 0.1·randn, τ = 0.07", similar.Loss, "nats", 4, null, "infonce.similar", Tolerance),
            new("  MI lower bound log N − loss", similar.MutualInformationBound, "nats", 4),
            new("InfoNCE of unrelated views z2_rand, N = 64, τ = 0.07", random07.Loss, "nats", 4, "003.infonce.random", "infonce.random", Tolerance),
            new("  the same at τ = 1", InfoNce.FromEmbeddings(z1, unrelated, Dimension, 1.0).Loss, "nats", 4, null, "infonce.random.t1", Tolerance),
            new("exercise: N = 128 unrelated randn(128, 128), τ = 0.07", InfoNce.FromEmbeddings(a, b, Dimension, ChapterTemperature).Loss, "nats", 4, "003.infonce.exercise", "infonce.exercise.random", Tolerance),
            new("  the same at τ = 1", InfoNce.FromEmbeddings(a, b, Dimension, 1.0).Loss, "nats", 4, null, "infonce.exercise.random.t1", Tolerance),
            new("exercise: perfect embeddings z1 = z2, τ = 0.07", InfoNce.FromEmbeddings(a, a, Dimension, ChapterTemperature).Loss, "nats", 4, "003.infonce.perfect", "infonce.exercise.perfect", Tolerance),
        ],
        [],
        ["InfoNCE is the cross-entropy of picking the positive among N candidates, so I(X;Y) ≥ log N − loss: the bound never exceeds log N.",
         "Unrelated embeddings give ≈ log N only when the cosine logits are small; at τ = 0.07 their spread adds ≈ σ²/2 to the loss.",
         "The embeddings are torch's own float32 draws, bit for bit; the losses are computed in double, torch's in float32 (they agree to 10⁻⁶)."]);
    }
}
