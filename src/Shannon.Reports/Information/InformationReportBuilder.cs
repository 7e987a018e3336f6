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
    /// <summary>At most this many features are picked by mRMR.</summary>
    public const int SelectedFeatures = 10;

    /// <summary>mRMR chooses among at most this many of the best-ranked features.</summary>
    public const int SelectionCandidates = 30;

    /// <summary>The redundancy heatmap shows at most this many of the best-ranked features.</summary>
    public const int RedundancyFeatures = 30;

    /// <summary>Half-sampling intervals are computed for at most this many of the best-ranked features.</summary>
    public const int IntervalFeatures = 50;

    /// <summary>Builds the report of <paramref name="table"/> about <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">The target is not a column, or there is no feature besides it.</exception>
    /// <exception cref="InvalidDataException">Fewer rows with a target value than the estimators need, or a constant target.</exception>
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
        progress?.Report(new ReportStep($"I(feature; {target})", 0.0));
        var scores = FeatureScoring.Score(features, targetColumn, settings.Scoring, (done, total) =>
            progress?.Report(new ReportStep(done <= total ? $"I(feature; {target})" : "intervals and p-values", 0.8 * done / (2.0 * total))));
        int[] targetRows = Enumerable.Range(0, targetColumn.Length).Where(r => !targetColumn.IsMissing(r)).ToArray();
        var presentTarget = Subset(targetColumn, targetRows);
        var targetVariable = scores.Target;
        var (targetCodes, classes, targetLabels) = TargetClasses(presentTarget, targetVariable, settings, warnings);
        long[] classCounts = Counts(targetCodes, classes);
        double targetEntropy = scores.TargetEntropy;
        string unit = settings.Unit.Unit;
        if (scores.TargetMissing > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{scores.TargetMissing} row(s) have no value of the target '{target}': they are left out of every score."));
        }

        int[] small = Enumerable.Range(0, classes).Where(c => targetVariable.IsDiscrete && classCounts[c] > 0 && classCounts[c] <= settings.K).ToArray();
        if (small.Length > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{small.Length} class(es) have at most k = {settings.K} rows ({string.Join(", ", small.Take(5).Select(c => $"'{targetLabels[c]}' {classCounts[c]}"))}{(small.Length > 5 ? ", …" : string.Empty)}): the k-NN estimates use fewer neighbours there and are less reliable."));
        }

        Flagged(warnings, scores, FeatureScoring.Empty, "entirely empty: reported and left out");
        Flagged(warnings, scores, FeatureScoring.Constant, "constant or nearly so (one value in at least 99 % of rows): little or no information");
        Flagged(warnings, scores, FeatureScoring.IdLike, "id-like (a distinct value in nearly every row): never ranked as signal");
        Flagged(warnings, scores, FeatureScoring.TooFewRows, "scored on too few rows with the target: left out");
        foreach (var feature in scores.Features.Where(f => f.Flags.Contains(FeatureScoring.NotEstimable)))
        {
            warnings.Add($"Feature '{feature.Name}' could not be estimated ({feature.Note}).");
        }

        foreach (var feature in scores.Features.Where(f => f.MutualInformation is not null && f.Lower is null && f.Note is { } note && note.StartsWith("no interval", StringComparison.Ordinal)))
        {
            warnings.Add($"Feature '{feature.Name}': {feature.Note}.");
        }

        foreach (var feature in scores.Features.Where(f => f.MutualInformation is not null && f.TooSparse is not null))
        {
            warnings.Add($"Feature '{feature.Name}': {feature.TooSparse}.");
        }

        foreach (var feature in scores.Features.Where(f => f.Flags.Contains(FeatureScoring.Leakage)))
        {
            warnings.Add(FeatureScoring.LeakageWarning(feature, targetEntropy, unit));
        }

        progress?.Report(new ReportStep("column entropies", 0.8));
        var profiles = new ColumnProfile[features.Length];
        Parallel.For(0, features.Length, f => profiles[f] = Profile(features[f], settings));

        progress?.Report(new ReportStep("mRMR selection", 0.85));
        var ranked = scores.Features.Where(FeatureSelection.IsCandidate).ToArray();
        SelectedFeature[] selection = Select(table, scores, targetColumn, settings, warnings);
        progress?.Report(new ReportStep("redundancy between features", 0.9));
        string[] shown = ranked.Take(RedundancyFeatures).Select(f => f.Name).ToArray();
        double[] redundancy = Redundancy(shown.Select(name => Codes(table[name], settings)).ToArray());
        var relevance = scores.Features.Where(f => f.MutualInformation is not null).Select(f => new FeatureRelevance(
            f.Name, f.Kind, f.Estimator!, f.MutualInformation!.Value, f.Lower ?? double.NaN, f.Upper ?? double.NaN, f.PValue ?? double.NaN)
        {
            Adjusted = f.Adjusted!.Value,
            PlugIn = f.PlugIn,
            QValue = f.QValue ?? double.NaN,
            Flags = f.Flags,
            PMethod = f.PMethod,
            Permutations = f.Permutations,
            PValueIsBound = f.PValueIsBound,
        }).ToArray();
        var quality = scores.Features.Select(f => new ColumnQuality(f.Name, f.ReadAs, f.Kind, f.Missing, f.Distinct, f.Flags))
            .Append(new ColumnQuality(target, targetColumn.ReadAs, (targetVariable.IsContinuous ? "continuous" : "discrete") + " (target)", scores.TargetMissing, targetVariable.Categories, []))
            .ToArray();
        var histogramColumns = ranked.Take(FeatureHistogram.MaxFeatures).Select(f => table[f.Name]).ToArray();
        var histogramVariables = histogramColumns.Select(c => Data.Tables.PairwiseComplete.Variable(c, [.. Enumerable.Range(0, c.Length).Where(r => !c.IsMissing(r))])).ToArray();
        int[] rowCodes = Enumerable.Repeat(-1, targetColumn.Length).ToArray();
        for (int i = 0; i < targetRows.Length; i++)
        {
            rowCodes[targetRows[i]] = targetCodes[i];
        }

        var histograms = FeatureHistogram.Of(histogramColumns.Select(c => c.Name), histogramColumns, histogramVariables, rowCodes, targetLabels);
        var report = new InformationReport(
            source,
            rows,
            target,
            [.. profiles, new ColumnProfile(target, Kind(targetVariable) + " (target)", classCounts.Count(c => c > 0), targetEntropy, settings.Estimator.For(targetVariable).Name)],
            relevance,
            selection,
            shown,
            redundancy,
            Enumerable.Range(0, classes).Where(c => classCounts[c] > 0).Select(c => new ClassShare(targetLabels[c], classCounts[c])).ToArray(),
            targetEntropy,
            warnings,
            settings,
            histograms)
        {
            Quality = quality,
            RowsUsed = scores.TargetRows,
            TargetIsDiscrete = targetVariable.IsDiscrete,
            RowsDropped = table.Dropped.Dropped + scores.TargetMissing,
            DroppedReasons = DroppedReasons(table.Dropped, target, scores.TargetMissing),
            NotScored = scores.Features.Where(f => f.MutualInformation is null).Select(f => (f.Name, f.Note ?? string.Join(", ", f.Flags))).ToArray(),
        };
        progress?.Report(new ReportStep("done", 1.0));
        return report with { Insights = ReportInsights.Of(report, scores, table, settings) };
    }

    private static void Flagged(List<string> warnings, FeatureScores scores, string flag, string meaning)
    {
        var names = scores.Features.Where(f => f.Flags.Contains(flag)).Select(f => $"'{f.Name}'").ToArray();
        if (names.Length > 0)
        {
            warnings.Add($"{(names.Length == 1 ? "Column" : "Columns")} {string.Join(", ", names.Take(10))}{(names.Length > 10 ? $" and {names.Length - 10} more" : string.Empty)}: {meaning}.");
        }
    }

    private static IReadOnlyList<string> DroppedReasons(DroppedRows dropped, string target, int targetMissing)
    {
        var reasons = new List<string>();
        if (dropped.Dropped > 0)
        {
            reasons.Add(dropped.Describe());
        }

        if (targetMissing > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{targetMissing} row(s) without a value of the target '{target}' left out of every score"));
        }

        return reasons;
    }

    /// <summary>The column at <paramref name="rows"/>.</summary>
    internal static TableColumn Subset(TableColumn column, int[] rows)
    {
        if (column.Kind == ColumnKind.Categorical)
        {
            int[] codes = column.Codes.ToArray();
            return TableColumn.Categorical(column.Name, rows.Select(r => codes[r]).ToArray(), [.. column.Categories]);
        }

        double[] values = column.Values.ToArray();
        return TableColumn.Numeric(column.Name, rows.Select(r => values[r]).ToArray());
    }

    /// <summary>Codes for the redundancy heatmap: categories, or equal-frequency bins of a continuous column; −1 where the cell is missing.</summary>
    private static int[] Codes(TableColumn column, ReportSettings settings)
    {
        int[] present = Enumerable.Range(0, column.Length).Where(r => !column.IsMissing(r)).ToArray();
        var codes = Enumerable.Repeat(-1, column.Length).ToArray();
        var variable = Data.Tables.PairwiseComplete.Variable(column, present);
        var local = new int[present.Length];
        if (variable.IsContinuous)
        {
            new Binning(BinRule.EqualFrequency, settings.Bins).Assign(variable.Values, local);
        }
        else
        {
            variable.Codes.CopyTo(local);
        }

        for (int i = 0; i < present.Length; i++)
        {
            codes[present[i]] = local[i];
        }

        return codes;
    }

    /// <summary>The column's profile over its present cells: its entropy by the automatic estimator, the number <c>shannon entropy --samples</c> prints.</summary>
    private static ColumnProfile Profile(TableColumn column, ReportSettings settings)
    {
        int[] present = Enumerable.Range(0, column.Length).Where(r => !column.IsMissing(r)).ToArray();
        if (present.Length == 0)
        {
            return new ColumnProfile(column.Name, "empty", 0, double.NaN, "every cell missing");
        }

        var variable = Data.Tables.PairwiseComplete.Variable(column, present);
        int distinct = variable.Categories;
        if (distinct <= 1)
        {
            return new ColumnProfile(column.Name, Kind(variable), distinct, 0.0, "constant");
        }

        var estimator = settings.Estimator.For(variable);
        try
        {
            double entropy = estimator.Entropy(variable, settings.Unit).Value;
            return double.IsFinite(entropy)
                ? new ColumnProfile(column.Name, Kind(variable), distinct, entropy, estimator.Name)
                : new ColumnProfile(column.Name, Kind(variable), distinct, double.NaN, $"{estimator.Name}: not finite (tied values)");
        }
        catch (ArgumentException ex)
        {
            return new ColumnProfile(column.Name, Kind(variable), distinct, double.NaN, $"{estimator.Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// mRMR in its difference form (Peng, Long &amp; Ding 2005) over the best-ranked candidates, by the one greedy selection
    /// that <c>features --method mrmr</c> runs (<see cref="FeatureSelection"/>): chance-corrected relevance, id-like and
    /// constant columns left out.
    /// </summary>
    private static SelectedFeature[] Select(ColumnTable table, FeatureScores scores, TableColumn target, ReportSettings settings, List<string> warnings)
    {
        try
        {
            var selection = FeatureSelection.Select(table, scores, target, SelectionMethod.Mrmr, SelectedFeatures, SelectionCandidates, settings.Scoring);
            var unit = settings.Unit;
            return [.. selection.Ranking.Features.Select(f =>
            {
                double relevance = f.AdjustedRelevance ?? f.Score;
                return new SelectedFeature(f.Rank, f.Name, unit.FromNats(relevance), unit.FromNats(relevance - f.Score), unit.FromNats(f.Score));
            })];
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
        {
            warnings.Add($"mRMR is left out: {ex.Message}");
            return [];
        }
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
                double nmi = PairwiseNmi(codes[i], codes[j]);
                redundancy[(i * n) + j] = nmi;
                redundancy[(j * n) + i] = nmi;
            }
        });
        return redundancy;
    }

    /// <summary>NMI of two code columns over the rows where both have a code (−1 is missing); 0 with fewer than two such rows.</summary>
    private static double PairwiseNmi(int[] a, int[] b)
    {
        var rows = Enumerable.Range(0, a.Length).Where(r => a[r] >= 0 && b[r] >= 0).ToArray();
        if (rows.Length == a.Length)
        {
            return Clustering.NormalizedMutualInformation(a, b);
        }

        return rows.Length < 2 ? 0.0 : Clustering.NormalizedMutualInformation(rows.Select(r => a[r]).ToArray(), rows.Select(r => b[r]).ToArray());
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
