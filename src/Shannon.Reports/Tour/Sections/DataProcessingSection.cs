using Shannon.Bottleneck;

namespace Shannon.Reports.Tour.Sections;

/// <summary>The data-processing inequality on a chain of two binary symmetric channels (lesson 003 §4.8).</summary>
internal static class DataProcessingSection
{
    public static TourSection Build(int number)
    {
        double[] first = [0.9, 0.1, 0.1, 0.9];
        double[] second = [0.8, 0.2, 0.2, 0.8];
        DataProcessingReport chain = DataProcessing.Check([0.5, 0.5], first, 2, second, 2, LogBase.Bits);
        return new TourSection(number, "The data-processing inequality (lesson 003 §4.8)",
        [
            new("X fair bit → Y = BSC(0.1)(X): I(X;Y)", chain.InformationXY, "bits", 4, null, "dpi.xy"),
            new("Y → Z = BSC(0.2)(Y): I(X;Z) ≤ I(X;Y)", chain.InformationXZ, "bits", 4, null, "dpi.xz"),
        ],
        ["003.dpi.code"],
        ["Processing cannot create information about X: for any Markov chain X → Y → Z, I(X;Z) ≤ I(X;Y)."]);
    }
}
