using Shannon.Losses;

namespace Shannon.Reports.Tour.Sections;

/// <summary>InfoNCE and its log N − loss bound on the mutual information (lesson 003 §4.7 and exercise 14).</summary>
internal static class InfoNceSection
{
    private const int Batch = 64;
    private const int Dimension = 128;
    private const double ChapterTemperature = 0.07;

    public static TourSection Build(int number)
    {
        // numpy seed 0, drawn in the lesson's order: z1, the noise that makes z2 = z1 + 0.1·noise, then unrelated views.
        var random = new NumpyLegacyRandom(0);
        double[] z1 = random.Normals(Batch * Dimension);
        double[] noise = random.Normals(Batch * Dimension);
        double[] z2 = z1.Zip(noise, (a, e) => a + (0.1 * e)).ToArray();
        double[] unrelated = random.Normals(Batch * Dimension);
        var exercise = new NumpyLegacyRandom(1);
        double[] a = exercise.Normals(2 * Batch * Dimension);
        double[] b = exercise.Normals(2 * Batch * Dimension);
        InfoNceResult similar = InfoNce.FromEmbeddings(z1, z2, Dimension, ChapterTemperature);
        InfoNceResult random07 = InfoNce.FromEmbeddings(z1, unrelated, Dimension, ChapterTemperature);
        return new TourSection(number, "InfoNCE (lesson 003 §4.7, exercise 14; numpy seeds 0 and 1)",
        [
            new("log N for a batch of N = 64", Math.Log(Batch), "nats", 2, "003.infonce.log64", "infonce.log64"),
            new("InfoNCE of similar views z2 = z1 + 0.1·noise, τ = 0.07", similar.Loss, "nats", 4, null, "infonce.tour.similar"),
            new("  MI lower bound log N − loss", similar.MutualInformationBound, "nats", 4),
            new("InfoNCE of unrelated views, N = 64, τ = 0.07", random07.Loss, "nats", 2, "003.infonce.random", "infonce.tour.random"),
            new("  the same at τ = 1", InfoNce.FromEmbeddings(z1, unrelated, Dimension, 1.0).Loss, "nats", 4, null, "infonce.tour.random.t1"),
            new("exercise: N = 128 unrelated embeddings, τ = 0.07", InfoNce.FromEmbeddings(a, b, Dimension, ChapterTemperature).Loss, "nats", 2, "003.infonce.exercise"),
            new("exercise: perfect embeddings z1 = z2, τ = 0.07", InfoNce.FromEmbeddings(a, a, Dimension, ChapterTemperature).Loss, "nats", 2, "003.infonce.perfect"),
        ],
        [],
        ["InfoNCE is the cross-entropy of picking the positive among N candidates, so I(X;Y) ≥ log N − loss: the bound never exceeds log N.",
         "Unrelated embeddings give ≈ log N only when the cosine logits are small; at τ = 0.07 their spread adds ≈ σ²/2 to the loss."]);
    }
}
