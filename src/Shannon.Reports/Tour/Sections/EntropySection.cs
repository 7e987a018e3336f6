using Shannon.Losses;
using Shannon.Measures;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Coins, dice and uniform vocabularies: Entropy.Of on the lessons' distributions.</summary>
internal static class EntropySection
{
    public static TourSection Build(int number)
    {
        const int Vocabulary = 50257;
        double[] uniformVocabulary = Uniform(Vocabulary);
        double[] logits = new NumpyLegacyRandom(42).Normals(Vocabulary);
        double randomLogits = Softmax.Entropy(logits, logBase: LogBase.Bits);
        logits[42] += 10.0;
        double confident = Softmax.Entropy(logits, logBase: LogBase.Bits);
        var probabilities = new double[Vocabulary];
        Softmax.Of(logits, probabilities);
        return new TourSection(number, "Entropy: average surprisal (lessons 000 step 1, 001, 002, 003 §4.3, 004)",
        [
            new("H(fair coin) = H(0.5, 0.5)", Entropy.Of([0.5, 0.5], LogBase.Bits), "bits", 4, "000.entropy.fair", "entropy.fair"),
            new("H(biased coin) = H(0.99, 0.01)", Entropy.Of([0.99, 0.01], LogBase.Bits), "bits", 4, "000.entropy.biased", "entropy.biased99"),
            new("H(fair die)", Entropy.Of(Uniform(6), LogBase.Bits), "bits", 4, "004.entropy.die", "entropy.die"),
            new("H(biased coin) = H(0.9, 0.1)", Entropy.Of([0.9, 0.1], LogBase.Bits), "bits", 4, "003.entropy.biased09", "entropy.biased09"),
            new("H(uniform over 8) = log2 8", Entropy.Of(Uniform(8), LogBase.Bits), "bits", 4, "001.entropy.uniform8", "entropy.uniform8"),
            new("H(fair 8-sided die)", Entropy.Of(Uniform(8), LogBase.Bits), "bits", 4, "002.entropy.die8", "entropy.uniform8"),
            new("H(uniform over 256)", Entropy.Of(Uniform(256), LogBase.Bits), "bits", 4, "001.entropy.uniform256", "entropy.uniform256"),
            new("H(certain) = H(1, 0)", Entropy.Of([1.0, 0.0], LogBase.Bits), "bits", 4, "001.entropy.certain", "entropy.certain"),
            new("H(uniform over GPT-2's 50,257 tokens)", Entropy.Of(uniformVocabulary, LogBase.Bits), "bits", 4, "003.entropy.vocab", "entropy.vocab"),
            new("H(softmax of 50,257 N(0,1) logits), numpy seed 42", randomLogits, "bits", 4, "003.entropy.random", "entropy.random"),
            new("  ≈ log2 V − 1/(2 ln 2): large-V approximation, not exact", Math.Log2(Vocabulary) - (0.5 / Math.Log(2.0)), "bits", 4, null, "entropy.random.expected"),
            new("H after logits[42] += 10 (\"confident model\")", confident, "bits", 4, "003.entropy.confident", "entropy.confident"),
            new("  p(token 42) after the +10", probabilities[42], string.Empty, 4, null, "entropy.confident.p42"),
        ],
        [],
        ["Uniform is the maximum: H = log K; a certain outcome has H = 0 (0 · log 0 = 0).",
         "The logits are numpy's own draws (np.random.seed(42); randn), reproduced bit for bit."]);
    }

    private static double[] Uniform(int outcomes) => Enumerable.Repeat(1.0 / outcomes, outcomes).ToArray();
}
