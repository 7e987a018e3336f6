using Shannon.Measures;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Mutual information of small joint tables, conditional entropy and information gain (lessons 000, 003 §4.7).</summary>
internal static class MutualInformationSection
{
    public static TourSection Build(int number)
    {
        int[] square = [2, 2];
        double[] outer = [0.4 * 0.3, 0.4 * 0.7, 0.6 * 0.3, 0.6 * 0.7];
        double[] weather = [0.40, 0.10, 0.15, 0.35];
        double[] transposed = [0.40, 0.15, 0.10, 0.35];
        double[] rows = [0.5, 0.5];
        double[] columns = [0.55, 0.45];
        double parent = Entropy.Of([0.6, 0.4], LogBase.Bits);
        double children = (0.5 * Entropy.Of([0.8, 0.2], LogBase.Bits)) + (0.5 * Entropy.Of([0.4, 0.6], LogBase.Bits));
        return new TourSection(number, "Mutual information (lessons 000 step 5, 003 §4.7)",
        [
            new("I(X;Y), independent fair bits [[0.25, 0.25], [0.25, 0.25]]", MutualInformation.Of([0.25, 0.25, 0.25, 0.25], square, LogBase.Bits), "bits", 4, null, "mi.independent"),
            new("I(X;Y), dependent [[0.45, 0.05], [0.05, 0.45]]", MutualInformation.Of([0.45, 0.05, 0.05, 0.45], square, LogBase.Bits), "bits", 4, null, "mi.dependent"),
            new("I(X;Y), joint = outer([0.4, 0.6], [0.3, 0.7])", MutualInformation.Of(outer, square), "nats", 4, "003.mi.independent", "mi.outer"),
            new("I(X;Y), joint [[0.40, 0.05], [0.05, 0.50]]", MutualInformation.Of([0.40, 0.05, 0.05, 0.50], square), "nats", 4, "003.mi.correlated", "mi.correlated"),
            new("I(X;Y), Y = X for a fair bit: I = H(X) = ln 2", MutualInformation.Of([0.5, 0.0, 0.0, 0.5], square), "nats", 4, null, "mi.deterministic"),
            new("weather table [[0.40, 0.10], [0.15, 0.35]]: H(X)", Entropy.Of(rows), "nats", 4, null, "conditional.hx"),
            new("  H(Y)", Entropy.Of(columns), "nats", 4, null, "conditional.hy"),
            new("  H(X,Y)", MutualInformation.JointEntropy(weather, square), "nats", 4, null, "conditional.hxy"),
            new("  H(X|Y) = H(X,Y) − H(Y)", MutualInformation.ConditionalEntropy(transposed, square), "nats", 4, null, "conditional.hx_given_y"),
            new("  I(X;Y) = H(X) − H(X|Y)", MutualInformation.Of(weather, square), "nats", 4, null, "conditional.mi"),
            new("information gain of a split 6:4 → (8:2 | 4:6), halves", parent - children, "bits", 4, null, "infogain"),
        ],
        [],
        ["I(X;Y) = Σ p(x,y) log p(x,y)/(p(x)p(y)) = H(X) − H(X|Y) ≥ 0, with equality exactly when X and Y are independent."]);
    }
}
