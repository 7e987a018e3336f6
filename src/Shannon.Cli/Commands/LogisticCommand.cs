using System.CommandLine;
using System.Globalization;
using System.Text;
using Shannon.Data.Files;
using Shannon.Data.Npy;
using Shannon.Data.Tables;
using Shannon.Losses;
using Shannon.Reports.Calibration;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon logistic DATA --target COL --logits OUT.npy --labels OUT.txt</c>: a seeded multinomial logistic regression
/// whose held-out logits and labels are written for <c>shannon calibration</c>.
/// </summary>
internal static class LogisticCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string>("DATA") { Description = "A .csv, .tsv or .parquet file with a header (or - for stdin); numeric columns are the features." };
        var target = new Option<string>("--target") { Description = "The class column.", Required = true };
        var logits = new Option<string>("--logits") { Description = "Write the held-out rows' logits here (.npy, float64, N × classes), or - for stdout.", Required = true }.ToStdoutOrFile("the logits");
        var labels = new Option<string>("--labels") { Description = "Write the held-out rows' class indices here, one per line (classes in sorted order of their names), or - for stdout.", Required = true }.ToStdoutOrFile("the labels");
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of the rows held out.", DefaultValueFactory = _ => 0.3 }.Within(0.05, 0.95);
        var epochs = new Option<int>("--epochs") { Description = "Full-batch gradient steps.", DefaultValueFactory = _ => 2000 }.Within(1, 100_000);
        var learningRate = new Option<double>("--learning-rate") { Description = "Gradient step size (features are standardised).", DefaultValueFactory = _ => 1.0 }.Within(1e-6, 100);
        var seed = new Option<int>("--seed") { Description = "Seed of the train/test split.", DefaultValueFactory = _ => 0 }.Within(OptionRanges.Seed);
        var json = CommonOptions.Json();
        var command = new Command(
            "logistic",
            "Fit a seeded multinomial logistic regression (softmax regression, full-batch gradient descent on the cross-entropy, no regularisation) and write the held-out rows' logits and labels, e.g. for shannon calibration.\n"
            + "Example: shannon logistic data/digits.csv --target target --logits held_out.npy --labels held_out.txt")
        {
            data, target, logits, labels, testFraction, epochs, learningRate, seed, json,
        };
        command.SetAction(parse =>
        {
            string dataArgument = parse.GetValue(data)!;
            string logitsPath = parse.GetValue(logits)!;
            string labelsPath = parse.GetValue(labels)!;
            if (!OutputPaths.IsStdout(logitsPath) && !logitsPath.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--logits '{NumberList.Escape(logitsPath)}' must end in .npy.");
            }

            string[] inputs = [dataArgument];
            OutputPaths.Check(logitsPath, "--logits", inputs);
            OutputPaths.Check(labelsPath, "--labels", inputs);
            if (!OutputPaths.IsStdout(logitsPath) && !OutputPaths.IsStdout(labelsPath) && AtomicFile.SameFile(logitsPath, labelsPath))
            {
                throw new UsageException("--logits and --labels name the same file; choose two paths.");
            }

            string path = CliInput.FilePath(context, dataArgument, "DATA", InputFormat.Table);
            string targetName = parse.GetValue(target)!;
            var kinds = TableReader.ColumnKinds(path);
            if (!kinds.ContainsKey(targetName))
            {
                throw new ArgumentException($"--target: there is no column '{targetName}' in '{CliInput.DisplayName(dataArgument)}'; it has: {string.Join(", ", kinds.Keys)}.");
            }

            string[] features = CliTables.NumericFeatures(context, kinds, targetName, CliInput.DisplayName(dataArgument), "logistic regression");

            var (x, classes) = CliTables.ReadClassification(context, path, features, targetName, "");
            int n = classes.Codes.Length;

            var y = classes.Codes.ToArray();
            var (train, test) = SoftmaxRegression.Split(n, parse.GetValue(testFraction), parse.GetValue(seed));
            if (train.Length == 0 || test.Length == 0)
            {
                throw new InvalidDataException($"{n} rows cannot be split into training and held-out rows at --test-fraction {CliOutput.Number(parse.GetValue(testFraction))}.");
            }

            int k = classes.CategoryCount;
            var model = SoftmaxRegression.Fit(x, features.Length, y, k, train, parse.GetValue(epochs), parse.GetValue(learningRate));
            var trainLogits = model.Logits(x, train);
            var testLogits = model.Logits(x, test);
            var testLabels = test.Select(r => y[r]).ToArray();
            double trainAccuracy = Accuracy(trainLogits, k, train.Select(r => y[r]).ToArray());
            double testAccuracy = Accuracy(testLogits, k, testLabels);
            double testNll = CrossEntropyLoss.FromLogits(testLogits, k, testLabels).Value;
            // Logits and labels land together or neither does: a mismatched pair would calibrate without a word.
            byte[] labelText = new UTF8Encoding(false).GetBytes(string.Concat(testLabels.Select(v => v.ToString(CultureInfo.InvariantCulture) + "\n")));
            OutputPaths.WriteAll(context, inputs, [
                (logitsPath, "--logits", stream => NpyFile.Write(stream, testLogits, [test.Length, k])),
                (labelsPath, "--labels", stream => stream.Write(labelText))]);
            string[] names = [.. classes.Categories.Select(c => c ?? "(missing)")];
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [
                    new("classes", names), new("features", features.Length), new("train_rows", train.Length), new("test_rows", test.Length),
                    new("train_accuracy", trainAccuracy), new("test_accuracy", testAccuracy), new("test_nll", testNll), new("unit", "nats"),
                    new("logits", FullPath(logitsPath)), new("labels", FullPath(labelsPath))]);
            }
            else
            {
                context.Out.WriteLine($"{features.Length} features, {k} classes ({string.Join(", ", names.Take(12))}{(k > 12 ? ", …" : string.Empty)}), {train.Length} training rows, {test.Length} held out");
                context.Out.WriteLine($"train accuracy {CliOutput.Number(trainAccuracy)}, held-out accuracy {CliOutput.Number(testAccuracy)}, held-out NLL {CliOutput.Number(testNll)} nats");
                context.Out.WriteLine($"wrote logits to {Destination(logitsPath)} and labels to {Destination(labelsPath)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Where an output went, for the summary line: <c>stdout</c> for <c>-</c>, else the path.</summary>
    private static string Destination(string path) => OutputPaths.IsStdout(path) ? "stdout" : path;

    /// <summary>An output's full path for JSON; <c>-</c> (stdout) stays <c>-</c>.</summary>
    private static string FullPath(string path) => OutputPaths.IsStdout(path) ? path : Path.GetFullPath(path);

    private static double Accuracy(double[] logits, int classes, int[] labels)
    {
        int hits = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = logits.AsSpan(i * classes, classes);
            hits += row.IndexOf(System.Numerics.Tensors.TensorPrimitives.Max(row)) == labels[i] ? 1 : 0;
        }

        return (double)hits / labels.Length;
    }
}
