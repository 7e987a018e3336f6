using System.CommandLine;
using Shannon.Language.NGrams;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon ngram train CORPUS --order N [--level word|char] [--min-count K] -o MODEL [--json]</c>: trains and saves a Kneser–Ney model.</summary>
internal static class NgramCommand
{
    public static Command Create(CliContext context)
    {
        var corpus = new Argument<string>("CORPUS") { Description = "Training text (a file, or - for stdin); each non-blank line is a sentence." };
        var order = new Option<int>("--order") { Description = "The n-gram order n.", DefaultValueFactory = _ => 3 }.Within(OptionRanges.NgramOrder);
        var level = new Option<string>("--level") { Description = "word or char.", DefaultValueFactory = _ => "word" };
        var minCount = new Option<int>("--min-count") { Description = "Tokens seen fewer times become <unk>.", DefaultValueFactory = _ => 1 }.Within(OptionRanges.PositiveCount);
        var output = new Option<string>("--output", "-o") { Description = "The model file to write, or - for stdout.", Required = true }.ToStdoutOrFile("the model");
        var json = CommonOptions.Json();
        var train = new Command("train", "Train an interpolated modified Kneser–Ney model and save it.\nExample: shannon ngram train data/kjv.txt --order 3 -o kjv3.kn")
        {
            corpus, order, level, minCount, output, json,
        };
        train.SetAction(parse =>
        {
            string corpusPath = parse.GetValue(corpus)!;
            OutputPaths.Check(parse.GetValue(output)!, "-o", [corpusPath]); // refuse a bad -o before training
            string text = CliInput.ReadAllText(context, corpusPath, "CORPUS");
            var model = WorkProgress.Run(context, "training the n-gram model: tokens counted", 0, counter =>
                Train(text, corpusPath, parse.GetValue(order), ParseLevel(parse.GetValue(level)!), parse.GetValue(minCount), new WorkDoneProgress(counter)));
            OutputPaths.Write(context, parse.GetValue(output)!, "-o", [corpusPath], stream => KneserNeyFile.Save(model, stream));
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [new("model", parse.GetValue(output)), new("order", model.Order), new("level", parse.GetValue(level)), new("tokens", model.TrainingTokens), new("vocabulary", model.VocabularySize)]);
            }
            else
            {
                context.Out.WriteLine($"trained order-{model.Order} {parse.GetValue(level)} model: {model.TrainingTokens} tokens, vocabulary {model.VocabularySize}");
            }

            return ExitCodes.Success;
        });
        return new Command("ngram", "Kneser–Ney n-gram language models.") { train };
    }

    /// <summary>
    /// Trains on the text of <paramref name="path"/>; a text with no token is an error naming the file (the library
    /// names its parameter, <c>text</c>, which the user never typed).
    /// </summary>
    /// <exception cref="InvalidDataException">The file holds no token (empty or blank).</exception>
    internal static KneserNeyModel Train(string text, string path, int order, NGramLevel level, int minCount = 1, IProgress<WorkDone>? progress = null)
    {
        try
        {
            return KneserNeyModel.Train(text, order, level, minCount, progress);
        }
        catch (ArgumentException ex) when (ex.ParamName == "text")
        {
            throw new InvalidDataException($"'{CliInput.DisplayName(path)}' has no token to train on (it is empty or blank).", ex);
        }
    }

    /// <summary>Parses <c>word</c> or <c>char</c>/<c>character</c>.</summary>
    internal static NGramLevel ParseLevel(string text) => text.ToLowerInvariant() switch
    {
        "word" or "words" => NGramLevel.Word,
        "char" or "chars" or "character" or "characters" => NGramLevel.Character,
        _ => throw new UsageException($"--level '{NumberList.Escape(text)}' is neither word nor char."),
    };
}
