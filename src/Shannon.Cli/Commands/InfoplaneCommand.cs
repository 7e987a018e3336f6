using System.CommandLine;
using Shannon.Data.Files;
using Shannon.Reports.InformationPlane;

namespace Shannon.Cli.Commands;

/// <summary>
/// <c>shannon infoplane [--epochs N] [--bins B] [--seed S] [-o OUT_DIR]</c>: the information-plane experiment on the
/// built-in digits (64-32-16-10 tanh network, Adam, cross-entropy).
/// </summary>
internal static class InfoplaneCommand
{
    public static Command Create(CliContext context)
    {
        var epochs = new Option<int>("--epochs") { Description = "Training epochs (default 20).", DefaultValueFactory = _ => 20 }.Within(OptionRanges.Epochs);
        var bins = new Option<int>("--bins") { Description = "Equal-width bins per neuron for I(X;T), I(T;Y) (default 30).", DefaultValueFactory = _ => 30 }.Within(OptionRanges.TwoOrMoreBins);
        var seed = new Option<int>("--seed") { Description = "Seed of the weights, split, batches, subsample and noise (default 0).", DefaultValueFactory = _ => 0 }.Within(OptionRanges.Seed);
        var knn = new Option<int>("--knn-samples") { Description = "Subsample for the comparison estimates (noisy-channel I(X;T+Z), Ross k-NN I(T;Y)); 0 turns them off, else at least 20 (default 500).", DefaultValueFactory = _ => 500 }.Within(OptionRanges.NeighbourSamples);
        var noise = new Option<double>("--noise-variance") { Description = "σ² of the Gaussian noise Z in the comparison I(X;T+Z) (default 0.1).", DefaultValueFactory = _ => 0.1 }.Within(OptionRanges.Positive);
        var output = new Option<string>("--output", "-o") { Description = "Directory for the plots and the JSON (default infoplane).", DefaultValueFactory = _ => "infoplane" }.FileOnly("it is the directory that receives the plots and the JSON");
        var json = CommonOptions.Json();
        var command = new Command(
            "infoplane",
            "Train a 64-32-16-10 tanh network on the built-in digits (Adam on Shannon's cross-entropy gradient) and trace each layer through the information plane (Shwartz-Ziv & Tishby 2017): binned I(X;T), I(T;Y) and a comparison (noisy-channel I(X;T+Z), Ross k-NN I(T;Y)) per epoch, loss, predictive entropy, perplexity, accuracy.\n"
            + "Example: shannon infoplane --epochs 20 --bins 30 --seed 0 -o infoplane")
        {
            epochs, bins, seed, knn, noise, output, json,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(knn) is > 0 and < 20)
            {
                // Checked here so the message names the option; the options record names its property, NeighbourSamples.
                throw new UsageException($"--knn-samples must be 0 (off) or at least 20; got {parse.GetValue(knn)}.");
            }

            var options = new InformationPlaneOptions(
                Epochs: parse.GetValue(epochs), Bins: parse.GetValue(bins), Seed: parse.GetValue(seed), NeighbourSamples: parse.GetValue(knn),
                NoiseVariance: parse.GetValue(noise));
            OutputPaths.Directory(parse.GetValue(output)!, "-o", create: false); // refuse a bad -o before training
            var result = WorkProgress.Run(context, "epochs", options.Epochs + 1, counter => InformationPlaneExperiment.Run(options, new CountingProgress(counter)));
            var paths = InformationPlaneReport.Write(result, parse.GetValue(output)!);
            var last = result.Epochs[^1];
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [
                    new("epochs", options.Epochs), new("bins", options.Bins), new("seed", options.Seed), new("unit", result.Unit),
                    new("loss", last.Loss), new("perplexity", last.Perplexity),
                    new("train_accuracy", last.TrainAccuracy), new("test_accuracy", last.TestAccuracy),
                    new("files", paths.Select(Path.GetFullPath).ToArray())]);
            }
            else
            {
                context.Out.WriteLine($"H(X) = log2 n = {CliOutput.Number(result.InputEntropy)} {result.Unit}, H(Y) = {CliOutput.Number(result.LabelEntropy)} {result.Unit}, {result.Samples} samples ({result.TrainSamples} train)");
                context.Out.WriteLine($"epoch {last.Epoch}: loss {CliOutput.Number(last.Loss)} nats, perplexity {CliOutput.Number(last.Perplexity)}, train accuracy {CliOutput.Number(last.TrainAccuracy)}, test accuracy {CliOutput.Number(last.TestAccuracy)}");
                foreach (var layer in last.Layers)
                {
                    context.Out.WriteLine($"  {layer.Layer}: I(X;T) = {CliOutput.Number(layer.CompressionInformation)}, I(T;Y) = {CliOutput.Number(layer.RelevantInformation)} {result.Unit}");
                }

                foreach (string path in paths)
                {
                    context.Out.WriteLine($"wrote {path}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
