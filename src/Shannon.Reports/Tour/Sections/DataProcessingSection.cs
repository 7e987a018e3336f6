using Shannon.Bottleneck;

namespace Shannon.Reports.Tour.Sections;

/// <summary>The data-processing inequality on a chain of two binary symmetric channels, and the lesson's linear probe (lesson 003 §4.8).</summary>
internal static class DataProcessingSection
{
    private const int Samples = 1000;

    public static TourSection Build(int number)
    {
        double[] first = [0.9, 0.1, 0.1, 0.9];
        double[] second = [0.8, 0.2, 0.2, 0.8];
        DataProcessingReport chain = DataProcessing.Check([0.5, 0.5], first, 2, second, 2, LogBase.Bits);
        (double[] x, long[] labels) = ProbeData();
        double probe = LogisticProbe.CrossValidatedAccuracies(x, labels, 3).Average();
        return new TourSection(number, "The data-processing inequality (lesson 003 §4.8)",
        [
            new("X fair bit → Y = BSC(0.1)(X): I(X;Y)", chain.InformationXY, "bits", 4, null, "dpi.xy"),
            new("Y → Z = BSC(0.2)(Y): I(X;Z) ≤ I(X;Y)", chain.InformationXZ, "bits", 4, null, "dpi.xz"),
            new("linear-probe accuracy of X (torch seed 42, 3-fold CV)", probe, string.Empty, 3, null, "dpi.probe.accuracy"),
        ],
        ["003.dpi.code"],
        ["Processing cannot create information about X: for any Markov chain X → Y → Z, I(X;Z) ≤ I(X;Y).",
         "The probe is the lesson's with labels[:, None]: LogisticRegression() (L2, C = 1, fitted exactly by Newton) scored by 3-fold StratifiedKFold as scikit-learn does."]);
    }

    /// <summary>
    /// The probe's data, float32 as in the lesson: torch.manual_seed(42); y = randint(0, 2, (1000,));
    /// x = (2y − 1) + 0.8·randn(1000, 1).
    /// </summary>
    internal static (double[] X, long[] Labels) ProbeData()
    {
        var torch = new TorchCpuGenerator(42);
        long[] labels = torch.RandInt(0, 2, Samples);
        float[] noise = torch.RandN(Samples);
        var x = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            float sign = (float)((labels[i] * 2.0f) - 1.0f);
            x[i] = (float)(sign + (float)(0.8f * noise[i]));
        }

        return (x, labels);
    }
}
