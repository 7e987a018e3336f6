using System.CommandLine;
using System.Text.RegularExpressions;
using Shannon.Data.Files;
using Shannon.Language;
using Shannon.Language.Html;
using Shannon.Language.LogProbs;
using Shannon.Language.NGrams;
using Shannon.Language.Onnx;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon perplexity [TEXT_FILE] [--model ngram[:PATH]] [--logprobs FILE.jsonl] [--json] [--per-token]</c>:
/// corpus perplexity, its standard error, cross-entropy and bits per byte of a text under a language model, or of
/// the log-probabilities an inference engine returned.
/// </summary>
internal static partial class PerplexityCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("TEXT_FILE") { Description = "The text to score with an n-gram model or --onnx (a file, or - for stdin); documents are separated by blank lines.", Arity = ArgumentArity.ZeroOrOne };
        var modelOption = new Option<string>("--model") { HelpName = "ngram[:PATH]", Description = "ngram (the built-in King James Bible model, or one trained with --train) or ngram:PATH (a saved model).", DefaultValueFactory = _ => "ngram" };
        var order = new Option<int>("--order") { HelpName = "N", Description = "n-gram order for the built-in or --train model.", DefaultValueFactory = _ => 3 }.Within(OptionRanges.NgramOrder);
        var level = new Option<string>("--level") { HelpName = "word|char", Description = "word or char, for the built-in or --train model.", DefaultValueFactory = _ => "word" };
        var train = new Option<string?>("--train") { HelpName = "CORPUS", Description = "Train the n-gram model on this corpus instead of the King James Bible." };
        var logprobs = new Option<string?>("--logprobs") { HelpName = "FILE.jsonl", Description = "Score the log-probabilities an engine returned: a JSONL file, one response per line (OpenAI, llama.cpp or vLLM)." };
        var format = new Option<string?>("--format") { HelpName = "openai|llamacpp|vllm", Description = "The --logprobs format: openai, llamacpp or vllm (detected per line when omitted)." };
        var logits = new Option<string?>("--logits") { HelpName = "FILE.npy", Description = "Score a logit dump: a T×V .npy table (float16/32/64); row t predicts token t + 1." };
        var tokens = new Option<string?>("--tokens") { HelpName = "FILE", Description = "With --logits: the token ids the model read (.npy integers or a text list), T ids (last row unused) or T + 1." };
        var reference = new Option<string?>("--reference") { HelpName = "REF.npy", Description = "With --logits: a reference model's dump of the same tokens; adds KL(reference ‖ model) statistics, top-1 agreement, Δp, ln PPL ratio." };
        var temperatures = new Option<string?>("--temperatures") { HelpName = "T1,T2,…", Description = "With --logits or --onnx: a temperature sweep, e.g. 0.5,0.8,1,1.5,2 — perplexity and mean entropy at each T." };
        var onnx = new Option<string?>("--onnx") { HelpName = "MODEL.onnx", Description = "Score TEXT_FILE with an ONNX causal language model (input_ids → logits, a GPT-2-style export)." };
        var tokenizer = new Option<string?>("--tokenizer") { HelpName = "gpt2|cl100k|o200k", Description = "With --onnx (default gpt2) or --logits (to show token text): gpt2, cl100k or o200k." };
        var window = new Option<int>("--window") { HelpName = "W", Description = "With --onnx: the most tokens one forward pass reads (the model's context).", DefaultValueFactory = _ => 1024 }.Within(OptionRanges.ContextTokens);
        var stride = new Option<int?>("--stride") { HelpName = "S", Description = "With --onnx: new tokens scored per window after the first, 1 … window (default window/2); every token is scored once." }.Within(OptionRanges.ContextTokens);
        var bos = new Option<bool>("--bos") { Description = "With --onnx: put <|endoftext|> in front of each document so its first token is scored too (without it the first token has no context and is not scored)." };
        var html = new Option<string?>("--html") { HelpName = "OUT.html", Description = "Also write a self-contained HTML page of the text coloured by surprisal, each token's numbers on hover; - for stdout." }.ToStdoutOrFile("the HTML page");
        var colour = new Option<string>("--colour") { HelpName = "surprisal|rank", Description = "With --html: surprisal (a continuous scale) or rank (GLTR's top-10/100/1000 buckets).", DefaultValueFactory = _ => "surprisal" };
        var perToken = new Option<bool>("--per-token") { Description = "With --json, add \"per_token\": text, offset, log-probability, surprisal, entropy, rank, top alternatives." };
        var json = CommonOptions.Json();
        var command = new Command("perplexity", "Perplexity of a text under a language model (exp of the mean token negative log-likelihood), with its standard error, cross-entropy and bits per byte.\nSources: a built-in or trained n-gram model (TEXT_FILE), an engine's log-probabilities (--logprobs), a logit dump (--logits), or an ONNX causal LM (--onnx).\nExamples: shannon perplexity notes.txt --level char --order 5 --json\n          shannon perplexity --logprobs responses.jsonl --html page.html --colour rank\n          shannon perplexity essay.txt --onnx gpt2.onnx --tokenizer gpt2 --window 1024 --stride 512 --bos\n          shannon perplexity --logits q4.npy --tokens ids.npy --reference f16.npy --temperatures 0.5,1,2")
        {
            file, modelOption, order, level, train, logprobs, format, logits, tokens, reference, temperatures, onnx, tokenizer, window, stride, bos, html, colour, perToken, json,
        };
        command.SetAction(parse =>
        {
            RefuseInertOptions(parse, new PerplexityOptions(file, modelOption, order, level, train, logprobs, format, logits, tokens, reference, onnx, tokenizer, window, stride, bos, html, colour, perToken, json));
            string? htmlPath = parse.GetValue(html);
            string[] inputs = [.. new[] { parse.GetValue(file), parse.GetValue(train), parse.GetValue(logprobs), parse.GetValue(logits), parse.GetValue(tokens), parse.GetValue(reference), parse.GetValue(onnx), parse.GetValue(modelOption)!.StartsWith("ngram:", StringComparison.Ordinal) ? parse.GetValue(modelOption)!["ngram:".Length..] : null }.OfType<string>()];
            if (htmlPath is not null)
            {
                OutputPaths.Check(htmlPath, "--html", inputs); // refuse a bad output before the scoring, not after it
            }

            var colouring = ParseColouring(parse.GetValue(colour)!);
            // Entropy, rank and alternatives cost O(V) per token: computed for --per-token and rank colours, and for a page
            // short enough to show them inline (ScoreWithNgram); a long page (a corpus) shows surprisal and p per token.
            bool details = parse.GetValue(perToken) || (htmlPath is not null && colouring == SurprisalColouring.Rank);
            double[]? sweep = parse.GetValue(temperatures) is { } list ? NumberList.Read(list, "--temperatures", context) : null;
            if (sweep is not null && parse.GetValue(logits) is null && parse.GetValue(onnx) is null)
            {
                throw new UsageException("--temperatures needs logits (--logits or --onnx): log-probabilities and n-gram scores cannot be re-tempered.");
            }

            var run = parse.GetValue(logprobs) is { } logprobsPath
                ? new PerplexityRun(LogProbReader.Read(CliInput.FilePath(context, logprobsPath, "--logprobs", InputFormat.JsonLines), ParseFormat(parse.GetValue(format))), "log-probabilities from " + Path.GetFileName(CliInput.DisplayName(logprobsPath)))
                : parse.GetValue(logits) is { } logitsPath
                ? PerplexityLogits.Score(context, logitsPath, parse.GetValue(tokens), parse.GetValue(reference), sweep, Decoder(parse.GetValue(tokenizer)))
                : parse.GetValue(onnx) is { } onnxPath
                ? PerplexityOnnx.Score(Documents(context, parse.GetValue(file)), onnxPath, parse.GetValue(tokenizer) ?? "gpt2", parse.GetValue(window), parse.GetValue(stride), parse.GetValue(bos), sweep)
                : ScoreWithNgram(context, parse.GetValue(file), parse.GetValue(modelOption)!, parse.GetValue(order), parse.GetValue(level)!, parse.GetValue(train), details, htmlPath is not null);
            var report = PerplexityReport.Of(run.Documents);
            if (htmlPath is not null)
            {
                OutputPaths.WriteText(context, htmlPath, "--html", inputs, SurprisalPage.Render(run.Documents, "Surprisal — " + run.Model, colouring));
            }

            if (parse.GetValue(json))
            {
                var fields = ReportFields(report, run.Model, run.HasText);
                fields.AddRange(run.Fields);
                if (parse.GetValue(perToken))
                {
                    fields.Add(new("per_token", PerToken(run.Documents)));
                }

                CliOutput.Json(context, fields);
            }
            else
            {
                string error = double.IsNaN(report.PerplexityStandardError) ? " (no standard error from one token)" : $" ± {CliOutput.Number(report.PerplexityStandardError)}";
                context.Out.WriteLine($"perplexity = {CliOutput.Number(report.Perplexity)}{error} over {report.Tokens} tokens ({report.Documents} documents)");
                context.Out.WriteLine($"cross-entropy = {CliOutput.Number(report.CrossEntropy)} nats/token = {CliOutput.Number(report.CrossEntropyBits)} bits/token");
                if (run.HasText)
                {
                    context.Out.WriteLine(report.Bytes > 0
                        ? $"bits per byte = {CliOutput.Number(report.BitsPerByte)} ({report.Bytes} bytes); bits per character = {CliOutput.Number(report.BitsPerCharacter)} ({report.Characters} characters)"
                        : "bits per byte and per character: none (the tokens hold no text)");
                    context.Out.WriteLine(report.Words > 0
                        ? $"word-level perplexity = {CliOutput.Number(report.WordPerplexity)} ({report.Words} words); mean of per-document perplexities = {CliOutput.Number(report.MeanDocumentPerplexity)}"
                        : $"mean of per-document perplexities = {CliOutput.Number(report.MeanDocumentPerplexity)}");
                }

                if (run.ClosedVocabulary || report.OutOfVocabulary > 0)
                {
                    context.Out.WriteLine($"out of vocabulary: {report.OutOfVocabulary} of {report.Tokens} tokens ({CliOutput.Number(100 * report.OutOfVocabularyRate)}%), scored as <unk>; the perplexity counts them as <unk>");
                }

                if (run.HasText && report.SpelledBytes > 0)
                {
                    context.Out.WriteLine($"spelled out: {report.SpelledBytes} bytes the model did not predict cost {CliOutput.Number(report.SpellingNats / Math.Log(2))} bits (8.006 per byte plus an end mark), included in the per-byte, per-character and word figures");
                }

                foreach (string line in run.Lines)
                {
                    context.Out.WriteLine(line);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The report's JSON fields, in the documented order; byte, character and word figures are null without real text
    /// (or with no bytes, characters or words to divide by), and <c>perplexity_stderr</c> is null for a single token.
    /// </summary>
    internal static List<KeyValuePair<string, object?>> ReportFields(PerplexityReport report, string model, bool hasText = true) =>
    [
        new("perplexity", report.Perplexity),
        new("perplexity_stderr", CliOutput.OrNull(report.PerplexityStandardError)),
        new("cross_entropy", report.CrossEntropy),
        new("unit", "nats per token"),
        new("tokens", report.Tokens),
        new("bits_per_byte", hasText && report.Bytes > 0 ? report.BitsPerByte : null),
        new("cross_entropy_bits", report.CrossEntropyBits),
        new("bytes", hasText ? report.Bytes : null),
        new("bits_per_character", hasText && report.Characters > 0 ? report.BitsPerCharacter : null),
        new("characters", hasText ? report.Characters : null),
        new("word_perplexity", hasText && report.Words > 0 ? report.WordPerplexity : null),
        new("words", hasText ? report.Words : null),
        new("oov", report.OutOfVocabulary),
        new("oov_rate", report.OutOfVocabularyRate),
        new("spelled_bytes", report.SpelledBytes),
        new("documents", report.Documents),
        new("mean_document_perplexity", report.MeanDocumentPerplexity),
        new("model", model),
    ];

    /// <summary>The options of <c>shannon perplexity</c>, to tell which of them the chosen source and outputs read.</summary>
    private sealed record PerplexityOptions(
        Argument<string?> File, Option<string> Model, Option<int> Order, Option<string> Level, Option<string?> Train,
        Option<string?> Logprobs, Option<string?> Format, Option<string?> Logits, Option<string?> Tokens, Option<string?> Reference,
        Option<string?> Onnx, Option<string?> Tokenizer, Option<int> Window, Option<int?> Stride, Option<bool> Bos,
        Option<string?> Html, Option<string> Colour, Option<bool> PerToken, Option<bool> Json);

    /// <summary>
    /// Refuses an option that the chosen source or output would not read (a saved model's --order, --window without
    /// --onnx, --per-token without --json…): one list of each option and the condition under which it is read, so that
    /// nothing given on the command line is silently ignored.
    /// </summary>
    private static void RefuseInertOptions(ParseResult parse, PerplexityOptions o)
    {
        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
        string[] sources = [.. new[] { (o.Logprobs, "--logprobs"), (o.Logits, "--logits"), (o.Onnx, "--onnx") }.Where(s => Given(s.Item1)).Select(s => s.Item2)];
        if (sources.Length > 1)
        {
            throw new UsageException($"{sources[0]} and {sources[1]} are two sources of scores; give one.");
        }

        string? source = sources.FirstOrDefault();
        string? savedModel = parse.GetValue(o.Model) is { } spec && spec.StartsWith("ngram:", StringComparison.Ordinal) ? spec : null;
        string ngramUse = source is null ? string.Empty : $"does not apply to {source}: it sets the n-gram model, and {source} brings its own scores.";
        string savedUse = $"does not apply to --model {NumberList.Escape(savedModel ?? string.Empty)}: a saved model keeps the order, level and corpus it was trained with.";
        (string Name, bool Given, string? Refusal)[] rules =
        [
            ("TEXT_FILE", parse.GetValue(o.File) is not null, source is "--logprobs" or "--logits" ? $"does not apply to {source}: the tokens and their scores come from its file(s)." : null),
            ("--model", Given(o.Model), source is null ? null : ngramUse),
            ("--order", Given(o.Order), source is not null ? ngramUse : savedModel is not null ? savedUse : null),
            ("--level", Given(o.Level), source is not null ? ngramUse : savedModel is not null ? savedUse : null),
            ("--train", Given(o.Train), source is not null ? ngramUse : savedModel is not null ? savedUse : null),
            ("--format", Given(o.Format), source is "--logprobs" ? null : "goes with --logprobs: it names the engine's JSONL format."),
            ("--tokens", Given(o.Tokens), source is "--logits" ? null : "goes with --logits: the token ids of the logit dump."),
            ("--reference", Given(o.Reference), source is "--logits" ? null : "goes with --logits: a reference dump of the same tokens."),
            ("--tokenizer", Given(o.Tokenizer), source is "--onnx" or "--logits" ? null : "goes with --onnx or --logits: the n-gram model and --logprobs bring their own tokens."),
            ("--window", Given(o.Window), source is "--onnx" ? null : "goes with --onnx: it sets the ONNX model's context."),
            ("--stride", Given(o.Stride), source is "--onnx" ? null : "goes with --onnx: it sets how far the ONNX model's window moves."),
            ("--bos", Given(o.Bos), source is "--onnx" ? null : "goes with --onnx: it puts the ONNX tokenizer's <|endoftext|> before each document."),
            ("--colour", Given(o.Colour), Given(o.Html) ? null : "goes with --html: it chooses the page's colours."),
            ("--per-token", Given(o.PerToken), Given(o.Json) ? null : "goes with --json: the per-token rows are printed in the JSON report only."),
        ];
        foreach (var (name, given, refusal) in rules)
        {
            if (given && refusal is not null)
            {
                throw new UsageException($"{name} {refusal}");
            }
        }
    }

    private static PerplexityRun ScoreWithNgram(CliContext context, string? path, string modelName, int order, string level, string? trainPath, bool details, bool page)
    {
        var paragraphs = Documents(context, path);
        var model = WorkProgress.Run(context, trainPath is null && !modelName.StartsWith("ngram:", StringComparison.Ordinal) ? "training the built-in model" : "loading the model", () =>
            LoadModel(context, modelName, order, NgramCommand.ParseLevel(level), trainPath));
        ScoredText[] scored = Score(context, model, paragraphs, details);
        if (!details && page && scored.Sum(s => (long)s.Count) <= SurprisalPage.InlineTokens)
        {
            // A page short enough to be drawn whole shows each token's entropy, rank and alternatives too.
            scored = Score(context, model, paragraphs, details: true);
        }

        string origin = modelName.StartsWith("ngram:", StringComparison.Ordinal) ? " from " + Path.GetFileName(CliInput.DisplayName(modelName["ngram:".Length..]))
            : trainPath is not null ? " trained on " + Path.GetFileName(CliInput.DisplayName(trainPath))
            : " trained on the King James Bible";
        return new PerplexityRun(scored, $"ngram order {model.Order} {model.Level.ToString().ToLowerInvariant()}{origin}") { ClosedVocabulary = true };
    }

    /// <summary>Scores each document, counting documents for the progress display.</summary>
    private static ScoredText[] Score(CliContext context, KneserNeyModel model, string[] paragraphs, bool details) =>
        WorkProgress.Run(context, details ? "scoring documents (with entropy and rank)" : "scoring documents", paragraphs.Length, counter =>
            paragraphs.Select(d =>
            {
                var scored = model.Score(d, details);
                counter.Advance();
                return scored;
            }).ToArray());

    /// <summary>The documents of TEXT_FILE: its paragraphs (separated by blank lines).</summary>
    private static string[] Documents(CliContext context, string? path)
    {
        if (path is null)
        {
            throw new UsageException("give a TEXT_FILE to score, or --logprobs FILE.jsonl, or --logits FILE.npy.");
        }

        string text = CliInput.ReadAllText(context, path, "TEXT_FILE");
        string[] paragraphs = [.. BlankLines().Split(text).Where(d => !string.IsNullOrWhiteSpace(d))];
        return paragraphs.Length > 0 ? paragraphs
            : throw new UsageException($"TEXT_FILE '{NumberList.Escape(path)}' is empty or blank: there is no token to score.");
    }

    /// <summary>A token-id decoder for logit dumps, or null to show ids.</summary>
    private static Func<int, string>? Decoder(string? tokenizerName)
    {
        if (tokenizerName is null)
        {
            return null;
        }

        var tokenizer = Tokenizers.Create(PerplexityOnnx.ParseTokenizer(tokenizerName));
        return id => tokenizer.Decode([id]) ?? string.Empty;
    }

    private static KneserNeyModel LoadModel(CliContext context, string model, int order, NGramLevel level, string? trainPath)
    {
        if (model.StartsWith("ngram:", StringComparison.Ordinal))
        {
            return KneserNeyFile.Load(CliInput.FilePath(context, model["ngram:".Length..], "--model", InputFormat.NGramModel));
        }

        if (model != "ngram")
        {
            throw new UsageException($"--model '{NumberList.Escape(model)}' is neither ngram nor ngram:PATH.");
        }

        return trainPath is null ? KingJamesBible.Model(level, order) : NgramCommand.Train(CliInput.ReadAllText(context, trainPath, "--train"), trainPath, order, level);
    }

    private static SurprisalColouring ParseColouring(string text) => text.ToLowerInvariant() switch
    {
        "surprisal" => SurprisalColouring.Surprisal,
        "rank" or "gltr" => SurprisalColouring.Rank,
        _ => throw new UsageException($"--colour '{NumberList.Escape(text)}' is neither surprisal nor rank."),
    };

    private static LogProbFormat? ParseFormat(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        "openai" => LogProbFormat.OpenAI,
        "llamacpp" or "llama.cpp" => LogProbFormat.LlamaCpp,
        "vllm" => LogProbFormat.Vllm,
        _ => throw new UsageException($"--format '{NumberList.Escape(text)}' is none of openai, llamacpp, vllm."),
    };

    private static List<Dictionary<string, object?>> PerToken(IReadOnlyList<ScoredText> documents)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var document in documents)
        {
            for (int i = 0; i < document.Count; i++)
            {
                var token = document[i];
                rows.Add(new()
                {
                    ["text"] = token.Text,
                    ["offset"] = token.Offset,
                    ["log_probability"] = token.LogProbability,
                    ["surprisal_bits"] = token.SurprisalBits,
                    ["entropy_bits"] = CliOutput.OrNull(token.Entropy / Math.Log(2.0)),
                    ["rank"] = token.Rank,
                    ["gltr"] = token.Bucket.ToString(),
                    ["top"] = token.Alternatives.Select(a => new Dictionary<string, object?> { ["text"] = a.Text, ["log_probability"] = a.LogProbability }).ToList(),
                });
            }
        }

        return rows;
    }

    [GeneratedRegex(@"\r?\n[ \t\r]*\n")]
    private static partial Regex BlankLines();
}
