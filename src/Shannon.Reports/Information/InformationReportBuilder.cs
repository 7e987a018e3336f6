using System.Globalization;
using Shannon.Data.Tables;
using Shannon.Estimators;
using Shannon.Estimators.Continuous;
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
        var targetVariable = targetColumn.ToVariable();
        var (targetCodes, classes, targetLabels) = TargetClasses(targetColumn, targetVariable, settings, warnings);
        long[] classCounts = Counts(targetCodes, classes);
        double targetEntropy = settings.Estimator.Entropy(targetVariable, settings.Unit).Value;
        string unit = settings.Unit.Unit;
        for (int c = 0; c < classes && targetVariable.IsDiscrete; c++)
        {
            if (classCounts[c] <= settings.K)
            {
                warnings.Add($"Class '{targetLabels[c]}' has {classCounts[c]} row(s), not more than k = {settings.K}: the k-NN estimate uses fewer neighbours there and is unreliable.");
            }
        }

        progress?.Report(new ReportStep("column entropies", 0.0));
        var codes = new int[features.Length][];
        var profiles = new ColumnProfile[features.Length];
        var variables = new Variable[features.Length];
        Parallel.For(0, features.Length, f =>
        {
            variables[f] = features[f].ToVariable();
            (codes[f], profiles[f]) = Profile(features[f], variables[f], settings);
        });
        foreach (var profile in profiles.Where(p => p.Distinct <= 1))
        {
            warnings.Add($"Column '{profile.Name}' is constant: it carries no information.");
        }

        var relevance = new FeatureRelevance[features.Length];
        int done = 0;
        Parallel.For(0, features.Length, f =>
        {
            relevance[f] = Relevance(variables[f], profiles[f].Distinct, targetVariable, settings);
            progress?.Report(new ReportStep($"I(feature; {target})", 0.1 + (0.7 * Interlocked.Increment(ref done) / features.Length)));
        });
        foreach (var feature in relevance.Where(r => targetEntropy > 0 && r.MutualInformation >= LeakageShare * targetEntropy))
        {
            warnings.Add($"Feature '{feature.Name}' has I = {feature.MutualInformation.ToString("F3", CultureInfo.InvariantCulture)} {unit}, at least {LeakageShare:P0} of H(target) = {targetEntropy.ToString("F3", CultureInfo.InvariantCulture)} {unit}: it nearly determines the target (leakage?).");
        }

        progress?.Report(new ReportStep("mRMR selection", 0.8));
        var informative = variables.Where((_, f) => profiles[f].Distinct > 1).ToArray();
        SelectedFeature[] selection = informative.Length == 0 ? [] : Select(informative, targetVariable, settings);
        progress?.Report(new ReportStep("redundancy between features", 0.9));
        double[] redundancy = Redundancy(codes);
        var histograms = FeatureHistogram.Of(relevance.OrderByDescending(r => r.MutualInformation).Select(r => r.Name), features, variables, targetCodes, targetLabels);
        progress?.Report(new ReportStep("done", 1.0));
        return new InformationReport(
            source,
            rows,
            target,
            [.. profiles, new ColumnProfile(target, Kind(targetVariable) + " (target)", classCounts.Count(c => c > 0), targetEntropy, settings.Estimator.For(targetVariable).Name)],
            [.. relevance.OrderByDescending(r => r.MutualInformation)],
            selection,
            features.Select(f => f.Name).ToArray(),
            redundancy,
            Enumerable.Range(0, classes).Select(c => new ClassShare(targetLabels[c], classCounts[c])).ToArray(),
            targetEntropy,
            warnings,
            settings,
            histograms);
    }

    /// <summary>
    /// Codes for the redundancy heatmap (categories, or equal-frequency bins of a continuous column) and the column's
    /// profile: its entropy by the automatic estimator, the number <c>shannon entropy --samples</c> prints.
    /// </summary>
    private static (int[] Codes, ColumnProfile Profile) Profile(TableColumn column, Variable variable, ReportSettings settings)
    {
        int distinct = variable.Categories;
        var codes = new int[column.Length];
        if (variable.IsContinuous)
        {
            new Binning(BinRule.EqualFrequency, settings.Bins).Assign(variable.Values, codes);
        }
        else
        {
            variable.Codes.CopyTo(codes);
        }

        if (distinct <= 1)
        {
            return (codes, new ColumnProfile(column.Name, Kind(variable), distinct, 0.0, "constant"));
        }

        var estimator = settings.Estimator.For(variable);
        try
        {
            double entropy = estimator.Entropy(variable, settings.Unit).Value;
            return double.IsFinite(entropy)
                ? (codes, new ColumnProfile(column.Name, Kind(variable), distinct, entropy, estimator.Name))
                : (codes, new ColumnProfile(column.Name, Kind(variable), distinct, double.NaN, $"{estimator.Name}: not finite (tied values)"));
        }
        catch (ArgumentException ex)
        {
            return (codes, new ColumnProfile(column.Name, Kind(variable), distinct, double.NaN, $"{estimator.Name}: {ex.Message}"));
        }
    }

    /// <summary>
    /// I(feature; target) by the automatic rule with the one uncertainty policy — the estimate, interval and p-value
    /// <c>shannon mi DATA --x feature --y target --ci … --permutations …</c> prints for the pair.
    /// </summary>
    private static FeatureRelevance Relevance(Variable feature, int distinct, Variable target, ReportSettings settings)
    {
        var estimator = settings.Estimator.For(feature, target);
        if (distinct <= 1)
        {
            // A constant carries no information: I = 0 exactly, and no test can reject independence.
            return new FeatureRelevance(feature.Name, Kind(feature), estimator.Name, 0.0, 0.0, 0.0, 1.0);
        }

        var estimate = WithUncertainty.MutualInformation(estimator, feature, target, settings.Uncertainty, settings.Unit);
        return new FeatureRelevance(
            feature.Name,
            Kind(feature),
            estimator.Name,
            estimate.Value,
            estimate.ConfidenceInterval?.Low ?? double.NaN,
            estimate.ConfidenceInterval?.High ?? double.NaN,
            estimate.PValue ?? double.NaN);
    }

    /// <summary>
    /// mRMR in its difference form (Peng, Long &amp; Ding 2005) over the non-constant features, with the library's
    /// forward selection and the report's estimator; relevance, mean redundancy and score in the report's unit.
    /// </summary>
    private static SelectedFeature[] Select(Variable[] features, Variable target, ReportSettings settings)
    {
        var options = new SelectionOptions { Estimator = settings.Estimator };
        var ranking = ForwardSelection.Select(features, target, SelectionMethod.Mrmr, Math.Min(SelectedFeatures, features.Length), options);
        var unit = settings.Unit;
        return ranking.Features
            .Select(f =>
            {
                double relevance = f.Relevance ?? f.Score;
                return new SelectedFeature(f.Rank, f.Name, unit.FromNats(relevance), unit.FromNats(relevance - f.Score), unit.FromNats(f.Score));
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

    /// <summary>The target's classes for the class-balance view: its categories, or equal-frequency bins of a continuous target.</summary>
    private static (int[] Codes, int Classes, string[] Labels) TargetClasses(TableColumn column, Variable variable, ReportSettings settings, List<string> warnings)
    {
        if (column.Kind == ColumnKind.Categorical)
        {
            return (column.Codes.ToArray(), column.CategoryCount, column.Categories.Select(c => c ?? "(missing)").ToArray());
        }

        double[] values = column.Values.ToArray();
        if (variable.IsDiscrete)
        {
            double[] distinct = values.Distinct().Order().ToArray();
            int[] exact = values.Select(v => Array.BinarySearch(distinct, v)).ToArray();
            return (exact, distinct.Length, distinct.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
        }

        var codes = new int[values.Length];
        int classes = new Binning(BinRule.EqualFrequency, settings.Bins).Assign(values, codes);
        warnings.Add($"The target '{column.Name}' is continuous ({variable.Categories} distinct values): I(feature; target) is estimated as regression (KSG, Ross), and the class view below shows {classes} equal-frequency bins.");
        string[] labels = Enumerable.Range(0, classes).Select(c => Range(values, codes, c)).ToArray();
        return (codes, classes, labels);
    }

    private static string Range(double[] values, int[] codes, int code)
    {
        var members = values.Where((_, i) => codes[i] == code).ToArray();
        return members.Length == 0 ? "(empty)"
            : $"{members.Min().ToString("G4", CultureInfo.InvariantCulture)}…{members.Max().ToString("G4", CultureInfo.InvariantCulture)}";
    }

    private static string Kind(Variable variable) => variable.IsContinuous ? "continuous" : "discrete";

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
