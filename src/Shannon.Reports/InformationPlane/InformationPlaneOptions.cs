namespace Shannon.Reports.InformationPlane;

/// <summary>Settings of the information-plane experiment.</summary>
/// <param name="Epochs">Training epochs (passes over the training split); ≥ 1.</param>
/// <param name="Bins">Equal-width bins over each layer's activation range for the binning estimate (Shwartz-Ziv &amp; Tishby used 30); ≥ 2.</param>
/// <param name="Seed">Seeds the weights, the train/test split, the minibatch order, the comparison subsample and its noise.</param>
/// <param name="LearningRate">Adam's step size; finite and positive.</param>
/// <param name="BatchSize">Samples per minibatch; ≥ 1.</param>
/// <param name="NeighbourSamples">Samples in the seeded subsample for the comparison estimates (noisy I(X;T + Z), Ross's k-NN I(T;Y)); 0 turns them off, else ≥ 20.</param>
/// <param name="NoiseVariance">σ² of the Gaussian noise added to T for the noisy-channel estimate of I(X;T + Z); finite and positive.</param>
/// <param name="TestFraction">The share of samples held out for the test accuracy and loss; in [0.05, 0.5].</param>
internal sealed record InformationPlaneOptions(
    int Epochs = 20, int Bins = 30, int Seed = 0, double LearningRate = 1e-3, int BatchSize = 32,
    int NeighbourSamples = 500, double NoiseVariance = 0.1, double TestFraction = 0.2)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> on a setting outside its range, naming it.</summary>
    public void Validate()
    {
        Check(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
        Check(Bins >= 2, nameof(Bins), Bins, "at least 2");
        Check(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "finite and positive");
        Check(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Check(NeighbourSamples == 0 || NeighbourSamples >= 20, nameof(NeighbourSamples), NeighbourSamples, "0 or at least 20");
        Check(NoiseVariance > 0 && double.IsFinite(NoiseVariance), nameof(NoiseVariance), NoiseVariance, "finite and positive");
        Check(TestFraction is >= 0.05 and <= 0.5, nameof(TestFraction), TestFraction, "in [0.05, 0.5]");
    }

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}; got {value}.");
        }
    }
}
