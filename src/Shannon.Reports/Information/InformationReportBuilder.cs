using System.Globalization;
using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Estimators.Uncertainty;
using Shannon.Measures;
using Shannon.Selection;

namespace Shannon.Reports.Information;

/// <summary>
/// Computes an <see cref="InformationReport"/> from a table with the library's measures and estimators; this class
/// only chooses them, orders the results and words the warnings.
/// </summary>
internal static class InformationReportBuilder
{
    /// <summary>Features with at least this share of H(target) are flagged as possible leakage.</summary>
    public const double LeakageShare = 0.95;

    /// <summary>A numeric target with at most this many distinct values is treated as classes.</summary>
    public const int MaxClassesForNumericTarget = 20;

    /// <summary>At most this many features are picked by mRMR.</summary>
    public const int SelectedFeatures = 10;

    /// <summary>Builds the report of <paramref name="table"/> about <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">The target is not a column, or there is no feature besides it.</exception>
    public static InformationReport Build(ColumnTable table, string source, string target, ReportSettings settings, IProgress<ReportStep>? progress = null)
    {
        if (!table.Columns.Any(c => c.Name == target))
        {
            throw new ArgumentException($"The target column '{target}' is not in the data; its columns are {string.Join(", ", table.Columns.Select(c => c.Name))}.", nameof(target));
        }

        var warnings = new List<string>();
        int rows = table.RowCount;
        table = RowSample.Take(table, settings.MaxRows, settings.Seed);
        if (table.RowCount < rows)
        {
            warnings.Add($"The data has {rows.ToString("N0", CultureInfo.InvariantCulture)} rows; the estimates use a seeded uniform sample of {table.RowCount.ToString("N0", CultureInfo.InvariantCulture)} (--max-rows).");
        }

        var features = table.Columns.Where(c => c.Name != target).ToArray();
        if (features.Length == 0)
        {
            throw new ArgumentException("The data has no feature besides the target.", nameof(table));
        }

        var targetColumn = table[target];
        var (targetCodes, classes, targetLabels) = TargetClasses(targetColumn, settings, warnings);
        long[] classCounts = Counts(targetCodes, classes);
        double targetEntropy = Entropy.Of(Distributions.FromCounts(classCounts), LogBase.Bits);
        for (int c = 0; c < classes; c++)
        {
            if (classCounts[c] <= settings.K)
            {
                warnings.Add($"Class '{targetLabels[c]}' has {classCounts[c]} row(s), not more than k = {settings.K}: the k-NN estimate uses fewer neighbours there and is unreliable.");
            }
        }

        progress?.Report(new ReportStep("column entropies", 0.0));
        var codes = new int[features.Length][];
        var profiles = new ColumnProfile[features.Length];
        Parallel.For(0, features.Length, f => (codes[f], profiles[f]) = Profile(features[f], settings.Bins));
        foreach (var profile in profiles.Where(p => p.Distinct <= 1))
        {
            warnings.Add($"Column '{profile.Name}' is constant: it carries no information.");
        }

        var relevance = new FeatureRelevance[features.Length];
        int done = 0;
        Parallel.For(0, features.Length, f =>
        {
            relevance[f] = Relevance(features[f], codes[f], profiles[f].Distinct, targetCodes, settings);
            progress?.Report(new ReportStep($"I(feature; {target})", 0.1 + (0.7 * Interlocked.Increment(ref done) / features.Length)));
        });
        foreach (var feature in relevance.Where(r => targetEntropy > 0 && r.MutualInformation >= LeakageShare * targetEntropy))
        {
            warnings.Add($"Feature '{feature.Name}' has I = {feature.MutualInformation.ToString("F3", CultureInfo.InvariantCulture)} bits, at least {LeakageShare:P0} of H(target) = {targetEntropy.ToString("F3", CultureInfo.InvariantCulture)} bits: it nearly determines the target (leakage?).");
        }

        progress?.Report(new ReportStep("mRMR selection", 0.8));
        var informative = features.Where((_, f) => profiles[f].Distinct > 1).ToArray();
        SelectedFeature[] selection = informative.Length == 0 ? [] : Select(informative, targetCodes, settings);
        progress?.Report(new ReportStep("redundancy between features", 0.9));
        double[] redundancy = Redundancy(codes);
        progress?.Report(new ReportStep("done", 1.0));
        return new InformationReport(
            source,
            rows,
            target,
            [.. profiles, new ColumnProfile(target, Kind(targetColumn) + " (target)", classes, targetEntropy, "plug-in on the classes")],
            [.. relevance.OrderByDescending(r => r.MutualInformation)],
            selection,
            features.Select(f => f.Name).ToArray(),
            redundancy,
            Enumerable.Range(0, classes).Select(c => new ClassShare(targetLabels[c], classCounts[c])).ToArray(),
            targetEntropy,
            warnings,
            settings);
    }

    /// <summary>Equal-frequency bin codes (for NMI) and the column's entropy in bits.</summary>
    private static (int[] Codes, ColumnProfile Profile) Profile(TableColumn column, int bins)
    {
        if (column.Kind == ColumnKind.Categorical)
        {
            int[] categories = column.Codes.ToArray();
            double h = new MillerMadow().Entropy(Counts(categories, column.CategoryCount), LogBase.Bits).Value;
            return (categories, new ColumnProfile(column.Name, "categorical", column.Codes.ToArray().Distinct().Count(), h, "Miller–Madow on the categories"));
        }

        int distinct = new HashSet<double>(column.Values.ToArray()).Count;
        var codes = new int[column.Length];
        if (distinct <= 1)
        {
            return (codes, new ColumnProfile(column.Name, "numeric", distinct, 0.0, "constant"));
        }

        new Binning(BinRule.EqualFrequency, bins).Assign(column.Values, codes);
        var histogram = new Binning(BinRule.FreedmanDiaconis, Estimator: new MillerMadow());
        double entropy = histogram.Entropy(column.Values, LogBase.Bits).Value;
        return (codes, new ColumnProfile(column.Name, "numeric", distinct, entropy, "Miller–Madow on Freedman–Diaconis bins"));
    }

    /// <summary>
    /// I(feature; target) in bits — Ross's (2014) k-NN estimator for a numeric feature against the classes, the plug-in
    /// MI of the contingency table for a categorical one — with a bootstrap interval and a permutation p-value.
    /// </summary>
    private static FeatureRelevance Relevance(TableColumn feature, int[] featureCodes, int distinct, int[] targetCodes, ReportSettings settings)
    {
        int n = targetCodes.Length;
        if (distinct <= 1)
        {
            // A constant carries no information: I = 0 exactly, and no test can reject independence.
            return new FeatureRelevance(feature.Name, 0.0, 0.0, 0.0, 1.0);
        }

        Func<int[], int[], double> statistic;
        if (feature.Kind == ColumnKind.Numeric)
        {
            double[] x = feature.Values.ToArray();
            var ross = new Ross(settings.K, JitterSeed: settings.Seed);
            statistic = (xRows, yRows) => ross.MutualInformation(Gather(x, xRows), Gather(targetCodes, yRows).AsSpan(), LogBase.Bits).RawValue;
        }
        else
        {
            statistic = (xRows, yRows) => Clustering.MutualInformation(Gather(featureCodes, xRows), Gather(targetCodes, yRows), LogBase.Bits);
        }

        int[] identity = Enumerable.Range(0, n).ToArray();
        double raw = statistic(identity, identity);
        var estimate = new Estimate(Math.Max(0.0, raw), raw, LogBase.Bits, n);
        if (settings.Bootstrap >= 2)
        {
            // The distinct rows of each resample (≈ 63 % of n, without repeats): repeated rows would be neighbours at
            // distance 0 and bias the k-NN estimate upward, so the interval is taken over these subsamples.
            estimate = Resampling.Bootstrap(
                estimate,
                resample =>
                {
                    int[] distinctRows = resample.Distinct().Order().ToArray();
                    return Math.Max(0.0, statistic(distinctRows, distinctRows));
                },
                settings.Bootstrap,
                settings.Confidence,
                settings.Seed);
        }

        if (settings.Permutations >= 1)
        {
            estimate = Resampling.Permutation(estimate, order => statistic(identity, order), settings.Permutations, settings.Seed);
        }

        return new FeatureRelevance(
            feature.Name,
            estimate.Value,
            estimate.ConfidenceInterval?.Low ?? double.NaN,
            estimate.ConfidenceInterval?.High ?? double.NaN,
            estimate.PValue ?? double.NaN);
    }

    /// <summary>
    /// mRMR in its difference form (Peng, Long &amp; Ding 2005) over the non-constant features, with the library's
    /// forward selection and the report's k and seed; relevance, mean redundancy and score converted to bits.
    /// </summary>
    private static SelectedFeature[] Select(TableColumn[] features, int[] targetCodes, ReportSettings settings)
    {
        var columns = features
            .Select(f => f.Kind == ColumnKind.Numeric ? FeatureColumn.Continuous(f.Name, f.Values) : FeatureColumn.Discrete(f.Name, f.Codes))
            .ToArray();
        var options = new SelectionOptions { Neighbors = settings.K, JitterSeed = settings.Seed, Seed = settings.Seed };
        var ranking = ForwardSelection.Select(columns, FeatureColumn.Discrete("target", targetCodes), SelectionMethod.Mrmr, Math.Min(SelectedFeatures, columns.Length), options);
        return ranking.Features
            .Select(f =>
            {
                double relevance = f.Relevance ?? f.Score;
                return new SelectedFeature(f.Rank, f.Name, LogBase.Bits.FromNats(relevance), LogBase.Bits.FromNats(relevance - f.Score), LogBase.Bits.FromNats(f.Score));
            })
            .ToArray();
    }

    /// <summary>NMI (arithmetic mean normalisation) between every two features' codes, row-major.</summary>
    private static double[] Redundancy(int[][] codes)
    {
        int n = codes.Length;
        var redundancy = new double[n * n];
        Parallel.For(0, n, i =>
        {
            redundancy[(i * n) + i] = 1.0;
            for (int j = i + 1; j < n; j++)
            {
                double nmi = Clustering.NormalizedMutualInformation(codes[i], codes[j]);
                redundancy[(i * n) + j] = nmi;
                redundancy[(j * n) + i] = nmi;
            }
        });
        return redundancy;
    }

    private static (int[] Codes, int Classes, string[] Labels) TargetClasses(TableColumn column, ReportSettings settings, List<string> warnings)
    {
        if (column.Kind == ColumnKind.Categorical)
        {
            return (column.Codes.ToArray(), column.CategoryCount, column.Categories.Select(c => c ?? "(missing)").ToArray());
        }

        double[] values = column.Values.ToArray();
        double[] distinct = values.Distinct().Order().ToArray();
        if (distinct.Length <= MaxClassesForNumericTarget)
        {
            int[] exact = values.Select(v => Array.BinarySearch(distinct, v)).ToArray();
            return (exact, distinct.Length, distinct.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
        }

        var codes = new int[values.Length];
        int classes = new Binning(BinRule.EqualFrequency, settings.Bins).Assign(values, codes);
        warnings.Add($"The target '{column.Name}' is continuous ({distinct.Length} distinct values); it is binned into {classes} equal-frequency bins.");
        string[] labels = Enumerable.Range(0, classes).Select(c => Range(values, codes, c)).ToArray();
        return (codes, classes, labels);
    }

    private static string Range(double[] values, int[] codes, int code)
    {
        var members = values.Where((_, i) => codes[i] == code).ToArray();
        return members.Length == 0 ? "(empty)"
            : $"{members.Min().ToString("G4", CultureInfo.InvariantCulture)}…{members.Max().ToString("G4", CultureInfo.InvariantCulture)}";
    }

    private static string Kind(TableColumn column) => column.Kind == ColumnKind.Numeric ? "numeric" : "categorical";

    private static T[] Gather<T>(T[] source, int[] rows)
    {
        var gathered = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            gathered[i] = source[rows[i]];
        }

        return gathered;
    }

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
