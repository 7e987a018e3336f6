using System.CommandLine;
using System.Text.RegularExpressions;
using Shannon.Language;
using Shannon.Language.NGrams;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon perplexity TEXT_FILE [--model ngram[:PATH]] [--order N] [--level word|char] [--train CORPUS] [--json] [--per-token]</c>:
/// corpus perplexity, its standard error, cross-entropy and bits per byte of a text under a language model.
/// </summary>
internal static partial class PerplexityCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("TEXT_FILE") { Description = "The text to score; documents are separated by blank lines." };
        var modelOption = new Option<string>("--model") { Description = "ngram (the built-in King James Bible model, or one trained with --train) or ngram:PATH (a saved model).", DefaultValueFactory = _ => "ngram" };
        var order = new Option<int>("--order") { Description = "n-gram order for the built-in or --train model.", DefaultValueFactory = _ => 3 };
        var level = new Option<string>("--level") { Description = "word or char, for the built-in or --train model.", DefaultValueFactory = _ => "word" };
        var train = new Option<string?>("--train") { Description = "Train the n-gram model on this corpus instead of the King James Bible." };
        var perToken = new Option<bool>("--per-token") { Description = "With --json, add \"per_token\": text, offset, log-probability, surprisal, entropy, rank." };
        var json = CommonOptions.Json();
        var command = new Command("perplexity", "Perplexity of a text under a language model (exp of the mean token negative log-likelihood).\nExample: shannon perplexity notes.txt --level char --order 5 --json")
        {
            file, modelOption, order, level, train, perToken, json,
        };
        command.SetAction(parse =>
        {
            var model = LoadModel(parse.GetValue(modelOption)!, parse.GetValue(order), NgramCommand.ParseLevel(parse.GetValue(level)!), parse.GetValue(train));
            string text = File.ReadAllText(parse.GetValue(file)!);
            string[] paragraphs = [.. BlankLines().Split(text).Where(d => !string.IsNullOrWhiteSpace(d))];
            if (paragraphs.Length == 0)
            {
                throw new UsageException($"TEXT_FILE '{NumberList.Escape(parse.GetValue(file)!)}' is empty or blank: there is no token to score.");
            }

            bool details = parse.GetValue(perToken);
            var documents = paragraphs.Select(d => model.Score(d, details)).ToList();
            var report = PerplexityReport.Of(documents);
            if (parse.GetValue(json))
            {
                var fields = ReportFields(report, $"ngram order {model.Order} {model.Level.ToString().ToLowerInvariant()}");
                if (details)
                {
                    fields.Add(new("per_token", PerToken(documents)));
                }

                CliOutput.Json(context, fields);
            }
            else
            {
                context.Out.WriteLine($"perplexity = {CliOutput.Number(report.Perplexity)} ± {CliOutput.Number(report.PerplexityStandardError)} over {report.Tokens} tokens ({report.Documents} documents)");
                context.Out.WriteLine($"cross-entropy = {CliOutput.Number(report.CrossEntropy)} nats/token = {CliOutput.Number(report.CrossEntropyBits)} bits/token");
                context.Out.WriteLine($"bits per byte = {CliOutput.Number(report.BitsPerByte)} ({report.Bytes} bytes); bits per character = {CliOutput.Number(report.BitsPerCharacter)} ({report.Characters} characters)");
                context.Out.WriteLine($"word-level perplexity = {CliOutput.Number(report.WordPerplexity)} ({report.Words} words); mean of per-document perplexities = {CliOutput.Number(report.MeanDocumentPerplexity)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The report's JSON fields, in the documented order.</summary>
    internal static List<KeyValuePair<string, object?>> ReportFields(PerplexityReport report, string model) =>
    [
        new("perplexity", report.Perplexity),
        new("perplexity_stderr", report.PerplexityStandardError),
        new("cross_entropy", report.CrossEntropy),
        new("unit", "nats per token"),
        new("tokens", report.Tokens),
        new("bits_per_byte", report.BitsPerByte),
        new("cross_entropy_bits", report.CrossEntropyBits),
        new("bytes", report.Bytes),
        new("bits_per_character", report.BitsPerCharacter),
        new("characters", report.Characters),
        new("word_perplexity", report.WordPerplexity),
        new("words", report.Words),
        new("documents", report.Documents),
        new("mean_document_perplexity", report.MeanDocumentPerplexity),
        new("model", model),
    ];

    private static KneserNeyModel LoadModel(string model, int order, NGramLevel level, string? trainPath)
    {
        if (model.StartsWith("ngram:", StringComparison.Ordinal))
        {
            return KneserNeyFile.Load(model["ngram:".Length..]);
        }

        if (model != "ngram")
        {
            throw new UsageException($"--model '{NumberList.Escape(model)}' is neither ngram nor ngram:PATH.");
        }

        return trainPath is null ? KingJamesBible.Model(level, order) : KneserNeyModel.Train(File.ReadAllText(trainPath), order, level);
    }

    private static List<Dictionary<string, object?>> PerToken(List<ScoredText> documents)
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
                    ["entropy_bits"] = token.Entropy / Math.Log(2.0),
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
