using System.CommandLine;
using System.Globalization;
using Shannon.Data.Files;
using Shannon.Data.Npy;
using Shannon.Losses;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon loss [--kind KIND] ...</c>: PyTorch-compatible losses (cross-entropy by default, NLL, binary cross-entropy
/// on probabilities or logits, KL-divergence, sigmoid focal, InfoNCE, NT-Xent, the VAE's Gaussian KL) with optional
/// per-row values and their gradients written to .npy files.
/// </summary>
internal static class LossCommand
{
    /// <summary>The kinds, in the order --help lists them.</summary>
    private static readonly string[] Kinds = ["ce", "nll", "bce", "bce-logits", "kl-div", "focal", "infonce", "nt-xent", "gaussian-kl"];

    public static Command Create(CliContext context)
    {
        var kind = new Option<string>("--kind") { Description = "ce | nll | bce | bce-logits | kl-div | focal | infonce | nt-xent | gaussian-kl.", DefaultValueFactory = _ => "ce" };
        var input = new Option<string?>("--logits", "--input") { Description = "The first input, N×C or N: logits (ce, bce-logits, focal), log-probabilities (nll, kl-div) or probabilities (bce); .npy (float16/32/64) or CSV rows." };
        var targets = new Option<string?>("--targets") { Description = "Class indices (ce, nll: .npy int32/int64 or one per line); otherwise a table of the input's shape: probabilities in [0, 1] (bce, bce-logits, focal, ce with --target-probs) or target (log-)probabilities (kl-div)." };
        var targetProbs = new Option<bool>("--target-probs") { Description = "ce: the targets are probability rows, not class indices." };
        var weights = new Option<string?>("--weights") { Description = "ce, nll: one weight per class; bce, bce-logits: one per element or one per column. A .npy, a file of numbers or an inline list." };
        var positiveWeights = new Option<string?>("--pos-weight") { Description = "bce-logits: the positive term's weight, one per column (or per element); .npy, file or inline list." };
        var ignoreIndex = new Option<int>("--ignore-index") { Description = "ce, nll: rows with this target are ignored.", DefaultValueFactory = _ => -100 }.Within(OptionRanges.ClassIndex);
        var smoothing = new Option<double>("--label-smoothing") { Description = "ce: label smoothing ε." }.Within(0, 1);
        var logTarget = new Option<bool>("--log-target") { Description = "kl-div: the targets are log-probabilities (PyTorch log_target=True)." };
        var alpha = new Option<double>("--alpha") { Description = "focal: the positive class's balance α; a negative value turns balancing off (torchvision's −1).", DefaultValueFactory = _ => 0.25 }.Within(-1, 1);
        var gamma = new Option<double>("--gamma") { Description = "focal: the focusing exponent γ.", DefaultValueFactory = _ => 2.0 }.Within(OptionRanges.FocalGamma);
        var query = new Option<string?>("--query") { Description = "infonce: N×D queries (.npy or CSV rows); query i's positive is key i." };
        var keys = new Option<string?>("--keys") { Description = "infonce: N×D keys." };
        var z = new Option<string?>("--z") { Description = "nt-xent: 2N×D embeddings, rows i and i + N the two views of example i." };
        var mu = new Option<string?>("--mu") { Description = "gaussian-kl: N×D posterior means." };
        var logVariance = new Option<string?>("--logvar") { Description = "gaussian-kl: N×D posterior log-variances." };
        var temperature = new Option<double?>("--temperature") { Description = "ce: divide the logits by T (default 1); infonce: similarity / T (default 0.07); nt-xent: (default 0.5)." }.Within(OptionRanges.Temperature);
        var cosine = new Option<bool>("--cosine") { Description = "infonce: cosine similarity (rows normalised) instead of the dot product." };
        var reduction = new Option<string?>("--reduction") { Description = "mean | sum | none, and batchmean for kl-div (its default; mean elsewhere)." };
        var grad = new Option<string?>("--grad") { Description = "Write the gradient w.r.t. the first input (logits/input, query, z, mu) to this .npy file (float32 for float16/32 inputs, else float64), or - for stdout." }.ToStdoutOrFile("the gradient");
        var grad2 = new Option<string?>("--grad2") { Description = "infonce, gaussian-kl: write the gradient w.r.t. the second input (keys, logvar) to this .npy file, or - for stdout." }.ToStdoutOrFile("the second gradient");
        var json = CommonOptions.Json();
        var command = new Command("loss", "Losses as PyTorch computes them (nats), with their gradients: cross-entropy (default), NLL, BCE, BCE with logits, KL-divergence, focal, InfoNCE, NT-Xent, the VAE's Gaussian KL.\nExample: shannon loss --logits logits.npy --targets labels.npy --label-smoothing 0.1 --json\nExample: shannon loss --kind nt-xent --z views.npy --temperature 0.5 --grad dz.npy")
        {
            kind, input, targets, targetProbs, weights, positiveWeights, ignoreIndex, smoothing, logTarget, alpha, gamma,
            query, keys, z, mu, logVariance, temperature, cosine, reduction, grad, grad2, json,
        };
        command.SetAction(parse =>
        {
            string chosen = parse.GetValue(kind)!;
            if (!Kinds.Contains(chosen))
            {
                throw new UsageException($"--kind '{NumberList.Escape(chosen)}' is not one of {string.Join(", ", Kinds)}.");
            }

            void Only(Option option, params string[] kinds)
            {
                if (parse.GetResult(option) is { Implicit: false } given && !kinds.Contains(chosen))
                {
                    throw new UsageException($"{given.IdentifierToken?.Value ?? option.Name} does not apply to --kind {chosen} (only to {string.Join(", ", kinds)}).");
                }
            }

            Only(input, "ce", "nll", "bce", "bce-logits", "kl-div", "focal");
            Only(targets, "ce", "nll", "bce", "bce-logits", "kl-div", "focal");
            Only(targetProbs, "ce");
            Only(weights, "ce", "nll", "bce", "bce-logits");
            Only(positiveWeights, "bce-logits");
            Only(ignoreIndex, "ce", "nll");
            Only(smoothing, "ce");
            Only(logTarget, "kl-div");
            Only(alpha, "focal");
            Only(gamma, "focal");
            Only(query, "infonce");
            Only(keys, "infonce");
            Only(cosine, "infonce");
            Only(z, "nt-xent");
            Only(mu, "gaussian-kl");
            Only(logVariance, "gaussian-kl");
            Only(temperature, "ce", "infonce", "nt-xent");
            Only(grad2, "infonce", "gaussian-kl");

            string Needed(Option<string?> option, string? name = null) =>
                parse.GetValue(option) ?? throw new UsageException($"--kind {chosen} needs {name ?? option.Name}.");

            var request = new LossRequest(context, chosen)
            {
                Reduction = Reduction(parse.GetValue(reduction), chosen),
                Temperature = parse.GetValue(temperature),
                Weights = parse.GetValue(weights),
                PositiveWeights = parse.GetValue(positiveWeights),
                IgnoreIndex = parse.GetValue(ignoreIndex),
                LabelSmoothing = parse.GetValue(smoothing),
                TargetProbabilities = parse.GetValue(targetProbs),
                LogTarget = parse.GetValue(logTarget),
                Alpha = parse.GetValue(alpha),
                Gamma = parse.GetValue(gamma),
                Cosine = parse.GetValue(cosine),
                WantGradient = parse.GetValue(grad) is not null,
                WantSecondGradient = parse.GetValue(grad2) is not null,
            };

            // The inputs by kind, as the user named them (for the output checks) and as files to read (stdin spooled).
            (string Name, string Path)[] named = chosen switch
            {
                "infonce" => [("--query", Needed(query)), ("--keys", Needed(keys))],
                "nt-xent" => [("--z", Needed(z))],
                "gaussian-kl" => [("--mu", Needed(mu)), ("--logvar", Needed(logVariance))],
                _ => [(chosen is "ce" or "bce-logits" or "focal" ? "--logits" : "--input", Needed(input, chosen is "ce" or "bce-logits" or "focal" ? "--logits" : "--input")), ("--targets", Needed(targets))],
            };
            string? gradPath = parse.GetValue(grad);
            string? grad2Path = parse.GetValue(grad2);
            string[] inputPaths = [.. named.Select(n => n.Path), .. new[] { request.Weights, request.PositiveWeights }.OfType<string>()];
            CheckOutput(gradPath, "--grad", inputPaths);
            CheckOutput(grad2Path, "--grad2", inputPaths);
            if (gradPath is not null && grad2Path is not null && SamePath(gradPath, grad2Path))
            {
                throw new UsageException("--grad and --grad2 name the same file; choose two paths.");
            }

            string[] files = [.. named.Select(n => CliInput.FilePath(context, n.Path, n.Name, InputFormat.NpyOrText))];
            var run = LossKinds.Run(request, files);
            if (double.IsNaN(run.Result.Value))
            {
                // Before any output is opened: a refused run replaces no file and writes nothing to stdout.
                throw new UsageException(chosen is "ce" or "nll"
                    ? "every row is ignored (or weighs 0), so the mean is 0/0 and undefined (PyTorch gives NaN); use --reduction sum."
                    : "the loss is NaN.");
            }

            // Both gradients land together or neither does.
            OutputPaths.WriteAll(context, inputPaths, [
                (run.First is null ? null : gradPath, "--grad", stream => WriteGradient(stream, run.First!)),
                (run.Second is null ? null : grad2Path, "--grad2", stream => WriteGradient(stream, run.Second!))]);
            Output(context, chosen, run, IsPerplexity(request), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The reduction by name: mean, sum or none, and batchmean for kl-div; the kind's default when not given.</summary>
    private static string Reduction(string? name, string kind)
    {
        string value = name ?? (kind == "kl-div" ? "batchmean" : "mean");
        return value switch
        {
            "mean" or "sum" or "none" => value,
            "batchmean" when kind == "kl-div" => value,
            _ => throw new UsageException($"--reduction '{NumberList.Escape(value)}' is not {(kind == "kl-div" ? "batchmean, mean, sum or none" : "mean, sum or none")}."),
        };
    }

    /// <summary>Refuses an output that is an input, a directory or a device before anything is computed.</summary>
    private static void CheckOutput(string? path, string name, string[] inputs)
    {
        if (path is null || OutputPaths.IsStdout(path))
        {
            return;
        }

        if (inputs.Any(i => !CliInput.IsStdin(i) && SamePath(path, i)))
        {
            throw new UsageException($"{name} '{NumberList.Escape(path)}' is one of the input files; choose another path.");
        }

        OutputPaths.Check(path, name, inputs);
    }

    private static void WriteGradient(Stream stream, LossKinds.Gradient gradient)
    {
        if (gradient.Singles is { } singles)
        {
            NpyFile.Write(stream, singles, gradient.Shape);
        }
        else
        {
            NpyFile.Write(stream, gradient.Doubles!, gradient.Shape);
        }
    }

    /// <summary>
    /// Whether e^loss is the model's perplexity: a mean cross-entropy of class indices with nothing that changes the
    /// loss from the targets' mean negative log-likelihood — no label smoothing (it adds ε·mean over all classes),
    /// no class weights (a weighted mean), no temperature other than 1 (another model than the logits given), no
    /// probability targets. Elsewhere e^loss is no perplexity and is not printed.
    /// </summary>
    private static bool IsPerplexity(LossRequest request) =>
        request.Kind == "ce" && request.Reduction == "mean" && request.LabelSmoothing == 0 && request.Weights is null
        && (request.Temperature ?? 1.0) == 1.0 && !request.TargetProbabilities;

    private static void Output(CliContext context, string kind, LossKinds.Outcome run, bool perplexity, bool json)
    {
        var result = run.Result;
        if (json)
        {
            var fields = new List<KeyValuePair<string, object?>>
            {
                new("value", result.Value),
                new("kind", kind),
                new("reduction", run.Reduction),
                new("unit", "nats"),
                new("n", run.Values.Length),
                new("count", result.Count),
            };
            if (perplexity)
            {
                fields.Add(new("perplexity", result.Perplexity));
            }

            if (run.Reduction == "none")
            {
                fields.Add(new("values", run.Values));
            }

            CliOutput.Json(context, fields);
            return;
        }

        string label = run.Reduction == "none" ? "total" : run.Reduction;
        if (kind == "ce")
        {
            context.Out.WriteLine(perplexity
                ? $"cross-entropy ({label}) = {CliOutput.Number(result.Value)} nats over {result.Count} rows; perplexity {CliOutput.Number(result.Perplexity)}"
                : $"cross-entropy ({label}) = {CliOutput.Number(result.Value)} nats over {result.Count} rows");
        }
        else
        {
            context.Out.WriteLine($"{run.Title} ({label}) = {CliOutput.Number(result.Value)} nats over {run.Values.Length} {run.Items}");
        }

        if (run.Reduction == "none")
        {
            foreach (double v in run.Values)
            {
                context.Out.WriteLine(v.ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool SamePath(string a, string b) => AtomicFile.SameFile(a, b);
}
