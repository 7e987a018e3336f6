using Shannon.Losses;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Cross-entropy equals the mean negative log-likelihood: lesson 000 step 4 and lesson 003 §4.2, re-run with their own seeds.</summary>
internal static class NegativeLogLikelihoodSection
{
    private const int Samples = 1000;
    private const int Classes = 3;

    public static TourSection Build(int number)
    {
        // Lesson 000: random.seed(42); 1000 labels randint(0, 2), then 1000 rows of 3 gauss(0, 1) logits.
        var random = new PythonRandom(42);
        var labels = new int[Samples];
        for (int i = 0; i < Samples; i++)
        {
            labels[i] = (int)random.NextInt(0, Classes - 1);
        }

        var logits = new double[Samples * Classes];
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] = random.NextGauss(0, 1);
        }

        double crossEntropy = CrossEntropyLoss.FromLogits(logits, Classes, labels).Value;
        var logProbabilities = new double[Classes];
        double negativeLogLikelihood = 0.0;
        for (int i = 0; i < Samples; i++)
        {
            Softmax.Log(logits.AsSpan(i * Classes, Classes), logProbabilities);
            negativeLogLikelihood -= logProbabilities[labels[i]];
        }

        negativeLogLikelihood /= Samples;

        // Lesson 003 §4.2: torch.manual_seed(42); logits = torch.randn(5, 10) (float32); targets [3, 7, 1, 4, 9].
        float[] tokenLogits = new TorchCpuGenerator(42).RandN(5 * 10);
        int[] targets = [3, 7, 1, 4, 9];
        double tokenLoss = CrossEntropyLoss.FromLogits(tokenLogits, 10, targets).Value;
        return new TourSection(number, "Cross-entropy = negative log-likelihood (lesson 000 step 4, lesson 003 §4.2)",
        [
            new("random.seed(42); randint, gauss reproduced: CE of 1000 × 3", crossEntropy, "nats", 6, null, "nll.python.seed42"),
            new("  mean −log P(true label), computed row by row", negativeLogLikelihood, "nats", 6, null, "nll.python.seed42"),
            new("torch.manual_seed(42); randn(5, 10) reproduced: CE loss", tokenLoss, "nats", 4, null, "nll.torch.seed42", TourLine.Float32Tolerance),
        ],
        [],
        ["With one-hot targets H(p, q) = −Σ pᵢ log qᵢ keeps one term per row, −log q(true): minimising cross-entropy is maximum likelihood.",
         "The draws are the lessons' own: CPython's random (MT19937, init_by_array, Box–Muller gauss) bit for bit, torch's CPU generator (float32 Box–Muller over blocks of 16, Cephes ln/sin/cos as torch's AVX2 kernel) bit for bit."]);
    }
}
