using System.Numerics.Tensors;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Losses;
using Shannon.Numerics;
using Shannon.Reports.Tour;

namespace Shannon.Reports.InformationPlane;

/// <summary>
/// The information-plane experiment of Shwartz-Ziv &amp; Tishby: train a 64-32-16-10 tanh network on the digits with
/// Adam on the gradient of <see cref="CrossEntropyLoss"/>, and follow each layer T through the plane
/// (I(X;T), I(T;Y)) epoch by epoch (see <see cref="LayerEstimates"/>), with the lessons' training curves:
/// cross-entropy, mean predictive entropy, perplexity, and train/test accuracy.
/// </summary>
/// <remarks>
/// Deterministic: one seeded <see cref="Random"/> draws the weights, the train/test split, the minibatch order and the
/// comparison subsample; the noise for the noisy-channel I(X;T + Z) is a fixed seeded draw per layer, the same at every epoch, so
/// the path reflects T and not a new noise sample. The informations are computed on all n samples (train and test).
/// Reference: Shwartz-Ziv, R. &amp; Tishby, N. (2017), Opening the black box of deep neural networks via information,
/// arXiv:1703.00810.
/// </remarks>
internal sealed class InformationPlaneExperiment
{
    private static readonly int[] Sizes = [DigitsData.Features, 32, 16, DigitsData.Classes];

    private readonly DigitsData _data;
    private readonly InformationPlaneOptions _options;
    private readonly Perceptron _network;
    private readonly double[][][] _activations;
    private readonly int[] _train;
    private readonly int[] _test;
    private readonly int[] _subsample;
    private readonly double[][] _noise;
    private readonly Random _random;

    private InformationPlaneExperiment(DigitsData data, InformationPlaneOptions options)
    {
        _data = data;
        _options = options;
        _random = new Random(options.Seed);
        _network = new Perceptron(Sizes, _random, options.LearningRate);
        int n = data.Rows;
        _activations = Enumerable.Range(0, n).Select(_ => _network.NewActivations()).ToArray();
        int[] order = Enumerable.Range(0, n).ToArray();
        _random.Shuffle(order);
        int testCount = (int)Math.Round(n * options.TestFraction);
        _test = order[..testCount];
        _train = order[testCount..];
        _random.Shuffle(order);
        _subsample = order[..Math.Min(n, options.NeighbourSamples)];
        _noise = Enumerable.Range(1, _network.Layers)
            .Select(l => new NumpyLegacyRandom(unchecked((uint)(options.Seed + l))).Normals(_subsample.Length * _network.Width(l))).ToArray();
    }

    /// <summary>Runs the experiment on the built-in digits; <paramref name="progress"/> is told the epochs measured so far (1 … Epochs + 1, epoch 0 included).</summary>
    public static InformationPlaneResult Run(InformationPlaneOptions options, IProgress<int>? progress = null) => Run(DigitsData.Load(), options, progress);

    /// <summary>Runs the experiment on the given data; <paramref name="progress"/> is told the epochs measured so far (1 … Epochs + 1, epoch 0 included).</summary>
    public static InformationPlaneResult Run(DigitsData data, InformationPlaneOptions options, IProgress<int>? progress = null)
    {
        options.Validate();
        var experiment = new InformationPlaneExperiment(data, options);
        var epochs = new List<EpochRecord> { experiment.Measure(0) };
        progress?.Report(1);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            experiment.Train();
            epochs.Add(experiment.Measure(epoch));
            progress?.Report(epoch + 1);
        }

        double labelEntropy = new PlugIn().Entropy<int>(data.Labels, LogBase.Bits).Value;
        return new InformationPlaneResult(
            options, LogBase.Bits.Unit, data.Rows, experiment._train.Length, Math.Log2(data.Rows), labelEntropy, epochs);
    }

    /// <summary>One epoch: shuffled minibatches, each an Adam step on the mean cross-entropy's gradient.</summary>
    private void Train()
    {
        int classes = DigitsData.Classes;
        int batchSize = _options.BatchSize;
        var logits = new double[batchSize * classes];
        var gradient = new double[batchSize * classes];
        var targets = new int[batchSize];
        _random.Shuffle(_train);
        for (int start = 0; start < _train.Length; start += batchSize)
        {
            int count = Math.Min(batchSize, _train.Length - start);
            for (int b = 0; b < count; b++)
            {
                int s = _train[start + b];
                _network.Forward(_data.Row(s), _activations[s]);
                _activations[s][^1].CopyTo(logits, b * classes);
                targets[b] = _data.Labels[s];
            }

            var batchGradient = gradient.AsSpan(0, count * classes);
            CrossEntropyLoss.FromLogits(logits.AsSpan(0, count * classes), classes, targets.AsSpan(0, count), gradient: batchGradient);
            for (int b = 0; b < count; b++)
            {
                int s = _train[start + b];
                _network.Backward(_data.Row(s), _activations[s], batchGradient.Slice(b * classes, classes));
            }

            _network.Step();
        }
    }

    /// <summary>Runs every sample through the network and records the losses, accuracies and each layer's informations.</summary>
    private EpochRecord Measure(int epoch)
    {
        int n = _data.Rows;
        int classes = DigitsData.Classes;
        for (int s = 0; s < n; s++)
        {
            _network.Forward(_data.Row(s), _activations[s]);
        }

        var logits = Table(_network.Layers - 1);
        var (loss, trainAccuracy, meanEntropy) = Fit(logits, _train);
        var (testLoss, testAccuracy, _) = Fit(logits, _test);
        var layers = new List<LayerInformation>();
        for (int l = 0; l < _network.Layers; l++)
        {
            bool output = l == _network.Layers - 1;
            int width = _network.Width(l + 1);
            double[] table = output ? new double[logits.Length] : Table(l);
            if (output)
            {
                Softmax.OfRows(logits, classes, table);
            }

            var (compression, relevant) = LayerEstimates.Binned(LayerEstimates.BinnedCodes(table, width, _options.Bins), _data.Labels);
            double? noisyCompression = null, neighbourRelevant = null;
            if (_subsample.Length > 0)
            {
                (noisyCompression, neighbourRelevant) = LayerEstimates.Noisy(
                    table, width, _data.Labels, _subsample, _noise[l], _options.NoiseVariance);
            }

            string name = output ? $"output ({width})" : $"hidden {l + 1} ({width})";
            layers.Add(new LayerInformation(name, compression, relevant, noisyCompression, neighbourRelevant));
        }

        return new EpochRecord(epoch, loss.Value, testLoss.Value, meanEntropy, loss.Perplexity, trainAccuracy, testAccuracy, layers);
    }

    /// <summary>
    /// The mean cross-entropy (nats, <see cref="CrossEntropyLoss"/>), the accuracy and the mean predictive entropy
    /// (nats, <see cref="Softmax.EntropyRows(ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>) on the listed rows.
    /// </summary>
    private (CrossEntropyResult Loss, double Accuracy, double MeanEntropy) Fit(double[] logits, int[] rows)
    {
        int classes = DigitsData.Classes;
        var gathered = new double[rows.Length * classes];
        var targets = new int[rows.Length];
        int correct = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            var row = logits.AsSpan(rows[r] * classes, classes);
            row.CopyTo(gathered.AsSpan(r * classes, classes));
            targets[r] = _data.Labels[rows[r]];
            correct += TensorPrimitives.IndexOfMax<double>(row) == targets[r] ? 1 : 0;
        }

        var entropies = new double[rows.Length];
        Softmax.EntropyRows(gathered, classes, entropies);
        var loss = CrossEntropyLoss.FromLogits(gathered, classes, targets);
        return (loss, (double)correct / rows.Length, CompensatedSum.Of(entropies) / rows.Length);
    }

    /// <summary>Layer <paramref name="layer"/>'s activations of all samples as an n × width row-major table.</summary>
    private double[] Table(int layer)
    {
        int width = _network.Width(layer + 1);
        var table = new double[_data.Rows * width];
        for (int s = 0; s < _data.Rows; s++)
        {
            _activations[s][layer].CopyTo(table, s * width);
        }

        return table;
    }
}
