using System.Globalization;
using Shannon.Data.Tables;
using Shannon.Estimators;

namespace Shannon.Reports.Information;

/// <summary>
/// How one feature is distributed within each class of the target: the data behind one panel of the report's small
/// multiples. A continuous feature has equal-width bins and a density per class (rows of the class in the bin over the
/// class's rows and the bin's width, so each class's curve has area 1); a discrete feature has one bar group per
/// category and the share of the class's rows in it.
/// </summary>
/// <param name="Name">Feature name.</param>
/// <param name="Continuous">True for a histogram density over <paramref name="Edges"/>, false for category shares.</param>
/// <param name="Edges">Bin edges of a continuous feature (bins + 1, increasing); empty for a discrete one.</param>
/// <param name="Categories">Category labels of a discrete feature (the most frequent ones; the rest pooled as "other"); empty for a continuous one.</param>
/// <param name="Classes">Labels of the target classes drawn (the largest ones).</param>
/// <param name="Values">Per class (same order as <paramref name="Classes"/>) the density per bin or the share per category.</param>
internal sealed record FeatureHistogram(string Name, bool Continuous, double[] Edges, IReadOnlyList<string> Categories, IReadOnlyList<string> Classes, double[][] Values)
{
    /// <summary>Panels drawn for at most this many features (the top of the ranking).</summary>
    public const int MaxFeatures = 6;

    /// <summary>At most this many classes (the largest) are drawn in a panel.</summary>
    public const int MaxClasses = 6;

    /// <summary>At most this many categories of a discrete feature get their own bar; the rest are pooled.</summary>
    public const int MaxCategories = 10;

    /// <summary>Equal-width bins of a continuous feature.</summary>
    public const int Bins = 20;

    /// <summary>
    /// The panels of <paramref name="names"/> (in that order): each feature's class-conditional histogram against the
    /// target's class codes (categories, or equal-frequency bins of a continuous target). Missing (NaN) cells are skipped.
    /// </summary>
    public static FeatureHistogram[] Of(IEnumerable<string> names, IReadOnlyList<TableColumn> features, IReadOnlyList<Variable> variables, int[] targetCodes, IReadOnlyList<string> targetLabels)
    {
        var byName = features.Select((column, index) => (column, index)).ToDictionary(p => p.column.Name, p => p.index, StringComparer.Ordinal);
        long[] classCounts = new long[targetLabels.Count];
        foreach (int code in targetCodes)
        {
            if (code >= 0 && code < classCounts.Length)
            {
                classCounts[code]++;
            }
        }

        int[] classes = [.. Enumerable.Range(0, classCounts.Length).Where(c => classCounts[c] > 0).OrderByDescending(c => classCounts[c]).Take(MaxClasses).Order()];
        var panels = new List<FeatureHistogram>();
        foreach (string name in names)
        {
            if (panels.Count == MaxFeatures || !byName.TryGetValue(name, out int index))
            {
                continue;
            }

            var column = features[index];
            var panel = column.Kind == ColumnKind.Numeric && variables[index].IsContinuous
                ? Density(column, targetCodes, classes, targetLabels)
                : Shares(column, targetCodes, classes, targetLabels);
            if (panel is not null)
            {
                panels.Add(panel);
            }
        }

        return [.. panels];
    }

    private static FeatureHistogram? Density(TableColumn column, int[] targetCodes, int[] classes, IReadOnlyList<string> targetLabels)
    {
        var values = column.Values;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (double value in values)
        {
            if (double.IsFinite(value))
            {
                low = Math.Min(low, value);
                high = Math.Max(high, value);
            }
        }

        if (!(high > low))
        {
            return null;
        }

        double width = (high - low) / Bins;
        double[] edges = [.. Enumerable.Range(0, Bins + 1).Select(b => b == Bins ? high : low + (b * width))];
        var density = classes.Select(_ => new double[Bins]).ToArray();
        var rows = new long[classes.Length];
        int[] slot = Slots(classes, targetLabels.Count);
        for (int i = 0; i < values.Length; i++)
        {
            int c = targetCodes[i] >= 0 && targetCodes[i] < slot.Length ? slot[targetCodes[i]] : -1;
            if (c < 0 || !double.IsFinite(values[i]))
            {
                continue;
            }

            int bin = Math.Min(Bins - 1, (int)((values[i] - low) / width));
            density[c][bin]++;
            rows[c]++;
        }

        for (int c = 0; c < classes.Length; c++)
        {
            for (int b = 0; b < Bins && rows[c] > 0; b++)
            {
                density[c][b] /= rows[c] * width;
            }
        }

        return new FeatureHistogram(column.Name, true, edges, [], [.. classes.Select(c => targetLabels[c])], density);
    }

    private static FeatureHistogram? Shares(TableColumn column, int[] targetCodes, int[] classes, IReadOnlyList<string> targetLabels)
    {
        // Category labels per row: the text of a categorical column, the number of a discrete numeric one.
        string?[] labels = new string?[column.Length];
        if (column.Kind == ColumnKind.Categorical)
        {
            var codes = column.Codes;
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = codes[i] >= 0 ? column.Categories[codes[i]] : null;
            }
        }
        else
        {
            var values = column.Values;
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = double.IsFinite(values[i]) ? values[i].ToString("G6", CultureInfo.InvariantCulture) : null;
            }
        }

        var frequency = labels.OfType<string>().CountBy(label => label, StringComparer.Ordinal).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray();
        if (frequency.Length < 2)
        {
            return null;
        }

        bool pooled = frequency.Length > MaxCategories;
        string[] kept = [.. frequency.Take(pooled ? MaxCategories - 1 : MaxCategories).Select(p => p.Key)];
        var position = kept.Select((label, b) => (label, b)).ToDictionary(p => p.label, p => p.b, StringComparer.Ordinal);
        int bars = kept.Length + (pooled ? 1 : 0);
        var shares = classes.Select(_ => new double[bars]).ToArray();
        var rows = new long[classes.Length];
        int[] slot = Slots(classes, targetLabels.Count);
        for (int i = 0; i < labels.Length; i++)
        {
            int c = targetCodes[i] >= 0 && targetCodes[i] < slot.Length ? slot[targetCodes[i]] : -1;
            if (c < 0 || labels[i] is not { } label)
            {
                continue;
            }

            shares[c][position.TryGetValue(label, out int b) ? b : bars - 1]++;
            rows[c]++;
        }

        for (int c = 0; c < classes.Length; c++)
        {
            for (int b = 0; b < bars && rows[c] > 0; b++)
            {
                shares[c][b] /= rows[c];
            }
        }

        return new FeatureHistogram(column.Name, false, [], pooled ? [.. kept, "other"] : kept, [.. classes.Select(c => targetLabels[c])], shares);
    }

    /// <summary>For each class code, its position among the drawn classes, or −1.</summary>
    private static int[] Slots(int[] classes, int codes)
    {
        int[] slot = Enumerable.Repeat(-1, codes).ToArray();
        for (int c = 0; c < classes.Length; c++)
        {
            slot[classes[c]] = c;
        }

        return slot;
    }
}
