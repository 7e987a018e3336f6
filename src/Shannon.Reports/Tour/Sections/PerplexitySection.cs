using Shannon.Measures;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Perplexity as the effective number of choices (lessons 000 and 004).</summary>
internal static class PerplexitySection
{
    public static TourSection Build(int number)
    {
        double[] uniform = Enumerable.Repeat(1.0 / 50, 50).ToArray();
        const double loss = 3.2;
        double exercise = Math.Exp((0.05 * -Math.Log(0.001)) + (0.95 * -Math.Log(0.5)));
        return new TourSection(number, "Perplexity (lessons 000, 004)",
        [
            new("perplexity of a uniform choice among 50 tokens", Perplexity.Of(uniform), string.Empty, 0, "000.perplexity.uniform50", "perplexity.uniform50"),
            new("loss 3.2 nats/token → perplexity e^3.2", Math.Exp(loss), string.Empty, 2, null, "perplexity.loss32"),
            new("e^(−3.2) as the average probability of the next token", Math.Exp(-loss), string.Empty, 2, "004.perplexity.probability", "perplexity.probability"),
            new("exercise: 5% of tokens at p = 0.001, 95% at p = 0.5", exercise, string.Empty, 4, null, "perplexity.exercise6"),
        ],
        ["004.english.unit"],
        ["Perplexity = e^(cross-entropy in nats) = 2^(bits): a model with perplexity 24.5 is as unsure as a uniform choice among 24.5 tokens.",
         "e^(−loss) is the geometric mean of the probabilities of the true tokens, not their arithmetic mean."]);
    }
}
