using Shannon.Losses;
using Shannon.Measures;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Label smoothing as a cross-entropy against a softened target (lesson 000, "Label Smoothing").</summary>
internal static class LabelSmoothingSection
{
    private const double Epsilon = 0.1;

    public static TourSection Build(int number)
    {
        const int classes = 4;
        const int trueClass = 2;
        double[] soft = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            soft[c] = ((c == trueClass ? 1.0 : 0.0) * (1 - Epsilon)) + (Epsilon / classes);
        }

        double[] logits = [0.5, 0.2, 2.0, -1.0];
        var smoothed = new CrossEntropyOptions { LabelSmoothing = Epsilon };
        double smoothedLoss = CrossEntropyLoss.FromLogits(logits, classes, [trueClass], smoothed).Value;
        double hardLoss = CrossEntropyLoss.FromLogits(logits, classes, [trueClass]).Value;
        double uniformLoss = CrossEntropyLoss.FromLogits(logits, classes, [0.25, 0.25, 0.25, 0.25]).Value;
        return new TourSection(number, "Label smoothing (lesson 000)",
        [
            new("soft target of the true class, ε = 0.1, 4 classes: (1 − ε) + ε/4", soft[trueClass], string.Empty, 3, "000.smoothing.true", "smoothing.true"),
            new("soft target of each other class: ε/4", soft[0], string.Empty, 3, "000.smoothing.other", "smoothing.other"),
            new("entropy of the soft target", Entropy.Of(soft), "nats", 4, null, "smoothing.entropy"),
            new("smoothed loss for logits [0.5, 0.2, 2.0, −1.0], class 2 (PyTorch's label_smoothing = 0.1)", smoothedLoss, "nats", 4, null, "smoothing.loss"),
            new("  hard one-hot loss, same logits", hardLoss, "nats", 4, null, "smoothing.hard"),
            new("  loss against the uniform target", uniformLoss, "nats", 4, null, "smoothing.uniform"),
        ],
        [],
        ["Smoothed loss = (1 − ε)·CE(one-hot) + ε·CE(uniform): it never reaches 0, so logits stop growing without bound."]);
    }
}
