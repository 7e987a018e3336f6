using Shannon.Measures;

namespace Shannon.Reports.Plots;

/// <summary>The numbers behind each figure, computed by the library (the plots only draw them).</summary>
internal static class FigureCurves
{
    /// <summary><paramref name="count"/> evenly spaced points from <paramref name="start"/> to <paramref name="stop"/> inclusive.</summary>
    public static double[] Grid(double start, double stop, int count) =>
        Enumerable.Range(0, count).Select(i => start + ((stop - start) * i / (count - 1))).ToArray();

    /// <summary>H(p, 1 − p) in bits for each p.</summary>
    public static double[] BinaryEntropy(IReadOnlyList<double> p) =>
        p.Select(x => Entropy.Shannon([x, 1.0 - x], LogBase.Bits)).ToArray();
}
