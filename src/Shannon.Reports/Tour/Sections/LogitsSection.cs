using Shannon.Losses;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Cross-entropy from logits: the max-shifted softmax and −log softmax of the true class (lessons 000 step 3, 003 §4.4).</summary>
internal static class LogitsSection
{
    public static TourSection Build(int number)
    {
        double[] step3 = [2.0, 1.0, 0.1];
        double[] probabilities = Probabilities(step3);
        double loss = -LogProbabilities(step3)[0];
        double[] table = [1.0, 3.0, 2.0, 0.5];
        double[] tableProbabilities = Probabilities(table);
        double[] tableLogs = LogProbabilities(table);
        var lines = new List<TourLine>
        {
            new("softmax([2.0, 1.0, 0.1])[0]", probabilities[0], string.Empty, 4, null, "logits.softmax.0"),
            new("softmax([2.0, 1.0, 0.1])[1]", probabilities[1], string.Empty, 4, null, "logits.softmax.1"),
            new("softmax([2.0, 1.0, 0.1])[2]", probabilities[2], string.Empty, 4, null, "logits.softmax.2"),
            new("loss = −log softmax[true class 0]", loss, "nats", 4, null, "logits.loss"),
            new("perplexity = e^loss = e^0.417 (the lesson's code prints 1.52)", Math.Exp(loss), string.Empty, 4, null, "logits.perplexity"),
        };
        for (int c = 0; c < table.Length; c++)
        {
            lines.Add(new($"logits [1, 3, 2, 0.5], true class {c}: P(correct)", tableProbabilities[c], string.Empty, 4, $"003.onehot.p.{c}", $"onehot.p.{c}"));
            lines.Add(new($"  CE = −log P(correct)", -tableLogs[c], "nats", 4, $"003.onehot.ce.{c}", $"onehot.ce.{c}"));
        }

        // Lesson 003 §4.4 prints the analytic gradient for class 2: softmax − one-hot, here from Shannon's loss gradient.
        var gradient = new double[table.Length];
        CrossEntropyLoss.FromLogits(table, table.Length, [2], gradient: gradient);
        for (int c = 0; c < table.Length; c++)
        {
            lines.Add(new($"∂CE/∂z{c} for logits [1, 3, 2, 0.5], true class 2 (softmax − one-hot)", gradient[c], string.Empty, 4, null, $"gradient.{c}"));
        }

        lines.Add(new("exercise: logits [5, 2, 0.5], true class 1", -LogProbabilities([5.0, 2.0, 0.5])[1], "nats", 4, null, "exercise.logits.loss"));
        return new TourSection(number, "Cross-entropy from logits (lessons 000 step 3, 003 §4.4)", lines, [],
            ["Shannon takes −log softmax through a max-shifted log-sum-exp, never log(softmax), so huge logits do not overflow."]);
    }

    private static double[] Probabilities(double[] logits)
    {
        var p = new double[logits.Length];
        Softmax.Of(logits, p);
        return p;
    }

    private static double[] LogProbabilities(double[] logits)
    {
        var log = new double[logits.Length];
        Softmax.Log(logits, log);
        return log;
    }
}
