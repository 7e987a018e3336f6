using System.CommandLine;
using System.Globalization;
using Shannon.Data.Npy;
using Shannon.Losses;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon loss --logits FILE --targets FILE [...]</c>: PyTorch-compatible cross-entropy of N×C logits, with
/// optional per-row values and the gradient written to a .npy file.
/// </summary>
internal static class LossCommand
{
    public static Command Create(CliContext context)
    {
        var logits = new Option<string>("--logits") { Description = "N×C logits: .npy (float16/32/64, C order, 2-D) or CSV rows.", Required = true };
        var targets = new Option<string>("--targets") { Description = "Class indices: .npy int32/int64 or one index per line; with --target-probs N×C probabilities (.npy or CSV).", Required = true };
        var targetProbs = new Option<bool>("--target-probs") { Description = "Targets are probability rows, not class indices." };
        var weights = new Option<string?>("--weights") { Description = "One weight per class: a file of numbers or an inline list." };
        var ignoreIndex = new Option<int>("--ignore-index") { Description = "Rows with this target are ignored (index targets).", DefaultValueFactory = _ => -100 };
        var smoothing = new Option<double>("--label-smoothing") { Description = "Label smoothing ε in [0, 1]." };
        var temperature = new Option<double>("--temperature") { Description = "Divide the logits by T > 0.", DefaultValueFactory = _ => 1.0 };
        var reduction = new Option<string>("--reduction") { Description = "mean | sum | none.", DefaultValueFactory = _ => "mean" };
        var grad = new Option<string?>("--grad") { Description = "Write ∂loss/∂logits to this .npy file (float32, or float64 for float64/CSV logits)." };
        var json = CommonOptions.Json();
        var command = new Command("loss", "Cross-entropy loss from logits, as torch.nn.functional.cross_entropy (nats).\nExample: shannon loss --logits logits.npy --targets labels.npy --label-smoothing 0.1 --json")
        {
            logits, targets, targetProbs, weights, ignoreIndex, smoothing, temperature, reduction, grad, json,
        };
        command.SetAction(parse =>
        {
            string logitsPath = parse.GetValue(logits)!;
            string targetsPath = parse.GetValue(targets)!;
            string? gradPath = parse.GetValue(grad);
            if (gradPath is not null && (SamePath(gradPath, logitsPath) || SamePath(gradPath, targetsPath)))
            {
                throw new UsageException($"--grad '{NumberList.Escape(gradPath)}' is one of the input files; choose another path.");
            }

            var options = new CrossEntropyOptions
            {
                ClassWeights = parse.GetValue(weights) is { } w ? NumberList.Read(w, "--weights", context) : default(ReadOnlyMemory<double>),
                IgnoreIndex = parse.GetValue(ignoreIndex),
                LabelSmoothing = parse.GetValue(smoothing),
                Temperature = parse.GetValue(temperature),
                Reduction = parse.GetValue(reduction) switch
                {
                    "mean" => LossReduction.Mean,
                    "sum" => LossReduction.Sum,
                    "none" => LossReduction.None,
                    var other => throw new UsageException($"--reduction '{NumberList.Escape(other!)}' is not mean, sum or none."),
                },
            };

            logitsPath = CliInput.FilePath(context, logitsPath, "--logits", InputFormat.NpyOrText);
            targetsPath = CliInput.FilePath(context, targetsPath, "--targets", InputFormat.NpyOrText);
            var table = LossInputs.ReadLogits(logitsPath);
            var rowLosses = new double[table.Rows];
            CrossEntropyResult result;
            if (table.Singles is { } singles)
            {
                var gradient = gradPath is null ? null : new float[singles.Length];
                result = parse.GetValue(targetProbs)
                    ? CrossEntropyLoss.FromLogits(singles, table.Classes, Array.ConvertAll(LossInputs.ReadProbabilities(targetsPath, table), v => (float)v), options, rowLosses, gradient)
                    : CrossEntropyLoss.FromLogits(singles, table.Classes, LossInputs.ReadIndices(targetsPath), options, rowLosses, gradient);
                if (gradient is not null)
                {
                    NpyFile.Write(gradPath!, gradient, [table.Rows, table.Classes]);
                }
            }
            else
            {
                var doubles = table.Doubles!;
                var gradient = gradPath is null ? null : new double[doubles.Length];
                result = parse.GetValue(targetProbs)
                    ? CrossEntropyLoss.FromLogits(doubles, table.Classes, LossInputs.ReadProbabilities(targetsPath, table), options, rowLosses, gradient)
                    : CrossEntropyLoss.FromLogits(doubles, table.Classes, LossInputs.ReadIndices(targetsPath), options, rowLosses, gradient);
                if (gradient is not null)
                {
                    NpyFile.Write(gradPath!, gradient, [table.Rows, table.Classes]);
                }
            }

            Write(context, result, rowLosses, parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(CliContext context, CrossEntropyResult result, double[] rowLosses, bool json)
    {
        if (json)
        {
            var fields = new List<KeyValuePair<string, object?>>
            {
                new("value", result.Value),
                new("unit", "nats"),
                new("count", result.Count),
            };
            if (result.Reduction == LossReduction.Mean)
            {
                fields.Add(new("perplexity", result.Perplexity));
            }

            if (result.Reduction == LossReduction.None)
            {
                fields.Add(new("values", rowLosses));
            }

            CliOutput.Json(context, fields);
            return;
        }

        string label = result.Reduction switch { LossReduction.Mean => "mean", LossReduction.Sum => "sum", _ => "total" };
        context.Out.WriteLine(result.Reduction == LossReduction.Mean
            ? $"cross-entropy ({label}) = {CliOutput.Number(result.Value)} nats over {result.Count} rows; perplexity {CliOutput.Number(result.Perplexity)}"
            : $"cross-entropy ({label}) = {CliOutput.Number(result.Value)} nats over {result.Count} rows");
        if (result.Reduction == LossReduction.None)
        {
            foreach (double v in rowLosses)
            {
                context.Out.WriteLine(v.ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
