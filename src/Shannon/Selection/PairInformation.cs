using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Selection;

/// <summary>
/// scikit-learn's per-pair rule for I(A;B): counts for two discrete variables, Ross for continuous–discrete,
/// KSG (algorithm 1) for two continuous ones; and the class-conditional I(A;B|Y) built from it.
/// </summary>
internal sealed class PairInformation(SelectionOptions options)
{
    private readonly Ksg ksg = new(options.Neighbors, JitterSeed: options.JitterSeed);
    private readonly Ross ross = new(options.Neighbors, JitterSeed: options.JitterSeed);

    /// <summary>I(A;B) in nats, clipped at 0.</summary>
    public double MutualInformation(FeatureColumn a, FeatureColumn b) => (a.IsDiscrete, b.IsDiscrete) switch
    {
        (true, true) => options.DiscreteEstimator.MutualInformation<int, int>(a.Codes, b.Codes).Value,
        (false, true) => ross.MutualInformation(a.Values, b.Codes).Value,
        (true, false) => ross.MutualInformation(b.Values, a.Codes).Value,
        (false, false) => ksg.MutualInformation(a.Values, b.Values).Value,
    };

    /// <summary>
    /// I(A;B|Y) for a discrete Y in nats: the discrete estimator's conditional MI when A and B are discrete, else
    /// Σ_y p(y) I(A;B | Y = y) with the pair rule inside each class; a class too small for the neighbour
    /// estimators (at most k rows, or no label seen twice for Ross) contributes 0.
    /// </summary>
    public double ConditionalMutualInformation(FeatureColumn a, FeatureColumn b, FeatureColumn y, int[][] rowsByClass)
    {
        if (a.IsDiscrete && b.IsDiscrete)
        {
            return options.DiscreteEstimator.ConditionalMutualInformation<int, int, int>(a.Codes, b.Codes, y.Codes).Value;
        }

        double sum = 0.0;
        foreach (int[] rows in rowsByClass)
        {
            if (rows.Length <= options.Neighbors)
            {
                continue;
            }

            var subsetA = a.Subset(rows);
            var subsetB = b.Subset(rows);
            if ((subsetA.IsDiscrete && !HasRepeat(subsetA)) || (subsetB.IsDiscrete && !HasRepeat(subsetB)))
            {
                continue;
            }

            sum += (double)rows.Length / y.Length * MutualInformation(subsetA, subsetB);
        }

        return sum;
    }

    /// <summary>DISR's term I(A,B;Y) / H(A,B,Y) for discrete A, B, Y, in [0, 1].</summary>
    public double SymmetricalRelevance(FeatureColumn a, FeatureColumn b, FeatureColumn y)
    {
        int[] ab = LabelCodes.Combine(a.CodeArray, b.CodeArray, b.CategoryCount, out _);
        int[] aby = LabelCodes.Combine(ab, y.CodeArray, y.CategoryCount, out _);
        double joint = options.DiscreteEstimator.Entropy<int>(aby).Value;
        return joint > 0 ? options.DiscreteEstimator.MutualInformation<int, int>(ab, y.Codes).Value / joint : 0.0;
    }

    /// <summary>The rows of each class of a discrete target.</summary>
    public static int[][] RowsByClass(FeatureColumn y)
    {
        var rows = new List<int>[y.CategoryCount];
        for (int c = 0; c < rows.Length; c++)
        {
            rows[c] = [];
        }

        var codes = y.Codes;
        for (int i = 0; i < codes.Length; i++)
        {
            rows[codes[i]].Add(i);
        }

        return [.. rows.Select(r => r.ToArray())];
    }

    private static bool HasRepeat(FeatureColumn discrete)
    {
        var seen = new HashSet<int>();
        foreach (int code in discrete.Codes)
        {
            if (!seen.Add(code))
            {
                return true;
            }
        }

        return false;
    }
}
