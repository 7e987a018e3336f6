using System.Globalization;
using Shannon.Data.Tables;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Measures;

namespace Shannon.Reports.Information;

/// <summary>
/// Computes an <see cref="InformationReport"/> from a table with the library's measures and estimators; this class
/// only discretises, orders and words the warnings.
/// </summary>
internal static class InformationReportBuilder
{
    /// <summary>Features with at least this share of H(target) are flagged as possible leakage.</summary>
    public const double LeakageShare = 0.95;

    /// <summary>A numeric target with at most this many distinct values is treated as classes.</summary>
    public const int MaxClassesForNumericTarget = 20;

    /// <summary>Builds the report of <paramref name="table"/> about <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">The target is not a column, or there is no feature besides it.</exception>
    public static InformationReport Build(ColumnTable table, string source, string target, ReportSettings settings, IProgress<ReportStep>? progress = null)
    {
        if (!table.Columns.Any(c => c.Name == target))
        {
            throw new ArgumentException($"The target column '{target}' is not in the data; its columns are {string.Join(", ", table.Columns.Select(c => c.Name))}.", nameof(target));
        }

        var features = table.Columns.Where(c => c.Name != target).ToArray();
        if (features.Length == 0)
        {
            throw new ArgumentException("The data has no feature besides the target.", nameof(table));
        }

        var warnings = new List<string>();
        var targetColumn = table[target];
        var (targetCodes, classes, targetLabels) = TargetClasses(targetColumn, settings, warnings);
        long[] classCounts = Counts(targetCodes, classes);
        double targetEntropy = Entropy.Shannon(Distributions.FromCounts(classCounts), LogBase.Bits);
        for (int c = 0; c < classes; c++)
        {
            if (classCounts[c] <= settings.K)
            {
                warnings.Add($"Class '{targetLabels[c]}' has {classCounts[c]} row(s), not more than k = {settings.K}: the k-NN estimate uses fewer neighbours there and is unreliable.");
            }
        }

        var codes = new int[features.Length][];
        var profiles = new List<ColumnProfile>();
        for (int f = 0; f < features.Length; f++)
        {
            progress?.Report(new ReportStep($"entropy of {features[f].Name}", 0.4 * f / features.Length));
            codes[f] = Discretise(features[f], settings.Bins, out int distinct, out int rawDistinct, out string method);
            double h = new MillerMadow().Entropy(Counts(codes[f], distinct), LogBase.Bits).Value;
            profiles.Add(new ColumnProfile(features[f].Name, Kind(features[f]), rawDistinct, h, method));
            if (rawDistinct <= 1)
            {
                warnings.Add($"Column '{features[f].Name}' is constant: it carries no information.");
            }
        }

        profiles.Add(new ColumnProfile(target, Kind(targetColumn) + " (target)", classes, targetEntropy, "plug-in on the classes"));

        var relevance = new List<FeatureRelevance>();
        for (int f = 0; f < features.Length; f++)
        {
            progress?.Report(new ReportStep($"I({features[f].Name}; {target})", 0.4 + (0.3 * f / features.Length)));
            double mi = Relevance(features[f], codes[f], targetCodes, settings);
            relevance.Add(new FeatureRelevance(features[f].Name, mi, double.NaN, double.NaN, double.NaN));
            if (targetEntropy > 0 && mi >= LeakageShare * targetEntropy)
            {
                warnings.Add($"Feature '{features[f].Name}' has I = {mi.ToString("F3", CultureInfo.InvariantCulture)} bits, at least {LeakageShare:P0} of H(target) = {targetEntropy.ToString("F3", CultureInfo.InvariantCulture)} bits: it nearly determines the target (leakage?).");
            }
        }

        var redundancy = new double[features.Length * features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            progress?.Report(new ReportStep("redundancy between features", 0.7 + (0.3 * i / features.Length)));
            redundancy[(i * features.Length) + i] = 1.0;
            for (int j = i + 1; j < features.Length; j++)
            {
                double nmi = Clustering.NormalizedMutualInformation(codes[i], codes[j]);
                redundancy[(i * features.Length) + j] = nmi;
                redundancy[(j * features.Length) + i] = nmi;
            }
        }

        progress?.Report(new ReportStep("done", 1.0));
        return new InformationReport(
            source,
            table.RowCount,
            target,
            profiles,
            [.. relevance.OrderByDescending(r => r.MutualInformation)],
            [],
            features.Select(f => f.Name).ToArray(),
            redundancy,
            Enumerable.Range(0, classes).Select(c => new ClassShare(targetLabels[c], classCounts[c])).ToArray(),
            targetEntropy,
            warnings,
            settings);
    }

    /// <summary>
    /// I(feature; target) in bits: Ross's (2014) k-NN estimator for a numeric feature against the classes,
    /// the plug-in MI of the contingency table for a categorical feature.
    /// </summary>
    private static double Relevance(TableColumn feature, int[] featureCodes, int[] targetCodes, ReportSettings settings) =>
        feature.Kind == ColumnKind.Numeric
            ? new Ross(settings.K, JitterSeed: settings.Seed).MutualInformation(feature.Values, targetCodes.AsSpan(), LogBase.Bits).Value
            : Clustering.MutualInformation(featureCodes, targetCodes, LogBase.Bits);

    private static (int[] Codes, int Classes, string[] Labels) TargetClasses(TableColumn column, ReportSettings settings, List<string> warnings)
    {
        if (column.Kind == ColumnKind.Categorical)
        {
            return (column.Codes.ToArray(), column.CategoryCount, column.Categories.Select(c => c ?? "(missing)").ToArray());
        }

        int distinct = QuantileBins.DistinctCount(column.Values);
        int bins = distinct <= MaxClassesForNumericTarget ? distinct : settings.Bins;
        int[] codes = QuantileBins.Codes(column.Values, bins, out int classes);
        if (distinct > MaxClassesForNumericTarget)
        {
            warnings.Add($"The target '{column.Name}' is continuous ({distinct} distinct values); it is binned into {classes} quantile bins.");
        }

        string[] labels = Enumerable.Range(0, classes).Select(c => Label(column.Values, codes, c, distinct <= MaxClassesForNumericTarget)).ToArray();
        return (codes, classes, labels);
    }

    private static string Label(ReadOnlySpan<double> values, int[] codes, int code, bool exact)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (codes[i] == code)
            {
                low = Math.Min(low, values[i]);
                high = Math.Max(high, values[i]);
            }
        }

        return exact ? low.ToString(CultureInfo.InvariantCulture)
            : $"{low.ToString("G4", CultureInfo.InvariantCulture)}…{high.ToString("G4", CultureInfo.InvariantCulture)}";
    }

    private static int[] Discretise(TableColumn column, int bins, out int distinct, out int rawDistinct, out string method)
    {
        if (column.Kind == ColumnKind.Categorical)
        {
            distinct = column.CategoryCount;
            rawDistinct = distinct;
            method = "Miller–Madow on the categories";
            return column.Codes.ToArray();
        }

        rawDistinct = QuantileBins.DistinctCount(column.Values);
        int[] codes = QuantileBins.Codes(column.Values, bins, out distinct);
        method = rawDistinct <= bins ? "Miller–Madow on the values" : $"Miller–Madow on {distinct} quantile bins";
        return codes;
    }

    private static string Kind(TableColumn column) => column.Kind == ColumnKind.Numeric ? "numeric" : "categorical";

    private static long[] Counts(int[] codes, int distinct)
    {
        var counts = new long[distinct];
        foreach (int code in codes)
        {
            counts[code]++;
        }

        return counts;
    }
}
