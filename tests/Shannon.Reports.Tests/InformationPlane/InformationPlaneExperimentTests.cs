using System.Text.Json;
using Shannon.Reports.InformationPlane;
using Shannon.Reports.Plots;

namespace Shannon.Reports.Tests.InformationPlane;

public class InformationPlaneExperimentTests
{
    private static readonly InformationPlaneOptions ShortOptions = new(Epochs: 3, Bins: 30, Seed: 7, NeighbourSamples: 60);

    private static readonly Lazy<InformationPlaneResult> Short = new(() => InformationPlaneExperiment.Run(ShortOptions));

    [Fact]
    public void Fixed_seed_reproduces_every_number()
    {
        var again = InformationPlaneExperiment.Run(ShortOptions);
        Assert.Equal(InformationPlaneReport.Json(Short.Value), InformationPlaneReport.Json(again));
        var other = InformationPlaneExperiment.Run(ShortOptions with { Seed = 8 });
        Assert.NotEqual(Short.Value.Epochs[1].Loss, other.Epochs[1].Loss);
    }

    [Fact]
    public void Binned_informations_obey_their_ceilings_for_every_layer_and_epoch()
    {
        // X is the sample identity and bin(T) a function of it, so the plug-in gives exactly
        // I(X;T) = H(bin T) ≤ log2 n, I(T;Y) ≤ min(H(bin T), H(Y)); these hold for any training, so they are checked on all epochs.
        var result = Short.Value;
        Assert.Equal(Math.Log2(1797), result.InputEntropy, 12);
        Assert.Equal(1797, result.Samples);
        foreach (var epoch in result.Epochs)
        {
            foreach (var layer in epoch.Layers)
            {
                string where = $"{layer.Layer} epoch {epoch.Epoch}";
                Assert.True(layer.CompressionInformation <= result.InputEntropy + 1e-12, where);
                Assert.True(layer.RelevantInformation <= layer.CompressionInformation + 1e-12, where);
                Assert.True(layer.RelevantInformation <= result.LabelEntropy + 1e-12, where);
                Assert.True(layer.NoisyCompression is >= 0 and var noisy && noisy <= Math.Log2(60) + 1e-12, where);
                Assert.True(layer.NeighbourRelevant >= 0, where);
            }
        }
    }

    [Fact]
    public void Two_bins_cap_each_layer_at_its_width_in_bits()
    {
        // With B = 2 bins a layer of width w has at most 2^w symbols: H(bin T) ≤ w bits (10 for the output, below log2 1797).
        var result = InformationPlaneExperiment.Run(new InformationPlaneOptions(Epochs: 1, Bins: 2, Seed: 7, NeighbourSamples: 0));
        int[] widths = [32, 16, 10];
        foreach (var epoch in result.Epochs)
        {
            for (int l = 0; l < widths.Length; l++)
            {
                Assert.True(epoch.Layers[l].CompressionInformation <= Math.Min(widths[l], result.InputEntropy) + 1e-12);
                Assert.Null(epoch.Layers[l].NoisyCompression);
            }
        }

        var fine = InformationPlaneExperiment.Run(new InformationPlaneOptions(Epochs: 1, Bins: 100, Seed: 7, NeighbourSamples: 0));
        Assert.True(result.Epochs[1].Layers[2].CompressionInformation < fine.Epochs[1].Layers[2].CompressionInformation);
    }

    [Fact]
    public void Training_lowers_the_loss_and_perplexity_is_its_exponential()
    {
        // Seed 7, Adam 1e-3, batch 32: the loss of the untrained network is near ln 10 and halves within 3 epochs.
        var epochs = Short.Value.Epochs;
        Assert.Equal(4, epochs.Count);
        for (int e = 1; e < epochs.Count; e++)
        {
            Assert.True(epochs[e].Loss < epochs[e - 1].Loss, $"epoch {e}");
        }

        Assert.True(epochs[^1].Loss < 0.6 * epochs[0].Loss);
        Assert.True(epochs[^1].TestAccuracy > 0.6);
        Assert.All(epochs, e => Assert.Equal(Math.Exp(e.Loss), e.Perplexity, 12));
        Assert.All(epochs, e => Assert.InRange(e.MeanPredictiveEntropy, 0, Math.Log(10) + 1e-12));
        Assert.All(epochs, e => Assert.InRange(e.TrainAccuracy, 0, 1));
        Assert.Equal(1438, Short.Value.TrainSamples);
        Assert.Equal(["hidden 1 (32)", "hidden 2 (16)", "output (10)"], epochs[0].Layers.Select(l => l.Layer));
    }

    /// <summary>
    /// With the default 30 bins every layer sits at I(X;T) = H(X) = log₂ n and I(T;Y) ≈ H(Y): fitted to the data the
    /// plane spanned 0.001 bit. Both planes now span at least half a bit each way, from 0 to the ceilings, and hold every point.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_plane_spans_at_least_half_a_bit_each_way_and_holds_every_point(bool neighbours)
    {
        var result = Short.Value;
        var plot = InformationPlaneFigures.Plane(result, neighbours);
        FigureFile.Png(plot, 640, 480);
        var limits = plot.Axes.GetLimits();
        Assert.True(limits.Right - limits.Left >= InformationPlaneFigures.MinimumSpan, $"x spans {limits.Right - limits.Left}");
        Assert.True(limits.Top - limits.Bottom >= InformationPlaneFigures.MinimumSpan, $"y spans {limits.Top - limits.Bottom}");
        Assert.True(limits.Left <= 0 && limits.Bottom <= 0);
        Assert.True(limits.Top >= result.LabelEntropy);
        foreach (var layer in result.Epochs.SelectMany(e => e.Layers))
        {
            double x = neighbours ? layer.NoisyCompression!.Value : layer.CompressionInformation;
            double y = neighbours ? layer.NeighbourRelevant!.Value : layer.RelevantInformation;
            Assert.InRange(x, limits.Left, limits.Right);
            Assert.InRange(y, limits.Bottom, limits.Top);
        }
    }

    [Fact]
    public void Report_writes_plots_and_json()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"shannon-infoplane-{Guid.NewGuid():N}");
        try
        {
            var paths = InformationPlaneReport.Write(Short.Value, directory);
            Assert.Equal(
                ["information-plane.png", "information-plane.svg", "information-plane-comparison.png", "information-plane-comparison.svg",
                    "training-curves.png", "training-curves.svg", "information-plane.json"],
                paths.Select(Path.GetFileName));
            Assert.All(paths, p => Assert.True(new FileInfo(p).Length > 500));
            Assert.Contains("I(X;T) (bits)", File.ReadAllText(paths[1]), StringComparison.Ordinal);
            var json = JsonDocument.Parse(File.ReadAllText(paths[^1])).RootElement;
            Assert.Equal(4, json.GetProperty("epochs").GetArrayLength());
            Assert.True(json.GetProperty("epochs")[0].TryGetProperty("mean_predictive_entropy", out _));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, 30, 32, 0.1, "Epochs")]
    [InlineData(1, 1, 32, 0.1, "Bins")]
    [InlineData(1, 30, 0, 0.1, "BatchSize")]
    [InlineData(1, 30, 32, 0.0, "NoiseVariance")]
    public void Bad_options_name_the_setting(int epochs, int bins, int batch, double noise, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            InformationPlaneExperiment.Run(new InformationPlaneOptions(Epochs: epochs, Bins: bins, BatchSize: batch, NoiseVariance: noise)));
        Assert.Equal(name, ex.ParamName);
    }
}
