using Shannon.Losses;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Cross-entropy equals the mean negative log-likelihood, on 1000 seeded samples (lesson 000 step 4).</summary>
internal static class NegativeLogLikelihoodSection
{
    private const int Samples = 1000;
    private const int Classes = 3;

    public static TourSection Build(int number)
    {
        // numpy seed 42: labels = floor(3u) from 1000 uniforms, then a 1000 × 3 block of standard normals as logits.
        var random = new NumpyLegacyRandom(42);
        var labels = new int[Samples];
        for (int i = 0; i < Samples; i++)
        {
            labels[i] = (int)(Classes * random.NextDouble());
        }

        double[] logits = random.Normals(Samples * Classes);
        double crossEntropy = CrossEntropyLoss.FromLogits(logits, Classes, labels).Value;
        var logProbabilities = new double[Classes];
        double negativeLogLikelihood = 0.0;
        for (int i = 0; i < Samples; i++)
        {
            Softmax.Log(logits.AsSpan(i * Classes, Classes), logProbabilities);
            negativeLogLikelihood -= logProbabilities[labels[i]];
        }

        negativeLogLikelihood /= Samples;
        return new TourSection(number, "Cross-entropy = negative log-likelihood (lesson 000 step 4, numpy seed 42)",
        [
            new("cross-entropy loss of 1000 samples, 3 classes (mean over rows)", crossEntropy, "nats", 4, null, "nll.tour"),
            new("mean −log P(true label), computed row by row", negativeLogLikelihood, "nats", 4, null, "nll.tour"),
        ],
        [],
        ["With one-hot targets H(p, q) = −Σ pᵢ log qᵢ keeps one term per row, −log q(true): minimising cross-entropy is maximum likelihood.",
         "The lesson draws from Python's random module (seed 42); the tour draws from numpy's seed 42, so the value differs while the identity is the same."]);
    }
}
