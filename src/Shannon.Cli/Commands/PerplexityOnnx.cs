using Shannon.Language;
using Shannon.Language.Logits;
using Shannon.Language.Onnx;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon perplexity TEXT_FILE --onnx MODEL.onnx [--tokenizer gpt2] [--window W] [--stride S] [--bos]</c>: an ONNX causal LM's numbers.</summary>
internal static class PerplexityOnnx
{
    /// <summary>Scores every document of the text with sliding windows; adds a temperature sweep when asked.</summary>
    public static PerplexityRun Score(IReadOnlyList<string> documents, string modelPath, string tokenizerName, int window, int? stride, bool bos, double[]? temperatures)
    {
        var tokenizer = Tokenizers.Create(ParseTokenizer(tokenizerName));
        var plan = new SlidingWindow(window, stride ?? Math.Max(1, window / 2));
        plan.Plan(2); // checks window and stride before the model loads
        using var model = new OnnxCausalLanguageModel(modelPath, tokenizer);
        var sweep = temperatures is null ? null : new TemperatureSweep(temperatures);
        var scored = new List<ScoredText>(documents.Count);
        foreach (string document in documents)
        {
            scored.Add(model.Score(document, plan, bos, sweep: sweep));
        }

        var run = new PerplexityRun(scored, $"onnx {Path.GetFileName(modelPath)}, {tokenizerName}, window {plan.Window} stride {plan.Stride}{(bos ? ", BOS" : ", first token of each document spelled out, not scored")}");
        if (sweep is not null)
        {
            PerplexityLogits.AddSweep(run, sweep.Points());
        }

        return run;
    }

    /// <summary>The tokenizer named on the command line, as a usage error when unknown.</summary>
    public static TokenizerChoice ParseTokenizer(string name)
    {
        try
        {
            return Tokenizers.Parse(name);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--tokenizer '{NumberList.Escape(name)}' is none of gpt2, cl100k, o200k.");
        }
    }
}
