using Shannon.Losses;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Temperature: the entropy of softmax(z / T) rises with T (lessons 002, 004).</summary>
internal static class TemperatureSection
{
    /// <summary>The temperatures the tour shows.</summary>
    public static double[] Temperatures { get; } = [0.1, 0.5, 1.0, 2.0, 5.0];

    public static TourSection Build(int number)
    {
        double[] logits = [2.0, 1.0, 0.1];
        var lines = Temperatures.Select(t => new TourLine(
            $"H(softmax([2.0, 1.0, 0.1] / T)), T = {t.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}",
            Softmax.Entropy(logits, t),
            "nats",
            4,
            null,
            $"temperature.{t.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture)}")).ToList();
        return new TourSection(number, "Temperature: sharpening and flattening (lessons 002, 004)", lines, [],
            ["T → 0 approaches argmax (H → 0); T → ∞ approaches uniform (H → log 3 = 1.0986 nats). `shannon plot temperature-entropy` draws the curve."]);
    }
}
